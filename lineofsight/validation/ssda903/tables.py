"""SSDA903 string tables (as the exporter or the CSV reader give them) as a typed `Return`.

Typing is lenient, so that the rules report what is wrong rather than the reader refusing it:
a date that does not parse becomes null and its text stays in `<COLUMN>_text`; the SDQ score
becomes an integer the same way; codes stay strings, stripped, with blank as null. A column
the year's spec names but the table lacks is added as null. Every table gets an Int64 `row`
(its 0-based index) and is named as DfE's rule texts name it (Header, Episodes, ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from lineofsight.returns.ssda903.import_ import ssda903_tables_read
from lineofsight.returns.ssda903.spec import BASE_YEAR, LAST_YEAR, TableSpec, ssda903_spec
from lineofsight.validation.engine.returns import Return

# The exporter's and reader's table keys, to the names DfE's rule texts use.
DFE_NAMES: dict[str, str] = {
    "header": "Header",
    "episodes": "Episodes",
    "reviews": "Reviews",
    "uasc": "UASC",
    "ad1": "AD1",
    "placed_adoption": "PlacedAdoption",
    "prev_perm": "PrevPerm",
    "oc2": "OC2",
    "oc3": "OC3",
    "missing": "Missing",
    "social_worker": "SWEpisodes",
}
INTEGER_COLUMNS = frozenset({"SDQ_SCORE"})
DATE_FORMAT = "%d/%m/%Y"


def spec_year(year: int) -> int:
    """The nearest year with a shipped spec (2017 to 2026) to read a return's columns by."""
    return min(max(year, BASE_YEAR), LAST_YEAR)


def text_column(column: str) -> str:
    """Where a typed column keeps the text it was given."""
    return f"{column}_text"


def _text(column: str, dtype: pl.DataType) -> pl.Expr:
    value = pl.col(column)
    if dtype == pl.Date:
        return value.dt.strftime(DATE_FORMAT)
    value = value.cast(pl.String).str.strip_chars()
    return pl.when(value == "").then(None).otherwise(value)


def _typed(frame: pl.DataFrame, table: TableSpec | None) -> pl.DataFrame:
    kinds = {c.name: c for c in table.columns} if table else {}
    for name in kinds:
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    columns: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        if name == "row":
            continue
        column = kinds.get(name)
        text = _text(name, dtype)
        if column is not None and column.kind == "date":
            date_format = column.date_format or DATE_FORMAT
            parsed = text.str.strptime(pl.Date, date_format, strict=False)
            columns += [parsed.alias(name), text.alias(text_column(name))]
        elif name in INTEGER_COLUMNS:
            columns += [
                text.cast(pl.Int64, strict=False).alias(name),
                text.alias(text_column(name)),
            ]
        elif dtype == pl.String or column is not None:
            columns.append(text.alias(name))
        else:
            columns.append(pl.col(name))
    return frame.select(columns).with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))


def ssda903_return(
    tables: Mapping[str, pl.DataFrame], *, year: int, previous: Return | None = None
) -> Return:
    """The return for the collection year ending 31 March `year`, from string tables keyed by
    the exporter's names (`episodes`) or DfE's (`Episodes`)."""
    spec = ssda903_spec(spec_year(year))
    by_dfe = {dfe: key for key, dfe in DFE_NAMES.items()}
    typed: dict[str, pl.DataFrame] = {}
    for name, frame in tables.items():
        key = by_dfe.get(name, name)
        if key not in DFE_NAMES:
            raise ValueError(f"SSDA903 {year}: no table called {name!r}")
        typed[DFE_NAMES[key]] = _typed(frame, spec.tables.get(key))
    return Return(kind="ssda903", year=year, tables=typed, previous=previous)


def ssda903_return_from_files(
    paths: Sequence[Path], year: int | None = None, previous_paths: Sequence[Path] = ()
) -> Return:
    """The return read from SSDA903 CSV files (and last year's, if given). Values are not
    checked on the way in: a bad code or date is the rules' to report, with its file and line
    (`_where`). A file that is not a return's table, or dates too broken to tell the year
    from (give `year`), raise ReturnError."""
    found, tables, _ = ssda903_tables_read(paths, year=year)
    previous = None
    if previous_paths:
        last_year, last, _ = ssda903_tables_read(previous_paths, year=found - 1)
        previous = ssda903_return(last, year=last_year)
    return ssda903_return(tables, year=found, previous=previous)
