"""Read SSDA903 CSV tables back into journey frames (the inverse of `ssda903_write`).

Each file is recognised by its header row, as DfE's portal and the Data to Insight validator
do, never by its name: it is the table whose columns (in any year's spec) are exactly the
file's. Columns in another order are read by name, with a note. Every cell is read as a
string, stripped, and blank is null; a row says where it was read (`episodes.csv line 12`,
counting the header as line 1). The files are checked (empty, not UTF-8, a header that is no
table's, a table given twice, no header table, a row with the wrong number of values) before
the year is told and the tables are handed to `ssda903_frames`, which checks every value and
builds the frames: ReturnError names the file and line of the first problem, and nothing is
built from a return with one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.checks import WHERE, ssda903_year
from lineofsight.returns.ssda903.spec import BASE_YEAR, FILE_NAMES, LAST_YEAR, ssda903_spec
from lineofsight.returns.ssda903.tables_in import ssda903_frames

_BOM = "\ufeff"


@dataclass(frozen=True)
class Ssda903Read:
    """One SSDA903 return: its collection year, the journey frames, the tables as read
    (strings, with `_where`) and anything worth saying that did not stop the read."""

    year: int
    frames: dict[str, pl.DataFrame] = field(repr=False)
    tables: dict[str, pl.DataFrame] = field(repr=False)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Table:
    name: str
    path: Path
    frame: pl.DataFrame
    reordered: bool


@lru_cache(maxsize=1)
def _known_tables() -> dict[frozenset[str], tuple[str, tuple[str, ...]]]:
    """Every table's set of columns, in any year, to its name and DfE's column order."""
    known: dict[frozenset[str], tuple[str, tuple[str, ...]]] = {}
    for year in range(BASE_YEAR, LAST_YEAR + 1):
        for table in ssda903_spec(year).tables.values():
            known[frozenset(table.column_names)] = (table.name, tuple(table.column_names))
    return known


def _listed(names: Sequence[str] | set[str]) -> str:
    return ", ".join(sorted(names))


def _unrecognised(path: Path, line: int, columns: list[str]) -> ReturnError:
    """Say which table the header comes closest to, and what it lacks or has too many of."""
    given = set(columns)
    candidates = {name: set(order) for name, order in _known_tables().values()}
    closest = max(
        candidates,
        key=lambda name: (len(given & candidates[name]), -len(given ^ candidates[name])),
    )
    wanted = candidates[closest]
    if not given & wanted:
        return ReturnError(
            f"{path.name}: line {line}: the header matches no SSDA903 table (its columns: "
            f"{', '.join(columns)})"
        )
    parts = []
    if wanted - given:
        parts.append(f"missing columns {_listed(wanted - given)}")
    if given - wanted:
        parts.append(f"unexpected columns {_listed(given - wanted)}")
    return ReturnError(
        f"{path.name}: line {line}: the header matches no SSDA903 table; it is closest to "
        f"{closest} ({FILE_NAMES[closest]}): {'; '.join(parts)}"
    )


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReturnError(f"{path.name}: cannot be read: {error}") from error
    if not data.strip():
        raise ReturnError(
            f"{path.name}: line 1: the file is empty (expected a header row of SSDA903 columns)"
        )
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReturnError(
            f"{path.name}: line {line}, byte {error.start}: not UTF-8 "
            f"({data[error.start : error.start + 1]!r}); save the file as UTF-8"
        ) from error


def _records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank record and the line it starts on (a quoted value may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                yield line, [cell.strip() for cell in record]
            line = reader.line_num + 1
    except csv.Error as error:
        raise ReturnError(
            f"{path.name}: line {reader.line_num}: not readable CSV ({error})"
        ) from error


def _header(path: Path, line: int, columns: list[str]) -> tuple[str, tuple[str, ...]]:
    seen: set[str] = set()
    for column in columns:
        if not column:
            raise ReturnError(f"{path.name}: line {line}: a column has no name")
        if column in seen:
            raise ReturnError(f"{path.name}: line {line}: column {column} appears twice")
        seen.add(column)
    found = _known_tables().get(frozenset(columns))
    if found is None:
        raise _unrecognised(path, line, columns)
    return found


def _csv_table(path: Path) -> _Table:
    """One file as its table: every cell a string, blank null, plus where it was read."""
    records = _records(path, _text(path))
    first = next(records, None)
    if first is None:  # only blank lines and commas
        raise ReturnError(f"{path.name}: line 1: the file has no header row")
    header_line, columns = first
    name, order = _header(path, header_line, columns)
    values: dict[str, list[str | None]] = {column: [] for column in [*columns, WHERE]}
    for line, record in records:
        if len(record) > len(columns) and not any(record[len(columns) :]):
            record = record[: len(columns)]  # trailing commas some spreadsheets add
        if len(record) != len(columns):
            raise ReturnError(
                f"{path.name}: line {line}: {len(record)} values, expected {len(columns)} "
                f"(one per column of {name})"
            )
        for column, cell in zip(columns, record, strict=True):
            values[column].append(cell or None)
        values[WHERE].append(f"{path.name} line {line}")
    frame = pl.DataFrame(values, schema=dict.fromkeys(values, pl.String))
    return _Table(name, path, frame.select(*order, WHERE), tuple(columns) != order)


def _csv_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
            if not inside:
                raise ReturnError(f"{path}: the folder has no CSV files")
            files.extend(inside)
        elif path.is_file():
            files.append(path)
        else:
            raise ReturnError(f"{path}: no such file or folder")
    if not files:
        raise ReturnError("no SSDA903 CSV files were given")
    return files


def _tables(files: list[Path]) -> dict[str, _Table]:
    tables: dict[str, _Table] = {}
    for path in files:
        table = _csv_table(path)
        if table.name in tables:
            raise ReturnError(
                f"{path.name}: line 1: the {table.name} table again (already read from "
                f"{tables[table.name].path.name})"
            )
        tables[table.name] = table
    if "header" not in tables:
        columns = ", ".join(ssda903_spec(LAST_YEAR).tables["header"].column_names)
        raise ReturnError(
            f"no header table among {', '.join(p.name for p in files)} (expected a file "
            f"whose columns are {columns})"
        )
    return tables


def _read(
    paths: Sequence[Path], year: int | None, *, checked: bool
) -> tuple[int, dict[str, pl.DataFrame], tuple[str, ...]]:
    tables = _tables(_csv_files(paths))
    frames = {name: table.frame for name, table in tables.items()}
    if checked or year is None:
        year = ssda903_year(frames, year=year)
    spec = ssda903_spec(year)
    for table in tables.values():
        if table.name not in spec.tables:
            raise ReturnError(
                f"{table.path.name}: line 1: the {table.name} table is not part of the "
                f"{year - 1}-{str(year)[2:]} return"
            )
    notes = tuple(
        f"{table.path.name}: columns are not in DfE's order; read by name"
        for table in tables.values()
        if table.reordered
    )
    return year, frames, notes


def ssda903_tables_read(
    paths: Sequence[Path], *, year: int | None = None
) -> tuple[int, dict[str, pl.DataFrame], tuple[str, ...]]:
    """The return's year, its tables as read (strings, blanks null, `_where`) and notes,
    without checking the values: for validation, which reports a bad value as DfE's rules
    do rather than refusing the file. The year is told from the dates unless given."""
    return _read(paths, year, checked=False)


def ssda903_read(paths: Sequence[Path], *, year: int | None = None) -> Ssda903Read:
    """Read SSDA903 CSV tables (files, or folders meaning every `*.csv` in them) into journey
    frames. The year is the collection year holding the return's latest episode, review,
    missing or social-worker date; given `year`, a return whose dates say otherwise is
    refused. ReturnError names the file, line, column and value of what is wrong."""
    year, frames, notes = _read(paths, year, checked=True)
    return Ssda903Read(
        year=year, frames=ssda903_frames(frames, year=year), tables=frames, notes=notes
    )
