"""CLA-09 children in children's homes or secure children's homes (K1, K2)."""

import datetime as dt

from lineofsight.indicators.definitions.cla_childrens_homes_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(child, start, end=None, *, place, reason="S", status="C2"):
    return {
        "child_id": child,
        "started_on": start,
        "ended_on": end,
        "reason_new": reason,
        "legal_status": status,
        "placement_type": place,
    }


D = dt.date
# One child per kind of placement on 31 March 2017.
FRAMES = build(
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


def test_children_placed_so_on_the_end_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.height == 8  # every child looked after is in the base
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C3", "C4"]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 8.0, 25.0)


def test_before_its_move_c2_was_in_a_childrens_home():
    rows = counted_rows(DEFINITION, FRAMES, "2016-09")
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C2", "C3", "C4"]
