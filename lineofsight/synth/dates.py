"""Day-number helpers: birthdays, conversion to Polars dates and datetimes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from lineofsight.synth.calendar import EPOCH

Days = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

NA = np.int64(-(2**40))  # "no date" inside the generator
YEAR = 365.25


def day(value: dt.date) -> int:
    return (value - EPOCH).days


def add_years(days: Days, years: int) -> Days:
    """The same calendar day `years` later; 29 February becomes 28 February (as Polars'
    `offset_by` and dateutil's `relativedelta` do)."""
    as_days = days.astype("datetime64[D]")
    months = as_days.astype("datetime64[M]")
    offset = (as_days - months.astype("datetime64[D]")).astype(np.int64)
    shifted = months + np.timedelta64(12 * years, "M")
    month_length = ((shifted + 1).astype("datetime64[D]") - shifted.astype("datetime64[D]")).astype(
        np.int64
    )
    offset = np.minimum(offset, month_length - 1)
    out: Days = shifted.astype("datetime64[D]").astype(np.int64) + offset
    return out


def date_series(name: str, days: Days) -> pl.Series:
    """A Polars Date column; NA becomes null."""
    values = np.where(days == NA, np.iinfo(np.int64).min, days)
    out = values.astype("datetime64[D]")
    out[days == NA] = np.datetime64("NaT")
    return pl.Series(name, out, dtype=pl.Date)


def datetime_series(name: str, days: Days, minutes: Ints) -> pl.Series:
    """A Europe/London datetime column from day numbers and minutes after local midnight.

    Minutes must avoid 01:00-01:59 (the hour that does not exist when the clocks go forward);
    the generator only uses times from 07:00 to 00:59. NA days become null.
    """
    missing = days == NA
    # 01:00-01:59 does not exist on the day the clocks go forward: move it an hour later
    minutes = np.where((minutes >= 60) & (minutes < 120), minutes + 60, minutes)
    micros = (np.where(missing, 0, days) * 1440 + minutes) * 60_000_000
    naive = pl.Series(name, micros.astype(np.int64)).cast(pl.Datetime("us"))
    local = naive.dt.replace_time_zone("Europe/London", ambiguous="earliest")
    if missing.any():
        local = pl.select(
            pl.when(pl.Series(missing)).then(None).otherwise(local).alias(name)
        ).to_series()
    return local


def clip_end(end: Days, as_of: int) -> Days:
    """End dates after `as_of` are not known yet: they become NA."""
    return np.where(end > as_of, NA, end)


def frame(
    columns: dict[str, object], schema_overrides: dict[str, object] | None = None
) -> pl.DataFrame:
    """A DataFrame from numpy arrays; string and object arrays take the fast paths into Polars."""
    fixed: dict[str, object] = {}
    for name, values in columns.items():
        if isinstance(values, np.ndarray) and values.dtype.kind in "UO":
            if values.dtype.kind == "U":
                values = values.astype(object)
            series = pl.Series(name, values)
            if series.dtype == pl.Object:
                series = pl.Series(name, values.tolist())
            fixed[name] = series
        else:
            fixed[name] = values
    return pl.DataFrame(fixed, schema_overrides=schema_overrides)  # type: ignore[arg-type]


def or_none(condition: npt.ArrayLike, values: npt.ArrayLike) -> npt.NDArray[np.object_]:
    """`values` where `condition` holds, else None (an object array, for nullable columns)."""
    mask = np.asarray(condition, dtype=bool)
    source = np.broadcast_to(np.asarray(values).astype(object), mask.shape)
    out = np.full(mask.shape, None, dtype=object)
    out[mask] = source[mask]
    return out


def same_as_previous(*arrays: npt.NDArray[Any]) -> Bools:
    """True where every array's value equals its previous value (never for the first row)."""
    count = len(arrays[0])
    out = np.zeros(count, bool)
    if count > 1:
        equal = np.ones(count - 1, bool)
        for values in arrays:
            equal &= values[1:] == values[:-1]
        out[1:] = equal
    return out


def group_starts(*arrays: npt.NDArray[Any]) -> Bools:
    """First row of each run of equal keys (arrays sorted by those keys)."""
    return ~same_as_previous(*arrays)


def group_ends(*arrays: npt.NDArray[Any]) -> Bools:
    """Last row of each run of equal keys (arrays sorted by those keys)."""
    count = len(arrays[0])
    out = np.ones(count, bool)
    if count > 1:
        out[:-1] = ~same_as_previous(*arrays)[1:]
    return out


def next_value(values: Days, fill: int) -> Days:
    """Each row's next value; `fill` for the last row."""
    out = np.full(len(values), fill, dtype=np.int64)
    out[:-1] = values[1:]
    return out
