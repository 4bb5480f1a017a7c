"""SSDA903 episodes for the tests that read care histories (looked after, adoption, care
leavers), and the children placed one of each kind that the placement-type shares count."""

import datetime as dt
from typing import Any

from lineofsight.indicators.tests.frames import build


def episode(
    child: str,
    start: dt.date,
    end: dt.date | None = None,
    *,
    reason: str = "S",
    place: str = "U6",
    status: str = "C2",
    ceased: str | None = None,
    **more: Any,
) -> dict[str, Any]:
    """An episode of `child` from `start` to `end` (open without one): unless it says
    otherwise, a new period of care (reason S) in foster care (U6) under a care order (C2)."""
    return {
        "child_id": child,
        "started_on": start,
        "ended_on": end,
        "reason_new": reason,
        "legal_status": status,
        "placement_type": place,
        "reason_ceased": ceased,
        **more,
    }


def ending(
    key: str, child: str, started: dt.date, ended: dt.date, why: str, **more: Any
) -> dict[str, Any]:
    """An episode `key` of `child` from `started` to `ended`, ceasing for reason `why`."""
    return episode(child, started, ended, key=key, ceased=why, **more)


D = dt.date
# One child per kind of placement on 31 March 2017.
PLACEMENTS = build(
    cla_episode=[
        episode("C1", D(2016, 6, 1), place="U1"),  # foster, with a relative or friend
        # C2 moved from a children's home to foster care: the placement on 31 March counts.
        episode("C2", D(2016, 6, 1), D(2016, 10, 1), place="K2"),
        episode("C2", D(2016, 10, 1), place="U6", reason="P"),
        episode("C3", D(2016, 6, 1), place="K2"),  # children's home
        episode("C4", D(2016, 6, 1), place="K1"),  # secure children's home
        episode("C5", D(2016, 6, 1), place="R1"),  # residential care home: other residential
        episode("C6", D(2016, 6, 1), place="P1"),  # placed with parents
        episode("C7", D(2016, 6, 1), place="A4"),  # placed for adoption
        episode("C8", D(2016, 6, 1), place="H5"),  # semi-independent living
        # C9 has short breaks in foster care and a children's home: not in the base.
        episode("C9", D(2016, 6, 1), D(2016, 6, 3), place="U6", status="V3"),
        episode("C9", D(2017, 3, 30), place="K2", status="V3"),
    ]
)
