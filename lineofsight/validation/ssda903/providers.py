"""Ofsted's list of registered providers, as the `ProviderInfo` table rules 219-229 and 1008
read (and, from 2025-26, 241-243).

DfE checks a return's URNs against Ofsted's register; the return itself does not carry it, so
it comes from a CSV file the council supplies (`lineofsight validate --providers FILE`), one
row per URN and local authority:

* `URN`: Ofsted's unique reference number of the setting or agency (SC123456).
* `PLACE_CODES`: the placement types (PLACE) the provision may take, comma-separated (U1,U4).
* `PROVIDER_CODES`: the placement provider codes (PLACE_PROVIDER) it may be, comma-separated.
* `POSTCODE`: the premises' postcode.
* `LA_CODE`: the ONS code of the local authority where the premises are (E08000030). A
  provider with premises in several LAs has one row per LA, its other columns repeated.
* `REG_DATE`, `REG_END`: the dates its registration started and ended (blank: not ended).
  Dates are DD/MM/YYYY (as the return's) or YYYY-MM-DD.

Those facts are all that DfE's conditions for these rules ask of the register: the URN's
existence (1008), placement types (219), postcode (221), provider codes (224), registration
end (227, 228) and LA (229, 241). The typed table has the text stripped and upper-cased,
blank as null, codes joined by commas without spaces, dates as `pl.Date`, and an Int64 `row`
(0-based, so line = row + 2). Other columns in the file are ignored.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

PROVIDER_TABLE = "ProviderInfo"
PROVIDER_COLUMNS: tuple[str, ...] = (
    "URN",
    "PLACE_CODES",
    "PROVIDER_CODES",
    "POSTCODE",
    "LA_CODE",
    "REG_DATE",
    "REG_END",
)
CODE_LIST_COLUMNS = ("PLACE_CODES", "PROVIDER_CODES")
DATE_COLUMNS = ("REG_DATE", "REG_END")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
PROVIDER_SCHEMA = pl.Schema(
    {"row": pl.Int64}
    | {name: pl.Date if name in DATE_COLUMNS else pl.String for name in PROVIDER_COLUMNS}
)


def _text(column: str) -> pl.Expr:
    value = pl.col(column).cast(pl.String).str.strip_chars().str.to_uppercase()
    return pl.when(value == "").then(None).otherwise(value)


def _codes(column: str) -> pl.Expr:
    """ "u1, U4,," as "U1,U4" (blank if no code is left)."""
    codes = (
        _text(column)
        .str.replace_all(r"\s+", "")
        .str.split(",")
        .list.eval(pl.element().filter(pl.element() != ""))
        .list.join(",")
    )
    return pl.when(codes == "").then(None).otherwise(codes)


def _date(column: str) -> pl.Expr:
    text = _text(column)
    return pl.coalesce(
        [text.str.strptime(pl.Date, fmt, strict=False) for fmt in DATE_FORMATS]
    ).alias(column)


def providers_typed(
    frame: pl.DataFrame, *, source: str = "the provider list", lines: list[int] | None = None
) -> pl.DataFrame:
    """The provider list as the typed `ProviderInfo` table, from a frame of its columns as
    text. ValueError names `source`, the line (`lines`: the header's, then one per row; else
    the header is line 1 and row r is line r + 2) and the column: a column missing, or a date
    that is not one."""
    lines = lines or list(range(1, frame.height + 2))
    missing = [name for name in PROVIDER_COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(
            f"{source}: line {lines[0]}: no column {', '.join(missing)} (a provider list has the "
            f"columns {', '.join(PROVIDER_COLUMNS)})"
        )
    given = frame.select(pl.col(name).cast(pl.String) for name in PROVIDER_COLUMNS)
    typed = given.with_row_index("row").select(
        pl.col("row").cast(pl.Int64),
        *(_typed(name) for name in PROVIDER_COLUMNS),
    )
    for name in DATE_COLUMNS:
        bad = typed.with_columns(given[name].alias("given")).filter(
            pl.col(name).is_null() & _text("given").is_not_null()
        )
        if bad.height:
            first = bad.row(0, named=True)
            value = first["given"].strip()
            raise ValueError(
                f"{source}: line {lines[first['row'] + 1]}: {name} {value!r} is not a date "
                "(expected DD/MM/YYYY or YYYY-MM-DD)"
            )
    return typed


def _typed(name: str) -> pl.Expr:
    if name in DATE_COLUMNS:
        return _date(name)
    if name in CODE_LIST_COLUMNS:
        return _codes(name).alias(name)
    return _text(name).alias(name)


def _records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Each non-blank record and the line it starts on (a quoted value may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as error:
        where = f"{path.name}: line {reader.line_num}"
        raise ValueError(f"{where}: not readable CSV ({error})") from error
    return records


def providers_read(path: Path) -> pl.DataFrame:
    """The provider list CSV file (a header row, then one row per URN and LA; UTF-8) as the
    typed `ProviderInfo` table. ValueError names the file, the line and the column of what is
    wrong; OSError if the file cannot be read."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValueError(f"{path.name}: line {line}: not UTF-8; save the file as UTF-8") from error
    records = _records(path, text)
    if not records:
        raise ValueError(f"{path.name}: line 1: the file is empty (expected a header row)")
    header_line, header = records[0]
    names = [cell.strip().upper() for cell in header]
    for name in PROVIDER_COLUMNS:
        if names.count(name) > 1:
            raise ValueError(f"{path.name}: line {header_line}: column {name} appears twice")
    rows = records[1:]
    columns = {
        name: [record[i] if i < len(record) else None for _, record in rows]
        for i, name in enumerate(names)
        if name in PROVIDER_COLUMNS
    }
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    lines = [header_line, *(line for line, _ in rows)]
    return providers_typed(frame, source=path.name, lines=lines)
