"""WF-01 agency rate: agency FTE over all social worker FTE in post at the period's end."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.social_workers_agency_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 5)
FRAMES = build(
    worker=[
        # W1: directly employed, full time: base only.
        {"staff_id": "W1", "role": "social_worker", "fte": 1.0, "started_on": LONG_AGO},
        # W2: an agency senior practitioner: numerator and base.
        {
            "staff_id": "W2",
            "role": "senior_practitioner",
            "is_agency": True,
            "fte": 1.0,
            "started_on": LONG_AGO,
        },
        # W3: directly employed part time: base, by its FTE.
        {"staff_id": "W3", "role": "team_manager", "fte": 0.5, "started_on": LONG_AGO},
        # W4: an agency worker who left before the end: out.
        {
            "staff_id": "W4",
            "role": "social_worker",
            "is_agency": True,
            "fte": 1.0,
            "started_on": LONG_AGO,
            "ended_on": dt.date(2017, 2, 1),
        },
        # W5: an agency family support worker: not a social worker, out.
        {
            "staff_id": "W5",
            "role": "family_support_worker",
            "is_agency": True,
            "fte": 1.0,
            "started_on": LONG_AGO,
        },
    ],
    team_membership=[{"worker_id": "W2", "team_id": "SFS1", "started_on": LONG_AGO}],
)


def test_each_social_worker_in_post_weighs_by_fte():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["W1", "W2", "W3"],
            "numerator": [0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 0.5],
            "team_id": [None, "SFS1", None],
        },
        schema_overrides={"team_id": pl.String},
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "team_id"), expected)


def test_value_is_the_agency_share_of_fte():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.5, 40.0)


def test_before_the_agency_worker_left_they_count():
    # At 31 January 2017 W4 was still in post: 2 agency FTE of 3.5.
    numerator, denominator, _ = value_of(DEFINITION, FRAMES, "2017-01")
    assert (numerator, denominator) == (2.0, 3.5)
