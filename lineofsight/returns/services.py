"""Statutory returns produced for a person: built from the database, audited."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied

from lineofsight.accounts.access import returns_export_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_get
from lineofsight.journey.frames_db import frames_extract
from lineofsight.returns.annex_a.export import annex_a_write
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.ssda903.export import ssda903_write

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
    of its CSV tables) or Annex A (a workbook). Raises ReturnError when it can't be made."""
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
