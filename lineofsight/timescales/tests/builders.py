"""Tiny journey frames for engine tests: name only the tables and columns a case needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.timescales.domain.engine import obligations

D = dt.date


def journey_frames(**tables: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """Every journey table, empty unless given; given rows get the table's other columns as
    nulls and its types (strings for dates are parsed)."""
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise KeyError(f"no journey tables {sorted(unknown)}")
    frames: dict[str, pl.DataFrame] = {}
    for name, table in TABLES.items():
        schema = table.polars_schema
        rows = tables.get(name, [])
        frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
        frames[name] = pl.DataFrame(
            {
                column: _typed(
                    frame[column] if column in frame.columns else pl.Series([None] * len(rows)),
                    dtype,
                )
                for column, dtype in schema.items()
            },
            schema=schema,
        )
    return frames


def _typed(series: pl.Series, dtype: pl.DataType) -> pl.Series:
    """Cast to the table's type; ISO strings for dates and times are parsed."""
    if series.dtype == pl.String and dtype == pl.Date:
        return series.str.to_date("%Y-%m-%d")
    if series.dtype == pl.String and isinstance(dtype, pl.Datetime):
        return series.str.to_datetime(time_zone=dtype.time_zone)
    return series.cast(dtype)


def rows_for(rule: str, frames: dict[str, pl.DataFrame], as_of: dt.date) -> list[dict[str, Any]]:
    """The obligations of one rule, in due order, as dicts."""
    result = obligations(frames, as_of=as_of)
    return result.filter(pl.col("rule") == rule).sort("due_on", "child_id", "seq").to_dicts()
