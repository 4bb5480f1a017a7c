"""CP-01 S47 enquiries per 10,000: each enquiry, dated by its initiating strategy discussion."""

import datetime as dt

from lineofsight.indicators.definitions.s47_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        {"key": "R1", "child_id": "C1"},
        {"key": "R2", "child_id": "C2"},
    ],
    strategy_discussion=[
        {"key": "D1", "referral_id": "R1", "held_on": dt.date(2016, 3, 31), "decision": "s47"},
    ],
    section47_enquiry=[
        # Opened on 1 April, but initiated at the discussion on 31 March: last year.
        {
            "key": "S1",
            "referral_id": "R1",
            "strategy_discussion_id": "D1",
            "started_on": dt.date(2016, 4, 1),
        },
        # No linked discussion: its own start, the first day of the year.
        {"key": "S2", "referral_id": "R1", "started_on": dt.date(2016, 4, 1)},
        # The same child's second enquiry counts too.
        {"key": "S3", "referral_id": "R1", "started_on": dt.date(2016, 9, 1)},
        # Last day of the year: in.
        {"key": "S4", "referral_id": "R2", "started_on": dt.date(2017, 3, 31)},
        # After the year: out.
        {"key": "S5", "referral_id": "R2", "started_on": dt.date(2017, 4, 1)},
    ],
)


def test_each_enquiry_started_in_the_year_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "on").rows() == [
        ("S2", "C1", dt.date(2016, 4, 1)),
        ("S3", "C1", dt.date(2016, 9, 1)),
        ("S4", "C2", dt.date(2017, 3, 31)),
    ]


def test_an_enquiry_counts_on_its_strategy_discussion_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-03")
    assert rows["item"].to_list() == ["S1"]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=30_000) == (3.0, 3.0, 1.0)
