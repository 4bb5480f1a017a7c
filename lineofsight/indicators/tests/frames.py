"""Tiny hand-built journey frames for the indicator tests.

    frames = build(referral=[{"key": "R1", "child_id": "C1", "referred_on": date(2016, 5, 3)}])
    rows = counted_rows(DEFINITION, frames, "2016-17")

A required column a row leaves out gets a neutral default (the first code of its list, an
ordinary date, False, zero), so each test names only what makes its rows count or not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from lineofsight.indicators.definitions.base import IndicatorDefinition
from lineofsight.indicators.domain.engine import indicator_values, indicators_run
from lineofsight.indicators.domain.periods import Period, period_parse
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import Column, frame_conform

_DEFAULTS: dict[str, Any] = {
    "String": "x",
    "Boolean": False,
    "Date": dt.date(2000, 1, 1),
    "Datetime": dt.datetime(2000, 1, 1, 9, 0),
    "Int64": 0,
    "Int32": 0,
    "Float64": 0.0,
}


def _default(column: Column) -> Any:
    if column.codes:
        return column.codes[0]
    for prefix, value in _DEFAULTS.items():
        if column.dtype.startswith(prefix):
            return value
    return None


def build(**tables: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """Frames for the named tables (all others absent, which definitions read as empty)."""
    out: dict[str, pl.DataFrame] = {}
    for name, rows in tables.items():
        schema = TABLES[name]
        filled = []
        for number, row in enumerate(rows):
            unknown = set(row) - {c.name for c in schema.columns}
            if unknown:
                raise KeyError(f"{name} has no column {sorted(unknown)}")
            full = {}
            for column in schema.columns:
                if column.name in row:
                    full[column.name] = row[column.name]
                elif column.name == schema.key:
                    full[column.name] = f"{name}-{number + 1}"
                elif column.nullable:
                    full[column.name] = None
                else:
                    full[column.name] = _default(column)
            filled.append(full)
        frame = pl.DataFrame(filled, schema=schema.polars_schema, orient="row")
        out[name] = frame_conform(schema, frame)
    return out


def periods(*labels: str) -> list[Period]:
    return [period_parse(label) for label in labels]


def counted_rows(
    definition: IndicatorDefinition, frames: dict[str, pl.DataFrame], *labels: str
) -> pl.DataFrame:
    """The definition's attributed counted rows for the periods, sorted by period and item."""
    rows = indicators_run(frames, [definition], periods(*labels))
    return rows.sort("period", "item")


def value_of(
    definition: IndicatorDefinition,
    frames: dict[str, pl.DataFrame],
    label: str,
    *,
    population: int | None = None,
) -> tuple[float, float | None, float | None]:
    """(numerator, denominator, value) of the definition for one period."""
    rows = indicators_run(frames, [definition], periods(label))
    values = indicator_values(rows, [definition], population={label: population})
    if values.is_empty():
        return (0.0, None, None)
    row = values.row(0, named=True)
    return (row["numerator"], row["denominator"], row["value"])
