"""`lineofsight validate`: DfE's rules over a return's files, or over the records."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lineofsight.validation.report import report_write

# Exit codes: 0 no errors (queries allowed), 1 errors found, 2 the input could not be read.
NO_ERRORS, ERRORS, UNREADABLE = 0, 1, 2


class Command(BaseCommand):
    help = (
        "Validate a CIN census against DfE's rules for its collection year: the XML files "
        "given, or, with no files, the census built from the database for --year. Exit code 0 "
        "when there are no errors (queries allowed), 1 when there are errors, 2 when the input "
        "could not be read. SSDA903 rules are not written yet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="CIN census XML files")
        parser.add_argument("--year", type=int, help="e.g. 2017 for 2016-17")
        parser.add_argument(
            "--previous", nargs="*", type=Path, default=[], help="last year's return"
        )
        parser.add_argument("--format", choices=["text", "json", "csv", "xlsx"], default="text")
        parser.add_argument("--out", type=Path, help="write the report here")

    def handle(self, *args: object, **options: Any) -> None:
        try:
            title, validation = self._validated(options)
        except (ValueError, OSError) as error:
            self.stderr.write(f"cannot validate: {error}")
            sys.exit(UNREADABLE)
        text = report_write(validation, title=title, format=options["format"], out=options["out"])
        if text:
            self.stdout.write(text, ending="")
        if options["out"] is not None:
            self.stderr.write(f"wrote {options['out']}")
        sys.exit(ERRORS if validation.errors.height else NO_ERRORS)

    @staticmethod
    def _validated(options: dict[str, Any]) -> tuple[str, Any]:
        from lineofsight.returns.domain.errors import ReturnError
        from lineofsight.validation.files import census_validated, database_census_validated

        try:
            if options["paths"]:
                return census_validated(
                    options["paths"], year=options["year"], previous=options["previous"]
                )
            if options["year"] is None:
                raise ValueError("give the return's files, or --year to validate the records")
            return database_census_validated(year=options["year"])
        except ReturnError as error:
            raise ValueError(str(error)) from error
