"""CLA-09 children placed with parents (P1) on the end date."""

from lineofsight.indicators.definitions.cla_placed_with_parents_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import PLACEMENTS
from lineofsight.indicators.tests.frames import counted_rows, value_of

# One child per kind of placement on 31 March 2017: C6 is placed with parents (P1).
FRAMES = PLACEMENTS


def test_children_placed_so_on_the_end_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.height == 8  # every child looked after is in the base
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C6"]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 8.0, 12.5)
