"""Birthdays and ages as Polars expressions, for rules that depend on a child's age.

A child born on 29 February attains an age on 1 March in a common year (the Family Law Reform
Act 1969 s9 reading: the age is reached at the start of the anniversary, and a common year's
anniversary of 29 February is read as 1 March).
"""

from __future__ import annotations

import datetime as dt

import polars as pl


def birthday(born: pl.Expr, years: int) -> pl.Expr:
    """The date a child born on `born` turns `years` old."""
    shifted = born.dt.offset_by(f"{years}y")
    # Polars clamps 29 Feb to 28 Feb in a common year; the birthday is the day after.
    clamped = (born.dt.month() == 2) & (born.dt.day() == 29) & (shifted.dt.day() == 28)
    return pl.when(clamped).then(shifted + dt.timedelta(days=1)).otherwise(shifted)


def age_on(born: pl.Expr, on: pl.Expr) -> pl.Expr:
    """Completed years of age on the date `on` (null where either is null)."""
    years = on.dt.year().cast(pl.Int32) - born.dt.year().cast(pl.Int32)
    leapling = (born.dt.month() == 2) & (born.dt.day() == 29)
    # 29 Feb birthdays fall on 1 Mar in a common year (see the module docstring).
    born_day = (
        pl.when(leapling & ~on.dt.is_leap_year())
        .then(301)
        .otherwise(born.dt.month().cast(pl.Int32) * 100 + born.dt.day().cast(pl.Int32))
    )
    on_day = on.dt.month().cast(pl.Int32) * 100 + on.dt.day().cast(pl.Int32)
    return years - (on_day < born_day).cast(pl.Int32)
