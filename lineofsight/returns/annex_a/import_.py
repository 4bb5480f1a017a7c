"""Read an Ofsted Annex A workbook back into lists 1-11 and journey frames (the inverse of
`export.py`).

**Sheets.** A list's sheet is found by name: "List 3", and councils' forms such as "List3"
or "list 3 - referrals" (an exact "List 3" wins if there are several). A missing sheet reads
as an empty list, with a note; a workbook with no list sheet at all is an error.

**Headings.** The heading row is the first of a sheet's first 10 rows holding the list's
identifier (Child Unique ID; Individual adopter identifier on list 11) and one more heading.
Each heading is matched to a 2024 column exactly (spaces trimmed), then ignoring case, spaces
and punctuation, then by the spec's `header_regex` (loose patterns such as `.*age.*`, so
they come last). Columns may be in any order, so a sheet with moved columns or the earlier
template's order reads the same. A 2024 column the sheet lacks (an earlier workbook has no
UASC column on list 8, nor list 9's UASC, personal adviser, pathway plan review and latest
contact) reads as blank, with a note; a missing identifier or key date is an error.

**Values.** Dates (Excel dates, Excel day numbers, or text dd/mm/yyyy or yyyy-mm-dd) become
`pl.Date`; numbers `Int64` (a fractional age is truncated to completed years); categories
become the template's option as the exporter writes it, through `codes.py`; Excel error
values (#N/A …) read as blank. A bad value is an error naming the file, the cell
(`List 3!F7`), the heading, the value and what was expected. Lists 8 and 9 have one row per
child; a child twice there is an error naming both rows. Lists 6 and 7 may hold a child
twice (an episode or plan that ended in the six months and a new one), so they are not
checked. Frames are built by `frames_in.py`; read its docstring for what they carry.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from lineofsight.returns.annex_a.codes import category_column, text_normal
from lineofsight.returns.annex_a.frames_in import Notes, annex_a_frames
from lineofsight.returns.annex_a.spec import ColumnSpec, ListSpec, annex_a_spec
from lineofsight.returns.domain.errors import ReturnError

HEADING_ROWS_SEARCHED = 10
# The list's identifier first, then the date that says what a row is.
REQUIRED: dict[str, tuple[str, ...]] = {
    "list_1": ("Child Unique ID", "Date of Contact"),
    "list_2": ("Child Unique ID", "Assessment start date"),
    "list_3": ("Child Unique ID", "Date of referral"),
    "list_4": ("Child Unique ID", "Continuous Assessment Start Date"),
    "list_5": ("Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date"),
    "list_6": ("Child Unique ID", "CIN Start Date"),
    "list_7": ("Child Unique ID", "Child Protection Plan Start Date"),
    "list_8": ("Child Unique ID", "Date Started to be Looked After"),
    "list_9": ("Child Unique ID",),
    "list_10": ("Child Unique ID", "Date of Decision that Child Should be Placed for Adoption"),
    "list_11": ("Individual adopter identifier", "Date enquiry received"),
}
ONE_ROW_PER_CHILD = ("list_8", "list_9")
ADDED_IN_2024 = {
    ("list_8", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"),
    ("list_9", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"),
    ("list_9", "Allocated Personal Advisor"),
    ("list_9", "Latest Pathway Plan Review Date"),
    ("list_9", "Latest Date of Contact"),
}
LIST_TITLES = {
    "list_1": "contacts",
    "list_2": "early help",
    "list_3": "referrals",
    "list_4": "assessments",
    "list_5": "section 47 enquiries",
    "list_6": "children in need",
    "list_7": "child protection",
    "list_8": "children in care",
    "list_9": "care leavers",
    "list_10": "adoption",
    "list_11": "adopters",
}
EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"}
)
AGE_HEADINGS = ("Age of Child (Years)",)
_ZIP = b"PK\x03\x04"
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"
_SHEET_NAME = re.compile(r"^\s*list\s*0*(\d+)(?!\d)", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_EXCEL_DAYS = (1, 2958465)  # 1 January 1900 to 31 December 9999
EXPECTED_DATE = "a date (dd/mm/yyyy or an Excel date)"
EXPECTED_NUMBER = "a whole number"


@dataclass(frozen=True)
class AnnexARead:
    """One Annex A workbook: its lists (2024 headings and order), frames and notes."""

    lists: dict[str, pl.DataFrame]
    frames: dict[str, pl.DataFrame]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _ListRead:
    frame: pl.DataFrame
    rows: tuple[int, ...]  # the sheet row each frame row came from


Rows = list[tuple[Any, ...]]


# -- the workbook and its sheets ----------------------------------------------------------


def _workbook_open(path: Path) -> Any:
    """The workbook, read-only with formulas' last values; ReturnError if it is not one."""
    name = path.name
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except OSError as error:
        raise ReturnError(f"{name}: cannot be read: {error}") from error
    if not start:
        raise ReturnError(f"{name}: the file is empty (expected an Annex A workbook, .xlsx)")
    if start.startswith(_OLD_EXCEL):
        raise ReturnError(
            f"{name}: an Excel 97-2003 workbook (.xls) or a password-protected one; save it "
            "as an Excel workbook (.xlsx) without a password"
        )
    if not start.startswith(_ZIP):
        raise ReturnError(f"{name}: not an Excel workbook (expected an Annex A .xlsx file)")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReturnError(
            f"{name}: not a readable Excel workbook (expected an Annex A .xlsx file): {error}"
        ) from error


def _sheet_list_number(title: str) -> int | None:
    match = _SHEET_NAME.match(title)
    return int(match.group(1)) if match else None


def _list_sheets(name: str, titles: Sequence[str]) -> dict[str, str]:
    """List key -> sheet title. An exact "List N" wins over other forms; two other forms
    for one list are an error (which one is the list cannot be told)."""
    found: dict[str, str] = {}
    for spec in annex_a_spec():
        exact = [t for t in titles if t.strip() == spec.sheet_name]
        loose = [t for t in titles if _sheet_list_number(t) == spec.number]
        if exact:
            found[spec.key] = exact[0]
        elif len(loose) == 1:
            found[spec.key] = loose[0]
        elif loose:
            raise ReturnError(
                f"{name}: sheets {', '.join(repr(t) for t in loose)} all look like "
                f"{spec.sheet_name}; rename all but one"
            )
    if not found:
        shown = ", ".join(repr(t) for t in titles[:8])
        raise ReturnError(
            f"{name}: no Annex A list sheets (expected sheets named 'List 1' … 'List 11'; "
            f"found {shown or 'none'})"
        )
    return found


# -- headings -----------------------------------------------------------------------------


def _heading_normal(text: str) -> str:
    return re.sub(r"[\W_]+", "", text_normal(text))


def _exact(column: ColumnSpec, heading: str) -> bool:
    return " ".join(heading.split()) == column.name


def _normalised(column: ColumnSpec, heading: str) -> bool:
    return _heading_normal(heading) == _heading_normal(column.name)


def _by_regex(column: ColumnSpec, heading: str) -> bool:
    return column.heading_matches(heading)


_MATCHES: tuple[Callable[[ColumnSpec, str], bool], ...] = (_exact, _normalised, _by_regex)


def _headings_matched(
    cells: Sequence[Any], spec: ListSpec
) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Column name -> sheet column index, and the headings left over. Every heading is
    tried exactly first, so a loose match can never take a column another heading names."""
    rest = [
        (index, str(cell).strip())
        for index, cell in enumerate(cells)
        if cell is not None and str(cell).strip()
    ]
    found: dict[str, int] = {}
    for matches in _MATCHES:
        for index, heading in list(rest):
            for column in spec.columns:
                if column.name not in found and matches(column, heading):
                    found[column.name] = index
                    rest.remove((index, heading))
                    break
    return found, rest


def _heading_row(
    name: str, title: str, spec: ListSpec, rows: Rows
) -> tuple[int, dict[str, int], list[tuple[int, str]]]:
    """The heading row's index, its matched columns and its other headings."""
    identifier = REQUIRED[spec.key][0]
    for index, cells in enumerate(rows[:HEADING_ROWS_SEARCHED]):
        found, rest = _headings_matched(cells, spec)
        if identifier in found and len(found) >= 2:
            return index, found, rest
    first = next((cells for cells in rows if any(_filled(c) for c in cells)), ())
    shown = ", ".join(repr(str(c).strip()) for c in first if _filled(c))
    raise ReturnError(
        f"{name}: {title}: no heading row with {identifier!r} in the first "
        f"{HEADING_ROWS_SEARCHED} rows (the first row with anything in it has {shown or 'nothing'})"
    )


def _check_required(
    name: str, title: str, spec: ListSpec, found: dict[str, int], headings: Iterable[str]
) -> None:
    for heading in REQUIRED[spec.key]:
        if heading not in found:
            shown = ", ".join(repr(h) for h in headings)
            raise ReturnError(
                f"{name}: {title}: no {heading!r} column (expected a heading like "
                f"{heading!r}; found {shown})"
            )


# -- cell values --------------------------------------------------------------------------


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class _Cell:
    """Where a value is, for messages: file, sheet!cell and heading."""

    name: str
    sheet: str
    column: int
    row: int
    heading: str

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column + 1)}{self.row}"

    def error(self, value: Any, problem: str, expected: str) -> ReturnError:
        return ReturnError(
            f"{self.name}: {self.ref} ({self.heading}): {_shown(value)} {problem}; "
            f"expected {expected}"
        )


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return repr(value.strip() if isinstance(value, str) else value)


def _whole_text(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _text(value: Any) -> str:
    """A cell as text: 7 not 7.0, dates as dd/mm/yyyy, non-breaking spaces as spaces."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return _whole_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return " ".join(str(value).replace("\xa0", " ").split())


def _date_from_text(text: str) -> tuple[int, int, int] | None:
    if match := _DMY.match(text):
        day, month, year = (int(part) for part in match.groups())
        return year, month, day
    if match := _YMD.match(text):
        year, month, day = (int(part) for part in match.groups())
        return year, month, day
    return None


def _date(value: Any, cell: _Cell, epoch: dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not _EXCEL_DAYS[0] <= value <= _EXCEL_DAYS[1]:
            raise cell.error(value, "is out of range as an Excel date", EXPECTED_DATE)
        return from_excel(value, epoch=epoch).date()
    if isinstance(value, str):
        parts = _date_from_text(value.strip())
        if parts is None:
            raise cell.error(value, "is not a date", EXPECTED_DATE)
        try:
            return dt.date(*parts)
        except ValueError as error:
            raise cell.error(value, f"is not a date ({error})", EXPECTED_DATE) from error
    raise cell.error(value, "is not a date", EXPECTED_DATE)


def _whole_number(value: Any, cell: _Cell) -> int:
    number: float | int
    if isinstance(value, bool | dt.date | dt.datetime):
        raise cell.error(value, "is not a number", EXPECTED_NUMBER)
    if isinstance(value, int | float):
        number = value
    else:
        try:
            number = float(str(value).strip())
        except ValueError as error:
            raise cell.error(value, "is not a number", EXPECTED_NUMBER) from error
    if float(number).is_integer():
        return int(number)
    if cell.heading in AGE_HEADINGS:
        return int(number)  # councils' own sheets give age in fractional years
    raise cell.error(value, "is not a whole number", EXPECTED_NUMBER)


def _category(value: Any, cell: _Cell, list_key: str) -> str:
    column = category_column(list_key, cell.heading)
    found = column.value(_text(value))
    if found is None:
        raise cell.error(value, "is not an option of this column", column.allowed())
    return found


def _value(value: Any, column: ColumnSpec, cell: _Cell, list_key: str, epoch: dt.datetime) -> Any:
    if column.kind == "date":
        return _date(value, cell, epoch)
    if column.kind == "numeric":
        return _whole_number(value, cell)
    if column.kind == "category":
        return _category(value, cell, list_key)
    return _text(value)


def _dtype(column: ColumnSpec) -> pl.DataType:
    if column.kind == "date":
        return pl.Date()
    if column.kind == "numeric":
        return pl.Int64()
    return pl.String()


# -- one list -----------------------------------------------------------------------------


class _SheetReader:
    """Reads one list's sheet into a frame with the 2024 headings in 2024 order."""

    def __init__(self, name: str, title: str, spec: ListSpec, epoch: dt.datetime) -> None:
        self.name = name
        self.title = title
        self.spec = spec
        self.epoch = epoch

    def read(self, rows: Rows, notes: Notes) -> _ListRead:
        start, found, rest = _heading_row(self.name, self.title, self.spec, rows)
        headings = [str(c).strip() for c in rows[start] if _filled(c)]
        _check_required(self.name, self.title, self.spec, found, headings)
        self._note_headings(found, rest, notes)
        identifier = REQUIRED[self.spec.key][0]
        values: dict[str, list[Any]] = {c.name: [] for c in self.spec.columns}
        numbers: list[int] = []
        # Sheet rows count from 1 and the data starts on the row after the headings.
        for number, cells in enumerate(rows[start + 1 :], start=start + 2):
            if not any(_filled(c) for c in cells):
                continue
            row = self._row(cells, number, found, notes)
            if row[identifier] is None:
                raise self._unidentified(found[identifier], number)
            for name, value in row.items():
                values[name].append(value)
            numbers.append(number)
        frame = pl.DataFrame(
            {c.name: pl.Series(c.name, values[c.name], dtype=_dtype(c)) for c in self.spec.columns}
        )
        read = _ListRead(frame=frame, rows=tuple(numbers))
        if self.spec.key in ONE_ROW_PER_CHILD:
            self._check_one_row_per_child(read)
        return read

    def _unidentified(self, column: int, number: int) -> ReturnError:
        identifier = REQUIRED[self.spec.key][0]
        cell = _Cell(self.name, self.title, column, number, identifier)
        whose = "adopter" if self.spec.key == "list_11" else "child"
        return ReturnError(
            f"{self.name}: {cell.ref} ({identifier}): blank, but the row has other values "
            f"(expected the {whose}'s identifier)"
        )

    def _row(
        self, cells: tuple[Any, ...], number: int, found: dict[str, int], notes: Notes
    ) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for column in self.spec.columns:
            index = found.get(column.name)
            raw = cells[index] if index is not None and index < len(cells) else None
            cell = _Cell(self.name, self.title, index or 0, number, column.name)
            if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
                notes.add(
                    f"{self.spec.sheet_name} {column.name!r}: Excel error values read as blank",
                    cell.ref,
                )
                raw = None
            row[column.name] = (
                _value(raw, column, cell, self.spec.key, self.epoch) if _filled(raw) else None
            )
        return row

    def _note_headings(
        self, found: dict[str, int], rest: list[tuple[int, str]], notes: Notes
    ) -> None:
        sheet = self.spec.sheet_name
        for column in self.spec.columns:
            if column.name in found:
                continue
            added = (
                " (the 2024 template added it)"
                if (self.spec.key, column.name) in (ADDED_IN_2024)
                else ""
            )
            notes.add(f"{sheet}: no {column.name!r} column{added}; read as blank")
        for index, heading in rest:
            notes.add(
                f"{sheet}: column {get_column_letter(index + 1)} {heading!r} is not an "
                "Annex A heading; ignored"
            )

    def _check_one_row_per_child(self, read: _ListRead) -> None:
        seen: dict[str, int] = {}
        for child, row in zip(read.frame["Child Unique ID"].to_list(), read.rows, strict=True):
            if child in seen:
                raise ReturnError(
                    f"{self.name}: {self.title}: Child Unique ID {child!r} appears in rows "
                    f"{seen[child]} and {row} ({self.spec.sheet_name} has one row per child)"
                )
            seen[child] = row


def _empty_list(spec: ListSpec) -> _ListRead:
    return _ListRead(frame=pl.DataFrame(schema={c.name: _dtype(c) for c in spec.columns}), rows=())


def _sheet_rows(sheet: Any) -> Rows:
    return list(sheet.iter_rows(min_row=1, values_only=True))


def _lists_read(path: Path) -> tuple[dict[str, _ListRead], Notes]:
    path = Path(path)
    name = path.name
    workbook = _workbook_open(path)
    notes = Notes()
    try:
        sheets = _list_sheets(name, workbook.sheetnames)
        read: dict[str, _ListRead] = {}
        for spec in annex_a_spec():
            title = sheets.get(spec.key)
            if title is None:
                notes.add(
                    f"no sheet for {spec.sheet_name} ({LIST_TITLES[spec.key]}); read as empty"
                )
                read[spec.key] = _empty_list(spec)
                continue
            rows = _sheet_rows(workbook[title])
            if not any(_filled(c) for cells in rows for c in cells):
                notes.add(f"{spec.sheet_name}: the sheet {title!r} is empty; read as empty")
                read[spec.key] = _empty_list(spec)
                continue
            reader = _SheetReader(name, title, spec, workbook.epoch)
            read[spec.key] = reader.read(rows, notes)
    finally:
        workbook.close()
    return read, notes


def annex_a_lists_read(path: Path) -> tuple[dict[str, pl.DataFrame], tuple[str, ...]]:
    """Lists 1-11 from an Annex A workbook (2024 headings in 2024 order, whatever the
    sheet's order or template year), and notes on what was missing or ignored."""
    read, notes = _lists_read(path)
    return {key: list_read.frame for key, list_read in read.items()}, notes.lines()


def annex_a_read(path: Path, *, as_of: dt.date | None = None) -> AnnexARead:
    """The lists and the journey frames built from them. `as_of` (the inspection date) dates
    the care-leaver statuses of list 9; without it the latest date in lists 1-5 is used."""
    path = Path(path)
    read, notes = _lists_read(path)
    lists = {key: list_read.frame for key, list_read in read.items()}
    rows = {key: list_read.rows for key, list_read in read.items()}
    frames = annex_a_frames(lists, rows, name=path.name, as_of=as_of, notes=notes)
    return AnnexARead(lists=lists, frames=frames, notes=notes.lines())
