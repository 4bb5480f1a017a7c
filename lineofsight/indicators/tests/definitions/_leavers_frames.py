"""Care leavers for the care-leaver tests: young people looked after from 15 to 18."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

import polars as pl

from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.frames import build


def left_care_at_18(child: str, born: dt.date) -> dict[str, Any]:
    """Looked after from 15 to the 18th birthday (foster care, to independent living): a care
    leaver, whatever else the cohort rules say."""
    return episode(
        child,
        born.replace(year=born.year + 15),
        born.replace(year=born.year + 18),
        key=f"E-{child}",
        ceased="E17",
    )


def turning_19(people: Mapping[str, tuple[str, str]]) -> dict[str, pl.DataFrame]:
    """Care leavers turning 19 on the first of successive months of 2016-17 from April (born
    in 1997), in the order given, each with one care-leaver record dated on the birthday:
    `people` maps each to their (in touch, activity)."""
    born = {child: dt.date(1997, month, 1) for month, child in enumerate(people, start=4)}
    return build(
        child=[{"child_id": child, "born_on": day} for child, day in born.items()],
        cla_episode=[left_care_at_18(child, day) for child, day in born.items()],
        care_leaver_status=[
            {
                "key": f"S-{child}",
                "child_id": child,
                "as_of": born[child].replace(year=2016),
                "eligibility": "former_relevant",
                "in_touch": in_touch,
                "activity": activity,
                "accommodation": "0" if activity == "0" else "U",
            }
            for child, (in_touch, activity) in people.items()
        ],
    )
