"""Write or check the generated journey frame schema module."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lineofsight.journey.frame_tables import render_schema_module

TARGET = Path(__file__).resolve().parents[2] / "domain" / "frame_schema.py"


class Command(BaseCommand):
    help = "Generate lineofsight/journey/domain/frame_schema.py from the Django models."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="rewrite the module")

    def handle(self, *args, **options):
        text = render_schema_module()
        if options["write"]:
            TARGET.write_text(text)
            self.stdout.write(f"wrote {TARGET}")
            return
        if not TARGET.exists() or TARGET.read_text() != text:
            raise CommandError(f"{TARGET} is out of date: run `lineofsight frames-schema --write`")
        self.stdout.write("frame schema is current")
