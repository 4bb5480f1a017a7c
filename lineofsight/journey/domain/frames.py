"""Journey frames: typed Polars tables with canonical names, and their Parquet directory.

The table declarations live in `frame_schema.py`, generated from the Django models
(`lineofsight frames-schema --write`) so the two can never drift; a test checks it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

DTYPES: dict[str, pl.DataType] = {
    "String": pl.String(),
    "Date": pl.Date(),
    "Datetime": pl.Datetime("us", "Europe/London"),
    "Boolean": pl.Boolean(),
    "Int64": pl.Int64(),
    "Float64": pl.Float64(),
}


@dataclass(frozen=True, kw_only=True)
class Column:
    name: str
    dtype: str
    nullable: bool
    codes: tuple[str, ...] | None = None
    references: str | None = None  # the table whose natural key this column holds
    max_length: int | None = None

    @property
    def polars_dtype(self) -> pl.DataType:
        return DTYPES[self.dtype]


@dataclass(frozen=True, kw_only=True)
class TableSchema:
    name: str
    key: str
    columns: tuple[Column, ...]

    @property
    def polars_schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.polars_dtype for c in self.columns})

    def only(self, names: tuple[str, ...]) -> TableSchema:
        """The same table with only these columns (and its key), for a reader that needs few:
        only they are read from Parquet and checked."""
        keep = {self.key, *names}
        unknown = keep - {c.name for c in self.columns}
        if unknown:
            raise KeyError(f"table {self.name} has no columns {sorted(unknown)}")
        return TableSchema(
            name=self.name, key=self.key, columns=tuple(c for c in self.columns if c.name in keep)
        )

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"table {self.name} has no column {name}")


class FrameError(ValueError):
    """A frame that does not fit its table: says which table, column and rows."""


Frames = dict[str, pl.DataFrame]


def empty_frame(table: TableSchema) -> pl.DataFrame:
    return pl.DataFrame(schema=table.polars_schema)


def frame_conform(table: TableSchema, frame: pl.DataFrame) -> pl.DataFrame:
    """Select the table's columns in order, cast to their types, and check what a row can tell.

    Missing nullable columns are added as nulls; a missing required column, a null in a
    required column, an unknown code or a repeated natural key raises `FrameError`.
    """
    out: list[pl.Series | pl.Expr] = []
    for column in table.columns:
        if column.name not in frame.columns:
            if not column.nullable:
                raise FrameError(f"{table.name}: required column {column.name!r} is missing")
            out.append(pl.lit(None, dtype=column.polars_dtype).alias(column.name))
            continue
        series = frame.get_column(column.name)
        if series.dtype != column.polars_dtype:
            series = _cast(series, column, table)
        out.append(series)
    result = frame.select(out) if out else frame
    _check(table, result)
    return result


def _cast(series: pl.Series, column: Column, table: TableSchema) -> pl.Series:
    target = column.polars_dtype
    try:
        if isinstance(target, pl.Datetime) and isinstance(series.dtype, pl.Datetime):
            if series.dtype.time_zone is None:
                return series.dt.replace_time_zone("UTC").dt.convert_time_zone("Europe/London")
            return series.dt.convert_time_zone("Europe/London")
        return series.cast(target, strict=True)
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError) as error:
        raise FrameError(
            f"{table.name}.{column.name}: cannot read {series.dtype} as {column.dtype}: {error}"
        ) from error


def _check(table: TableSchema, frame: pl.DataFrame) -> None:
    # One parallel pass asks whether anything is wrong; only then is each column examined
    # for the message (most frames are clean, and big ones are read often).
    if not _any_problem(table, frame):
        return
    for column in table.columns:
        series = frame.get_column(column.name)
        if not column.nullable and series.null_count():
            rows = frame.with_row_index("row").filter(series.is_null())["row"].head(5).to_list()
            raise FrameError(f"{table.name}.{column.name}: required but empty in rows {rows}")
        if column.max_length is not None and series.dtype == pl.String:
            too_long = series.str.len_chars() > column.max_length
            if too_long.any():
                rows = frame.with_row_index("row").filter(too_long)["row"].head(5).to_list()
                raise FrameError(
                    f"{table.name}.{column.name}: longer than {column.max_length} characters "
                    f"in rows {rows} (e.g. {series.filter(too_long)[0]!r})"
                )
        if column.codes is not None:
            bad = series.drop_nulls().filter(~series.drop_nulls().is_in(column.codes)).unique()
            if len(bad):
                raise FrameError(
                    f"{table.name}.{column.name}: unknown codes {sorted(bad.to_list())[:5]}; "
                    f"expected one of {', '.join(column.codes)}"
                )
    keys = frame.get_column(table.key)
    if _has_repeats(keys):
        dupes = keys.filter(keys.is_duplicated()).unique().sort().head(5).to_list()
        raise FrameError(f"{table.name}.{table.key}: repeated natural keys {dupes}")


def _has_repeats(keys: pl.Series) -> bool:
    """Whether a natural key repeats (two missing keys count as a repeat). Frames are mostly
    written in key order, where a repeat is a neighbour; otherwise 64-bit hashes are counted,
    and only when two collide are the keys themselves compared. Far cheaper than marking
    every duplicate on a big table, and as exact."""
    if keys.len() < 2:
        return False
    if keys.is_sorted():
        return bool(keys.slice(1).eq_missing(keys.slice(0, keys.len() - 1)).any())
    if keys.hash(seed=0).n_unique() == keys.len():
        return False
    return bool(keys.is_duplicated().any())


def _any_problem(table: TableSchema, frame: pl.DataFrame) -> bool:
    if _has_repeats(frame.get_column(table.key)):
        return True
    flags: list[pl.Expr] = [pl.lit(False)]
    for column in table.columns:
        value = pl.col(column.name)
        if not column.nullable:
            flags.append(value.null_count() > 0)
        if column.max_length is not None and frame.schema[column.name] == pl.String:
            flags.append((value.str.len_chars() > column.max_length).any())
        if column.codes is not None:
            flags.append((value.is_not_null() & ~value.is_in(column.codes)).any())
    found = frame.select(pl.any_horizontal(flags).alias("problem")).item()
    return bool(found)


def frames_conform(tables: Mapping[str, TableSchema], frames: Mapping[str, pl.DataFrame]) -> Frames:
    unknown = set(frames) - set(tables)
    if unknown:
        raise FrameError(f"unknown tables {sorted(unknown)}; expected some of {sorted(tables)}")
    return {
        name: frame_conform(table, frames[name]) if name in frames else empty_frame(table)
        for name, table in tables.items()
    }


def frames_write_parquet(directory: Path, frames: Mapping[str, pl.DataFrame]) -> list[Path]:
    """Write one `<table>.parquet` per frame; each file is replaced atomically."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        target = directory / f"{name}.parquet"
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        os.close(handle)
        try:
            frame.write_parquet(temporary, compression="zstd", statistics=True)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        written.append(target)
    return written


def frames_read_parquet(
    directory: Path, tables: Mapping[str, TableSchema]
) -> dict[str, pl.DataFrame]:
    """Read a frames directory; a table with no file is an empty frame of the right type."""
    if not directory.is_dir():
        raise FrameError(f"{directory}: not a directory of frames")
    frames: dict[str, pl.DataFrame] = {}
    for name, table in tables.items():
        path = directory / f"{name}.parquet"
        if not path.exists():
            frames[name] = empty_frame(table)
            continue
        try:
            present = pl.read_parquet_schema(path)
            wanted = [c.name for c in table.columns if c.name in present]
            # Project to the table's columns; unknown extra columns are not read at all.
            frame = pl.read_parquet(path, columns=wanted)
        except (pl.exceptions.ComputeError, OSError) as error:
            raise FrameError(f"{path}: not a readable Parquet file: {error}") from error
        try:
            frames[name] = frame_conform(table, frame)
        except FrameError as error:
            raise FrameError(f"{path}: {error}") from error
    return frames
