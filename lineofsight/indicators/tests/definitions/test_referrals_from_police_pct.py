"""FD-08 referrals from police: the referral's source code."""

import polars as pl

from lineofsight.indicators.definitions.referrals_from_police_pct import DEFINITION
from lineofsight.indicators.tests.definitions._front_door_frames import BY_SOURCE, SOURCES
from lineofsight.indicators.tests.frames import counted_rows, value_of

# One referral from each of six sources in the year, and a police referral before it.
FRAMES = BY_SOURCE


def test_each_referral_is_listed_and_those_from_police_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows["item"].to_list() == list(SOURCES)
    assert rows["denominator"].to_list() == [1.0] * 6
    flagged = rows.filter(pl.col("numerator") > 0)["item"].to_list()
    # Police is source 6.
    assert flagged == ["R1"]


def test_value_is_the_share_of_referrals():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 6.0)
    assert value == 100 * 1 / 6
