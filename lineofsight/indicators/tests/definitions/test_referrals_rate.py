"""FD-04 referrals per 10,000: every referral in the period, over the population."""

import datetime as dt

from lineofsight.indicators.definitions.referrals_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 4, 1)},  # first day: in
        {"key": "R2", "child_id": "C1", "referred_on": dt.date(2016, 9, 1)},  # second: counts too
        {"key": "R3", "child_id": "C2", "referred_on": dt.date(2017, 3, 31)},  # last day: in
        {"key": "R4", "child_id": "C3", "referred_on": dt.date(2016, 3, 31)},  # before: out
        {"key": "R5", "child_id": "C3", "referred_on": dt.date(2017, 4, 1)},  # after: out
    ]
)


def test_each_referral_in_the_period_counts():
    assert counted_rows(DEFINITION, FRAMES, "2016-17")["item"].to_list() == ["R1", "R2", "R3"]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (3.0, 2.0, 1.5)


def test_monthly_periods_split_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-04", "2016-09", "2017-03")
    assert rows.select("period", "item").rows() == [
        ("2016-04", "R1"),
        ("2016-09", "R2"),
        ("2017-03", "R3"),
    ]
