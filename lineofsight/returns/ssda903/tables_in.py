"""SSDA903 tables, as read from CSV or XML, back into journey frames (the inverse of `export.py`).

A reader hands over one frame per table, keyed by the spec's table names, with DfE's column
names, every value a string (null = blank) and a `_where` column saying where the row was
read (`episodes.csv line 12`). `ssda903_frames` checks everything first and raises
`ReturnError` naming `_where`, the column, the value and what was expected (the first few
problems, with a count of the rest); only when nothing is wrong are the frames built, so a
bad return builds nothing. It checks what the spec says of each value (dates in the spec's
format and real, codes in that year's lists, whole numbers) and what the model needs (a
value where a record cannot be without one, each child once in header and in uasc, every
CHILD in header, no event after the year ends, an OC3 care leaver with a 17th to 21st
birthday in the year). DfE's other rules, `canbeblank` included, are the validator's job.

What each table becomes (keys are natural, so reading a return twice gives the same keys; a
second record with the same key gets `#2`, and a key too long for its table keeps its start
and ends in a hash, as the CIN census reader does):

* **header** → `child`: SEX through the spec's labels (1/2 before 2025, M/F/U from 2025); UPN
  to `upn`, or to `upn_unknown_reason` when it is UN1-UN5; names null; `is_uasc` False unless
  the child is in **uasc**, which sets it True and `uasc_ceased_on` = DUC.
* **episodes** → `cla_episode`, key `{CHILD}/E/{DECOM yyyymmdd}`.
* **reviews** → `cla_review`, key `{CHILD}/CLAR/{REVIEW yyyymmdd}`.
* **placed_adoption** and **ad1** → `adoption`, one record per child and decision date, key
  `{CHILD}/A/{yyyymmdd}`: AD1's DATE_INT is the decision PlacedAdoption calls DATE_PLACED, so
  AD1's items (matched_on, adopted_by_foster_carer, adopter_count, adopter_sex,
  adopter_legal_status) join that record, which also gets `adoption_order_on` = DEC of the
  child's E11/E12 episode in the return (the latest, if several). `is_foster_for_adoption`
  is False; `placement_order_on` and `placed_on` are not in the return.
* **prev_perm** → `previous_permanence`, key `{CHILD}/PP`; a DATE_PERM with ZZ for an unknown
  day or month (`ZZ/ZZ/2012`) goes to `order_date_text`, a full date to `order_on`.
* **oc2** → `health_check` records dated 31 March of the year, keys
  `{CHILD}/OC2/{year}/{kind}`, made so that the exporter writes the same OC2 row back: SDQ
  score and reason as one `sdq` record; HEALTH_CHECK as `development`; IMMUNISATIONS as
  `immunisations` only when 1 (the exporter writes 0 when there is none); TEETH_CHECK,
  HEALTH_ASSESSMENT (as `rha`, the review assessment a child looked after for a year has),
  SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and INTERVENTION_OFFERED as a record only when the
  flag is 1 (0 is what the exporter writes when there is none).
* **oc3** → `care_leaver_status` as of the young person's 17th to 21st birthday in the year
  (29 February birthdays fall on 28 February, as the exporter counts them), key
  `{CHILD}/OC3/{yyyymmdd}`; eligibility `relevant` at 17, else `former_relevant`; ACCOM's
  letter to `accommodation` and its digit to `accommodation_suitable` (1 suitable, 2 not; none
  for `0`); `staying_put` False. An OC3 row with IN_TOUCH, ACTIV and ACCOM all blank (the
  exporter writes that for a care leaver with no status recorded in the year) becomes a
  placeholder status dated the day before the year starts, in_touch NO, activity and
  accommodation `0`: it keeps the young person in the cohort while the exporter, finding no
  status in the year, writes the three blank again. Those values say nothing true about
  contact; a status recorded later supersedes them. ACCOM blank beside IN_TOUCH and ACTIV
  (the exporter writes that when suitability is unknown) becomes accommodation `R`
  (residence not known) with suitability unknown, which the exporter writes blank again. A
  blank IN_TOUCH or ACTIV beside given items is refused: the model needs both, and neither
  list has a code for "not known".
* **missing** → `missing_episode` (MISSING as `kind`), started and ended at midnight London
  time, key `{CHILD}/MIS/{MIS_START yyyymmdd}`.
* **social_worker** (2024 on) → `allocation` with role `social_worker`, worker SW_ID, team
  `SSDA903`, change_reason SW_REASON, key `{CHILD}/SW/{SW_DECOM yyyymmdd}`; one `team` row
  (`SSDA903`, "Social workers named in SSDA903 returns", children_in_care) and one `worker`
  row per SW_ID (given name "Social worker", family name the SW_ID, role social_worker,
  qualified, not agency, 1.0 FTE, started on the earliest SW_DECOM). The return knows nothing
  else of these workers, so **the loader must add the rows of `ADD_ONLY_TABLES` only when the
  key is new, never overwriting a real worker or team**.

**Not read** (no home in the model): CONVICTED (oc2; there is no conviction or youth caution
record), MOTHER and MC_DOB (header; no link from a child to her own child). DOB and SEX in
tables other than header are not read: the header's are the child's.

**Round trip.** For a return the exporter wrote, `ssda903_tables(ssda903_frames(tables))`
gives the same tables (tested on synthetic councils from 2016-17 to 2025-26), except:

* a header row with DOB blank is refused: the model needs it (a blank SEX, the exporter's way
  of writing a child whose sex is U before 2025, reads as U);
* an AD1 whose DATE_INT has no PlacedAdoption row (the exporter's AD1 record had ceased
  before the year) becomes a decision that the exporter then reports in placed_adoption too;
* one child's records on the same day with different values (two missing episodes, two
  reviews) may come back in another order, as the exporter's sort does not promise to keep
  ties in order.

What does not come back from other files: CONVICTED, MOTHER, MC_DOB; a DOB or SEX in another
table that differs from header; an SDQ_REASON given with a score (the exporter writes the
score only); OC2 items the exporter leaves blank for that child (HEALTH_CHECK at 5 or over,
interventions without substance misuse) or writes as 0 when blank (IMMUNISATIONS); a second
prev_perm or OC3 row for a child (the exporter writes one); and rows the exporter leaves out
by date or cohort (an episode or UASC status that ended before the year, a DEC after it, OC2
for a child outside the 12-month cohort).
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
from lineofsight.journey.domain.frames import FrameError, frames_conform
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.keys import Keys
from lineofsight.returns.ssda903.export import (
    ACCOM_NO_SUITABILITY,
    ADOPTED,
    SEX_LABELS,
    UPN_UNKNOWN_903,
    year_bounds,
)
from lineofsight.returns.ssda903.spec import LAST_YEAR, ColumnSpec, Spec, ssda903_spec

WHERE = "_where"

# The journey tables a return fills, in the order they are built.
FRAME_TABLES = (
    "team",
    "worker",
    "child",
    "cla_episode",
    "cla_review",
    "adoption",
    "previous_permanence",
    "health_check",
    "care_leaver_status",
    "missing_episode",
    "allocation",
)
# Rows the loader adds only when their key is new: the return invents them (see docstring).
ADD_ONLY_TABLES = ("team", "worker")
# Columns the return does not carry but the model needs a value in: filled with a stand-in
# for new records, and left as the record has them when it exists (see detect.ReturnRead).
SSDA903_LACKS: dict[str, tuple[str, ...]] = {
    "adoption": ("is_foster_for_adoption",),
    "care_leaver_status": ("staying_put",),
}

SSDA903_TEAM: dict[str, Any] = {
    "code": "SSDA903",
    "name": "Social workers named in SSDA903 returns",
    "service_area": "children_in_care",
}

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

AD1_ITEMS = ("DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")
# OC2 flags kept as a record (kind, value) only when 1.
OC2_FLAGS: dict[str, tuple[str, str | None]] = {
    "TEETH_CHECK": ("dental", None),
    "HEALTH_ASSESSMENT": ("rha", None),
    "SUBSTANCE_MISUSE": ("substance_misuse", "1"),
    "INTERVENTION_RECEIVED": ("intervention_received", "1"),
    "INTERVENTION_OFFERED": ("intervention_offered", "1"),
}
CARE_LEAVER_AGES = range(17, 22)
PLACEHOLDER_STATUS = {"in_touch": "NO", "activity": "0", "accommodation": "0"}
ACCOM_UNKNOWN = "R"  # residence not known: a blank ACCOM beside a known IN_TOUCH and ACTIV

# DATE_PERM may have ZZ for an unknown day and/or month (rule 632), in DD/MM/YYYY order.
_PARTIAL_DATE = r"^(?:0[1-9]|[12]\d|3[01]|ZZ)/(?:0[1-9]|1[0-2]|ZZ)/\d{4}$"
_PARTIAL_DATES = {("prev_perm", "DATE_PERM")}
_SHOWN = 5
_LONDON = ZoneInfo("Europe/London")
_DIRECTIVES = {"%d": (r"\d{2}", "DD"), "%m": (r"\d{2}", "MM"), "%Y": (r"\d{4}", "YYYY")}

Row = dict[str, Any]
Tables = Mapping[str, pl.DataFrame]


def _season(year: int) -> str:
    return f"{year - 1}-{str(year)[2:]}"


def _ymd(value: dt.date) -> str:
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


def _birthday(born: dt.date, age: int) -> dt.date:
    """The `age`th birthday; 29 February falls on 28 February, as polars' offset_by (and so
    the exporter) counts it."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return born.replace(year=born.year + age, day=28)


def _care_leaver_birthday(born: dt.date, year: int) -> tuple[int, dt.date] | None:
    """The age and date of the 17th to 21st birthday falling in the collection year."""
    start, end = year_bounds(year)
    for age in CARE_LEAVER_AGES:
        birthday = _birthday(born, age)
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
                f"{row[WHERE]}: {name} {row[name]!r} is not a {_season(year)} code "
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
            why = f"is not part of the {_season(spec.year)} return" if known else "is unknown"
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
            f"{_season(year)} return ends"
        ),
    )


def _check_care_leavers(problems: _Problems, typed: dict[str, pl.DataFrame], year: int) -> None:
    born = typed["header"].select("CHILD", pl.col("DOB").alias("born"))
    for row in typed["oc3"].join(born, on="CHILD", how="left").iter_rows(named=True):
        if row["born"] is not None and _care_leaver_birthday(row["born"], year) is None:
            problems.add(
                f"{row[WHERE]}: CHILD {row['CHILD']!r}, born {row['born']:%d/%m/%Y}, has no "
                f"17th to 21st birthday in {_season(year)} (expected for a care leaver in OC3)"
            )


def _checked(tables: Tables, spec: Spec) -> dict[str, pl.DataFrame]:
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
            f"{latest.where}: a return for the wrong year: {_season(year)} was asked for, but "
            f"the latest date in the return, {latest.column} {latest.on:%d/%m/%Y}, falls in "
            f"{_season(found)}"
        )
    try:
        ssda903_spec(found)
    except ReturnError as error:
        raise ReturnError(
            f"the latest date, {latest.said()}, falls in {_season(found)}: {error}"
        ) from error
    return found


def ssda903_year_detect(tables: Tables) -> int:
    """The collection year (2017 = 1 April 2016 to 31 March 2017) whose year holds the latest
    DECOM, DEC, REVIEW, MIS_START or SW_DECOM date; ReturnError if there is none."""
    return ssda903_year(tables)


# -- building -------------------------------------------------------------------------------


def _sexes(column: ColumnSpec) -> dict[str, str]:
    """The year's SEX codes to the model's M/F/U, through their labels (1 = Male → M)."""
    by_label = {label.casefold(): model for model, label in SEX_LABELS.items()}
    sexes: dict[str, str] = {}
    for code in column.codes:
        for name in code.names:
            if name.casefold() in by_label:
                sexes[code.code] = by_label[name.casefold()]
        if code.code not in sexes and code.code in SEX_LABELS:
            sexes[code.code] = code.code
    return sexes


class _Builder:
    """Journey rows from checked, typed tables."""

    def __init__(self, typed: dict[str, pl.DataFrame], spec: Spec) -> None:
        self.tables = typed
        self.spec = spec
        self.year = spec.year
        self.start, self.end = year_bounds(spec.year)
        self.keys = Keys()
        self.rows: dict[str, list[Row]] = {name: [] for name in FRAME_TABLES}

    def each(self, table: str) -> Iterable[Row]:
        return self.tables[table].iter_rows(named=True)

    def key(self, table: str, key: str) -> str:
        return self.keys.make(table, key)

    def build(self) -> dict[str, list[Row]]:
        self.children()
        self.episodes()
        self.reviews()
        self.adoptions()
        self.permanence()
        self.health_checks()
        self.care_leavers()
        self.missing()
        self.social_workers()
        return self.rows

    def children(self) -> None:
        sexes = _sexes(self.spec.tables["header"].column("SEX"))
        uasc = {row["CHILD"]: row["DUC"] for row in self.each("uasc")}
        for row in self.each("header"):
            # A blank SEX is not known (before 2025 the list has no code for it).
            if row["SEX"] is not None and row["SEX"] not in sexes:
                raise ReturnError(f"{row[WHERE]}: SEX {row['SEX']!r} has no M, F or U")
            upn = row["UPN"]
            unknown = upn in UPN_UNKNOWN_903
            self.rows["child"].append(
                {
                    "child_id": row["CHILD"],
                    "upn": None if unknown else upn,
                    "upn_unknown_reason": upn if unknown else None,
                    "sex": sexes.get(row["SEX"] or "", "U"),
                    "born_on": row["DOB"],
                    "ethnicity": row["ETHNIC"],
                    "is_uasc": row["CHILD"] in uasc,
                    "uasc_ceased_on": uasc.get(row["CHILD"]),
                }
            )

    def episodes(self) -> None:
        for row in self.each("episodes"):
            self.rows["cla_episode"].append(
                {
                    "key": self.key("cla_episode", f"{row['CHILD']}/E/{_ymd(row['DECOM'])}"),
                    "child_id": row["CHILD"],
                    "started_on": row["DECOM"],
                    "reason_new": row["RNE"],
                    "legal_status": row["LS"],
                    "category_of_need": row["CIN"],
                    "placement_type": row["PLACE"],
                    "placement_provider": row["PLACE_PROVIDER"],
                    "ended_on": row["DEC"],
                    "reason_ceased": row["REC"],
                    "reason_place_change": row["REASON_PLACE_CHANGE"],
                    "home_postcode": row["HOME_POST"],
                    "placement_postcode": row["PL_POST"],
                    "urn": row["URN"],
                }
            )

    def reviews(self) -> None:
        for row in self.each("reviews"):
            self.rows["cla_review"].append(
                {
                    "key": self.key("cla_review", f"{row['CHILD']}/CLAR/{_ymd(row['REVIEW'])}"),
                    "child_id": row["CHILD"],
                    "held_on": row["REVIEW"],
                    "participation": row["REVIEW_CODE"],
                }
            )

    def _adopted_on(self) -> dict[str, dt.date]:
        """Each child's adoption date: the DEC of their E11/E12 episode (the latest)."""
        adopted: dict[str, dt.date] = {}
        for row in self.each("episodes"):
            if row["REC"] in ADOPTED and row["DEC"] is not None:
                adopted[row["CHILD"]] = max(row["DEC"], adopted.get(row["CHILD"], row["DEC"]))
        return adopted

    def adoptions(self) -> None:
        records: dict[tuple[str, dt.date], Row] = {}
        for row in self.each("placed_adoption"):
            record = self._adoption(row["CHILD"], row["DATE_PLACED"])
            record |= {
                "ceased_on": row["DATE_PLACED_CEASED"],
                "ceased_reason": row["REASON_PLACED_CEASED"],
            }
            records.setdefault((row["CHILD"], row["DATE_PLACED"]), record)
        adopted_on = self._adopted_on()
        for row in self.each("ad1"):
            if row["DATE_INT"] is None:  # an adopted child whose AD1 items are all blank
                continue
            decision = (row["CHILD"], row["DATE_INT"])
            if decision not in records:
                records[decision] = self._adoption(*decision)
            records[decision] |= {
                "matched_on": row["DATE_MATCH"],
                "adopted_by_foster_carer": None
                if row["FOSTER_CARE"] is None
                else row["FOSTER_CARE"] == "1",
                "adopter_count": None if row["NB_ADOPTR"] is None else int(row["NB_ADOPTR"]),
                "adopter_sex": row["SEX_ADOPTR"],
                "adopter_legal_status": row["LS_ADOPTR"],
                "adoption_order_on": adopted_on.get(row["CHILD"]),
            }

    def _adoption(self, child: str, decided_on: dt.date) -> Row:
        record: Row = {
            "key": self.key("adoption", f"{child}/A/{_ymd(decided_on)}"),
            "child_id": child,
            "decision_on": decided_on,
            "is_foster_for_adoption": False,
        }
        self.rows["adoption"].append(record)
        return record

    def permanence(self) -> None:
        for row in self.each("prev_perm"):
            text = row["DATE_PERM"]
            partial = text is not None and "Z" in text
            self.rows["previous_permanence"].append(
                {
                    "key": self.key("previous_permanence", f"{row['CHILD']}/PP"),
                    "child_id": row["CHILD"],
                    "kind": row["PREV_PERM"],
                    "order_on": None if text is None or partial else self._date_perm(text),
                    "order_date_text": text if partial else None,
                    "la_code": row["LA_PERM"],
                }
            )

    def _date_perm(self, text: str) -> dt.date:
        date_format = self.spec.tables["prev_perm"].column("DATE_PERM").date_format
        parsed = pl.Series([text]).str.to_date(date_format or "%d/%m/%Y")[0]
        assert isinstance(parsed, dt.date)  # checked in _check_date
        return parsed

    def health_checks(self) -> None:
        for row in self.each("oc2"):
            found: list[tuple[str, str | None, str | None]] = []
            if row["SDQ_SCORE"] is not None or row["SDQ_REASON"] is not None:
                found.append(("sdq", row["SDQ_SCORE"], row["SDQ_REASON"]))
            for column, kind in (
                ("HEALTH_CHECK", "development"),
                ("IMMUNISATIONS", "immunisations"),
            ):
                # IMMUNISATIONS 0 is what the exporter writes when there is no record.
                if row[column] is not None and (kind, row[column]) != ("immunisations", "0"):
                    found.append((kind, row[column], None))
            for column, (kind, value) in OC2_FLAGS.items():
                if row[column] == "1":
                    found.append((kind, value, None))
            for kind, value, reason in found:
                self.rows["health_check"].append(
                    {
                        "key": self.key("health_check", f"{row['CHILD']}/OC2/{self.year}/{kind}"),
                        "child_id": row["CHILD"],
                        "kind": kind,
                        "done_on": self.end,
                        "value": value,
                        "sdq_reason": reason,
                    }
                )

    def care_leavers(self) -> None:
        born = {row["CHILD"]: row["DOB"] for row in self.each("header")}
        for row in self.each("oc3"):
            found = _care_leaver_birthday(born[row["CHILD"]], self.year)
            assert found is not None  # checked in _check_care_leavers
            age, birthday = found
            status: Row = {
                "child_id": row["CHILD"],
                "eligibility": "relevant" if age == 17 else "former_relevant",
                "staying_put": False,
            }
            if row["IN_TOUCH"] is None:
                # Nothing known in the year: a placeholder before it (see the docstring).
                status |= {"as_of": self.start - dt.timedelta(days=1), **PLACEHOLDER_STATUS}
            else:
                accom = row["ACCOM"]
                status |= {
                    "as_of": birthday,
                    "in_touch": row["IN_TOUCH"],
                    "activity": row["ACTIV"],
                    "accommodation": ACCOM_UNKNOWN if accom is None else accom[0],
                    "accommodation_suitable": None
                    if accom in (None, ACCOM_NO_SUITABILITY)
                    else accom[1:] == "1",
                }
            key = f"{row['CHILD']}/OC3/{_ymd(status['as_of'])}"
            self.rows["care_leaver_status"].append(
                {"key": self.key("care_leaver_status", key)} | status
            )

    def missing(self) -> None:
        for row in self.each("missing"):
            self.rows["missing_episode"].append(
                {
                    "key": self.key(
                        "missing_episode", f"{row['CHILD']}/MIS/{_ymd(row['MIS_START'])}"
                    ),
                    "child_id": row["CHILD"],
                    "kind": row["MISSING"],
                    "started_at": _midnight(row["MIS_START"]),
                    "ended_at": _midnight(row["MIS_END"]),
                }
            )

    def social_workers(self) -> None:
        if "social_worker" not in self.tables:
            return
        first_seen: dict[str, dt.date] = {}
        for row in self.each("social_worker"):
            worker = row["SW_ID"]
            if worker is not None:
                first_seen[worker] = min(row["SW_DECOM"], first_seen.get(worker, row["SW_DECOM"]))
            self.rows["allocation"].append(
                {
                    "key": self.key("allocation", f"{row['CHILD']}/SW/{_ymd(row['SW_DECOM'])}"),
                    "child_id": row["CHILD"],
                    "worker_id": worker,
                    "team_id": SSDA903_TEAM["code"],
                    "role": "social_worker",
                    "started_on": row["SW_DECOM"],
                    "ended_on": row["SW_DEC"],
                    "change_reason": row["SW_REASON"],
                }
            )
        if self.rows["allocation"]:
            self.rows["team"].append(dict(SSDA903_TEAM))
        for worker, started_on in first_seen.items():
            self.rows["worker"].append(
                {
                    "staff_id": worker,
                    "given_name": "Social worker",
                    "family_name": worker,
                    "role": "social_worker",
                    "is_qualified": True,
                    "is_agency": False,
                    "fte": 1.0,
                    "started_on": started_on,
                }
            )


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=_LONDON)


def ssda903_frames(tables: Tables, *, year: int) -> dict[str, pl.DataFrame]:
    """Journey frames from the SSDA903 tables of the collection year ending 31 March `year`
    (DfE column names, string values, null = blank, and `_where`). Everything is checked
    before anything is built; ReturnError names where, the column, the value and what was
    expected. See the module docstring for what each table becomes."""
    spec = ssda903_spec(year)
    typed = _checked(tables, spec)
    rows = _Builder(typed, spec).build()
    try:
        return frames_conform(
            {name: TABLES[name] for name in FRAME_TABLES},
            {
                name: pl.DataFrame(rows[name], schema=TABLES[name].polars_schema)
                if rows[name]
                else pl.DataFrame(schema=TABLES[name].polars_schema)
                for name in FRAME_TABLES
            },
        )
    except FrameError as error:  # the checks above should leave nothing for this to find
        raise ReturnError(f"SSDA903 {_season(year)}: {error}") from error
