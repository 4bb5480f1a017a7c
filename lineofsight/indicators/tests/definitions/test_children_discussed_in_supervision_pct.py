"""LOCAL-SUPERVISION-CASES children discussed in supervision in the 12 weeks to the period's
end, of those whose case had been open for all of them."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.children_discussed_in_supervision_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

OPENED = dt.date(2016, 1, 4)
# 31 March 2017 less 12 weeks is 6 January 2017: the window runs from 7 January.
FRAMES = build(
    referral=[{"key": f"R{n}", "child_id": f"C{n}", "referred_on": OPENED} for n in (1, 2, 3, 7)]
    + [
        # C4's case opened on 1 February: too recent to be in the base.
        {"key": "R4", "child_id": "C4", "referred_on": dt.date(2017, 2, 1)},
        # C5's referral closed the day they became looked after: one unbroken case.
        {"key": "R5", "child_id": "C5", "referred_on": OPENED, "closed_on": dt.date(2016, 12, 1)},
        # C6's referral closed in December and a new one opened on 20 January: a break, so
        # the case has not been open for the 12 weeks.
        {"key": "R6a", "child_id": "C6", "referred_on": OPENED, "closed_on": dt.date(2016, 12, 1)},
        {"key": "R6b", "child_id": "C6", "referred_on": dt.date(2017, 1, 20)},
    ],
    cla_episode=[{"key": "E5", "child_id": "C5", "started_on": dt.date(2016, 12, 1)}],
    supervision=[
        {"key": "S1", "worker_id": "W1", "held_on": dt.date(2017, 3, 31)},  # last day: in
        {"key": "S2", "worker_id": "W1", "held_on": dt.date(2017, 1, 6)},  # 12 weeks back: out
        {"key": "S3", "worker_id": "W1", "held_on": dt.date(2017, 1, 7)},  # first day: in
        {"key": "S4", "worker_id": "W1", "held_on": dt.date(2017, 4, 1)},  # after: out
    ],
    supervision_discussion=[
        {"supervision_id": "S1", "child_id": "C1"},
        {"supervision_id": "S2", "child_id": "C2"},
        {"supervision_id": "S3", "child_id": "C3"},
        {"supervision_id": "S3", "child_id": "C4"},
        {"supervision_id": "S3", "child_id": "C6"},
        {"supervision_id": "S4", "child_id": "C7"},
        # C1 again: still one child.
        {"supervision_id": "S3", "child_id": "C1"},
    ],
)


def test_children_open_for_the_12_weeks_by_whether_discussed():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["C1", "C2", "C3", "C5", "C7"],
            "numerator": [1.0, 0.0, 1.0, 0.0, 0.0],
            "denominator": [1.0] * 5,
            "on": [dt.date(2017, 3, 31)] * 5,
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_discussed():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)


def test_the_window_moves_with_the_period():
    # At 30 April 2017 the window runs from 6 February: S1 (31 March) and S4 (1 April) are in
    # it, S3 (7 January) is not; C4's case (opened 1 February) and C6's new one (20 January)
    # have now been open 12 weeks.
    rows = counted_rows(DEFINITION, FRAMES, "2017-04")
    assert rows.select("item", "numerator").rows() == [
        ("C1", 1.0),
        ("C2", 0.0),
        ("C3", 0.0),
        ("C4", 0.0),
        ("C5", 0.0),
        ("C6", 0.0),
        ("C7", 1.0),
    ]
