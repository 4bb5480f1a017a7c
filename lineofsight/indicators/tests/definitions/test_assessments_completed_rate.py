"""AS-02 assessments completed per 10,000: every assessment authorised in the period."""

import datetime as dt

from lineofsight.indicators.definitions.assessments_completed_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    assessment=[
        # Authorised on the year's first day, by W1 (in team AST that day).
        {
            "key": "A1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 3, 1),
            "authorised_on": dt.date(2016, 4, 1),
            "assessed_by_id": "W1",
        },
        # A second assessment of the same referral: each counts. W2 left AST that day, and
        # is still AST's on their last day.
        {
            "assessed_by_id": "W2",
            "key": "A2",
            "referral_id": "R1",
            "started_on": dt.date(2017, 1, 1),
            "authorised_on": dt.date(2017, 3, 31),
        },
        # Not authorised: not completed.
        {"key": "A3", "referral_id": "R2", "started_on": dt.date(2016, 6, 1)},
        # Authorised before the year: out.
        {
            "key": "A4",
            "referral_id": "R2",
            "started_on": dt.date(2016, 2, 1),
            "authorised_on": dt.date(2016, 3, 31),
        },
    ],
    team_membership=[
        # W1 moved from AST to FST on 1 April 2016: the assessment goes to FST.
        {
            "worker_id": "W1",
            "team_id": "AST",
            "started_on": dt.date(2015, 1, 1),
            "ended_on": dt.date(2016, 3, 31),
        },
        {"worker_id": "W1", "team_id": "FST", "started_on": dt.date(2016, 4, 1)},
        {
            "worker_id": "W2",
            "team_id": "AST",
            "started_on": dt.date(2015, 1, 1),
            "ended_on": dt.date(2017, 3, 31),
        },
    ],
)


def test_each_assessment_authorised_in_the_period_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "on").rows() == [
        ("A1", "C1", dt.date(2016, 4, 1)),
        ("A2", "C1", dt.date(2017, 3, 31)),
    ]


def test_assessment_goes_to_its_assessor_and_their_team_that_day():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("worker_id", "team_id").rows() == [("W1", "FST"), ("W2", "AST")]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (2.0, 2.0, 1.0)
