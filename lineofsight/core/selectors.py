"""Reads of the council this installation serves."""

from lineofsight.core.models import Council


def council_get() -> Council | None:
    """The one council row, or None before any data has been loaded."""
    return Council.objects.order_by("pk").first()
