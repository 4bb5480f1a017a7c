"""GOV.UK tags for a deadline's status and a case's holding (no database access)."""

import datetime as dt
import functools
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from lineofsight.timescales.models import DeadlineStatus, Holding

register = template.Library()

STATUS_COLOURS: dict[str, str] = {
    DeadlineStatus.OVERDUE: "red",
    DeadlineStatus.DUE_SOON: "yellow",
    DeadlineStatus.MET_ON_TIME: "green",
    DeadlineStatus.MET_LATE: "orange",
    DeadlineStatus.MISSED: "grey",
    DeadlineStatus.NOT_YET_DUE: "grey",
}
HOLDING_COLOURS: dict[str, str] = {
    Holding.UNALLOCATED: "red",
    Holding.DUTY: "orange",
    Holding.HELD_BY_MANAGER: "yellow",
    Holding.ALLOCATED: "green",
}
STATUS_LABELS: dict[str, str] = dict(DeadlineStatus.choices)
HOLDING_LABELS: dict[str, str] = dict(Holding.choices)


def _tag(colour: str, label: str) -> SafeString:
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)


@register.filter
def status_tag(status: str) -> SafeString:
    """`overdue` → a red "Overdue" tag; due soon yellow, met on time green, met late orange,
    missed and not yet due grey."""
    return _tag(STATUS_COLOURS.get(status, "grey"), STATUS_LABELS.get(status, status))


@register.filter
def holding_tag(holding: str) -> SafeString:
    return _tag(HOLDING_COLOURS.get(holding, "grey"), HOLDING_LABELS.get(holding, holding))


PLACEHOLDER = "child-id"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@functools.cache
def _child_url_pattern() -> str:
    return reverse("timescales:child", kwargs={"child_id": PLACEHOLDER})


@register.filter
def child_url(child_id: str) -> str:
    """The child's record page. A Team page links hundreds of children: one `reverse` for all."""
    return _child_url_pattern().replace(PLACEHOLDER, quote(child_id, safe=""))


@register.filter
def short_date(on: dt.date | None) -> str:
    """`3 Apr 2017`, as `date:"j M Y"` writes it in English, several times quicker (a Team page
    writes hundreds)."""
    if on is None:
        return ""
    return f"{on.day} {MONTHS[on.month - 1]} {on.year}"
