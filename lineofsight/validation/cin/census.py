"""The census year and the joins most CIN rules share."""

from __future__ import annotations

import datetime as dt

import polars as pl

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
