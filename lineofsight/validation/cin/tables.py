"""CIN census XML (a file, its bytes, or an lxml tree from the exporter) as the flattened,
typed tables of statutory-formats.md §2.5, and those tables as a `Return`.

Unlike the D2I tabulation, every `CPPreviewDate` in a `Reviews` block is read, not the first.
Values are kept as the file has them (codes as text); dates and flags that do not parse
become null, so the "missing or invalid" rules report them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import polars as pl
from lxml import etree

from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.xml import xml_document
from lineofsight.validation.cin.schema import COLUMNS, table_typed
from lineofsight.validation.engine.returns import Return

XmlSource = Path | str | bytes | etree._ElementTree | etree._Element
Rows = dict[str, list[object]]


class CinFileError(ValueError):
    """The file is not a readable CIN census (not UTF-8, not well-formed, not a Message)."""


def _root(source: XmlSource) -> etree._Element:
    if isinstance(source, etree._ElementTree):
        return source.getroot()
    if isinstance(source, etree._Element):
        return source
    if isinstance(source, bytes):
        try:
            return etree.fromstring(source, parser=etree.XMLParser(huge_tree=True))
        except etree.XMLSyntaxError as error:
            raise CinFileError(f"not well-formed XML: {error.msg} (line {error.lineno})") from error
    # A file: the returns' reader says which file, line and byte is at fault.
    try:
        return xml_document(Path(source), expected="a CIN census Message")[1]
    except ReturnError as error:
        raise CinFileError(str(error)) from error


def _local(element: etree._Element) -> str:
    # The tag without its namespace, by string (QName objects cost more than the file's parse).
    tag = element.tag
    assert isinstance(tag, str)
    return tag.rpartition("}")[2]


def _children(parent: etree._Element, name: str) -> list[etree._Element]:
    """Child elements called `name`, whatever namespace the file uses."""
    return [e for e in parent if isinstance(e.tag, str) and _local(e) == name]


def _texts(parent: etree._Element) -> dict[str, str | None]:
    """Each child element's text by name (the first of a name), read in one pass."""
    texts: dict[str, str | None] = {}
    for element in parent:
        if isinstance(element.tag, str):
            texts.setdefault(_local(element), (element.text or "").strip() or None)
    return texts


def _text(parent: etree._Element, name: str) -> str | None:
    return _texts(parent).get(name)


def _add(rows: Rows, values: Mapping[str, object]) -> None:
    for column, value in values.items():
        rows[column].append(value)


class _Tabulator:
    """Appends one row per block to each table's columns, in document order."""

    def __init__(self) -> None:
        self.rows: dict[str, Rows] = {name: defaultdict(list) for name in COLUMNS}

    def fields(self, table: str, element: etree._Element, **ids: object) -> None:
        values: dict[str, object] = dict(ids)
        texts = _texts(element)
        for column in COLUMNS[table]:
            if column not in values:
                values[column] = texts.get(column)
        _add(self.rows[table], values)

    def header(self, root: etree._Element) -> None:
        for header in _children(root, "Header"):
            details = (_children(header, "CollectionDetails") or [header])[0]
            source = (_children(header, "Source") or [header])[0]
            values = {c: _text(details, c) or _text(source, c) for c in COLUMNS["Header"]}
            _add(self.rows["Header"], values)

    def child(self, child: etree._Element) -> None:
        ids = (_children(child, "ChildIdentifiers") or [child])[0]
        la_child_id = _text(ids, "LAchildID")
        self.fields("ChildIdentifiers", ids)
        for traits in _children(child, "ChildCharacteristics"):
            self.fields("ChildCharacteristics", traits, LAchildID=la_child_id)
            for block in _children(traits, "Disabilities"):
                for code in _children(block, "Disability"):
                    disability = (code.text or "").strip() or None
                    _add(
                        self.rows["Disabilities"],
                        {"LAchildID": la_child_id, "Disability": disability},
                    )
        for number, episode in enumerate(_children(child, "CINdetails"), start=1):
            self.episode(episode, la_child_id, number)

    def episode(self, episode: etree._Element, la_child_id: str | None, number: int) -> None:
        ids = {"LAchildID": la_child_id, "CINdetailsID": number}
        self.fields("CINdetails", episode, **ids)
        for assessment_id, block in enumerate(_children(episode, "Assessments"), start=1):
            factors = [
                (factor.text or "").strip()
                for identified in _children(block, "FactorsIdentifiedAtAssessment")
                for factor in _children(identified, "AssessmentFactors")
            ]
            self.fields(
                "Assessments", block, **ids, AssessmentID=assessment_id, AssessmentFactors=factors
            )
            for factor in factors:
                _add(
                    self.rows["AssessmentFactorsList"],
                    {**ids, "AssessmentID": assessment_id, "AssessmentFactor": factor or None},
                )
        for block in _children(episode, "CINPlanDates"):
            self.fields("CINplanDates", block, **ids)
        for block in _children(episode, "Section47"):
            self.fields("Section47", block, **ids)
        for plan_id, plan in enumerate(_children(episode, "ChildProtectionPlans"), start=1):
            self.fields("ChildProtectionPlans", plan, **ids, CPPID=plan_id)
            for reviews in _children(plan, "Reviews"):
                for review in _children(reviews, "CPPreviewDate"):
                    held = (review.text or "").strip() or None
                    _add(self.rows["Reviews"], {**ids, "CPPID": plan_id, "CPPreviewDate": held})


def cin_tables_from_xml(source: XmlSource) -> dict[str, pl.DataFrame]:
    """The census's flattened tables, typed, each with a 0-based `row` column."""
    root = _root(source)
    if _local(root) != "Message":
        raise CinFileError(f"not a CIN census: the root element is {_local(root)!r}, not Message")
    tabulator = _Tabulator()
    tabulator.header(root)
    for children in _children(root, "Children"):
        for child in _children(children, "Child"):
            tabulator.child(child)
    return {name: table_typed(name, rows) for name, rows in tabulator.rows.items()}


def cin_return(
    tables: dict[str, pl.DataFrame], year: int, previous: Return | None = None
) -> Return:
    """The census for the collection year ending 31 March `year`, ready for `validate`."""
    return Return(kind="cin_census", year=year, tables=tables, previous=previous)
