"""CP-05 ICPCs resulting in a CP plan: each initial conference held, by its outcome."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.icpc_to_plan_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    conference=[
        # A plan: counts.
        {
            "key": "K1",
            "referral_id": "R1",
            "kind": "initial",
            "held_on": dt.date(2016, 5, 3),
            "outcome": "plan",
        },
        # No plan: in the base only.
        {
            "key": "K2",
            "referral_id": "R2",
            "kind": "initial",
            "held_on": dt.date(2016, 6, 1),
            "outcome": "no_plan",
        },
        # Pre-birth and transfer-in conferences making a plan count too.
        {
            "key": "K3",
            "referral_id": "R2",
            "kind": "pre_birth",
            "held_on": dt.date(2016, 8, 1),
            "outcome": "plan",
        },
        {
            "key": "K4",
            "referral_id": "R1",
            "kind": "transfer_in",
            "held_on": dt.date(2017, 1, 9),
            "outcome": "plan",
        },
        # A review conference is not an ICPC.
        {
            "key": "K5",
            "referral_id": "R1",
            "kind": "review",
            "held_on": dt.date(2016, 8, 3),
            "outcome": "plan_continues",
        },
        # Held after the year.
        {
            "key": "K6",
            "referral_id": "R1",
            "kind": "initial",
            "held_on": dt.date(2017, 4, 3),
            "outcome": "plan",
        },
    ],
)


def test_initial_conferences_held_in_the_year_by_outcome():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["K1", "K2", "K3", "K4"],
            "numerator": [1.0, 0.0, 1.0, 1.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_conferences():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 4.0, 75.0)
