"""CP-02 S47 enquiries leading to an ICPC: the engine's T-12 pairs each enquiry with its ICPC."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.s47_to_icpc_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRAMES = engine_frames(
    referral=[{"key": f"R{n}", "child_id": f"C{n}"} for n in range(1, 6)],
    section47_enquiry=[
        # S1: its linked initial conference was held: counts.
        {"key": "S1", "referral_id": "R1", "started_on": dt.date(2016, 6, 6)},
        # S2: completed, ICPC not required: not.
        {
            "key": "S2",
            "referral_id": "R2",
            "started_on": dt.date(2016, 6, 6),
            "icpc_not_required": True,
            "completed_on": dt.date(2016, 6, 20),
        },
        # S3: no linked conference, but its referral's next initial conference: counts.
        {"key": "S3", "referral_id": "R3", "started_on": dt.date(2016, 7, 1)},
        # S4: started in March; its conference is in April, after the year.
        {"key": "S4", "referral_id": "R4", "started_on": dt.date(2017, 3, 20)},
        # S5: only a review conference: not an ICPC.
        {"key": "S5", "referral_id": "R5", "started_on": dt.date(2016, 8, 1)},
    ],
    conference=[
        {
            "key": "K1",
            "referral_id": "R1",
            "section47_enquiry_id": "S1",
            "kind": "initial",
            "held_on": dt.date(2016, 6, 20),
        },
        {"key": "K3", "referral_id": "R3", "kind": "initial", "held_on": dt.date(2016, 7, 15)},
        {
            "key": "K4",
            "referral_id": "R4",
            "section47_enquiry_id": "S4",
            "kind": "initial",
            "held_on": dt.date(2017, 4, 5),
        },
        {"key": "K5", "referral_id": "R5", "kind": "review", "held_on": dt.date(2016, 8, 10)},
    ],
)


def test_enquiries_started_in_the_year_with_and_without_an_icpc():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["S1", "S2", "S3", "S4", "S5"],
            "numerator": [1.0, 0.0, 1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_a_conference_after_the_year_counts_once_it_is_known():
    # Run up to April 2017, the April conference is known and S4 led to it.
    rows = counted_rows(DEFINITION, FRAMES, "2016-17", "2017-04")
    assert rows.filter(pl.col("item") == "S4")["numerator"].to_list() == [1.0]


def test_value_is_the_share_of_enquiries():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)
