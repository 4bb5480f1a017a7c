# ruff: noqa: N999 -- Django names a command after its module: `lineofsight import`.
"""`lineofsight import PATH...`: statutory returns into the database, all or nothing."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.returns.domain.errors import ReturnError


class Command(BaseCommand):
    help = (
        "Load statutory returns into the database: CIN census XML and SSDA903 (CSV tables or "
        "XML) for 2016-17 to 2025-26, and Ofsted Annex A workbooks (2024 template and earlier "
        "column orders). Each file's kind and year are told from its content; the CSV tables "
        "given together, or in one folder, make one SSDA903 return. Every file is checked "
        "before anything is written, and loading is all or nothing and idempotent: children "
        "are matched by LA child id and records by keys made from the return, so a second "
        "import adds nothing and a later return updates what changed; fields a return does "
        "not carry keep what the record had. --dry-run reports without writing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument("--dry-run", action="store_true", help="read and report only")
        parser.add_argument(
            "--year",
            type=int,
            help="refuse a CIN census or SSDA903 return for any other collection year "
            "(2017 = the year ending 31 March 2017)",
        )

    def handle(self, *args: object, **options: Any) -> None:
        from lineofsight.returns.services import returns_import

        try:
            report = returns_import(
                paths=options["paths"],
                year=options["year"],
                dry_run=options["dry_run"],
                acting_user=None,
            )
        except ReturnError as error:
            message = str(error)
            if not message.startswith("nothing was loaded"):
                message = f"nothing was loaded: {message}"
            raise CommandError(message) from error
        for line in report.lines:
            self.stdout.write(line)
