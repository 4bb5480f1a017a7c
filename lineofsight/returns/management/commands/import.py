# ruff: noqa: N999 -- Django names a command after its module: `lineofsight import`.
"""`lineofsight import PATH...`: statutory returns into the database, all or nothing."""

from pathlib import Path
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError
from lineofsight.returns.domain.errors import ReturnError


class Command(BaseCommand):
    help = (
        "Load statutory returns into the database: CIN census XML (2016-17 to 2025-26, checked "
        "against that year's XSD). The file's kind and year are detected. Loading is all or "
        "nothing and idempotent: children are matched by LA child id and records by keys made "
        "from the return, so a second import adds nothing and a later return updates what "
        "changed; fields a return does not carry (names, meeting attendance) keep what the "
        "record had. --dry-run reports without writing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="read and report only")

    def handle(self, *args: object, **options: Any) -> None:
        from lineofsight.journey.frames_db import frames_extract, frames_load

        reads = [self._read(path) for path in options["paths"]]
        for path, year, frames in reads:
            rows = {name: frame.height for name, frame in frames.items() if frame.height}
            described = ", ".join(f"{name} {count:,}" for name, count in rows.items())
            self.stdout.write(f"{path}: CIN census {year - 1}-{str(year)[2:]}: {described}")
        if options["dry_run"]:
            self.stdout.write("dry run: nothing was written")
            return
        try:
            with transaction.atomic():
                # What the records hold now, read once: only for the fields a return lacks.
                existing = frames_extract()
                for path, _, frames in reads:
                    kept = _keep_what_the_return_lacks(frames, existing)
                    counts = frames_load(frames=kept, reason=f"import {path.name}")
                    added = sum(table["added"] for table in counts.values())
                    updated = sum(table["updated"] for table in counts.values())
                    self.stdout.write(f"{path}: {added:,} added, {updated:,} updated")
        except FrameError as error:
            raise CommandError(f"nothing was loaded: {error}") from error
        from lineofsight.timescales.services import deadlines_refresh

        result = deadlines_refresh(acting_user=None)
        self.stdout.write(f"deadlines recomputed on {result.as_of:%d %B %Y}: {result.deadlines:,}")

    @staticmethod
    def _read(path: Path) -> tuple[Path, int, dict[str, pl.DataFrame]]:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if path.suffix.lower() != ".xml":
            raise CommandError(
                f"{path}: only CIN census XML can be imported so far (SSDA903 and Annex A "
                "importers are not written yet)"
            )
        from lineofsight.returns.cin_census.import_ import cin_census_read

        try:
            read = cin_census_read(path)
        except ReturnError as error:
            raise CommandError(f"nothing was loaded: {error}") from error
        return path, read.year, read.frames


def _keep_what_the_return_lacks(
    frames: dict[str, pl.DataFrame], existing: dict[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """A column the return left wholly empty (it does not carry it) keeps each existing
    record's value, so importing a return never blanks a name or an attendance."""
    kept: dict[str, pl.DataFrame] = {}
    for name, frame in frames.items():
        key = TABLES[name].key
        lacking = [c for c in frame.columns if c != key and frame[c].null_count() == frame.height]
        old = existing.get(name)
        if not lacking or old is None or old.is_empty() or frame.is_empty():
            kept[name] = frame
            continue
        previous = old.select(key, *[pl.col(c).alias(f"_old_{c}") for c in lacking])
        kept[name] = (
            frame.join(previous, on=key, how="left")
            .with_columns(pl.coalesce(c, f"_old_{c}").alias(c) for c in lacking)
            .select(frame.columns)
        )
    return kept
