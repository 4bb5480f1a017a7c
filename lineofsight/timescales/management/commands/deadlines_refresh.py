"""`lineofsight deadlines-refresh`: recompute the stored deadlines and caseloads."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from lineofsight.timescales.management.arguments import date_argument
from lineofsight.timescales.selectors import deadlines_current
from lineofsight.timescales.services import deadlines_refresh


class Command(BaseCommand):
    help = (
        "Recompute every deadline and open case from the database's journey records and store "
        "them for the My work, Team and Service pages. Run after loading data, and nightly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--as-of",
            type=date_argument,
            help="the date to compute for (default: the service's today)",
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="do nothing if the stored deadlines are for today and no data has loaded since",
        )

    def handle(self, *args: object, **options: dt.date | None) -> None:
        if options["if_stale"] and deadlines_current(as_of=options["as_of"]):
            self.stdout.write("deadlines are current; nothing to do")
            return
        result = deadlines_refresh(acting_user=None, as_of=options["as_of"])
        self.stdout.write(
            f"deadlines on {result.as_of:%d %B %Y}: {result.deadlines:,} "
            f"({result.open_deadlines:,} open); open cases: {result.cases:,}"
        )
