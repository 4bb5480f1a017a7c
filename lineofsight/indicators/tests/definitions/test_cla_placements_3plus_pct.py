"""CLA-05 children looked after on 31 March with 3 or more placements in the year."""

import datetime as dt
from functools import partial

import pytest

from lineofsight.indicators.definitions.cla_placements_3plus_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# The episodes here are new placements (P) unless they say otherwise.
episode = partial(cla_episode, reason="P")

D = dt.date
FRAMES = build(
    cla_episode=[
        # C1: a placement open on 1 April (ending that day), two more: 3 placements.
        episode("C1", D(2015, 6, 1), D(2016, 4, 1), reason="S"),
        episode("C1", D(2016, 4, 1), D(2016, 9, 1)),
        episode("C1", D(2016, 9, 1)),
        # C2: the first placement ended on 31 March 2016, before the year: 2 placements.
        episode("C2", D(2015, 6, 1), D(2016, 3, 31), reason="S"),
        episode("C2", D(2016, 3, 31), D(2016, 10, 1)),
        episode("C2", D(2016, 10, 1)),
        # C3: the middle placement began and ended on the same day (under 24 hours): 2.
        episode("C3", D(2016, 5, 1), D(2016, 6, 1), reason="S"),
        episode("C3", D(2016, 6, 1), D(2016, 6, 1)),
        episode("C3", D(2016, 6, 1)),
        # C4: placed for adoption with the current foster carer (A3) is not a move: 2.
        episode("C4", D(2016, 4, 10), D(2016, 5, 1), reason="S"),
        episode("C4", D(2016, 5, 1), D(2016, 8, 1)),
        episode("C4", D(2016, 8, 1), reason="T", place="A3", status="E1"),
        # C5: one placement in an earlier period of care this year, two in this one: 3.
        episode("C5", D(2016, 4, 10), D(2016, 5, 10), reason="S"),
        episode("C5", D(2016, 7, 1), D(2016, 9, 1), reason="S"),
        episode("C5", D(2016, 9, 1)),
        # C6: changes of legal status only (L) keep the placement: 1.
        episode("C6", D(2016, 5, 1), D(2016, 6, 1), reason="S", status="L1"),
        episode("C6", D(2016, 6, 1), D(2016, 7, 1), reason="L", status="C1"),
        episode("C6", D(2016, 7, 1), reason="L"),
        # C7: short breaks only: not in the base.
        episode("C7", D(2016, 5, 1), D(2016, 5, 3), reason="S", status="V3"),
        episode("C7", D(2016, 6, 1), D(2016, 6, 3), reason="S", status="V3"),
        episode("C7", D(2016, 7, 1), reason="S", status="V3"),
    ]
)


def test_placements_in_the_year_are_counted_by_the_stability_rules():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C5", 1.0, 1.0),
        ("C6", 0.0, 1.0),
    ]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 6.0, pytest.approx(100 / 3))


def test_a_quarter_counts_only_the_placements_open_in_it():
    # On 30 June 2016 C1 had had 2 placements since 1 April (its third began in September);
    # C5 was between periods of care, so not in the base.
    rows = counted_rows(DEFINITION, FRAMES, "2016-17 Q1")
    assert rows.select("item", "numerator").rows() == [
        ("C1", 0.0),
        ("C2", 0.0),
        ("C3", 0.0),
        ("C4", 0.0),
        ("C6", 0.0),
    ]
