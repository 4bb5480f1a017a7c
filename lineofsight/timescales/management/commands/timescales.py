"""`lineofsight timescales`: every obligation on a date (or due in a period), as JSON or CSV."""

import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

import polars as pl
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_read_parquet
from lineofsight.timescales.domain.calendar import OutsideCalendarError
from lineofsight.timescales.domain.engine import (
    input_tables,
    obligations,
    obligations_due_between,
)
from lineofsight.timescales.domain.engine.status import Status
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.domain.timescale import TimescaleConfig
from lineofsight.timescales.management.arguments import date_argument


class _Unending:
    """Django's command output adds a newline to every write; pieces of JSON must not get one."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")


class Command(BaseCommand):
    help = (
        "Print every statutory and local obligation known on --as-of (child, rule, the event "
        "that started it, due date, the event that met it, status, responsible worker and "
        "team), from the database or, with --from, from a directory of Parquet journey frames. "
        "--due-from/--due-to list instead every obligation due in that period, as known at its "
        "end (the input to timeliness measures)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=date_argument, help="default: the service's today")
        parser.add_argument(
            "--due-from", type=date_argument, help="start of a period (with --due-to)"
        )
        parser.add_argument(
            "--due-to", type=date_argument, help="end of a period (with --due-from)"
        )
        parser.add_argument("--from", dest="source", type=Path, help="a frames directory")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--rule", action="append", help="only this rule (repeatable)")
        parser.add_argument(
            "--status", action="append", choices=[s.value for s in Status], help="repeatable"
        )
        parser.add_argument("--out", type=Path, help="write to this file instead of stdout")

    def handle(self, *args: object, **options: Any) -> None:
        period = (options["due_from"], options["due_to"])
        if (period[0] is None) != (period[1] is None):
            raise CommandError("give both --due-from and --due-to, or neither")
        if period[0] and options["as_of"]:
            raise CommandError("--as-of and a --due-from/--due-to period can't be combined")
        if period[0] and period[1] and period[0] > period[1]:
            raise CommandError("--due-from is after --due-to")
        for rule in options["rule"] or []:
            if rule not in RULES:
                raise CommandError(f"no timescale {rule!r}; known: {', '.join(RULES)}")
        frames, config = self._frames(options["source"])
        try:
            if period[0] and period[1]:
                rows = obligations_due_between(
                    frames, start=period[0], end=period[1], config=config
                )
            else:
                as_of = options["as_of"] or self._today()
                rows = obligations(frames, as_of=as_of, config=config)
        except OutsideCalendarError as error:
            raise CommandError(str(error)) from error
        if options["rule"]:
            rows = rows.filter(pl.col("rule").is_in(options["rule"]))
        if options["status"]:
            rows = rows.filter(pl.col("status").is_in(options["status"]))
        out: Path | None = options["out"]
        if out is None:
            self._write(rows, options["format"], _Unending(self.stdout))
        else:
            tmp = out.with_name(out.name + ".tmp")
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                self._write(rows, options["format"], handle)
            tmp.replace(out)
            self.stderr.write(f"wrote {rows.height:,} obligations to {out}")
        if options["source"] is None:
            AuditEvent.objects.create(
                action=AuditAction.EXPORTED,
                record_type="obligations",
                detail={"rows": rows.height, "format": options["format"], "to": str(out or "-")},
            )

    @staticmethod
    def _today() -> dt.date:
        from lineofsight.core.selectors import council_today

        return council_today()

    @staticmethod
    def _frames(source: Path | None) -> tuple[dict[str, pl.DataFrame], TimescaleConfig]:
        if source is not None:
            try:
                return frames_read_parquet(source, input_tables(TABLES)), TimescaleConfig()
            except FrameError as error:
                raise CommandError(str(error)) from error
        from lineofsight.journey.frames_db import frames_extract
        from lineofsight.timescales.config import timescale_config

        return frames_extract(), timescale_config()

    @staticmethod
    def _write(rows: pl.DataFrame, form: str, handle: TextIO | _Unending) -> None:
        text = rows.with_columns(
            pl.col(pl.Date).dt.strftime("%Y-%m-%d"),
            pl.col(pl.Datetime).dt.strftime("%Y-%m-%dT%H:%M:%S"),
        )
        if form == "csv":
            handle.write(text.write_csv())
            return
        # A JSON array with one obligation per line: valid JSON, and greppable.
        handle.write("[")
        for number, record in enumerate(text.iter_rows(named=True)):
            handle.write(("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False))
        handle.write("\n]\n")
