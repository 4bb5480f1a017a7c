"""Command-line arguments the timescales commands share."""

import datetime as dt

from django.core.management.base import CommandError


def date_argument(text: str) -> dt.date:
    """An ISO date, or an error that says what was expected."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{text!r} is not a date: expected YYYY-MM-DD, e.g. 2017-12-15"
        ) from None
