"""CLA-09 children in foster care (U1-U6) on the end date."""

from lineofsight.indicators.definitions.cla_foster_care_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import PLACEMENTS
from lineofsight.indicators.tests.frames import counted_rows, value_of

# One child per kind of placement on 31 March 2017: in foster care are C1, with a relative or
# friend (U1), and C2, who moved there (U6) from a children's home in October.
FRAMES = PLACEMENTS


def test_children_placed_so_on_the_end_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.height == 8  # every child looked after is in the base
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C1", "C2"]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 8.0, 25.0)


def test_before_its_move_c2_was_not_in_foster_care():
    rows = counted_rows(DEFINITION, FRAMES, "2016-09")
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C1"]
