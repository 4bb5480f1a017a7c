"""AS-03 assessments identifying domestic abuse: factors 3A-3C, of those with factors."""

import datetime as dt

from lineofsight.indicators.definitions.assessments_domestic_abuse_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

DONE = dt.date(2016, 7, 1)
FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}],
    assessment=[
        {"key": key, "referral_id": "R1", "started_on": dt.date(2016, 6, 1), "authorised_on": on}
        for key, on in [
            ("A1", DONE),
            ("A2", DONE),
            ("A3", DONE),
            ("A4", dt.date(2016, 3, 31)),
            ("A5", DONE),
            ("A6", DONE),
        ]
    ],
    assessment_factor=[
        # Domestic violence concerning a parent, with mental health: counted once, in.
        {"assessment_id": "A1", "factor": "3B"},
        {"assessment_id": "A1", "factor": "3C"},
        {"assessment_id": "A1", "factor": "4B"},
        # 'No factors identified' is factor information: in the base only.
        {"assessment_id": "A2", "factor": "21"},
        # A3 has no factor record at all: not in the base.
        # Domestic violence, but authorised before the year: out.
        {"assessment_id": "A4", "factor": "3A"},
        # Alcohol misuse only: in the base only.
        {"assessment_id": "A5", "factor": "1B"},
        # Domestic violence concerning the child: in.
        {"assessment_id": "A6", "factor": "3A"},
    ],
)


def test_assessments_with_factors_are_listed_and_domestic_abuse_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("A1", 1.0, 1.0),
        ("A2", 0.0, 1.0),
        ("A5", 0.0, 1.0),
        ("A6", 1.0, 1.0),
    ]


def test_value_is_the_share_of_assessments_with_factors():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
