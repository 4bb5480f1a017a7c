"""LOCAL-AUDIT case audits in the period graded good or outstanding, moderated grade first."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.case_audits_good_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    case_audit=[
        # A1: good, not moderated: counts.
        {"key": "A1", "child_id": "C1", "audited_on": dt.date(2016, 4, 1), "grade": "good"},
        # A2: requires improvement, moderated up to good: counts.
        {
            "key": "A2",
            "child_id": "C2",
            "audited_on": dt.date(2016, 7, 1),
            "grade": "requires_improvement",
            "moderated_grade": "good",
        },
        # A3: outstanding, moderated down to requires improvement: does not.
        {
            "key": "A3",
            "child_id": "C3",
            "audited_on": dt.date(2016, 8, 1),
            "grade": "outstanding",
            "moderated_grade": "requires_improvement",
        },
        # A4: inadequate, on the last day: in the base.
        {"key": "A4", "child_id": "C4", "audited_on": dt.date(2017, 3, 31), "grade": "inadequate"},
        # A5: after the period.
        {"key": "A5", "child_id": "C5", "audited_on": dt.date(2017, 4, 1), "grade": "good"},
    ],
    allocation=[
        # The audit goes to the worker holding the child's case, not the auditor.
        {
            "child_id": "C1",
            "worker_id": "W1",
            "team_id": "CIC1",
            "role": "social_worker",
            "started_on": dt.date(2016, 1, 4),
        }
    ],
)


def test_audits_in_the_period_by_grade():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["A1", "A2", "A3", "A4"],
            "numerator": [1.0, 1.0, 0.0, 0.0],
            "denominator": [1.0] * 4,
            "worker_id": ["W1", None, None, None],
        },
        schema_overrides={"worker_id": pl.String},
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "worker_id"), expected)


def test_value_is_the_good_or_better_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
