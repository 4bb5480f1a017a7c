"""CLA-11 reviews of children aged 4 or over in which the child took part (PN1-PN6)."""

import datetime as dt

from lineofsight.indicators.definitions.cla_review_participation_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

D = dt.date
FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": D(2006, 1, 1)},  # aged 10
        {"child_id": "C2", "born_on": D(2013, 1, 1)},  # aged 3
        {"child_id": "C3", "born_on": D(2012, 6, 1)},  # 4 on 1 June 2016
        {"child_id": "C4", "born_on": None},  # age unknown
    ],
    cla_review=[
        {"key": "R1", "child_id": "C1", "held_on": D(2016, 5, 1), "participation": "PN1"},
        # Did not attend and views not conveyed: in the base, not participation.
        {"key": "R2", "child_id": "C1", "held_on": D(2016, 11, 1), "participation": "PN7"},
        # Under 4: not in the base.
        {"key": "R3", "child_id": "C2", "held_on": D(2016, 5, 1), "participation": "PN0"},
        # Fourth birthday on the review date: aged 4, attends without contributing (PN4).
        {"key": "R4", "child_id": "C3", "held_on": D(2016, 6, 1), "participation": "PN4"},
        # No date of birth: PN0 says under 4 (out), PN5 a child who briefed an advocate.
        {"key": "R5", "child_id": "C4", "held_on": D(2016, 5, 1), "participation": "PN0"},
        {"key": "R6", "child_id": "C4", "held_on": D(2016, 11, 1), "participation": "PN5"},
        # Held the day before the year: out.
        {"key": "R7", "child_id": "C1", "held_on": D(2016, 3, 31), "participation": "PN1"},
    ],
)


def test_each_review_of_a_child_aged_4_or_over_is_counted():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("R1", 1.0, 1.0),
        ("R2", 0.0, 1.0),
        ("R4", 1.0, 1.0),
        ("R6", 1.0, 1.0),
    ]


def test_value_is_the_share_of_reviews():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 4.0, 75.0)
