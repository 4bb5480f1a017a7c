"""Uploaded return files, kept on disk only while they are read and loaded."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath

from django.core.files.uploadedfile import UploadedFile

from lineofsight.returns.domain.errors import ReturnError

# A workbook is a zip too; its parts name it.
_WORKBOOK_PART = "[Content_Types].xml"


def _safe_name(name: str | None, number: int) -> str:
    # Only the last part of the name a browser sends: never a path into the folder's parent.
    base = PurePath((name or "").replace("\\", "/")).name.lstrip(".")
    return base or f"upload-{number}"


def _unzipped(path: Path, folder: Path) -> list[Path]:
    """The files of a zip of SSDA903 CSV tables, extracted into their own folder."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if _WORKBOOK_PART in names:
                return [path]
            target = folder / f"{path.stem}-files"
            target.mkdir()
            extracted: list[Path] = []
            for number, info in enumerate(archive.infolist()):
                if info.is_dir():
                    continue
                out = target / _safe_name(info.filename, number)
                out.write_bytes(archive.read(info))
                extracted.append(out)
    except zipfile.BadZipFile as error:
        raise ReturnError(f"{path.name}: not a readable zip or workbook ({error})") from error
    path.unlink()
    return [target] if extracted else []


@contextmanager
def uploads_saved(files: Sequence[UploadedFile]) -> Iterator[list[Path]]:
    """The uploads as files in a private temporary folder (a zip of CSV tables as a folder
    of its files), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="lineofsight-import-") as scratch:
        folder = Path(scratch)
        paths: list[Path] = []
        for number, upload in enumerate(files):
            path = folder / _safe_name(upload.name, number)
            if path.exists():
                raise ReturnError(f"{path.name}: chosen twice")
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.extend(_unzipped(path, folder) if zipfile.is_zipfile(path) else [path])
        yield paths
