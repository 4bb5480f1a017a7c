"""`lineofsight validate`: DfE's rules over a return's files, or over the records."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lineofsight.validation.report import report_write

# Exit codes: 0 no errors (queries allowed), 1 errors found, 2 the input could not be read.
NO_ERRORS, ERRORS, UNREADABLE = 0, 1, 2
# An ONS local authority code: a country letter and eight digits (E08000030 is Walsall).
ONS_LA_CODE = re.compile(r"[ENSW]\d{8}")


class Command(BaseCommand):
    help = (
        "Validate a return against DfE's rules for its collection year: the CIN census XML "
        "file or SSDA903 CSV tables given (told from their content), or, with no files, the "
        "return the database makes for --year (--return cin-census or ssda903). Exit code 0 "
        "when there are no errors (queries allowed), 1 when there are errors, 2 when the input "
        "could not be read."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="a return's files or folder")
        parser.add_argument(
            "--return",
            dest="return_name",
            choices=["cin-census", "ssda903"],
            default="cin-census",
            help="which return the database makes, with no files",
        )
        parser.add_argument("--year", type=int, help="e.g. 2017 for 2016-17")
        parser.add_argument(
            "--previous", nargs="*", type=Path, default=[], help="last year's return"
        )
        parser.add_argument(
            "--providers",
            type=Path,
            help=(
                "Ofsted's provider list, a CSV file with the columns URN, PLACE_CODES, "
                "PROVIDER_CODES, POSTCODE, LA_CODE, REG_DATE, REG_END (one row per URN and "
                "LA), for the SSDA903 rules on URNs (219-229, 1008)"
            ),
        )
        parser.add_argument(
            "--la-code",
            dest="la_code",
            help=(
                "the council's ONS code, e.g. E08000030, for the SSDA903 rules on placements "
                "in its own area (else the council record's, when validating the records)"
            ),
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
        from lineofsight.validation import files
        from lineofsight.validation.ssda903.providers import providers_read

        la_code = options.get("la_code")
        if la_code is not None and not ONS_LA_CODE.fullmatch(la_code):
            raise ValueError(f"--la-code {la_code!r} is not an ONS code (e.g. E08000030)")
        path = options.get("providers")
        providers = providers_read(path) if path is not None else None
        try:
            if options["paths"]:
                return files.files_validated(
                    options["paths"],
                    year=options["year"],
                    previous=options["previous"],
                    la_code=la_code,
                    providers=providers,
                )
            if options["year"] is None:
                raise ValueError("give the return's files, or --year to validate the records")
            if options["return_name"] == "ssda903":
                return files.database_ssda903_validated(
                    year=options["year"], la_code=la_code, providers=providers
                )
            if la_code is not None or providers is not None:
                raise ValueError("--la-code and --providers are for --return ssda903")
            return files.database_census_validated(year=options["year"])
        except ReturnError as error:
            raise ValueError(str(error)) from error
