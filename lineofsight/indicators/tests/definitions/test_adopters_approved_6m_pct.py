"""AD-08 adopter households approved in the period within 6 months of registration."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adopters_approved_6m_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    adopter_household=[
        # H1: registered 10 January 2016, approved exactly six months later: in time.
        {
            "key": "H1",
            "enquiry_on": dt.date(2015, 12, 1),
            "stage_1_started_on": dt.date(2016, 1, 10),
            "approved_on": dt.date(2016, 7, 10),
            "stage": "approved",
        },
        # H2: approved a day later: not in time.
        {
            "key": "H2",
            "enquiry_on": dt.date(2015, 12, 1),
            "stage_1_started_on": dt.date(2016, 1, 10),
            "approved_on": dt.date(2016, 7, 11),
            "stage": "approved",
        },
        # H3: approved with no Stage 1 start recorded: listed outside the base.
        {
            "key": "H3",
            "enquiry_on": dt.date(2015, 10, 1),
            "approved_on": dt.date(2016, 5, 1),
            "stage": "approved",
        },
        # H4: approved before the period.
        {
            "key": "H4",
            "enquiry_on": dt.date(2015, 6, 1),
            "stage_1_started_on": dt.date(2015, 7, 1),
            "approved_on": dt.date(2016, 3, 31),
            "stage": "approved",
        },
        # H5: withdrew, never approved.
        {
            "key": "H5",
            "enquiry_on": dt.date(2016, 5, 1),
            "stage_1_started_on": dt.date(2016, 6, 1),
            "withdrawn_on": dt.date(2016, 9, 1),
            "stage": "withdrawn",
        },
    ]
)


def test_households_approved_in_the_period_are_counted():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["H1", "H2", "H3"],
            "child_id": [None, None, None],
            "numerator": [1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 0.0],
        },
        schema_overrides={"child_id": pl.String},
    )
    assert_frame_equal(rows.select("item", "child_id", "numerator", "denominator"), expected)


def test_value_is_the_share_approved_in_time():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)
