"""The census year and the joins most CIN rules share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from lineofsight.timescales.domain.calendar import national_calendar
from lineofsight.validation.engine.returns import Return

EPISODE = ["LAchildID", "CINdetailsID"]


def census_start(year: int) -> dt.date:
    """The first day of the census year ending 31 March `year` (1 April before)."""
    return dt.date(year - 1, 4, 1)


def census_end(year: int) -> dt.date:
    """The census's ReferenceDate: 31 March `year`."""
    return dt.date(year, 3, 31)


def outside_year(column: str, year: int) -> pl.Expr:
    """`column` is present and falls outside the census year."""
    value = pl.col(column)
    return value.is_not_null() & ~value.is_between(census_start(year), census_end(year))


def with_episode(ret: Return, table: str, *columns: str) -> pl.DataFrame:
    """`table`'s rows with their CIN episode's `columns` (from CINdetails) alongside."""
    episodes = ret.table("CINdetails").select(*EPISODE, *columns).unique(EPISODE, keep="first")
    return ret.table(table).join(episodes, on=EPISODE, how="left", suffix="_episode")


def with_child(ret: Return, table: str, *columns: str) -> pl.DataFrame:
    """`table`'s rows with their child's `columns` (from ChildIdentifiers) alongside."""
    children = ret.table("ChildIdentifiers").select("LAchildID", *columns)
    children = children.filter(pl.col("LAchildID").is_not_null()).unique("LAchildID", keep="first")
    return ret.table(table).join(children, on="LAchildID", how="left", suffix="_child")


def open_until(year: int) -> dt.date:
    """The exclusive end of something still open at the census date (the day after it)."""
    return census_end(year) + dt.timedelta(days=1)


def overlapping(rows: pl.DataFrame, by: Sequence[str], start: str, end: pl.Expr) -> pl.DataFrame:
    """`rows` whose `start` falls within another row's span, among rows with the same `by`.

    A span runs from its `start` up to, not including, `end` (an expression on `rows`), so a
    plan may start on the day another ends; two rows starting the same day overlap each other.
    """
    spans = rows.select(
        *by, pl.col("row").alias("_other"), pl.col(start).alias("_from"), end.alias("_to")
    )
    inside = (
        (pl.col("row") != pl.col("_other"))
        & (pl.col(start) >= pl.col("_from"))
        & (pl.col(start) < pl.col("_to"))
    )
    hits = rows.join(spans, on=list(by)).filter(inside).select("row").unique()
    return rows.join(hits, on="row", how="semi")


def working_days_to_census_end(rows: pl.DataFrame, column: str, year: int) -> pl.Series:
    """Working days (England and Wales) after each `column` date up to the census date.

    Dates outside the bank-holiday calendar are counted from its first or last day: the count
    is then only a bound, which is all the "more than N working days" rules need.
    """
    calendar = national_calendar()
    end = census_end(year)
    days = rows[column].drop_nulls().unique().to_list()
    counts = {
        day: calendar.working_days_between(min(max(day, calendar.first), calendar.last), end)
        for day in days
    }
    lookup = pl.DataFrame(
        {column: list(counts), "_working_days": list(counts.values())},
        schema={column: pl.Date, "_working_days": pl.Int64},
    )
    return rows.select(column).join(lookup, on=column, how="left", maintain_order="left")[
        "_working_days"
    ]


def working_day_before(day: dt.date) -> dt.date:
    """The working day (England and Wales) before `day`."""
    return national_calendar().add_working_days(day, -1)
