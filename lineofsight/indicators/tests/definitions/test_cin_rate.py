"""CIN-01 children in need per 10,000: children with an open episode at the period's end."""

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions.cin_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

END = dt.date(2017, 3, 31)
FRAMES = build(
    referral=[
        # Open since before the year: in.
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 1, 1)},
        # Referred on the last day: in.
        {"key": "R2", "child_id": "C2", "referred_on": END},
        # Closed on the last day: not open at the end.
        {
            "key": "R3",
            "child_id": "C3",
            "referred_on": dt.date(2016, 1, 1),
            "closed_on": END,
            "closure_reason": "RC7",
        },
        # NFA, not yet closed: not an episode of need.
        {"key": "R4", "child_id": "C4", "referred_on": dt.date(2017, 3, 30), "is_nfa": True},
        # Referred after the end: out.
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2017, 4, 1)},
        # Two open episodes (bad data): the child counts once.
        {"key": "R6", "child_id": "C6", "referred_on": dt.date(2015, 5, 1)},
        {"key": "R7", "child_id": "C6", "referred_on": dt.date(2016, 5, 1)},
        # An unborn child: counted.
        {"key": "R8", "child_id": "C7", "referred_on": dt.date(2017, 1, 10)},
    ],
    child=[
        {"child_id": "C1", "born_on": dt.date(2010, 1, 1)},
        {"child_id": "C7", "born_on": None, "expected_birth_on": dt.date(2017, 5, 1)},
    ],
)


def test_each_child_open_at_the_end_counts_once():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("item")
    assert rows.select("item", "numerator", "on").rows() == [
        ("C1", 1.0, END),
        ("C2", 1.0, END),
        ("C6", 1.0, END),
        ("C7", 1.0, END),
    ]
    assert rows.filter(pl.col("item") == "C7")["age_band"].to_list() == ["Unborn"]


def test_children_with_one_episode_each_count_the_same():
    # Without C6's second episode no child has two open at once (a quicker path).
    one_each = {**FRAMES, "referral": FRAMES["referral"].filter(pl.col("key") != "R7")}
    rows = counted_rows(DEFINITION, one_each, "2016-17")
    assert rows["item"].sort().to_list() == ["C1", "C2", "C6", "C7"]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (4.0, 2.0, 2.0)


def test_monthly_snapshots():
    rows = counted_rows(DEFINITION, FRAMES, "2016-12", "2017-03")
    december = rows.filter(pl.col("period") == "2016-12")["item"].sort().to_list()
    # C3 is still open at 31 December; C2 and C7 are not yet referred.
    assert december == ["C1", "C3", "C6"]
