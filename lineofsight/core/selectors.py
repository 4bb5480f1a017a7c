"""Reads of the council this installation serves."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.conf import settings
from django.utils import timezone

from lineofsight.core.models import Council

# Within one request the council row is read once: a page asks for "today" a dozen times.
_REQUEST_COUNCIL: ContextVar[dict[str, Council | None] | None] = ContextVar(
    "request_council", default=None
)


def council_get() -> Council | None:
    """The one council row, or None before any data has been loaded."""
    memo = _REQUEST_COUNCIL.get()
    if memo is None:
        return Council.objects.order_by("pk").first()
    if "council" not in memo:
        memo["council"] = Council.objects.order_by("pk").first()
    return memo["council"]


@contextmanager
def council_read_once() -> Iterator[None]:
    """While open (one request), `council_get` reads the row at most once."""
    token = _REQUEST_COUNCIL.set({})
    try:
        yield
    finally:
        _REQUEST_COUNCIL.reset(token)


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
