"""AS-02 median assessment duration: working days from start to authorisation."""

import datetime as dt

from lineofsight.indicators.definitions.assessments_median_working_days import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}],
    assessment=[
        # Authorised the day it started: 0 working days.
        {
            "key": "A1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 6, 6),
            "authorised_on": dt.date(2016, 6, 6),
        },
        # Friday 26 August to Tuesday 30 August 2016, over the bank holiday: 1 working day.
        {
            "key": "A2",
            "referral_id": "R1",
            "started_on": dt.date(2016, 8, 26),
            "authorised_on": dt.date(2016, 8, 30),
        },
        # Monday 6 June to Monday 20 June: 10 working days.
        {
            "key": "A3",
            "referral_id": "R1",
            "started_on": dt.date(2016, 6, 6),
            "authorised_on": dt.date(2016, 6, 20),
        },
        # Not authorised: no duration yet, not counted.
        {"key": "A4", "referral_id": "R1", "started_on": dt.date(2016, 9, 1)},
    ],
)


def test_each_completed_assessment_has_its_working_days():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "measure", "denominator").rows() == [
        ("A1", 0.0, 1.0),
        ("A2", 1.0, 1.0),
        ("A3", 10.0, 1.0),
    ]


def test_value_is_the_median():
    # The numerator of a median is the sum of the measures, the denominator their count.
    assert value_of(DEFINITION, FRAMES, "2016-17") == (11.0, 3.0, 1.0)
