"""GOV.UK form fields for the recording pages, with the error messages the Design System asks
for: they name the thing ("Enter the date of the visit"), not the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import timezone

from lineofsight.timescales.forms import GovukDateField, GovukDateWidget

TIME_PATTERN = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def text_field(
    label: str, *, max_length: int, what: str, error: str = "", hint: str = ""
) -> forms.CharField:
    """A one-line answer; required when it has an error message for a missing answer."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(error),
        help_text=hint,
        error_messages={
            "required": error,
            "max_length": f"The {what} must be {max_length} characters or fewer",
        },
    )


def date_field(what: str, *, required: bool = True, hint: str = "") -> GovukDateField:
    """A day, month and year field for "the date of `what`"."""
    field = GovukDateField(
        label=f"Date {what}",
        help_text=hint or "For example, 27 3 2017",
        required=f"Enter the date {what}",
        incomplete=f"The date {what} must include a day, month and year",
        not_real=f"The date {what} must be a real date",
    )
    field.required = required
    return field


class GovukTimeField(forms.CharField):
    """A time of day typed as 14:30 (24-hour clock), as GOV.UK's pattern for times asks."""

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("help_text", "Use the 24-hour clock, for example 14:30")
        super().__init__(max_length=5, **kwargs)
        self.error_messages["required"] = f"Enter the time {what}"

    def clean(self, value: Any) -> dt.time | None:
        text = super().clean(value)
        if not text:
            return None
        match = TIME_PATTERN.match(text)
        if match is None:
            raise forms.ValidationError(f"The time {self.what} must be like 14:30")
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            raise forms.ValidationError(f"The time {self.what} must be a real time")
        return dt.time(hour, minute)


def moment(day: dt.date, time: dt.time) -> dt.datetime:
    """A date and time of day in the council's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, time))


def choice_field(
    label: str,
    choices: Iterable[tuple[str, str]],
    *,
    error: str,
    required: bool = True,
    radios: bool = True,
    hint: str = "",
) -> forms.ChoiceField:
    """Radios for a short list (the GOV.UK default), a select for a long one."""
    options = list(choices)
    widget = forms.RadioSelect if radios and len(options) <= 8 else forms.Select
    if widget is forms.Select:
        options = [("", "Select one"), *options]
    return forms.ChoiceField(
        label=label,
        choices=options,
        required=required,
        widget=widget,
        help_text=hint,
        error_messages={"required": error, "invalid_choice": error},
    )


def yes_no_field(label: str, *, error: str, hint: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=hint,
        error_messages={"required": error, "invalid_choice": error},
    )


def yes_no_initial(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


__all__ = [
    "GovukDateField",
    "GovukDateWidget",
    "GovukTimeField",
    "choice_field",
    "date_field",
    "moment",
    "yes_no_field",
    "yes_no_initial",
]
