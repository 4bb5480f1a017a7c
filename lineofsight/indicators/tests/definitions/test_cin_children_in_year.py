"""CIN-02 children in need at any point in the period: each child once."""

import datetime as dt

from lineofsight.indicators.definitions.cin_children_in_year import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        # Closed on the year's first day: in need on that day, counted.
        {
            "key": "R1",
            "child_id": "C1",
            "referred_on": dt.date(2015, 1, 1),
            "closed_on": dt.date(2016, 4, 1),
            "closure_reason": "RC7",
        },
        # Closed the day before the year: out.
        {
            "key": "R2",
            "child_id": "C2",
            "referred_on": dt.date(2015, 1, 1),
            "closed_on": dt.date(2016, 3, 31),
            "closure_reason": "RC7",
        },
        # Referred on the last day: counted.
        {"key": "R3", "child_id": "C3", "referred_on": dt.date(2017, 3, 31)},
        # Two episodes in the year: the child counts once, on the later one's close.
        {
            "key": "R4",
            "child_id": "C4",
            "referred_on": dt.date(2016, 5, 1),
            "closed_on": dt.date(2016, 6, 1),
            "closure_reason": "RC7",
        },
        {
            "key": "R5",
            "child_id": "C4",
            "referred_on": dt.date(2016, 9, 1),
            "closed_on": dt.date(2016, 10, 1),
            "closure_reason": "RC7",
        },
        # NFA: not in need.
        {
            "key": "R6",
            "child_id": "C5",
            "referred_on": dt.date(2016, 6, 1),
            "is_nfa": True,
            "closed_on": dt.date(2016, 6, 1),
            "closure_reason": "RC7",
        },
        # Assessed, closed as not in need: not in need.
        {
            "key": "R7",
            "child_id": "C6",
            "referred_on": dt.date(2016, 6, 1),
            "closed_on": dt.date(2016, 7, 1),
            "closure_reason": "RC8",
        },
        # Open throughout.
        {"key": "R8", "child_id": "C7", "referred_on": dt.date(2014, 1, 1)},
    ],
    assessment=[{"referral_id": "R7", "started_on": dt.date(2016, 6, 2)}],
)


def test_each_child_in_need_during_the_period_counts_once():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("item")
    assert rows.select("item", "numerator", "on").rows() == [
        ("C1", 1.0, dt.date(2016, 4, 1)),
        ("C3", 1.0, dt.date(2017, 3, 31)),
        ("C4", 1.0, dt.date(2016, 10, 1)),
        ("C7", 1.0, dt.date(2017, 3, 31)),
    ]


def test_value_is_the_count_of_children():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 4.0, 4.0)


def test_a_month_counts_its_own_children():
    rows = counted_rows(DEFINITION, FRAMES, "2016-06")
    # C4's first episode closed on 1 June: in need that day. C6 is still being assessed at the
    # end of June (closed as not in need in July), so June counts C6; the year does not.
    assert rows["item"].sort().to_list() == ["C4", "C6", "C7"]
