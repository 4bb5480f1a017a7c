"""AS-01 assessments within 45 working days: T-04b obligations met (authorised) in the period,
timed from the assessment's own start."""

import datetime as dt

from lineofsight.indicators.definitions.assessments_45wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRAMES = engine_frames(
    referral=[
        # Referred long before the assessment: the clock still starts at the assessment.
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 1, 4)},
        {"key": "R2", "child_id": "C2", "referred_on": dt.date(2016, 6, 1)},
        {"key": "R3", "child_id": "C3", "referred_on": dt.date(2016, 1, 4)},
        {"key": "R4", "child_id": "C4", "referred_on": dt.date(2017, 2, 1)},
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2017, 2, 1)},
    ],
    assessment=[
        # Started 6 June 2016; the 45th working day is 8 August: on time, by its assessor.
        {
            "key": "A1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 6, 6),
            "authorised_on": dt.date(2016, 8, 8),
            "assessed_by_id": "W1",
        },
        # Started 1 June; 45 working days end 3 August; authorised the day after: late.
        {
            "key": "A2",
            "referral_id": "R2",
            "started_on": dt.date(2016, 6, 1),
            "authorised_on": dt.date(2016, 8, 4),
        },
        # Started in the year before, authorised (late) in this one: counted on completion.
        {
            "key": "A3",
            "referral_id": "R3",
            "started_on": dt.date(2016, 1, 5),
            "authorised_on": dt.date(2016, 4, 1),
        },
        # Not yet authorised: not completed, not counted.
        {"key": "A4", "referral_id": "R4", "started_on": dt.date(2017, 2, 1)},
        # Authorised after the year: out.
        {
            "key": "A5",
            "referral_id": "R5",
            "started_on": dt.date(2017, 2, 1),
            "authorised_on": dt.date(2017, 4, 3),
        },
    ],
)


def test_assessments_completed_in_the_period_and_those_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17", "2017-04")
    assert rows.select("period", "item", "numerator", "denominator").rows() == [
        ("2016-17", "A1", 1.0, 1.0),
        ("2016-17", "A2", 0.0, 1.0),
        ("2016-17", "A3", 0.0, 1.0),
        ("2017-04", "A5", 1.0, 1.0),
    ]
    first = rows.row(0, named=True)
    assert (first["on"], first["worker_id"]) == (dt.date(2016, 8, 8), "W1")


def test_value_is_the_share_completed_on_time():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3
