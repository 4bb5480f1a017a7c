"""`lineofsight validation-refresh`: store the records' validation failures for the pages."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Validate the CIN census and SSDA903 return the records make for a collection year "
        "(the current one by default) and store the failures, which each child's record shows. "
        "Run it nightly, and after loading data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, help="e.g. 2017 for 2016-17")
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if failures are stored already"
        )

    def handle(self, *args: object, **options: Any) -> None:
        from lineofsight.validation.models import ValidationFailure
        from lineofsight.validation.services import validation_refresh

        if options["if_empty"] and ValidationFailure.objects.exists():
            self.stdout.write("validation failures are stored already")
            return
        done = validation_refresh(acting_user=None, year=options["year"])
        self.stdout.write(
            f"validation failures stored for {done.year - 1}-{str(done.year)[2:]}: "
            f"{done.errors:,} errors, {done.queries:,} queries"
        )
