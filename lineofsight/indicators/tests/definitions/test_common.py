"""The shared period joins and the shared-result memo of `definitions/common.py`.

The joins search the sorted period dates; each is checked here against the plain reading of
its rule (every row crossed with every period, then filtered), on period sets that are one
ordered run, a few (a year and its months) and many (nested periods, which are crossed).
"""

import datetime as dt
import gc

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lineofsight.core.domain import reuse
from lineofsight.indicators.definitions import common
from lineofsight.indicators.domain.periods import (
    Frequency,
    Period,
    financial_year,
    period_parse,
    periods_back,
    periods_frame,
)

D = dt.date
ROWS = pl.DataFrame(
    {
        "key": ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"],
        "started_on": [
            D(2016, 4, 1),  # the year's first day
            D(2016, 3, 31),  # the day before the year
            D(2017, 3, 31),  # the year's last day
            D(2016, 8, 15),
            None,  # no date: never in a period
            D(2014, 1, 1),  # long before
            D(2016, 5, 31),  # a month's last day
            D(2017, 4, 1),  # after every period
        ],
        "ended_on": [
            D(2016, 4, 1),  # ended the day it started
            None,  # still open
            None,
            D(2016, 9, 30),  # on a month's last day
            D(2016, 6, 1),
            D(2016, 4, 1),  # on the year's first day
            D(2016, 6, 1),
            None,
        ],
    },
    schema={"key": pl.String, "started_on": pl.Date, "ended_on": pl.Date},
)

NESTED = [  # each inside the one before: starts rise as ends fall
    Period(D(2017, 3, 31 - n), D(2016, 4, 1 + n), Frequency.AS_AT, f"nested {n}") for n in range(6)
]
PERIOD_SETS = {
    "months": periods_back(period_parse("2017-03"), 12),
    "year and months": [financial_year(2017), *periods_back(period_parse("2017-03"), 12)],
    "rolling years": periods_back(period_parse("12 months to 2017-03"), 6),
    "as-at dates": periods_back(period_parse("2017-01-15"), 13),
    "quarters, years and months": [
        *periods_back(period_parse("2016-17 Q4"), 4),
        *periods_back(period_parse("2016-17"), 2),
        *periods_back(period_parse("2017-03"), 3),
    ],
    "nested": NESTED,
}


def crossed(frame: pl.DataFrame, periods: pl.DataFrame, keep: pl.Expr) -> pl.DataFrame:
    return frame.join(periods, how="cross").filter(keep)


def same_rows(got: pl.DataFrame, want: pl.DataFrame) -> None:
    assert got.columns == want.columns
    assert_frame_equal(
        got.sort(got.columns, nulls_last=True), want.sort(want.columns, nulls_last=True)
    )


@pytest.fixture(params=list(PERIOD_SETS), ids=list(PERIOD_SETS))
def periods(request: pytest.FixtureRequest) -> pl.DataFrame:
    frame = periods_frame(PERIOD_SETS[request.param])
    # Every column of the periods comes along, including a definition's own.
    return frame.with_columns(pl.col("end").dt.offset_by("-1y").alias("year_before"))


def test_during_is_each_row_dated_in_each_period(periods):
    day = pl.col("started_on")
    want = crossed(ROWS, periods, day.is_between(pl.col("start"), pl.col("end")))
    same_rows(common.during(ROWS, "started_on", periods), want)


def test_open_on_is_each_row_started_by_the_end_and_not_ended_by_it(periods):
    open_at_end = (pl.col("started_on") <= pl.col("end")) & (
        pl.col("ended_on").is_null() | (pl.col("ended_on") > pl.col("end"))
    )
    want = crossed(ROWS, periods, open_at_end)
    same_rows(common.open_on(ROWS, "started_on", "ended_on", periods), want)
    started = crossed(ROWS, periods, pl.col("started_on") <= pl.col("end"))
    same_rows(common.open_on(ROWS, "started_on", None, periods), started)


def test_open_during_is_each_row_open_on_any_day_of_the_period(periods):
    open_in = (pl.col("started_on") <= pl.col("end")) & (
        pl.col("ended_on").is_null() | (pl.col("ended_on") >= pl.col("start"))
    )
    want = crossed(ROWS, periods, open_in)
    same_rows(common.open_during(ROWS, "started_on", "ended_on", periods), want)


def test_rows_keep_their_order_within_each_period():
    periods = periods_frame(PERIOD_SETS["year and months"])
    rows = common.during(ROWS, "started_on", periods)
    for (_,), group in rows.group_by("period"):
        order = [ROWS["key"].to_list().index(key) for key in group["key"]]
        assert order == sorted(order)


def test_no_rows_or_no_periods_give_no_rows():
    periods = periods_frame(PERIOD_SETS["months"])
    assert common.during(ROWS.head(0), "started_on", periods).is_empty()
    assert common.open_on(ROWS, "started_on", "ended_on", periods.head(0)).is_empty()
    assert common.open_during(ROWS, "started_on", "ended_on", periods.head(0)).is_empty()


def test_a_shared_result_is_built_once_for_the_same_frames_and_periods():
    periods = periods_frame(PERIOD_SETS["months"])
    frame = ROWS.clone()
    built = []

    def build() -> pl.DataFrame:
        built.append(1)
        return frame.head(1)

    first = common.shared("test", [frame], periods, build)
    # Equal periods in another frame object are the same periods.
    assert common.shared("test", [frame], periods.clone(), build) is first
    assert len(built) == 1
    # Another frame with the same content is not the same frame: built again.
    common.shared("test", [frame.clone()], periods, build)
    assert len(built) == 2
    common.shared("test", [frame], periods.head(3), build)
    assert len(built) == 3


def test_a_shared_result_keeps_no_frame_alive():
    periods = periods_frame(PERIOD_SETS["months"])
    frame = ROWS.clone()
    common.shared("test alive", [frame], periods, lambda: pl.DataFrame({"n": [1]}))
    kept = reuse._SHARED["test alive"][0][0]
    assert kept is not None
    assert kept() is frame
    del frame
    gc.collect()
    assert kept() is None
