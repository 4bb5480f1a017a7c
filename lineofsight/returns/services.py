"""Statutory returns produced for a person: built from the database, audited."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lineofsight.accounts.access import returns_export_allowed, returns_import_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_get
from lineofsight.journey.domain.frames import FrameError
from lineofsight.journey.frames_db import frames_extract, frames_load
from lineofsight.returns.annex_a.export import annex_a_write
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.detect import ReturnRead, returns_read
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.matching import frames_merged
from lineofsight.returns.ssda903.export import ssda903_write
from lineofsight.returns.ssda903.xml_form import ssda903_xml_write
from lineofsight.timescales.services import deadlines_refresh

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ReturnFile:
    filename: str
    content: bytes
    content_type: str
    summary: str


def return_export(
    *, name: str, year: int | None, as_of: dt.date | None, acting_user: User
) -> ReturnFile:
    """One statutory return from the database as a file: the CIN census (XML), SSDA903 (a zip
    of its CSV tables, or its XML form) or Annex A (a workbook). Raises ReturnError when it
    can't be made."""
    if not returns_export_allowed(acting_user):
        raise PermissionDenied("Only analysts and managers may download whole returns")
    frames = frames_extract()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if name == "cin-census" and year is not None:
            council = council_get()
            la_number = council.la_number if council and council.la_number else "000"
            out = folder / f"cin-census-{year}.xml"
            summary = cin_census_write(frames, year=year, out=out, la_number=la_number)
            result = ReturnFile(out.name, out.read_bytes(), "application/xml", summary)
        elif name == "ssda903" and year is not None:
            out = folder / f"ssda903-{year}"
            summary = ssda903_write(frames, year=year, out=out)
            result = ReturnFile(f"{out.name}.zip", _zipped(out), "application/zip", summary)
        elif name == "ssda903-xml" and year is not None:
            out = folder / f"ssda903-{year}.xml"
            summary = ssda903_xml_write(frames, year=year, out=out)
            result = ReturnFile(out.name, out.read_bytes(), "application/xml", summary)
        elif name == "annex-a" and as_of is not None:
            out = folder / f"annex-a-{as_of.isoformat()}.xlsx"
            summary = annex_a_write(frames, as_of=as_of, out=out)
            result = ReturnFile(out.name, out.read_bytes(), XLSX, summary)
        else:
            raise ValueError(f"no return {name!r} with year {year} and date {as_of}")
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.EXPORTED,
        record_type=name,
        detail={
            "year": year,
            "as_of": as_of.isoformat() if as_of else None,
            "file": result.filename,
        },
    )
    return result


def _zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, arcname=path.name)
    return buffer.getvalue()


@dataclass(frozen=True)
class ImportReport:
    """What an import read and (unless a dry run) loaded, a line per return."""

    lines: tuple[str, ...]
    loaded: bool


def returns_import(
    *,
    paths: Sequence[Path],
    year: int | None = None,
    dry_run: bool = False,
    acting_user: User | None,
) -> ImportReport:
    """Read statutory returns and load them into the records, all or nothing.

    Every file is read and checked before anything is written (ReturnError names the file,
    line and field at fault). Loading matches records by natural key (children by LA child
    id), so a second import of the same return adds nothing and a later return updates what
    changed; a column a return does not carry keeps what the record held. `acting_user` is
    None only for the command line, which runs as the system."""
    if acting_user is not None and not returns_import_allowed(acting_user):
        raise PermissionDenied("Only analysts and administrators may import returns")
    reads = returns_read(paths, year=year)
    lines = [_described(read) for read in reads]
    lines.extend(f"  note: {note}" for read in reads for note in read.notes)
    if dry_run:
        return ImportReport(lines=(*lines, "dry run: nothing was written"), loaded=False)
    lines.extend(returns_load(reads=reads, acting_user=acting_user))
    result = deadlines_refresh(acting_user=acting_user)
    lines.append(f"deadlines recomputed on {result.as_of:%d %B %Y}: {result.deadlines:,}")
    return ImportReport(lines=tuple(lines), loaded=True)


def returns_load(*, reads: Sequence[ReturnRead], acting_user: User | None) -> list[str]:
    """Load returns already read, in one transaction; a line per return saying what changed.
    (The deadlines are not recomputed here: `returns_import` does that once, after.)"""
    lines: list[str] = []
    try:
        with transaction.atomic():
            # What the records hold now, read once: to match and merge each return with.
            existing = frames_extract()
            for read in reads:
                frames = frames_merged(read, existing)
                names = ", ".join(path.name for path in read.sources)
                counts = frames_load(
                    frames=frames, acting_user=acting_user, reason=f"import {names}"
                )
                lines.append(f"{read.title}: {_changes(counts)}")
    except FrameError as error:
        raise ReturnError(f"nothing was loaded: {error}") from error
    return lines


def _changes(counts: dict[str, dict[str, int]]) -> str:
    """ "12 records added, 3 updated (added: referral 12; updated: child 3)"."""
    added = sum(table["added"] for table in counts.values())
    updated = sum(table["updated"] for table in counts.values())
    said = f"{added:,} records added, {updated:,} updated"
    parts = [
        f"{what}: "
        + ", ".join(f"{name} {table[what]:,}" for name, table in counts.items() if table[what])
        for what in ("added", "updated")
        if any(table[what] for table in counts.values())
    ]
    return f"{said} ({'; '.join(parts)})" if parts else said


def _described(read: ReturnRead) -> str:
    names = ", ".join(path.name for path in read.sources)
    rows = ", ".join(f"{name} {count:,}" for name, count in read.counts.items())
    return f"{names}: {read.title}: {rows or 'no records'}"
