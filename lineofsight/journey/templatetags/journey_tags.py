"""Small helpers for the recording pages' GOV.UK markup."""

from __future__ import annotations

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def described_by(field: BoundField) -> str:
    """The ids a field's `aria-describedby` names: its hint and its error, where it has them."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def govuk_box(widget_type: str) -> str:
    """The GOV.UK component for a choice widget: radios, or checkboxes for several answers."""
    return "checkboxes" if widget_type == "checkboxselectmultiple" else "radios"


@register.filter
def date_parts(field: BoundField) -> list[dict[str, object]]:
    """The day, month and year boxes of a GOV.UK date field: name, id, label and value (what
    was typed, or the initial date split up). The first box carries the field's id, so the
    error summary's link lands on it."""
    value = field.value()
    if not isinstance(value, list | tuple):
        value = field.field.widget.decompress(value)
    labels = ("Day", "Month", "Year")
    suffixes = ("day", "month", "year")
    return [
        {
            "name": f"{field.html_name}_{suffix}",
            "id": field.auto_id if index == 0 else f"{field.auto_id}_{suffix}",
            "label": label,
            "value": "" if part is None else part,
            "year": suffix == "year",
        }
        for index, (suffix, label, part) in enumerate(zip(suffixes, labels, value, strict=True))
    ]


@register.filter
def record_type_label(record_type: str) -> str:
    """`child_protection_plan` as "Child protection plan"."""
    return record_type.replace("_", " ").capitalize()
