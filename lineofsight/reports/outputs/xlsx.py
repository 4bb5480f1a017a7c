"""A scorecard as an Excel workbook: a summary, one sheet per section, and the figures.

    Path("pack.xlsx").write_bytes(scorecard_xlsx(card, commentary))

* **Summary**: who and what the pack is for, when it was produced and from what, how many
  indicators are green, amber and red, and a contents list linking to each sheet.
* **One sheet per section**: a row per indicator with its value (a number, formatted in its
  unit), numerator and denominator, target, RAG (a coloured cell that also says the status),
  published figure, comparators, one column per trend period, and the commentary.
* **Data**: every value computed for every period (`card.values`) as an Excel table with
  filters, for analysts to pivot.

Only aggregate figures are written: never `card.rows`, which names the children counted.
Text is always written as text, so nothing typed into commentary can become a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lineofsight.indicators.definitions.base import Unit
from lineofsight.reports.domain.charts import VALUE_PLACES
from lineofsight.reports.domain.scorecard import Line, Scorecard, Section
from lineofsight.reports.outputs.commentary import (
    Commentary,
    commentary_for,
    local_time,
    long_date,
)

SUMMARY_SHEET = "Summary"
DATA_SHEET = "Data"
DATA_TABLE = "ScorecardValues"
SHEET_NAME_LIMIT = 31
# Excel keeps "History" for its change tracking, whatever the case.
RESERVED_SHEET_NAMES = frozenset({"history"})
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")

NO_PERSONAL_DATA = (
    "This workbook holds no personal data: only figures for the council (or team) as a "
    "whole. The children counted are not listed in it."
)
RAG_LABELS = {"green": "Green", "amber": "Amber", "red": "Red"}
# GOV.UK tag colours: text on a tint, each pair above 4.5:1 contrast.
RAG_COLOURS = {
    "green": ("#005a30", "#cce2d8"),
    "amber": ("#594d00", "#fff7bf"),
    "red": ("#942514", "#f4cdc6"),
}
SECTION_HEADERS = (
    "Ref",
    "Indicator",
    "Value",
    "Numerator",
    "Denominator",
    "Target",
    "RAG",
    "Published figure",
    "England",
    "Region",
    "Statistical neighbours (mean)",
    "Quartile band",
)
DATA_HEADERS = ("Code", "Title", "Period", "Numerator", "Denominator", "Value")
HEADER_ROW = 3  # zero-based: title, commentary, a blank row, then the headers


def sheet_names(titles: Iterable[str], *, taken: Iterable[str] = ()) -> list[str]:
    """A valid, unique Excel sheet name for each title: at most 31 characters, none of
    `[]:*?/\\`, no leading or trailing apostrophe, unique ignoring case (and unlike `taken`)."""
    used = {name.casefold() for name in taken} | set(RESERVED_SHEET_NAMES)
    names = []
    for number, title in enumerate(titles, start=1):
        base = " ".join(_FORBIDDEN_IN_SHEET_NAME.sub(" ", title).split()).strip("'").strip()
        base = base[:SHEET_NAME_LIMIT].rstrip().rstrip("'") or f"Section {number}"
        name, copy = base, 1
        while name.casefold() in used:
            copy += 1
            suffix = f" ({copy})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip().rstrip("'") + suffix
        used.add(name.casefold())
        names.append(name)
    return names


def unit_number_format(unit: str, decimals: int) -> str:
    """An Excel number format showing a value in its unit (the cell keeps the number)."""
    number = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if unit == Unit.PERCENT:
        return f'{number}"%"'  # the value is already a percentage: Excel's % would scale it
    if unit == Unit.RATE_PER_10K:
        return f'{number}" per 10,000"'
    if unit == Unit.DAYS:
        return f'{number}" days"'
    return number


def _local(moment: dt.datetime) -> dt.datetime:
    """A naive London time for Excel, which has no time zones."""
    return local_time(moment).replace(tzinfo=None)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _value(value: float | None) -> float | None:
    """A value as the JSON snapshot keeps it, so a pack produced again is the same."""
    value = _finite(value)
    return None if value is None else round(value, VALUE_PLACES)


def _header_text(text: str) -> str:
    """Text for a page header or footer, where "&" starts a code."""
    return text.replace("&", "&&")


class _Styles:
    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.title = workbook.add_format({"bold": True, "font_size": 16})
        self.heading = workbook.add_format({"bold": True, "font_size": 13})
        self.marking = workbook.add_format({"bold": True, "font_color": "#0b0c0c"})
        self.label = workbook.add_format({"bold": True, "valign": "top"})
        self.text = workbook.add_format({"valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.link = workbook.add_format({"font_color": "#1d70b8", "underline": 1})
        self.header = workbook.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "valign": "bottom",
                "bg_color": "#f3f2f1",
                "bottom": 2,
            }
        )
        self.when = workbook.add_format({"num_format": "d mmmm yyyy hh:mm", "align": "left"})
        self.count = workbook.add_format({"num_format": "#,##0.##", "valign": "top"})
        self.whole = workbook.add_format({"num_format": "#,##0", "align": "left"})
        self.centre = workbook.add_format({"align": "center", "valign": "top"})
        self.rag = {
            status: workbook.add_format(
                {
                    "bold": True,
                    "align": "center",
                    "valign": "top",
                    "font_color": text,
                    "bg_color": fill,
                    "border": 1,
                    "border_color": text,
                }
            )
            for status, (text, fill) in RAG_COLOURS.items()
        }
        self._units: dict[tuple[str, int], Format] = {}

    def unit(self, unit: str, decimals: int) -> Format:
        key = (unit, decimals)
        if key not in self._units:
            self._units[key] = self.workbook.add_format(
                {"num_format": unit_number_format(unit, decimals), "valign": "top"}
            )
        return self._units[key]


def _number(
    sheet: Worksheet, row: int, col: int, value: float | None, style: Format | None = None
) -> None:
    value = _finite(value)
    if value is None:
        sheet.write_blank(row, col, None, style)
    else:
        sheet.write_number(row, col, value, style)


def _commentary_text(found: Commentary | None) -> str:
    if found is None:
        return ""
    return f"{found.text.strip()}\n({found.author}, {long_date(_local(found.written_at))})"


def _page_setup(sheet: Worksheet, card: Scorecard, *, landscape: bool) -> None:
    if landscape:
        sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_header(
        f'&L{_header_text(card.council)}&C&"Arial,Bold"OFFICIAL&R{_header_text(card.title)}'
    )
    sheet.set_footer("&LPage &P of &N&R&A")


def _rag_counts(card: Scorecard) -> list[tuple[str, int]]:
    statuses = [line.rag for line in card.lines]
    counts = [(RAG_LABELS[s], statuses.count(s)) for s in ("green", "amber", "red")]
    counts.append(("No RAG rating", sum(1 for s in statuses if s not in RAG_LABELS)))
    return counts


def _write_summary(sheet: Worksheet, card: Scorecard, styles: _Styles, names: list[str]) -> None:
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 70)
    sheet.set_column(2, 2, 14)
    sheet.write_string(0, 0, card.title, styles.title)
    sheet.write_string(1, 0, "OFFICIAL", styles.marking)
    period = card.period
    rows: list[tuple[str, str | dt.datetime | int]] = [
        ("Council", card.council),
        ("Board", f"{card.title} ({card.board})"),
        ("Audience", card.audience),
    ]
    if card.team is not None:
        rows.append(("Team", card.team_name or card.team))
    rows += [
        (
            "Period",
            f"{period.label} ({long_date(period.start)} to {long_date(period.end)})",
        ),
        ("Generated", _local(card.generated_at)),
        ("Source", card.source),
        ("Code version", card.code_version or "not recorded"),
    ]
    if card.population is not None:
        rows.append(("Children aged 0-17", card.population))
    row = 3
    for label, value in rows:
        sheet.write_string(row, 0, label, styles.label)
        if isinstance(value, dt.datetime):
            sheet.write_datetime(row, 1, value, styles.when)
        elif isinstance(value, int):
            sheet.write_number(row, 1, value, styles.whole)
        else:
            sheet.write_string(row, 1, value, styles.text)
        row += 1

    row += 1
    sheet.write_string(row, 0, "RAG status", styles.header)
    sheet.write_string(row, 1, "Indicators", styles.header)
    for label, count in _rag_counts(card):
        row += 1
        sheet.write_string(row, 0, label, styles.text)
        sheet.write_number(row, 1, count, styles.whole)

    row += 2
    sheet.write_string(row, 0, "Section", styles.header)
    sheet.write_string(row, 1, "Sheet", styles.header)
    sheet.write_string(row, 2, "Indicators", styles.header)
    for section, name in zip(card.sections, names, strict=True):
        row += 1
        sheet.write_string(row, 0, section.title, styles.text)
        target = "internal:'" + name.replace("'", "''") + "'!A1"
        sheet.write_url(row, 1, target, styles.link, string=name)
        sheet.write_number(row, 2, len(section.lines), styles.whole)
    row += 1
    sheet.write_string(row, 0, DATA_SHEET, styles.text)
    sheet.write_url(row, 1, f"internal:'{DATA_SHEET}'!A1", styles.link, string=DATA_SHEET)

    row += 2
    sheet.write_string(row, 0, "Personal data", styles.label)
    sheet.write_string(row, 1, NO_PERSONAL_DATA, styles.wrap)
    sheet.set_row(row, 30)
    for note in card.notes:
        row += 1
        sheet.write_string(row, 0, "Note", styles.label)
        sheet.write_string(row, 1, note, styles.wrap)


def _write_line(
    sheet: Worksheet,
    row: int,
    line: Line,
    written: Commentary | None,
    styles: _Styles,
) -> None:
    unit = styles.unit(line.unit, line.decimals)
    found = line.comparators
    sheet.write_string(row, 0, line.ref, styles.text)
    sheet.write_string(row, 1, line.title, styles.wrap)
    _number(sheet, row, 2, _value(line.value), unit)
    _number(sheet, row, 3, line.numerator, styles.count)
    _number(sheet, row, 4, line.denominator, styles.count)
    _number(sheet, row, 5, _value(line.target), unit)
    if line.rag in RAG_LABELS:
        sheet.write_string(row, 6, RAG_LABELS[line.rag], styles.rag[line.rag])
    else:
        sheet.write_blank(row, 6, None, styles.centre)
    _number(sheet, row, 7, _value(line.published), unit)
    _number(sheet, row, 8, _value(found.england if found else None), unit)
    _number(sheet, row, 9, _value(found.region if found else None), unit)
    _number(sheet, row, 10, _value(found.neighbours_mean if found else None), unit)
    if found is not None and found.quartile_band:
        sheet.write_string(row, 11, found.quartile_band, styles.centre)
    else:
        sheet.write_blank(row, 11, None, styles.centre)
    col = len(SECTION_HEADERS)
    for point in line.trend:
        _number(sheet, row, col, _value(point.value), unit)
        col += 1
    sheet.write_string(row, col, _commentary_text(written), styles.wrap)


def _write_section(
    sheet: Worksheet,
    card: Scorecard,
    section: Section,
    commentary: Mapping[str, Commentary],
    styles: _Styles,
) -> None:
    periods = [point.period for point in section.lines[0].trend] if section.lines else []
    headers = [*SECTION_HEADERS, *periods, "Commentary"]
    sheet.write_string(0, 0, section.title, styles.heading)
    sheet.write_string(1, 0, "Commentary", styles.label)
    written = commentary_for(commentary, section)
    sheet.write_string(1, 1, _commentary_text(written) or "None recorded", styles.wrap)
    for col, header in enumerate(headers):
        sheet.write_string(HEADER_ROW, col, header, styles.header)
    sheet.set_row(HEADER_ROW, 45)
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 45)
    sheet.set_column(2, 10, 13)
    sheet.set_column(11, 11, 9)
    if periods:
        sheet.set_column(len(SECTION_HEADERS), len(headers) - 2, 12)
    sheet.set_column(len(headers) - 1, len(headers) - 1, 60)
    for offset, line in enumerate(section.lines):
        _write_line(
            sheet,
            HEADER_ROW + 1 + offset,
            line,
            commentary_for(commentary, section, line),
            styles,
        )
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    sheet.repeat_rows(HEADER_ROW)
    _page_setup(sheet, card, landscape=True)


def _write_data(sheet: Worksheet, card: Scorecard, styles: _Styles) -> None:
    titles = {line.code: line.title for line in card.lines}
    frame = card.values.select("code", "period", "numerator", "denominator", "value")
    row = 0
    for row, (code, period, numerator, denominator, value) in enumerate(frame.iter_rows(), start=1):
        sheet.write_string(row, 0, code)
        sheet.write_string(row, 1, titles.get(code, code))
        sheet.write_string(row, 2, period)
        _number(sheet, row, 3, numerator)
        _number(sheet, row, 4, denominator)
        _number(sheet, row, 5, _value(value))
    # A table needs a data row; an empty scorecard gets one blank row.
    last = max(row, 1)
    sheet.add_table(
        0,
        0,
        last,
        len(DATA_HEADERS) - 1,
        {
            "name": DATA_TABLE,
            "style": "Table Style Light 9",
            "autofilter": True,
            "columns": [{"header": header} for header in DATA_HEADERS],
        },
    )
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 22)
    sheet.set_column(3, 5, 14)
    sheet.freeze_panes(1, 0)
    _page_setup(sheet, card, landscape=False)


def scorecard_xlsx(card: Scorecard, commentary: Mapping[str, Commentary]) -> bytes:
    """The scorecard as an .xlsx file's bytes (sheets: Summary, one per section, Data)."""
    buffer = io.BytesIO()
    period = card.period
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties(
        {
            "title": ": ".join(filter(None, (card.council, card.title))) + f", {period.label}",
            "subject": "Performance report",
            "author": "Line of Sight",
            "company": card.council,
            "keywords": "OFFICIAL",
            "comments": NO_PERSONAL_DATA,
            "created": _local(card.generated_at),
        }
    )
    styles = _Styles(workbook)
    names = sheet_names(
        (section.title for section in card.sections), taken=(SUMMARY_SHEET, DATA_SHEET)
    )
    summary = workbook.add_worksheet(SUMMARY_SHEET)
    _write_summary(summary, card, styles, names)
    _page_setup(summary, card, landscape=False)
    for section, name in zip(card.sections, names, strict=True):
        _write_section(workbook.add_worksheet(name), card, section, commentary, styles)
    _write_data(workbook.add_worksheet(DATA_SHEET), card, styles)
    workbook.close()
    return buffer.getvalue()
