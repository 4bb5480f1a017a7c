"""`lineofsight frames-export --out DIR`: every journey table to Parquet."""

from pathlib import Path

from django.core.management.base import BaseCommand

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.frames import frames_write_parquet
from lineofsight.journey.frames_db import frames_extract


class Command(BaseCommand):
    help = "Write the database's journey frames to a directory, one Parquet file per table."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, **options):
        frames = frames_extract()
        frames_write_parquet(options["out"], frames)
        rows = {name: frame.height for name, frame in frames.items()}
        AuditEvent.objects.create(
            action=AuditAction.EXPORTED,
            record_type="journey_frames",
            detail={"rows": rows, "to": str(options["out"])},
        )
        self.stdout.write(
            f"wrote {sum(rows.values()):,} rows in {len(rows)} tables to {options['out']}"
        )
