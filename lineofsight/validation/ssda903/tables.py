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
from lineofsight.validation.ssda903.derived import extra_columns_joined, extra_columns_split
from lineofsight.validation.ssda903.providers import PROVIDER_TABLE

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
    tables: Mapping[str, pl.DataFrame],
    *,
    year: int,
    previous: Return | None = None,
    la_code: str | None = None,
    providers: pl.DataFrame | None = None,
) -> Return:
    """The return for the collection year ending 31 March `year`, from string tables keyed by
    the exporter's names (`episodes`) or DfE's (`Episodes`). Columns beyond the spec's (the
    derived PL_LA, PL_LOCATION, PL_DISTANCE; the XML form's Header UASC) are kept, as text.
    `la_code` is the council's ONS code; `providers` the typed Ofsted provider list
    (`providers.providers_read`), which becomes the `ProviderInfo` table."""
    spec = ssda903_spec(spec_year(year))
    by_dfe = {dfe: key for key, dfe in DFE_NAMES.items()}
    typed: dict[str, pl.DataFrame] = {}
    for name, frame in tables.items():
        key = by_dfe.get(name, name)
        if key not in DFE_NAMES:
            raise ValueError(f"SSDA903 {year}: no table called {name!r}")
        typed[DFE_NAMES[key]] = _typed(frame, spec.tables.get(key))
    if providers is not None:
        typed[PROVIDER_TABLE] = providers
    return Return(kind="ssda903", year=year, tables=typed, previous=previous, la_code=la_code)


def ssda903_return_from_files(
    paths: Sequence[Path],
    year: int | None = None,
    previous_paths: Sequence[Path] = (),
    *,
    la_code: str | None = None,
    providers: pl.DataFrame | None = None,
) -> Return:
    """The return read from SSDA903 CSV files (and last year's, if given). Values are not
    checked on the way in: a bad code or date is the rules' to report, with its file and line
    (`_where`). A file that is not a return's table, or dates too broken to tell the year
    from (give `year`), raise ReturnError. An episodes file may also carry DfE's derived
    PL_LA, PL_LOCATION and PL_DISTANCE, and a header file the UASC flag: they are kept for
    the rules (`derived.extra_columns_split`)."""
    with extra_columns_split(paths) as (files, extras):
        found, tables, _ = ssda903_tables_read(files, year=year)
    tables = extra_columns_joined(tables, extras)
    previous = None
    if previous_paths:
        with extra_columns_split(previous_paths) as (files, extras):
            last_year, last, _ = ssda903_tables_read(files, year=found - 1)
        previous = ssda903_return(
            extra_columns_joined(last, extras), year=last_year, la_code=la_code
        )
    return ssda903_return(
        tables, year=found, previous=previous, la_code=la_code, providers=providers
    )
