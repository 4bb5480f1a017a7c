"""CIN-03 children in need open for 2 years or more: referral date to the period's end."""

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions.cin_open_2yrs_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

END = dt.date(2017, 3, 31)
FRAMES = build(
    referral=[
        # Referred exactly two years before the end: two years, in the numerator.
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2015, 3, 31)},
        # A day short of two years.
        {"key": "R2", "child_id": "C2", "referred_on": dt.date(2015, 4, 1)},
        {"key": "R3", "child_id": "C3", "referred_on": dt.date(2010, 1, 1)},
        # Long, but closed on the last day: not a child in need at the end.
        {
            "key": "R4",
            "child_id": "C4",
            "referred_on": dt.date(2010, 1, 1),
            "closed_on": END,
            "closure_reason": "RC7",
        },
        # Two open episodes: the child counts once, from the earlier (R5).
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2014, 1, 1)},
        {"key": "R6", "child_id": "C5", "referred_on": dt.date(2016, 1, 1)},
    ]
)


def test_each_child_in_need_is_listed_and_long_episodes_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "numerator", "denominator").rows() == [
        ("R1", "C1", 1.0, 1.0),
        ("R2", "C2", 0.0, 1.0),
        ("R3", "C3", 1.0, 1.0),
        ("R5", "C5", 1.0, 1.0),
    ]


def test_children_with_one_episode_each():
    # Without C5's second episode no child has two open at once (a quicker path).
    one_each = {"referral": FRAMES["referral"].filter(pl.col("key") != "R6")}
    rows = counted_rows(DEFINITION, one_each, "2016-17")
    assert rows.select("item", "numerator").rows() == [
        ("R1", 1.0),
        ("R2", 0.0),
        ("R3", 1.0),
        ("R5", 1.0),
    ]


def test_value_is_the_share_of_children_in_need():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 4.0, 75.0)
