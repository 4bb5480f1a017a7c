"""`lineofsight export cin-census|ssda903`: statutory returns, from the database or frames."""

from pathlib import Path
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_read_parquet
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.timescales.management.arguments import date_argument

FIRST_YEAR, LAST_YEAR = 2017, 2026


class Command(BaseCommand):
    help = (
        "Write a statutory return for the collection year ending 31 March of --year: the CIN "
        "census as XML (valid against that year's XSD), or SSDA903 as one CSV per table with "
        "DfE's column names and order (or, with an --out ending .xml, as one XML file valid "
        "against DfE's CLA.xsd). From the database, or with --from a frames folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        returns = parser.add_subparsers(dest="return_name", required=True)
        cin = returns.add_parser("cin-census", help="CIN census XML")
        cin.add_argument("--out", type=Path, required=True, help="the XML file to write")
        cin.add_argument(
            "--la-number",
            help="the council's three-digit DfE LA number (default: the database's council)",
        )
        ssda903 = returns.add_parser("ssda903", help="SSDA903 CSV tables")
        ssda903.add_argument(
            "--out",
            type=Path,
            required=True,
            help="the folder to write the CSV tables into, or a file ending .xml for the XML form",
        )
        for sub in (cin, ssda903):
            sub.add_argument("--year", type=int, required=True, help="e.g. 2017 for 2016-17")
        annex = returns.add_parser("annex-a", help="Ofsted Annex A workbook (lists 1-11)")
        annex.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
        annex.add_argument(
            "--as-of", type=date_argument, required=True, help="the inspection date, YYYY-MM-DD"
        )
        for sub in (cin, ssda903, annex):
            sub.add_argument("--from", dest="source", type=Path, help="a frames folder")

    def handle(self, *args: object, **options: Any) -> None:
        if options["return_name"] == "annex-a":
            self._annex_a(options)
            return
        year: int = options["year"]
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(
                f"--year {year}: returns are written for collection years ending 31 March "
                f"{FIRST_YEAR} to {LAST_YEAR}"
            )
        frames = self._frames(options["source"])
        out: Path = options["out"]
        try:
            if options["return_name"] == "cin-census":
                from lineofsight.returns.cin_census.export import cin_census_write

                written = cin_census_write(
                    frames, year=year, out=out, la_number=self._la_number(options)
                )
            elif out.suffix.lower() == ".xml":
                from lineofsight.returns.ssda903.xml_form import ssda903_xml_write

                written = ssda903_xml_write(frames, year=year, out=out)
            else:
                from lineofsight.returns.ssda903.export import ssda903_write

                written = ssda903_write(frames, year=year, out=out)
        except ReturnError as error:
            raise CommandError(f"nothing was written: {error}") from error
        if options["source"] is None:
            AuditEvent.objects.create(
                action=AuditAction.EXPORTED,
                record_type=options["return_name"],
                detail={"year": year, "to": str(out)},
            )
        self.stdout.write(f"wrote {written}")

    def _annex_a(self, options: dict[str, Any]) -> None:
        from lineofsight.returns.annex_a.export import annex_a_write

        frames = self._frames(options["source"])
        try:
            written = annex_a_write(frames, as_of=options["as_of"], out=options["out"])
        except ReturnError as error:
            raise CommandError(f"nothing was written: {error}") from error
        if options["source"] is None:
            AuditEvent.objects.create(
                action=AuditAction.EXPORTED,
                record_type="annex-a",
                detail={"as_of": options["as_of"].isoformat(), "to": str(options["out"])},
            )
        self.stdout.write(f"wrote {written}")

    @staticmethod
    def _la_number(options: dict[str, Any]) -> str:
        if options.get("la_number"):
            number = str(options["la_number"])
            if not (number.isdigit() and len(number) == 3):
                raise CommandError(f"--la-number {number!r}: expected three digits, e.g. 335")
            return number
        from lineofsight.core.selectors import council_get

        council = council_get()
        if council is None:
            raise CommandError("no council in the database: give --la-number (e.g. 335)")
        return str(council.la_number)

    @staticmethod
    def _frames(source: Path | None) -> dict[str, pl.DataFrame]:
        if source is None:
            from lineofsight.journey.frames_db import frames_extract

            return frames_extract()
        try:
            return frames_read_parquet(source, TABLES)
        except FrameError as error:
            raise CommandError(str(error)) from error
