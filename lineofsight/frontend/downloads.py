"""A page's list as a CSV or Excel file: the same rows, in the same order, one header row.

A view describes a list once as a `DownloadTable` (column headers and how to read each value
from a row) and renders the same rows in its template, so the download and the page agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Row = TypeVar("Row")
Cell = str | int | float | Decimal | dt.date | None

CSV = "csv"
XLSX = "xlsx"
FORMATS = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A spreadsheet runs a cell starting with one of these as a formula; such text gets a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    value: Callable[[Row], Cell]


@dataclass(frozen=True)
class DownloadTable(Generic[Row]):
    """A list as a file: `filename` has no extension; `title` names the Excel sheet;
    `child_id` reads the child a row is about (for the audit of the export), if any."""

    title: str
    filename: str
    columns: Sequence[Column[Row]]
    rows: Sequence[Row]
    child_id: Callable[[Row], str] | None = None

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def child_ids(self) -> list[str]:
        if self.child_id is None:
            return []
        return sorted({self.child_id(row) for row in self.rows})

    def values(self) -> Iterator[list[Cell]]:
        for row in self.rows:
            yield [_safe(column.value(row)) for column in self.columns]


def _safe(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(table: DownloadTable[Row]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens names with accents correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    for values in table.values():
        writer.writerow([_csv_text(value) for value in values])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(table: DownloadTable[Row]) -> bytes:
    """One sheet: a bold, frozen header row with filters; dates as Excel dates."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = table.title.translate(SHEET_TITLE_FORBIDDEN)[:31] or "List"
    sheet.append(table.headers)
    widths = [len(header) for header in table.headers]
    for values in table.values():
        sheet.append(values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], len(_csv_text(value)))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    if table.headers:
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download_response(table: DownloadTable[Row], file_format: str) -> HttpResponse:
    """The list as an attachment; `file_format` is one of `FORMATS`."""
    content = csv_bytes(table) if file_format == CSV else xlsx_bytes(table)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    filename = UNSAFE_IN_FILENAME.sub("-", table.filename)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response
