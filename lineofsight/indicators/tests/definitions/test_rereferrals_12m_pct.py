"""FD-05 re-referrals within 12 months: each referral counted, the previous one may be older."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.rereferrals_12m_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        # C1: referred in March 2016, again in June 2016 (re-referral: previous 3 months before,
        # in the last year), and again in August 2017 (after the period, not counted).
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 3, 10)},
        {"key": "R2", "child_id": "C1", "referred_on": dt.date(2016, 6, 1)},
        {"key": "R3", "child_id": "C1", "referred_on": dt.date(2017, 8, 1)},
        # C2: first ever referral in the period: counted, not a re-referral.
        {"key": "R4", "child_id": "C2", "referred_on": dt.date(2016, 9, 1)},
        # C3: previous referral 12 months and a day earlier: not a re-referral.
        {"key": "R5", "child_id": "C3", "referred_on": dt.date(2015, 10, 31)},
        {"key": "R6", "child_id": "C3", "referred_on": dt.date(2016, 11, 1)},
        # C4: exactly 12 months earlier counts as within 12 months.
        {"key": "R7", "child_id": "C4", "referred_on": dt.date(2016, 1, 15)},
        {"key": "R8", "child_id": "C4", "referred_on": dt.date(2017, 1, 15)},
    ]
)


def test_each_referral_in_the_year_is_counted_and_rereferrals_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["R2", "R4", "R6", "R8"],
            "numerator": [1.0, 0.0, 0.0, 1.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_referrals():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
