"""FD-01 contacts per 10,000: every contact received in the period, by its local date."""

import datetime as dt

from lineofsight.indicators.definitions.contacts_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# Times are given in UTC; the contact's date is its date in England (BST in summer).
FRAMES = build(
    contact=[
        # First day of the year: in, decided by W1, so W1's team that day.
        {
            "key": "K1",
            "child_id": "C1",
            "received_at": dt.datetime(2016, 4, 1, 11, 0),
            "decided_by_id": "W1",
        },
        # Last day: in; no decider recorded, so no team from the contact.
        {"key": "K2", "child_id": "C2", "received_at": dt.datetime(2017, 3, 31, 11, 0)},
        # The day before the year: out.
        {"key": "K3", "child_id": "C3", "received_at": dt.datetime(2016, 3, 31, 11, 0)},
        # 23:30 UTC on 31 March 2017 is 00:30 on 1 April in England: out.
        {"key": "K4", "child_id": "C4", "received_at": dt.datetime(2017, 3, 31, 23, 30)},
        # 23:30 UTC on 31 March 2016 is 00:30 on 1 April in England: in.
        {"key": "K5", "child_id": "C5", "received_at": dt.datetime(2016, 3, 31, 23, 30)},
        # A second contact about C1: each contact counts.
        {"key": "K6", "child_id": "C1", "received_at": dt.datetime(2016, 9, 1, 11, 0)},
    ],
    team_membership=[
        {"worker_id": "W1", "team_id": "MASH", "started_on": dt.date(2015, 1, 1)},
    ],
)


def test_each_contact_received_in_the_period_counts_by_its_local_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("K1", 1.0, 1.0),
        ("K2", 1.0, 1.0),
        ("K5", 1.0, 1.0),
        ("K6", 1.0, 1.0),
    ]
    assert rows["on"].to_list() == [
        dt.date(2016, 4, 1),
        dt.date(2017, 3, 31),
        dt.date(2016, 4, 1),
        dt.date(2016, 9, 1),
    ]


def test_contact_is_attributed_to_its_decider_and_their_team():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    first = rows.filter(rows["item"] == "K1").row(0, named=True)
    assert (first["worker_id"], first["team_id"]) == ("W1", "MASH")
    assert rows.filter(rows["item"] == "K2")["team_id"].to_list() == [None]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (4.0, 2.0, 2.0)


def test_monthly_periods_split_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-04", "2016-09", "2017-03")
    assert rows.select("period", "item").rows() == [
        ("2016-04", "K1"),
        ("2016-04", "K5"),
        ("2016-09", "K6"),
        ("2017-03", "K2"),
    ]
