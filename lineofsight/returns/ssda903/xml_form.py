"""The XML form of the SSDA903 return (`EXPSSDA903`, DfE's `CLA.xsd` version 3.3.0), both ways.

The XML carries the same tables as the CSV files, nested per child (statutory-formats.md
§1.2): HEADER holds the header fields, the UASC flag and DUC, the AD1 and OC3 fields, and
the repeating AMISSING, AREVIEW and AD_PLACED groups, PERMANENCE and OC2; EPISODE elements
follow the HEADER. Two names differ from the CSV: `CHILDID` is `CHILD` and `PL` is `PLACE`.

Writing goes through the CSV tables (`ssda903_tables`), so who is in the return and what is
left blank are decided in one place; reading turns the XML back into those tables, each row
saying where it came from (`_where`), and `ssda903_frames` makes the journey frames.

The 2021 schema is the newest DfE has published as XML: it has no social-worker episodes
(collected from 2023-24) and `PL` is two characters, so a year using placement codes Z11-Z14
cannot be written as XML. Both are refused with a message saying to use the CSV form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
from lxml import etree

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.files import bytes_write_atomic
from lineofsight.returns.domain.xml import xml_document, xsd_first_error
from lineofsight.returns.ssda903.checks import ssda903_year_detect
from lineofsight.returns.ssda903.export import ssda903_tables
from lineofsight.returns.ssda903.import_ import Ssda903Read
from lineofsight.returns.ssda903.spec import BASE_YEAR, ssda903_spec
from lineofsight.returns.ssda903.tables_in import ssda903_frames

XSD_PATH: Path = DATA_ROOT / "schemas" / "ssda903" / "CLA.xsd"
ROOT = "EXPSSDA903"

# CSV column → XML element, where they differ.
_XML_NAME = {"CHILD": "CHILDID", "PLACE": "PL"}
_CSV_NAME = {xml: csv for csv, xml in _XML_NAME.items()}

# The XSD's order inside HEADER: (table, columns) for the single-valued items.
_HEADER_FIELDS = ("CHILD", "UPN", "SEX", "DOB", "ETHNIC")
_AD1_FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
_OC3_FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")
_MISSING_FIELDS = ("MISSING", "MIS_START", "MIS_END")
_REVIEW_FIELDS = ("REVIEW", "REVIEW_CODE")
_MOTHER_FIELDS = ("MOTHER", "MC_DOB")
_PERMANENCE_FIELDS = ("PREV_PERM", "LA_PERM", "DATE_PERM")
_OC2_FIELDS = (
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
_PLACED_FIELDS = ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
_EPISODE_FIELDS = (
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PL_POST",
    "HOME_POST",
    "URN",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
)
# Elements the XSD requires even when blank (written empty).
_ALWAYS = frozenset({"UPN", "UASC", "DEC", "REC", "MISSING", "MIS_START", "DATE_PLACED"})
# Tables the XML has no place for.
_CSV_ONLY = ("social_worker",)

Row = dict[str, Any]


@lru_cache(maxsize=1)
def ssda903_schema() -> etree.XMLSchema:
    if not XSD_PATH.is_file():
        raise ReturnError(f"SSDA903 XML: no schema at {XSD_PATH}")
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


def ssda903_xml_validate(xml: bytes, *, name: str = "SSDA903 XML") -> None:
    """Raise ReturnError naming the first error against CLA.xsd (line, element, child)."""
    problem = xsd_first_error(ssda903_schema(), xml, child="CHILD", child_id="HEADER/CHILDID")
    if problem is not None:
        raise ReturnError(f"{name}: not valid against CLA.xsd: {problem}")


# -- writing ---------------------------------------------------------------------------------


def _by_child(frame: pl.DataFrame | None) -> dict[str, list[Row]]:
    groups: defaultdict[str, list[Row]] = defaultdict(list)
    if frame is not None:
        for row in frame.iter_rows(named=True):
            groups[row["CHILD"]].append(row)
    return groups


def _put(
    parent: etree._Element, row: Row, columns: Sequence[str], *, empty_too: bool = False
) -> None:
    for column in columns:
        value = row.get(column)
        if value is None and not empty_too and column not in _ALWAYS:
            continue
        element = etree.SubElement(parent, _XML_NAME.get(column, column))
        if value is not None:
            element.text = str(value)


def _refuse_what_xml_cannot_hold(tables: Mapping[str, pl.DataFrame], year: int) -> None:
    for table in _CSV_ONLY:
        frame = tables.get(table)
        if frame is not None and frame.height:
            raise ReturnError(
                f"SSDA903 {year}: the XML form (CLA.xsd 3.3.0) has no place for the {table} "
                f"table ({frame.height:,} rows); use the CSV form"
            )
    too_long = tables["episodes"].filter(pl.col("PLACE").str.len_chars() > 2)
    if too_long.height:
        codes = ", ".join(sorted(set(too_long["PLACE"].to_list())))
        raise ReturnError(
            f"SSDA903 {year}: placement codes {codes} do not fit the XML form's two-character "
            f"PL (CLA.xsd 3.3.0; first for CHILD {too_long['CHILD'][0]}); use the CSV form"
        )


def ssda903_xml_build(tables: Mapping[str, pl.DataFrame], *, year: int) -> bytes:
    """The XML document for the CSV tables of the year (as `ssda903_tables` makes them)."""
    _refuse_what_xml_cannot_hold(tables, year)
    groups = {name: _by_child(tables.get(name)) for name in ssda903_spec(year).tables}
    root = etree.Element(ROOT)
    for header in tables["header"].iter_rows(named=True):
        child_id = header["CHILD"]
        child = etree.SubElement(root, "CHILD")
        head = etree.SubElement(child, "HEADER")
        _put(head, header, _HEADER_FIELDS)
        uasc = groups["uasc"].get(child_id)
        etree.SubElement(head, "UASC").text = "1" if uasc else "0"
        if uasc:
            _put(head, uasc[0], ("DUC",))
        for table, fields in (("ad1", _AD1_FIELDS), ("oc3", _OC3_FIELDS)):
            # Written even when blank: an OC3 row of blanks still says "a care leaver".
            for row in groups[table].get(child_id, [])[:1]:
                _put(head, row, fields, empty_too=True)
        for row in groups["missing"].get(child_id, []):
            _put(etree.SubElement(head, "AMISSING"), row, _MISSING_FIELDS)
        for row in groups["reviews"].get(child_id, []):
            _put(etree.SubElement(head, "AREVIEW"), row, _REVIEW_FIELDS)
        _put(head, header, _MOTHER_FIELDS)
        for row in groups["prev_perm"].get(child_id, [])[:1]:
            _put(etree.SubElement(head, "PERMANENCE"), row, _PERMANENCE_FIELDS)
        for row in groups["oc2"].get(child_id, [])[:1]:
            _put(etree.SubElement(head, "OC2"), row, _OC2_FIELDS)
        for row in groups["placed_adoption"].get(child_id, []):
            _put(etree.SubElement(head, "AD_PLACED"), row, _PLACED_FIELDS)
        for row in groups["episodes"].get(child_id, []):
            _put(etree.SubElement(child, "EPISODE"), row, _EPISODE_FIELDS)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def ssda903_xml_write(frames: Mapping[str, pl.DataFrame], *, year: int, out: Path) -> str:
    """Write the year's return as one XML file, valid against CLA.xsd, all or nothing."""
    tables = ssda903_tables(dict(frames), year=year)
    xml = ssda903_xml_build(tables, year=year)
    ssda903_xml_validate(xml, name=f"SSDA903 {year} XML")
    bytes_write_atomic(Path(out), xml)
    return f"{tables['header'].height:,} children to {out}"


# -- reading ---------------------------------------------------------------------------------


def _where(name: str, element: etree._Element) -> str:
    return f"{name} line {element.sourceline}, {element.getroottree().getpath(element)}"


def _values(element: etree._Element, columns: Sequence[str]) -> Row:
    row: Row = {}
    for column in columns:
        text = element.findtext(_XML_NAME.get(column, column))
        row[column] = text.strip() or None if text is not None else None
    return row


class _Tables:
    """Rows per CSV table, each with the CHILD it belongs to and where it was read."""

    def __init__(self, name: str, year: int) -> None:
        self.name = name
        self.spec = ssda903_spec(year)
        self.rows: dict[str, list[Row]] = {table: [] for table in self.spec.tables}

    def add(self, table: str, child: Row, element: etree._Element, values: Row) -> None:
        columns = self.spec.tables[table].column_names
        row = {column: values.get(column, child.get(column)) for column in columns}
        row["_where"] = _where(self.name, element)
        self.rows[table].append(row)

    def frames(self) -> dict[str, pl.DataFrame]:
        return {
            table: pl.DataFrame(
                rows,
                schema=dict.fromkeys([*self.spec.tables[table].column_names, "_where"], pl.String),
                orient="row",
            )
            if rows
            else pl.DataFrame(
                schema=dict.fromkeys([*self.spec.tables[table].column_names, "_where"], pl.String)
            )
            for table, rows in self.rows.items()
        }


def _child_tables(tables: _Tables, child: etree._Element) -> None:
    head = child.find("HEADER")
    if head is None:  # the XSD requires it; kept for files read without validation
        raise ReturnError(f"{_where(tables.name, child)}: CHILD has no HEADER")
    header = _values(head, (*_HEADER_FIELDS, *_MOTHER_FIELDS))
    tables.add("header", header, head, header)
    if (head.findtext("UASC") or "").strip() == "1":
        tables.add("uasc", header, head, _values(head, ("DUC",)))
    singles: tuple[tuple[str, tuple[str, ...]], ...] = (("ad1", _AD1_FIELDS), ("oc3", _OC3_FIELDS))
    for table, fields in singles:
        if any(head.find(field) is not None for field in fields):
            tables.add(table, header, head, _values(head, fields))
    groups: tuple[tuple[str, str, tuple[str, ...]], ...] = (
        ("missing", "AMISSING", _MISSING_FIELDS),
        ("reviews", "AREVIEW", _REVIEW_FIELDS),
        ("prev_perm", "PERMANENCE", _PERMANENCE_FIELDS),
        ("oc2", "OC2", _OC2_FIELDS),
        ("placed_adoption", "AD_PLACED", _PLACED_FIELDS),
    )
    for table, tag, fields in groups:
        for element in head.iterfind(tag):
            tables.add(table, header, element, _values(element, fields))
    for element in child.iterfind("EPISODE"):
        tables.add("episodes", header, element, _values(element, _EPISODE_FIELDS))


def _document(path: Path) -> tuple[bytes, etree._Element]:
    data, root = xml_document(path, expected=f"an SSDA903 {ROOT}")
    if root.tag != ROOT:
        raise ReturnError(
            f"{path.name}: line {root.sourceline}: root is <{root.tag}>, not <{ROOT}>"
        )
    return data, root


def ssda903_xml_tables(path: Path) -> dict[str, pl.DataFrame]:
    """The XML file as CSV tables (strings, blanks null, plus `_where`), after checking it is
    UTF-8, well-formed and valid against CLA.xsd. The tables' columns have not changed since
    2016-17 (only code lists have), so the base year's columns serve every year."""
    path = Path(path)
    data, root = _document(path)
    ssda903_xml_validate(data, name=path.name)
    tables = _Tables(path.name, BASE_YEAR)
    for child in root.iterfind("CHILD"):
        _child_tables(tables, child)
    return tables.frames()


def ssda903_xml_read(path: Path, *, year: int | None = None) -> Ssda903Read:
    """Read an SSDA903 XML return into journey frames. The XML does not say its year: it is
    the collection year holding the return's latest event date; given `year`, a return whose
    dates say otherwise is refused as a return for the wrong year."""
    path = Path(path)
    tables = ssda903_xml_tables(path)
    detected = ssda903_year_detect(tables)
    if year is not None and detected != year:
        raise ReturnError(
            f"{path.name}: this is the return for {detected - 1}-{str(detected)[2:]} (its "
            f"latest date falls in that year), not {year - 1}-{str(year)[2:]} as asked"
        )
    frames = ssda903_frames(tables, year=detected)
    return Ssda903Read(year=detected, frames=frames, tables=tables, notes=())
