"""Reading and checking a return's XML: the byte-level checks every XML return needs, and the
first error against its XSD, said with the line, the element and the child it is about."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from lxml import etree

from lineofsight.returns.domain.errors import ReturnError


def xml_document(path: Path, *, expected: str) -> tuple[bytes, etree._Element]:
    """The file's bytes and root, after checking it can be read, is not empty, is UTF-8 and is
    well-formed; `expected` says what it should be ("a CIN census Message")."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReturnError(f"{name}: cannot be read: {error}") from error
    if not data.strip():
        raise ReturnError(f"{name}: line 1: the file is empty (expected {expected})")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReturnError(
            f"{name}: line {line}, byte {error.start}: not UTF-8 "
            f"({data[error.start : error.start + 1]!r})"
        ) from error
    # No entities, no network: a return is data, never instructions to fetch anything.
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    try:
        return data, etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno, 0)
        raise ReturnError(
            f"{name}: line {line}, column {column}: not well-formed XML ({error.msg})"
        ) from error


def xsd_first_error(
    schema: etree.XMLSchema, xml: bytes, *, child: str, child_id: str
) -> str | None:
    """None if `xml` is valid, else "line N, /path (child_id X): message" for the first
    error; `child` is the element a child's record is (Child, CHILD) and `child_id` the path
    from it to the child's id, so the message names the child."""
    document = etree.fromstring(xml, parser=etree.XMLParser(huge_tree=True))
    if schema.validate(document):
        return None
    # lxml-stubs types the log as opaque; it is a sequence of _LogEntry.
    error = cast("list[Any]", schema.error_log)[0]
    named = _child_named(document, error.path, child=child, child_id=child_id)
    return f"line {error.line}, {error.path}{named}: {error.message}"


def _child_named(document: etree._Element, path: str | None, *, child: str, child_id: str) -> str:
    if not path:
        return ""
    try:
        found = document.getroottree().xpath(path)
    except etree.XPathError:
        return ""
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return ""
    for ancestor in found[0].iterancestors(child):
        value = ancestor.findtext(child_id)
        return f" ({child_id.rsplit('/', 1)[-1]} {value})" if value else ""
    return ""
