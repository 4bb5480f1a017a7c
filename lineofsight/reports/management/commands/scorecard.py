"""`lineofsight scorecard`: a board pack as PDF, Excel, JSON or HTML, from the records, a
frames folder or last year's statutory returns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

FORMATS = ("pdf", "xlsx", "json", "html")


class Command(BaseCommand):
    help = (
        "Produce a board pack: `--board corporate-parenting --period 2016-17 --format pdf "
        "--out pack.pdf`. From the records by default; `--from DIR` reads a journey frames "
        "folder, and `--from FILE...` statutory returns (CIN census XML, SSDA903 CSVs or XML, "
        "Annex A). `--snapshot` stores the pack so it can be produced again exactly "
        "(`--snapshot-id N`)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--board", help="the pack's code (--list shows them)")
        parser.add_argument(
            "--period", help="2016-17, '2016-17 Q3', 2017-03, '12 months to 2017-03' or a date"
        )
        parser.add_argument("--format", choices=FORMATS, help="default: from --out's suffix")
        parser.add_argument("--out", type=Path, help="the file to write")
        parser.add_argument("--from", dest="sources", nargs="+", type=Path, default=None)
        parser.add_argument("--la", help="the council, for comparators (default: the records')")
        parser.add_argument("--team", help="a team's code, for a per-team pack")
        parser.add_argument("--snapshot", action="store_true", help="store the pack as produced")
        parser.add_argument("--snapshot-id", type=int, help="produce a stored pack again")
        parser.add_argument("--list", action="store_true", help="list the boards and stop")

    def handle(self, *args: object, **options: Any) -> None:
        from lineofsight.reports.domain.packs import PackError, packs_load

        try:
            packs = packs_load()
        except PackError as error:
            raise CommandError(str(error)) from error
        if options["list"]:
            for pack in packs.values():
                self.stdout.write(f"{pack.code}: {pack.title} ({len(pack.lines)} indicators)")
            return
        out: Path | None = options["out"]
        if out is None:
            raise CommandError("--out FILE is required")
        file_format = options["format"] or out.suffix.lstrip(".").lower()
        if file_format not in FORMATS:
            raise CommandError(f"--format must be one of {', '.join(FORMATS)}")
        if options["snapshot_id"] is not None:
            self._reproduce(options["snapshot_id"], file_format, out)
            return
        card, commentary = self._build(packs, options)
        self._write(card, commentary, file_format, out)
        if options["snapshot"]:
            from lineofsight.reports.outputs.json_out import scorecard_json
            from lineofsight.reports.services import scorecard_snapshot_create

            snapshot = scorecard_snapshot_create(
                card=card, document=scorecard_json(card, commentary), acting_user=None
            )
            self.stdout.write(f"stored as snapshot {snapshot.pk} ({card.code_version})")

    def _build(self, packs: dict[str, Any], options: dict[str, Any]) -> tuple[Any, Any]:
        from lineofsight.core.domain.published import UnknownCouncilError, find_council
        from lineofsight.indicators.domain.periods import PeriodError, period_parse
        from lineofsight.reports.domain.scorecard import scorecard_build
        from lineofsight.reports.selectors import commentary_latest, council_info
        from lineofsight.reports.sources import (
            SourceError,
            frames_from_database,
            frames_from_paths,
        )
        from lineofsight.reports.versions import code_version
        from lineofsight.returns.domain.errors import ReturnError

        board = options["board"]
        if board not in packs:
            raise CommandError(f"--board: no board {board!r}; choose from {', '.join(packs)}")
        pack = packs[board]
        if not options["period"]:
            raise CommandError("--period is required, e.g. --period 2016-17")
        try:
            period = period_parse(options["period"])
        except PeriodError as error:
            raise CommandError(f"--period: {error}") from error
        if pack.per_team and not options["team"]:
            raise CommandError(f"{board} is a team pack: name the team with --team CODE")
        try:
            council = find_council(options["la"]) if options["la"] else council_info()
        except UnknownCouncilError as error:
            raise CommandError(f"--la: {error}") from error
        try:
            if options["sources"]:
                frames, source = frames_from_paths(options["sources"])
            else:
                frames, source = frames_from_database(), "Line of Sight records"
        except (SourceError, ReturnError) as error:
            raise CommandError(str(error)) from error
        if council is None:
            self.stderr.write("no council named (--la): the pack has no comparators or rates")
        card = scorecard_build(
            pack=pack,
            period=period,
            frames=frames,
            council=council,
            source=source,
            code_version=code_version(),
            team=options["team"],
        )
        commentary = (
            {}
            if options["sources"]
            else commentary_latest(board=board, period=period.label, team=options["team"])
        )
        return card, commentary

    def _write(self, card: Any, commentary: Any, file_format: str, out: Path) -> None:
        from lineofsight.reports.outputs.document import scorecard_html, scorecard_pdf
        from lineofsight.reports.outputs.json_out import scorecard_json
        from lineofsight.reports.outputs.xlsx import scorecard_xlsx

        if file_format == "json":
            data = json.dumps(scorecard_json(card, commentary), indent=2).encode()
        elif file_format == "xlsx":
            data = scorecard_xlsx(card, commentary)
        elif file_format == "html":
            data = scorecard_html(card, commentary).encode()
        else:
            data = scorecard_pdf(card, commentary)
        _write_atomic(out, data)
        self.stdout.write(
            f"{card.title}, {card.period.label}: {len(card.lines)} indicators -> {out}"
        )

    def _reproduce(self, snapshot_id: int, file_format: str, out: Path) -> None:
        from lineofsight.reports.models import ScorecardSnapshot
        from lineofsight.reports.outputs.json_out import ScorecardDocumentError, scorecard_from_json

        snapshot = ScorecardSnapshot.objects.filter(pk=snapshot_id).first()
        if snapshot is None:
            raise CommandError(f"--snapshot-id: no snapshot {snapshot_id}")
        try:
            card, commentary = scorecard_from_json(snapshot.document)
        except ScorecardDocumentError as error:
            raise CommandError(f"snapshot {snapshot_id}: {error}") from error
        self._write(card, commentary, file_format, out)


def _write_atomic(out: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed run never leaves half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(data)
    partial.replace(out)
