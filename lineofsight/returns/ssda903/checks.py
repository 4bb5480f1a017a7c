"""SSDA903 tables, as read from CSV or XML, checked before any record is built, and the year
they are for. `tables_in.py` builds the records from what passes (its docstring says what is
checked and why); this module keeps the checks apart so each part stays small.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.export import (
    year_bounds,
)
from lineofsight.returns.ssda903.spec import LAST_YEAR, ColumnSpec, Spec, ssda903_spec

WHERE = "_where"

# The dates that say which year a return is for (DOBs and decisions can be years earlier).
EVENT_DATES: dict[str, tuple[str, ...]] = {
    "episodes": ("DECOM", "DEC"),
    "reviews": ("REVIEW",),
    "missing": ("MIS_START",),
    "social_worker": ("SW_DECOM",),
}

# Columns the model cannot do without when the row exists (whatever DfE's canbeblank says).
NEEDED: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "DOB", "ETHNIC"),
    "episodes": ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE"),
    "reviews": ("CHILD", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD",),
    "ad1": ("CHILD",),
    "placed_adoption": ("CHILD", "DATE_PLACED"),
    "prev_perm": ("CHILD", "PREV_PERM"),
    "oc2": ("CHILD",),
    "oc3": ("CHILD",),
    "missing": ("CHILD", "MISSING", "MIS_START"),
    "social_worker": ("CHILD", "SW_DECOM"),
}

# DfE column → the model column it fills, for the lengths the model allows.
_HELD_IN: dict[tuple[str, str], tuple[str, str]] = {
    ("header", "UPN"): ("child", "upn"),
    ("episodes", "HOME_POST"): ("cla_episode", "home_postcode"),
    ("episodes", "PL_POST"): ("cla_episode", "placement_postcode"),
    ("episodes", "URN"): ("cla_episode", "urn"),
    ("prev_perm", "LA_PERM"): ("previous_permanence", "la_code"),
    ("oc2", "SDQ_SCORE"): ("health_check", "value"),
    ("social_worker", "SW_ID"): ("worker", "staff_id"),
}

CARE_LEAVER_AGES = range(17, 22)
AD1_ITEMS = ("DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")

# DATE_PERM may have ZZ for an unknown day and/or month (rule 632), in DD/MM/YYYY order.
_PARTIAL_DATE = r"^(?:0[1-9]|[12]\d|3[01]|ZZ)/(?:0[1-9]|1[0-2]|ZZ)/\d{4}$"
_PARTIAL_DATES = {("prev_perm", "DATE_PERM")}
_SHOWN = 5
LONDON = ZoneInfo("Europe/London")
_DIRECTIVES = {"%d": (r"\d{2}", "DD"), "%m": (r"\d{2}", "MM"), "%Y": (r"\d{4}", "YYYY")}

Row = dict[str, Any]
Tables = Mapping[str, pl.DataFrame]


def season(year: int) -> str:
    return f"{year - 1}-{str(year)[2:]}"


def ymd(value: dt.date) -> str:
    return f"{value:%Y%m%d}"


def _collection_year(day: dt.date) -> int:
    return day.year + 1 if day.month >= 4 else day.year


@lru_cache(maxsize=8)
def _date_shape(date_format: str) -> tuple[str, str]:
    """A regex the whole value must match (so `1/2/17` is refused though it parses) and how
    to say the format to a person (`DD/MM/YYYY`)."""
    pattern, human = "^", ""
    for part in re.split(r"(%.)", date_format):
        regex, said = _DIRECTIVES.get(part, (re.escape(part), part))
        pattern += regex
        human += said
    return pattern + "$", human


def _said(value: object) -> str:
    """A value as the return wrote it: quoted text, or a date in DfE's form."""
    return f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else repr(value)


def _listing(codes: Iterable[str], most: int = 15) -> str:
    codes = list(codes)
    shown = ", ".join(codes[:most])
    return shown if len(codes) <= most else f"{shown}, … ({len(codes)} codes)"


def nth_birthday(born: dt.date, age: int) -> dt.date:
    """The `age`th birthday; 29 February falls on 28 February, as polars' offset_by (and so
    the exporter) counts it."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return born.replace(year=born.year + age, day=28)


def care_leaver_birthday(born: dt.date, year: int) -> tuple[int, dt.date] | None:
    """The age and date of the 17th to 21st birthday falling in the collection year."""
    start, end = year_bounds(year)
    for age in CARE_LEAVER_AGES:
        birthday = nth_birthday(born, age)
        if start <= birthday <= end:
            return age, birthday
    return None


# -- problems -------------------------------------------------------------------------------


class _Problems:
    """What is wrong with the return: the first few said in full, the rest counted."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.count = 0

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.shown) < _SHOWN:
            self.shown.append(message)

    def rows(self, frame: pl.DataFrame, bad: pl.Expr, say: Callable[[Row], str]) -> None:
        found = frame.filter(bad)
        for row in found.head(_SHOWN).iter_rows(named=True):
            self.add(say(row))
        self.count += max(found.height - _SHOWN, 0)

    def raise_any(self) -> None:
        if not self.count:
            return
        if self.count == 1:
            raise ReturnError(self.shown[0])
        rest = self.count - len(self.shown)
        listed = "\n".join(f"  {message}" for message in self.shown)
        more = f"\n  … and {rest} more" if rest else ""
        raise ReturnError(f"{self.count} problems in the SSDA903 return:\n{listed}{more}")


def _check_date(problems: _Problems, frame: pl.DataFrame, column: ColumnSpec, table: str) -> None:
    date_format = column.date_format or "%d/%m/%Y"
    shape, human = _date_shape(date_format)
    value = pl.col(column.name)
    shaped = value.str.contains(shape)
    if (table, column.name) in _PARTIAL_DATES:
        # A date with ZZ is a partial date; anything else must be a real one.
        shaped = shaped | value.str.contains(_PARTIAL_DATE)
        value = pl.when(value.str.contains("Z")).then(None).otherwise(value)
        human += " (ZZ for an unknown day or month)"
    name = column.name
    problems.rows(
        frame,
        pl.col(name).is_not_null() & ~shaped,
        lambda row: f"{row[WHERE]}: {name} {row[name]!r} is not a date (expected {human})",
    )
    problems.rows(
        frame,
        shaped & value.is_not_null() & value.str.to_date(date_format, strict=False).is_null(),
        lambda row: f"{row[WHERE]}: {name} {row[name]!r} is not a real date",
    )


def _check_value(
    problems: _Problems, frame: pl.DataFrame, table: str, column: ColumnSpec, year: int
) -> None:
    """Each value as the spec says: a date in its format, a code of the year, a number."""
    name = column.name
    value = pl.col(name)
    if column.kind == "date":
        _check_date(problems, frame, column, table)
    elif column.kind == "category" and column.codes:
        codes = [code.code for code in column.codes]
        expected = _listing(codes)
        problems.rows(
            frame,
            value.is_not_null() & ~value.is_in(codes),
            lambda row: (
                f"{row[WHERE]}: {name} {row[name]!r} is not a {season(year)} code "
                f"(expected one of {expected})"
            ),
        )
    elif column.kind == "numeric":
        problems.rows(
            frame,
            value.is_not_null() & ~value.str.contains(r"^\d+$"),
            lambda row: f"{row[WHERE]}: {name} {row[name]!r} is not a whole number",
        )
    held = _HELD_IN.get((table, name), ("child", "child_id") if name == "CHILD" else None)
    longest = TABLES[held[0]].column(held[1]).max_length if held else None
    if longest is not None:
        problems.rows(
            frame,
            value.str.len_chars() > longest,
            lambda row: (
                f"{row[WHERE]}: {name} {row[name]!r} is longer than the {longest} "
                "characters it can have"
            ),
        )


def _expected(column: ColumnSpec) -> str:
    if column.kind == "date":
        return f"a date, {_date_shape(column.date_format or '%d/%m/%Y')[1]}"
    if column.kind == "category" and column.codes:
        return f"one of {_listing(code.code for code in column.codes)}"
    return "a value"


def _check_blank(problems: _Problems, frame: pl.DataFrame, name: str, expected: str) -> None:
    problems.rows(
        frame,
        pl.col(name).is_null(),
        lambda row: f"{row[WHERE]}: {name} is blank (expected {expected})",
    )


def _check_needed(problems: _Problems, frame: pl.DataFrame, table: str, spec: Spec) -> None:
    for name in NEEDED[table]:
        _check_blank(problems, frame, name, _expected(spec.tables[table].column(name)))
    if table == "ad1":
        given = pl.any_horizontal(pl.col(item).is_not_null() for item in AD1_ITEMS)
        problems.rows(
            frame,
            given & pl.col("DATE_INT").is_null(),
            lambda row: (
                f"{row[WHERE]}: DATE_INT is blank but other AD1 items are given "
                "(expected the date of the decision they belong to)"
            ),
        )
    if table == "oc3":
        # ACCOM alone may be blank (residence not known); IN_TOUCH and ACTIV have no such code.
        blank = [pl.col(item).is_null() for item in OC3_ITEMS]
        problems.rows(
            frame,
            ~pl.all_horizontal(blank) & (blank[0] | blank[1]),
            lambda row: (
                f"{row[WHERE]}: "
                f"{', '.join(item for item in OC3_ITEMS if row[item] is None)} blank while "
                f"{', '.join(item for item in OC3_ITEMS if row[item] is not None)} given "
                "(expected IN_TOUCH and ACTIV both given, or all three blank)"
            ),
        )


def _check_shape(tables: Tables, spec: Spec) -> None:
    """Every table one the year has, with its columns, all strings, and `_where`."""
    for name, frame in tables.items():
        if name not in spec.tables:
            known = name in ssda903_spec(LAST_YEAR).tables
            why = f"is not part of the {season(spec.year)} return" if known else "is unknown"
            raise ReturnError(f"SSDA903 table {name!r} {why}")
        wanted = [*spec.tables[name].column_names, WHERE]
        missing = [column for column in wanted if column not in frame.columns]
        if missing:
            raise ReturnError(f"SSDA903 {name} table: columns {', '.join(missing)} are missing")
        wrong = [column for column in wanted if frame.schema[column] != pl.String]
        if wrong:
            raise ReturnError(f"SSDA903 {name} table: columns {', '.join(wrong)} are not strings")


def _full(tables: Tables, spec: Spec) -> dict[str, pl.DataFrame]:
    """Every table of the year, an empty one where none was given, in the spec's columns."""
    return {
        name: tables[name].select(*table.column_names, WHERE)
        if name in tables
        else pl.DataFrame(schema=dict.fromkeys([*table.column_names, WHERE], pl.String))
        for name, table in spec.tables.items()
    }


def _typed(tables: dict[str, pl.DataFrame], spec: Spec) -> dict[str, pl.DataFrame]:
    """The checked tables with their dates as dates (a partial DATE_PERM stays text)."""
    typed: dict[str, pl.DataFrame] = {}
    for name, frame in tables.items():
        dates = [
            pl.col(column.name).str.to_date(column.date_format or "%d/%m/%Y", strict=False)
            for column in spec.tables[name].columns
            if column.kind == "date" and (name, column.name) not in _PARTIAL_DATES
        ]
        typed[name] = frame.with_columns(dates)
    return typed


def _check_once(problems: _Problems, frame: pl.DataFrame, table: str, by: list[str]) -> None:
    """Each `by` (a child, or a child's decision) once in `table`: the model holds one."""
    rows = frame.drop_nulls(by)
    first = rows.group_by(by, maintain_order=True).agg(pl.col(WHERE).first().alias("first"))
    said = " and ".join(by)
    problems.rows(
        rows.join(first, on=by, how="left"),
        pl.col(WHERE) != pl.col("first"),
        lambda row: (
            f"{row[WHERE]}: {said} {', '.join(_said(row[c]) for c in by)} is in {table} "
            f"twice (first at {row['first']})"
        ),
    )


def _check_in_header(problems: _Problems, typed: dict[str, pl.DataFrame]) -> None:
    known = typed["header"].select("CHILD").unique()
    for name, frame in typed.items():
        if name != "header":
            _check_known(problems, frame.join(known, on="CHILD", how="anti"), name)


def _check_known(problems: _Problems, strangers: pl.DataFrame, table: str) -> None:
    problems.rows(
        strangers,
        pl.lit(value=True),
        lambda row: f"{row[WHERE]}: CHILD {row['CHILD']!r} in {table} is not in header",
    )


def _check_in_year(problems: _Problems, typed: dict[str, pl.DataFrame], year: int) -> None:
    """No episode, review, missing or social-worker date after the year ends."""
    for name, columns in EVENT_DATES.items():
        for column in columns if name in typed else ():  # no social_worker before 2024
            _check_not_after(problems, typed[name], column, year)


def _check_not_after(problems: _Problems, frame: pl.DataFrame, column: str, year: int) -> None:
    _, end = year_bounds(year)
    problems.rows(
        frame,
        pl.col(column) > end,
        lambda row: (
            f"{row[WHERE]}: {column} {row[column]:%d/%m/%Y} is after 31/03/{year}, when the "
            f"{season(year)} return ends"
        ),
    )


def _check_care_leavers(problems: _Problems, typed: dict[str, pl.DataFrame], year: int) -> None:
    born = typed["header"].select("CHILD", pl.col("DOB").alias("born"))
    for row in typed["oc3"].join(born, on="CHILD", how="left").iter_rows(named=True):
        if row["born"] is not None and care_leaver_birthday(row["born"], year) is None:
            problems.add(
                f"{row[WHERE]}: CHILD {row['CHILD']!r}, born {row['born']:%d/%m/%Y}, has no "
                f"17th to 21st birthday in {season(year)} (expected for a care leaver in OC3)"
            )


def _check_motherhood(problems: _Problems, header: pl.DataFrame) -> None:
    """MOTHER 1 with MC_DOB, after DOB: the model records a mother by her first child's date
    of birth, so it cannot hold one without the other (DfE's rules 611, 612 and 621)."""
    mother, born = pl.col("MOTHER") == "1", pl.col("MC_DOB")
    problems.rows(
        header,
        mother & born.is_null(),
        lambda row: (
            f"{row[WHERE]}: MOTHER is 1 but MC_DOB is blank (expected the date of birth of "
            "her first child)"
        ),
    )
    problems.rows(
        header,
        born.is_not_null() & ~mother.fill_null(value=False),
        lambda row: (
            f"{row[WHERE]}: MC_DOB {row['MC_DOB']:%d/%m/%Y} is given but MOTHER is "
            f"{row['MOTHER'] or 'blank'} (expected MOTHER 1 with it)"
        ),
    )
    problems.rows(
        header,
        born <= pl.col("DOB"),
        lambda row: (
            f"{row[WHERE]}: MC_DOB {row['MC_DOB']:%d/%m/%Y} is not after DOB "
            f"{row['DOB']:%d/%m/%Y} (expected her first child to be born after her)"
        ),
    )


def tables_checked(tables: Tables, spec: Spec) -> dict[str, pl.DataFrame]:
    """The tables, typed, once every value has passed; ReturnError lists the problems."""
    _check_shape(tables, spec)
    full = _full(tables, spec)
    problems = _Problems()
    for name in sorted(full, key=lambda name: name != "header"):  # the children first
        frame = full[name]
        for column in spec.tables[name].columns:
            _check_value(problems, frame, name, column, spec.year)
        _check_needed(problems, frame, name, spec)
    problems.raise_any()
    # Only values that parsed are compared across rows.
    typed = _typed(full, spec)
    _check_once(problems, typed["header"], "header", ["CHILD"])
    _check_once(problems, typed["uasc"], "uasc", ["CHILD"])
    _check_once(problems, typed["ad1"], "ad1", ["CHILD", "DATE_INT"])
    # The records hold one episode start and one review a day per child (as DfE's rules do).
    _check_once(problems, typed["episodes"], "episodes", ["CHILD", "DECOM"])
    _check_once(problems, typed["reviews"], "reviews", ["CHILD", "REVIEW"])
    _check_in_header(problems, typed)
    _check_in_year(problems, typed, spec.year)
    _check_care_leavers(problems, typed, spec.year)
    _check_motherhood(problems, typed["header"])
    problems.raise_any()
    return typed


# -- the year -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    on: dt.date
    column: str
    where: str

    def said(self) -> str:
        return f"{self.column} {self.on:%d/%m/%Y} at {self.where}"


def _latest_event(tables: Tables) -> _Event | None:
    """The latest episode, review, missing or social-worker date, checked as a date first."""
    spec = ssda903_spec(LAST_YEAR)  # the only year with every table; formats never changed
    problems = _Problems()
    latest: _Event | None = None
    for name, columns in EVENT_DATES.items():
        frame = tables.get(name)
        if frame is None or frame.is_empty():
            continue
        for column in columns:
            if column not in frame.columns or WHERE not in frame.columns:
                raise ReturnError(f"SSDA903 {name} table: column {column} or {WHERE} is missing")
            spec_column = spec.tables[name].column(column)
            _check_date(problems, frame, spec_column, name)
            problems.raise_any()
            on = pl.col(column).str.to_date(spec_column.date_format or "%d/%m/%Y")
            found = frame.select(on.alias("on"), WHERE).drop_nulls("on").sort("on").tail(1)
            if found.height and (latest is None or found["on"][0] > latest.on):
                latest = _Event(found["on"][0], column, found[WHERE][0])
    return latest


def ssda903_year(tables: Tables, *, year: int | None = None) -> int:
    """The collection year of the return: the one holding its latest episode, review,
    missing or social-worker date. Given `year`, a return whose dates say otherwise is
    refused as a return for the wrong year; a return with no such date is taken as `year`."""
    latest = _latest_event(tables)
    if latest is None:
        if year is not None:
            return year
        raise ReturnError(
            "the SSDA903 return has no DECOM, DEC, REVIEW, MIS_START or SW_DECOM date, so its "
            "collection year cannot be told: give the year"
        )
    found = _collection_year(latest.on)
    if year is not None and found != year:
        raise ReturnError(
            f"{latest.where}: a return for the wrong year: {season(year)} was asked for, but "
            f"the latest date in the return, {latest.column} {latest.on:%d/%m/%Y}, falls in "
            f"{season(found)}"
        )
    try:
        ssda903_spec(found)
    except ReturnError as error:
        raise ReturnError(
            f"the latest date, {latest.said()}, falls in {season(found)}: {error}"
        ) from error
    return found


def ssda903_year_detect(tables: Tables) -> int:
    """The collection year (2017 = 1 April 2016 to 31 March 2017) whose year holds the latest
    DECOM, DEC, REVIEW, MIS_START or SW_DECOM date; ReturnError if there is none."""
    return ssda903_year(tables)
