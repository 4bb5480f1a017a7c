"""The CIN census XML for a collection year, from journey frames, valid against that year's XSD.

`cin_census_build` makes the element tree; `cin_census_write` validates it and writes it
atomically (a temporary file beside `out`, renamed over it only once the XML is valid).
Which records are included is `selection.py`'s business; year-by-year differences are
`formats.py`'s. Element order follows the XSD's sequences (statutory-formats.md §2.2).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

import polars as pl
from lxml import etree

from lineofsight.returns.cin_census.formats import YearFormat, cin_census_schema, year_format
from lineofsight.returns.cin_census.selection import Census, census_select
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.files import bytes_write_atomic
from lineofsight.returns.domain.xml import xsd_first_error

SOFTWARE_CODE = "Line of Sight"
SERIAL_NO = "001"

Row = dict[str, Any]


def _release() -> str:
    try:
        return metadata.version("lineofsight")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "dev"


def _by(frame: pl.DataFrame, key: str) -> dict[str, list[Row]]:
    """Rows grouped by `key`, keeping the frame's order."""
    groups: defaultdict[str, list[Row]] = defaultdict(list)
    for row in frame.iter_rows(named=True):
        groups[row[key]].append(row)
    return groups


def _date(value: dt.date) -> str:
    return value.isoformat()


def _flag(value: bool | None) -> str:
    return "1" if value else "0"


class _Builder:
    """Appends elements, skipping the optional ones whose value is missing."""

    def __init__(self, fmt: YearFormat) -> None:
        self.fmt = fmt

    def add(self, parent: etree._Element, name: str, value: object = None) -> etree._Element:
        element = etree.SubElement(parent, name)
        if value is not None:
            if isinstance(value, dt.date):
                element.text = _date(value)
            else:
                element.text = self.fmt.recode(name, str(value))
        return element

    def optional(self, parent: etree._Element, name: str, value: object) -> None:
        if value is not None:
            self.add(parent, name, value)


def cin_census_build(
    frames: dict[str, pl.DataFrame],
    *,
    year: int,
    la_number: str,
    generated_at: dt.datetime | None = None,
) -> etree._ElementTree:
    """The census `Message` for the year ending 31 March `year` (not yet validated).

    `la_number` is the council's three-digit DfE LA number (the header's `LEA`);
    `generated_at` is the header's `DateTime` (default: local time now, to the second)."""
    fmt = year_format(year)
    if not (len(la_number) == 3 and la_number.isdigit()):
        raise ReturnError(f"LEA {la_number!r}: expected the council's three-digit LA number")
    census = census_select(frames, year)
    if census.children.is_empty():
        raise ReturnError(
            f"CIN census {year}: no child had a CIN episode open between "
            f"{census.period.start} and {census.period.end} (the XSD needs at least one)"
        )
    build = _Builder(fmt)
    message = etree.Element("Message")
    _header(build, message, census, la_number, generated_at)
    children = build.add(message, "Children")

    disabilities = _by(census.disabilities, "child_id")
    episodes = _by(census.episodes, "child_id")
    blocks = _EpisodeBlocks(census)
    for child in census.children.iter_rows(named=True):
        element = build.add(children, "Child")
        _identifiers(build, element, child)
        characteristics = build.add(element, "ChildCharacteristics")
        build.add(characteristics, "Ethnicity", child["ethnicity"])
        codes = [row["disability"] for row in disabilities.get(child["child_id"], [])]
        if codes:
            block = build.add(characteristics, "Disabilities")
            for code in codes:
                build.add(block, "Disability", code)
        for episode in episodes[child["child_id"]]:
            _episode(build, element, episode, blocks)
    return etree.ElementTree(message)


def _header(
    build: _Builder,
    message: etree._Element,
    census: Census,
    la_number: str,
    generated_at: dt.datetime | None,
) -> None:
    header = build.add(message, "Header")
    details = build.add(header, "CollectionDetails")
    build.add(details, "Collection", "CIN")
    build.add(details, "Year", census.period.year)
    build.add(details, "ReferenceDate", census.period.end)
    source = build.add(header, "Source")
    build.add(source, "SourceLevel", "L")
    build.add(source, "LEA", la_number)
    build.add(source, "SoftwareCode", SOFTWARE_CODE)
    build.add(source, "Release", _release())
    build.add(source, "SerialNo", SERIAL_NO)
    stamp = (generated_at or dt.datetime.now(dt.UTC).astimezone()).replace(
        microsecond=0, tzinfo=None
    )
    build.add(source, "DateTime", stamp.isoformat())


def _identifiers(build: _Builder, parent: etree._Element, child: Row) -> None:
    ids = build.add(parent, "ChildIdentifiers")
    build.add(ids, "LAchildID", child["child_id"])
    build.optional(ids, "UPN", child["upn"])
    build.optional(ids, "FormerUPN", child["former_upn"])
    if child["upn"] is None:
        build.optional(ids, "UPNunknown", _upn_unknown(child["upn_unknown_reason"]))
    build.optional(ids, "PersonBirthDate", child["born_on"])
    build.optional(ids, "ExpectedPersonBirthDate", child["expected_birth_on"])
    build.add(ids, build.fmt.sex_element, build.fmt.sex_codes[child["sex"]])
    build.optional(ids, "PersonDeathDate", child["died_on"])


def _upn_unknown(reason: str | None) -> str | None:
    """UN1-UN7 are the CIN census's; UN8-UN10 are local codes with no census meaning."""
    return reason if reason in {f"UN{n}" for n in range(1, 8)} else None


class _EpisodeBlocks:
    """An episode's assessments, plans and enquiries, looked up by referral key."""

    def __init__(self, census: Census) -> None:
        self.assessments = _by(census.assessments, "referral_id")
        self.factors = _by(census.factors, "assessment_id")
        self.cin_plans = _by(census.cin_plans, "referral_id")
        self.section47s = _by(census.section47s, "referral_id")
        self.cp_plans = _by(census.cp_plans, "referral_id")
        self.reviews = _by(census.reviews, "cp_plan_id")

    @staticmethod
    def of(groups: dict[str, list[Row]], key: str) -> list[Row]:
        return groups.get(key, [])


def _episode(build: _Builder, parent: etree._Element, episode: Row, blocks: _EpisodeBlocks) -> None:
    key = episode["key"]
    details = build.add(parent, "CINdetails")
    build.add(details, "CINreferralDate", episode["referred_on"])
    build.add(details, "ReferralSource", episode["source"])
    build.optional(details, "PrimaryNeedCode", episode["primary_need"])
    build.optional(details, "CINclosureDate", episode["closed_on"])
    build.optional(details, "ReasonForClosure", episode["closure_reason"])
    build.optional(details, "DateOfInitialCPC", episode["icpc_on"])
    for assessment in blocks.of(blocks.assessments, key):
        block = build.add(details, "Assessments")
        build.add(block, "AssessmentActualStartDate", assessment["started_on"])
        build.optional(block, "AssessmentAuthorisationDate", assessment["authorised_on"])
        factors = blocks.of(blocks.factors, assessment["key"])
        if factors:
            identified = build.add(block, "FactorsIdentifiedAtAssessment")
            for factor in factors:
                build.add(identified, "AssessmentFactors", factor["factor"])
    if build.fmt.has_cin_plan_dates:
        for plan in blocks.of(blocks.cin_plans, key):
            block = build.add(details, "CINPlanDates")
            build.add(block, "CINPlanStartDate", plan["started_on"])
            build.optional(block, "CINPlanEndDate", plan["ended_on"])
    for enquiry in blocks.of(blocks.section47s, key):
        block = build.add(details, "Section47")
        build.add(block, "S47ActualStartDate", enquiry["started_on"])
        build.optional(block, "InitialCPCtarget", enquiry["icpc_target_on"])
        build.optional(block, "DateOfInitialCPC", enquiry["icpc_on"])
        build.add(block, "ICPCnotRequired", _flag(enquiry["icpc_not_required"]))
    build.add(details, "ReferralNFA", _flag(episode["is_nfa"]))
    for plan in blocks.of(blocks.cp_plans, key):
        block = build.add(details, "ChildProtectionPlans")
        build.add(block, "CPPstartDate", plan["started_on"])
        build.optional(block, "CPPendDate", plan["ended_on"])
        build.add(block, "InitialCategoryOfAbuse", plan["initial_category"])
        build.add(block, "LatestCategoryOfAbuse", plan["latest_category"])
        build.add(block, "NumberOfPreviousCPP", plan["previous_plans_count"])
        reviews = blocks.of(blocks.reviews, plan["key"])
        if reviews:
            held = build.add(block, "Reviews")
            for review in reviews:
                build.add(held, "CPPreviewDate", review["held_on"])


def cin_census_validate(xml: bytes, year: int) -> None:
    """Raise ReturnError naming the first XSD error (line, element path, child, message)."""
    problem = xsd_first_error(
        cin_census_schema(year), xml, child="Child", child_id="ChildIdentifiers/LAchildID"
    )
    if problem is not None:
        raise ReturnError(
            f"CIN census {year} is not valid against CIN_schema_{year}.xsd: {problem}"
        )


def cin_census_write(
    frames: dict[str, pl.DataFrame],
    *,
    year: int,
    out: Path,
    la_number: str = "000",
    generated_at: dt.datetime | None = None,
) -> str:
    """Write the census for the year ending 31 March `year` to `out`; say what was written.

    `la_number` defaults to "000" (no council): callers should pass the council's number.
    Nothing is written unless the XML is valid against the year's XSD (ReturnError)."""
    tree = cin_census_build(frames, year=year, la_number=la_number, generated_at=generated_at)
    xml = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    cin_census_validate(xml, year)
    out = Path(out)
    bytes_write_atomic(out, xml)
    count = len(tree.getroot().findall("Children/Child"))
    return f"{count:,} children to {out}"
