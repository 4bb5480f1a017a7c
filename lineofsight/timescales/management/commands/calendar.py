"""`lineofsight calendar`: working-day arithmetic on the England and Wales calendar."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.timescales.domain.calendar import (
    OutsideCalendarError,
    WorkingDayCalendar,
    bank_holidays,
    national_calendar,
)
from lineofsight.timescales.management.arguments import date_argument


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a whole number of working days") from None


class Command(BaseCommand):
    help = (
        "Working days on the England and Wales bank-holiday calendar (timescales.md §1): the "
        "start date is day 0. --local adds the council's closure days (never for national "
        "measures)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--local", action="store_true", help="include local closure days")
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add-working-days", help="the N-th working day after DATE")
        add.add_argument("start")
        add.add_argument("count")
        between = actions.add_parser(
            "working-days-between", help="working days after START up to and including END"
        )
        between.add_argument("start")
        between.add_argument("end")
        check = actions.add_parser("is-working-day", help="yes or no, and why not")
        check.add_argument("day")
        listing = actions.add_parser("holidays", help="the bank holidays of a year")
        listing.add_argument("year", type=int)

    def handle(self, *args: object, **options: str) -> None:
        calendar = self._calendar(bool(options["local"]))
        action = options["action"]
        try:
            if action == "add-working-days":
                day = calendar.add_working_days(
                    date_argument(options["start"]), _count(options["count"])
                )
                self.stdout.write(day.isoformat())
            elif action == "working-days-between":
                count = calendar.working_days_between(
                    date_argument(options["start"]), date_argument(options["end"])
                )
                self.stdout.write(str(count))
            elif action == "is-working-day":
                self.stdout.write(self._why(calendar, date_argument(options["day"])))
            else:
                year = int(options["year"])
                for holiday in bank_holidays():
                    if holiday.on.year == year:
                        self.stdout.write(f"{holiday.on.isoformat()}  {holiday.title}")
        except OutsideCalendarError as error:
            raise CommandError(str(error)) from error

    def _calendar(self, local: bool) -> WorkingDayCalendar:
        national = national_calendar()
        if not local:
            return national
        from lineofsight.timescales.config import timescale_config

        return national.with_closures(timescale_config().closures)

    @staticmethod
    def _why(calendar: WorkingDayCalendar, day: dt.date) -> str:
        if calendar.is_working_day(day):
            return "yes"
        if day.weekday() >= 5:
            return f"no: {day:%A}"
        titles = [h.title for h in bank_holidays() if h.on == day]
        return f"no: {titles[0]}" if titles else "no: local closure day"
