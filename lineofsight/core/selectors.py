"""Reads of the council this installation serves."""

from datetime import date

from django.conf import settings
from django.utils import timezone

from lineofsight.core.models import Council
from lineofsight.core.request_memo import once


def council_get() -> Council | None:
    """The one council row, or None before any data has been loaded (read once a request: a
    page asks for "today" a dozen times)."""
    return once(("council",), lambda: Council.objects.order_by("pk").first())


def council_today() -> date:
    """The service's "today".

    A synthetic council lives on its reference date (its records stop there), so its demo
    shows what was due then; `LINEOFSIGHT_TODAY` pins the date for a rehearsal or a test;
    otherwise it is today's date in London.
    """
    pinned = getattr(settings, "LINEOFSIGHT_TODAY", None)
    if pinned:
        return date.fromisoformat(str(pinned))
    council = council_get()
    if council is not None and council.is_synthetic:
        return council.reference_date
    return timezone.localdate()
