"""Which statutory return each file is, told by its content rather than its name, and read.

A file starting with a zip signature is an Excel workbook (Ofsted Annex A); one starting
with `<` is XML, a CIN census if its root is `Message` and an SSDA903 return if it is
`EXPSSDA903`; anything else is taken for an SSDA903 CSV table, recognised by its header row.
CSV tables given together (or found in one folder) make one SSDA903 return.

Each return read says which of its tables' columns it does not carry, so that loading it
keeps what the records already hold there (a CIN census says nothing of UASC status).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polars as pl

from lineofsight.returns.domain.errors import ReturnError

Kind = Literal["cin_census", "ssda903", "annex_a"]
Sniffed = Literal["cin_census_xml", "ssda903_xml", "workbook", "csv"]

_ZIP = b"PK\x03\x04"
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"
_BOM = b"\xef\xbb\xbf"
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*)")
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ReturnRead:
    """One return, read and checked, ready to load."""

    kind: Kind
    title: str
    sources: tuple[Path, ...]
    frames: dict[str, pl.DataFrame] = field(repr=False)
    notes: tuple[str, ...] = ()
    # Columns the return does not carry (loading keeps the record's value there).
    lacks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Tables whose rows are only added, never used to overwrite a record.
    add_only: tuple[str, ...] = ()
    # Flags the return can set but not clear (matching.py).
    set_only: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Summary tables, and the period a held record of the same kind makes them redundant in.
    summaries: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {name: frame.height for name, frame in self.frames.items() if frame.height}


def _season(year: int) -> str:
    return f"{year - 1}-{str(year)[2:]}"


def file_sniff(path: Path) -> Sniffed:
    """What kind of file `path` holds, from its first bytes."""
    try:
        with path.open("rb") as file:
            start = file.read(_SNIFF_BYTES)
    except OSError as error:
        raise ReturnError(f"{path.name}: cannot be read: {error}") from error
    if not start.strip():
        raise ReturnError(
            f"{path.name}: line 1: the file is empty (expected a CIN census or SSDA903 XML "
            "file, SSDA903 CSV tables or an Annex A workbook)"
        )
    if start.startswith(_ZIP):
        return "workbook"
    if start.startswith(_OLD_EXCEL):
        raise ReturnError(
            f"{path.name}: an Excel 97-2003 workbook (.xls); save it as an Excel workbook "
            "(.xlsx) and import that"
        )
    text = start.removeprefix(_BOM).lstrip()
    if text.startswith(b"<"):
        for match in _ROOT_TAG.finditer(text):
            tag = match.group(1).decode("ascii", "replace")
            if tag == "Message":
                return "cin_census_xml"
            if tag == "EXPSSDA903":
                return "ssda903_xml"
            raise ReturnError(
                f"{path.name}: XML whose root is <{tag}>: expected <Message> (CIN census) "
                "or <EXPSSDA903> (SSDA903)"
            )
    return "csv"


def _files(paths: Sequence[Path]) -> list[list[Path]]:
    """Groups of files that make one return each: loose CSVs together, a folder's CSVs
    together, every other file alone."""
    loose_csv: list[Path] = []
    groups: list[list[Path]] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not inside:
                raise ReturnError(f"{path}: the folder has no files to import")
            csvs = [p for p in inside if file_sniff(p) == "csv"]
            groups.extend([p] for p in inside if p not in csvs)
            if csvs:
                groups.append(csvs)
        elif path.is_file():
            if file_sniff(path) == "csv":
                loose_csv.append(path)
            else:
                groups.append([path])
        else:
            raise ReturnError(f"{path}: no such file or folder")
    if loose_csv:
        groups.append(loose_csv)
    return groups


def _check_year(path: Path, found: int, year: int | None) -> None:
    if year is not None and found != year:
        raise ReturnError(
            f"{path.name}: this is the return for {_season(found)}, not {_season(year)} as asked"
        )


def _cin_census(path: Path, year: int | None) -> ReturnRead:
    from lineofsight.returns.cin_census.import_ import cin_census_read

    read = cin_census_read(path)
    _check_year(path, read.year, year)
    return ReturnRead(
        kind="cin_census",
        title=f"CIN census {_season(read.year)}",
        sources=(path,),
        frames=read.frames,
        # The census has no UASC status or motherhood, no outcome for a review conference
        # and cannot tell a pre-birth conference from an initial one.
        lacks={
            "child": ("is_uasc", "uasc_ceased_on", "motherhood_recorded"),
            "conference": ("kind", "outcome"),
        },
    )


def _ssda903(group: list[Path], year: int | None, *, xml: bool) -> ReturnRead:
    from lineofsight.returns.ssda903.export import year_bounds
    from lineofsight.returns.ssda903.import_ import ssda903_read
    from lineofsight.returns.ssda903.tables_in import ADD_ONLY_TABLES, SSDA903_LACKS

    if xml:
        from lineofsight.returns.ssda903.xml_form import ssda903_xml_read

        read = ssda903_xml_read(group[0], year=year)
    else:
        read = ssda903_read(group, year=year)
    form = "XML" if xml else f"CSV, {len(group)} tables"
    return ReturnRead(
        kind="ssda903",
        title=f"SSDA903 {_season(read.year)} ({form})",
        sources=tuple(group),
        frames=read.frames,
        notes=read.notes,
        lacks=SSDA903_LACKS,
        add_only=ADD_ONLY_TABLES,
        # The UASC table lists who is UASC in the year; leaving a child out clears nothing.
        # A blank MOTHER leaves motherhood not recorded, which never clears a recorded one.
        set_only={"child": ("is_uasc", "motherhood_recorded")},
        # OC2's health items and CONVICTED are dated 31 March: a record held in the year says
        # more; and a stand-in status for a care leaver is not wanted where statuses are held.
        summaries={
            "health_check": year_bounds(read.year),
            "youth_justice_outcome": year_bounds(read.year),
            "care_leaver_status": year_bounds(read.year),
        },
    )


def _annex_a(path: Path) -> ReturnRead:
    from lineofsight.returns.annex_a.frames_in import ANNEX_A_LACKS
    from lineofsight.returns.annex_a.import_ import annex_a_read

    read = annex_a_read(path)
    return ReturnRead(
        kind="annex_a",
        title="Ofsted Annex A",
        sources=(path,),
        frames=read.frames,
        notes=read.notes,
        lacks=ANNEX_A_LACKS,
    )


def returns_read(paths: Sequence[Path], *, year: int | None = None) -> list[ReturnRead]:
    """Every return in `paths` (files or folders), read and checked; ReturnError names the
    first file, line and field at fault, before anything is loaded. `year` (collection year
    ending 31 March) refuses a CIN census or SSDA903 return for another year."""
    reads: list[ReturnRead] = []
    for group in _files([Path(p) for p in paths]):
        first = group[0]
        kind = "csv" if len(group) > 1 else file_sniff(first)
        if kind == "cin_census_xml":
            reads.append(_cin_census(first, year))
        elif kind == "ssda903_xml":
            reads.append(_ssda903(group, year, xml=True))
        elif kind == "workbook":
            reads.append(_annex_a(first))
        else:
            reads.append(_ssda903(group, year, xml=False))
    return reads
