"""`lineofsight frames-load DIR`: a frames directory into the database, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_read_parquet
from lineofsight.journey.frames_db import frames_load


class Command(BaseCommand):
    help = "Load a directory of Parquet journey frames; records are matched by natural key."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options):
        try:
            frames = frames_read_parquet(options["directory"], TABLES)
            counts = frames_load(frames=frames, reason=f"frames-load {options['directory']}")
        except FrameError as error:
            raise CommandError(f"nothing was loaded: {error}") from error
        for kind in ("added", "updated", "unchanged"):
            total = sum(table[kind] for table in counts.values())
            self.stdout.write(f"{kind}: {total:,}")
        from lineofsight.timescales.services import deadlines_refresh

        result = deadlines_refresh(acting_user=None)
        self.stdout.write(f"deadlines recomputed on {result.as_of:%d %B %Y}: {result.deadlines:,}")
