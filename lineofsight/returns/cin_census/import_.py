"""Read a CIN census XML file back into journey frames (the inverse of `export.py`).

`cin_census_read` checks the file's structure first (UTF-8, well-formed, a CIN census
`Message`, a year with a schema, valid against that year's XSD, each LAchildID once) and
raises `ReturnError` naming the file, line and element of the first problem. Only then are
the frames built, holding what the census carries and nothing more (names, attendance,
workers and teams are left null).

Natural keys are made from what the file says (child, block kind, dates, codes), so reading
the same file again gives the same keys and a re-import adds nothing. A key longer than the
table allows keeps its readable start and ends in a short hash of the whole (`key_fit`).
Codes are kept as the year wrote them (an older year's 18A stays 18A), so re-exporting the
same year writes the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from lxml import etree

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_conform
from lineofsight.returns.cin_census.export import cin_census_validate
from lineofsight.returns.cin_census.formats import year_format
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.keys import Keys, key_fit
from lineofsight.returns.domain.xml import xml_document

# The tables a census fills, in the order they are built.
CENSUS_TABLES = (
    "child",
    "child_disability",
    "referral",
    "assessment",
    "assessment_factor",
    "cin_plan",
    "section47_enquiry",
    "conference",
    "cp_plan",
)

# GenderCurrent (to 2024) back to our M/F/U; 9 ("not stated", 2017's XSD) is unknown too.
_GENDER_CURRENT = {"1": "M", "2": "F", "0": "U", "9": "U"}
_SEX = {"M": "M", "F": "F", "U": "U"}

Row = dict[str, Any]


@dataclass(frozen=True)
class CinCensusRead:
    """One census file: its collection year, the council's LA number and the frames."""

    year: int
    la_number: str
    frames: dict[str, pl.DataFrame] = field(repr=False)


def _ymd(value: dt.date) -> str:
    return f"{value:%Y%m%d}"


class _Reader:
    """Reads one file's elements, saying where in the file a problem is."""

    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, element: etree._Element | None, message: str) -> ReturnError:
        if element is None:
            return ReturnError(f"{self.name}: {message}")
        path = element.getroottree().getpath(element)
        return ReturnError(f"{self.name}: line {element.sourceline}, {path}: {message}")

    def text(self, parent: etree._Element, name: str) -> str | None:
        found = parent.find(name)
        if found is None or found.text is None or not found.text.strip():
            return None
        return found.text.strip()

    def required(self, parent: etree._Element, name: str) -> str:
        value = self.text(parent, name)
        if value is None:
            raise self.error(parent, f"{name} is missing")
        return value

    def date(self, parent: etree._Element, name: str) -> dt.date | None:
        found = parent.find(name)
        return None if found is None else self.element_date(found)

    def element_date(self, element: etree._Element) -> dt.date | None:
        value = (element.text or "").strip()
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError as error:
            raise self.error(element, f"{value!r} is not a date") from error

    def required_date(self, parent: etree._Element, name: str) -> dt.date:
        value = self.date(parent, name)
        if value is None:
            raise self.error(parent, f"{name} is missing")
        return value


def _parse(path: Path) -> tuple[bytes, etree._Element]:
    """The document's root, after the byte-level checks (empty, UTF-8, well-formed)."""
    return xml_document(path, expected="a CIN census Message")


def _year(reader: _Reader, root: etree._Element) -> int:
    """The collection year from the header: Year (or CollectionYear), else ReferenceDate."""
    details = root.find("Header/CollectionDetails")
    if root.tag != "Message" or details is None:
        raise reader.error(root, "not a CIN census (expected Message/Header/CollectionDetails)")
    collection = reader.text(details, "Collection")
    if collection is not None and collection != "CIN":
        raise reader.error(
            details.find("Collection"), f"not a CIN census (Collection is {collection!r})"
        )
    for name in ("Year", "CollectionYear"):
        value = reader.text(details, name)
        if value is not None:
            if not value.isdigit():
                raise reader.error(details.find(name), f"{value!r} is not a year")
            return int(value)
    reference = reader.date(details, "ReferenceDate")
    if reference is None:
        raise reader.error(details, "no Year or ReferenceDate: cannot tell the collection year")
    return reference.year if reference.month <= 8 else reference.year + 1


def _check(reader: _Reader, root: etree._Element, year: int, data: bytes) -> None:
    try:
        year_format(year)
        cin_census_validate(data, year)
    except ReturnError as error:
        raise ReturnError(f"{reader.name}: {error}") from error
    seen: dict[str, etree._Element] = {}
    for element in root.iterfind("Children/Child/ChildIdentifiers/LAchildID"):
        child_id = (element.text or "").strip()
        if child_id in seen:
            raise reader.error(
                element,
                f"LAchildID {child_id!r} appears twice (first at line {seen[child_id].sourceline})",
            )
        seen[child_id] = element
    _check_dates_within(reader, root, year)


# Dates a census may carry beyond its year's end: an unborn child's expected birth.
_FUTURE_ALLOWED = frozenset({"ExpectedPersonBirthDate"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _check_dates_within(reader: _Reader, root: etree._Element, year: int) -> None:
    """No event after 31 March of the census's year: a file whose header says one year and
    whose events run into the next is a return for the wrong year (or a wrong header)."""
    end = dt.date(year, 3, 31)
    for element in root.iterfind("Children//*"):
        text = (element.text or "").strip()
        if element.tag in _FUTURE_ALLOWED or not _ISO_DATE.match(text) or len(element):
            continue
        day = reader.element_date(element)
        if day is not None and day > end:
            raise reader.error(
                element,
                f"{element.tag} {day:%d/%m/%Y} is after 31/03/{year}, the end of the "
                f"{year - 1}-{str(year)[2:]} census its header names: a return for a later "
                "year, or the wrong Year in its header?",
            )


def cin_census_read(path: Path) -> CinCensusRead:
    """Read a CIN census file into journey frames; ReturnError names any structural fault."""
    path = Path(path)
    reader = _Reader(path.name)
    data, root = _parse(path)
    year = _year(reader, root)
    _check(reader, root, year, data)
    la_number = reader.text(root, "Header/Source/LEA") or ""
    fmt = year_format(year)
    sex_codes = _SEX if fmt.sex_element == "Sex" else _GENDER_CURRENT
    rows: dict[str, list[Row]] = {name: [] for name in CENSUS_TABLES}
    for child in root.iterfind("Children/Child"):
        _child(reader, child, sex_codes, rows)
    try:
        frames = frames_conform(
            {name: TABLES[name] for name in CENSUS_TABLES},
            {
                name: pl.DataFrame(table, schema=TABLES[name].polars_schema)
                if table
                else pl.DataFrame(schema=TABLES[name].polars_schema)
                for name, table in rows.items()
            },
        )
    except FrameError as error:
        raise ReturnError(f"{reader.name}: {error}") from error
    return CinCensusRead(year=year, la_number=la_number, frames=frames)


def _child(
    reader: _Reader, element: etree._Element, sex_codes: dict[str, str], rows: dict[str, list[Row]]
) -> None:
    ids = element.find("ChildIdentifiers")
    if ids is None:  # the XSD requires it; kept for type narrowing
        raise reader.error(element, "ChildIdentifiers is missing")
    child_id = reader.required(ids, "LAchildID")
    sex_name = "Sex" if ids.find("Sex") is not None else "GenderCurrent"
    sex_code = reader.required(ids, sex_name)
    if sex_code not in sex_codes:
        raise reader.error(ids.find(sex_name), f"unknown {sex_name} {sex_code!r}")
    characteristics = element.find("ChildCharacteristics")
    rows["child"].append(
        {
            "child_id": child_id,
            "upn": reader.text(ids, "UPN"),
            "former_upn": reader.text(ids, "FormerUPN"),
            "upn_unknown_reason": reader.text(ids, "UPNunknown"),
            "sex": sex_codes[sex_code],
            "born_on": reader.date(ids, "PersonBirthDate"),
            "expected_birth_on": reader.date(ids, "ExpectedPersonBirthDate"),
            "died_on": reader.date(ids, "PersonDeathDate"),
            "ethnicity": None
            if characteristics is None
            else reader.text(characteristics, "Ethnicity"),
            "is_uasc": False,
            "motherhood_recorded": False,
        }
    )
    if characteristics is not None:
        codes = [
            (d.text or "").strip()
            for d in characteristics.iterfind("Disabilities/Disability")
            if (d.text or "").strip()
        ]
        for code in dict.fromkeys(codes):
            rows["child_disability"].append(
                {
                    "key": key_fit("child_disability", f"{child_id}/D/{code}"),
                    "child_id": child_id,
                    "disability": code,
                }
            )
    keys = Keys()
    plans_before = 0
    for details in element.iterfind("CINdetails"):
        plans_before = _episode(reader, details, child_id, keys, plans_before, rows)


def _episode(
    reader: _Reader,
    details: etree._Element,
    child_id: str,
    keys: Keys,
    plans_before: int,
    rows: dict[str, list[Row]],
) -> int:
    """One CINdetails block: a referral and everything under it. Returns plans seen so far."""
    referred_on = reader.required_date(details, "CINreferralDate")
    referral = keys.make("referral", f"{child_id}/R/{_ymd(referred_on)}")
    rows["referral"].append(
        {
            "key": referral,
            "child_id": child_id,
            "referred_on": referred_on,
            "source": reader.required(details, "ReferralSource"),
            "primary_need": reader.text(details, "PrimaryNeedCode"),
            "is_nfa": reader.text(details, "ReferralNFA") in {"1", "true"},
            "closed_on": reader.date(details, "CINclosureDate"),
            "closure_reason": reader.text(details, "ReasonForClosure"),
        }
    )
    for block in details.iterfind("Assessments"):
        started_on = reader.required_date(block, "AssessmentActualStartDate")
        assessment = keys.make("assessment", f"{referral}/A/{_ymd(started_on)}")
        rows["assessment"].append(
            {
                "key": assessment,
                "referral_id": referral,
                "started_on": started_on,
                "authorised_on": reader.date(block, "AssessmentAuthorisationDate"),
            }
        )
        factors = [
            (f.text or "").strip()
            for f in block.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors")
            if (f.text or "").strip()
        ]
        # The position is in the key so the file's order survives (the exporter sorts by key).
        for position, code in enumerate(dict.fromkeys(factors), start=1):
            rows["assessment_factor"].append(
                {
                    "key": key_fit("assessment_factor", f"{assessment}/{position:02d}{code}"),
                    "assessment_id": assessment,
                    "factor": code,
                }
            )
    for block in details.iterfind("CINPlanDates"):
        started_on = reader.required_date(block, "CINPlanStartDate")
        rows["cin_plan"].append(
            {
                "key": keys.make("cin_plan", f"{referral}/P/{_ymd(started_on)}"),
                "referral_id": referral,
                "started_on": started_on,
                "ended_on": reader.date(block, "CINPlanEndDate"),
            }
        )
    plan_starts: dict[dt.date, str] = {}
    plans: list[tuple[etree._Element, str]] = []
    for block in details.iterfind("ChildProtectionPlans"):
        started_on = reader.required_date(block, "CPPstartDate")
        plan = keys.make("cp_plan", f"{referral}/CP/{_ymd(started_on)}")
        plan_starts.setdefault(started_on, plan)
        plans.append((block, plan))
        previous = reader.text(block, "NumberOfPreviousCPP")
        rows["cp_plan"].append(
            {
                "key": plan,
                "referral_id": referral,
                "started_on": started_on,
                "ended_on": reader.date(block, "CPPendDate"),
                "initial_category": reader.required(block, "InitialCategoryOfAbuse"),
                "latest_category": reader.required(block, "LatestCategoryOfAbuse"),
                # The file's own count (it covers plans before the file); else ours.
                "previous_plans_count": int(previous) if previous else plans_before,
            }
        )
        plans_before += 1

    def icpc(held_on: dt.date, key: str, section47: str | None) -> None:
        plan = plan_starts.get(held_on)
        rows["conference"].append(
            {
                "key": keys.make("conference", key),
                "referral_id": referral,
                "section47_enquiry_id": section47,
                "cp_plan_id": plan,
                "kind": "initial",
                "held_on": held_on,
                "outcome": "no_plan" if plan is None else "plan",
            }
        )

    cin_level_icpc = reader.date(details, "DateOfInitialCPC")
    if cin_level_icpc is not None:
        icpc(cin_level_icpc, f"{referral}/C/{_ymd(cin_level_icpc)}", None)
    for block in details.iterfind("Section47"):
        started_on = reader.required_date(block, "S47ActualStartDate")
        enquiry = keys.make("section47_enquiry", f"{referral}/S/{_ymd(started_on)}")
        held_on = reader.date(block, "DateOfInitialCPC")
        rows["section47_enquiry"].append(
            {
                "key": enquiry,
                "referral_id": referral,
                "started_on": started_on,
                "icpc_not_required": reader.text(block, "ICPCnotRequired") in {"1", "true"},
                "icpc_target_on": reader.date(block, "InitialCPCtarget"),
            }
        )
        if held_on is not None:
            icpc(held_on, f"{enquiry}/C/{_ymd(held_on)}", enquiry)
    for block, plan in plans:
        for review in block.iterfind("Reviews/CPPreviewDate"):
            held_on = reader.element_date(review)
            if held_on is None:
                continue
            rows["conference"].append(
                {
                    "key": keys.make("conference", f"{plan}/V/{_ymd(held_on)}"),
                    "referral_id": referral,
                    "cp_plan_id": plan,
                    "kind": "review",
                    "held_on": held_on,
                    "outcome": "plan_continues",
                }
            )
    return plans_before
