"""CLA-09 children in children's homes or secure children's homes (K1, K2)."""

from lineofsight.indicators.definitions.cla_childrens_homes_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import PLACEMENTS
from lineofsight.indicators.tests.frames import counted_rows, value_of

# One child per kind of placement on 31 March 2017: C3 is in a children's home (K2) and C4 in a
# secure children's home (K1); C2 was in a children's home until October.
FRAMES = PLACEMENTS


def test_children_placed_so_on_the_end_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.height == 8  # every child looked after is in the base
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C3", "C4"]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 8.0, 25.0)


def test_before_its_move_c2_was_in_a_childrens_home():
    rows = counted_rows(DEFINITION, FRAMES, "2016-09")
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C2", "C3", "C4"]
