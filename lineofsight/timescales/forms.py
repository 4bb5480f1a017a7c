"""Forms for the council's timescale settings: input shape and GOV.UK error messages only.

The rules (a weekday, a reason given, a local rule, at least one day) are the services' own:
their ValidationErrors are shown on these forms' fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from lineofsight.timescales.domain.rules import TIMESCALES
from lineofsight.timescales.models import AllowanceUnit

ENTER_CLOSURE_DATE = "Enter the date the offices are closed"
CLOSURE_DATE_INCOMPLETE = "The date the offices are closed must include a day, month and year"
CLOSURE_DATE_NOT_REAL = "The date the offices are closed must be a real date"
CHOOSE_RULE = "Select the local standard to change"
CHOOSE_UNIT = "Select what the standard is counted in"
ENTER_FIRST = "Enter how long the standard allows"
FIRST_NOT_NUMBER = "How long the standard allows must be a whole number, like 10"
THEN_NOT_NUMBER = "How long each repeat allows must be a whole number, like 20"
REASON_TOO_LONG = "The reason must be {limit} characters or fewer"


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date input): `<name>_day`, `_month`, `_year`."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            widgets={"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput},
            attrs=attrs,
        )

    def decompress(self, value: dt.date | None) -> list[int | None]:
        if value is None:
            return [None, None, None]
        return [value.day, value.month, value.year]


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, *, required: str, incomplete: str, not_real: str, **kwargs: Any) -> None:
        self.not_real = not_real
        part = {"invalid": not_real}
        super().__init__(
            fields=(
                forms.IntegerField(required=False, error_messages=part),
                forms.IntegerField(required=False, error_messages=part),
                forms.IntegerField(required=False, error_messages=part),
            ),
            require_all_fields=False,
            error_messages={"required": required, "incomplete": incomplete},
            **kwargs,
        )

    def compress(self, data_list: list[int | None]) -> dt.date | None:
        if not data_list or all(part is None for part in data_list):
            return None
        day, month, year = data_list
        if day is None or month is None or year is None:
            raise forms.ValidationError(self.error_messages["incomplete"])
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(self.not_real) from None


class ClosureDayAddForm(forms.Form):
    on = GovukDateField(
        required=ENTER_CLOSURE_DATE,
        incomplete=CLOSURE_DATE_INCOMPLETE,
        not_real=CLOSURE_DATE_NOT_REAL,
    )
    reason = forms.CharField(
        max_length=200,
        required=False,
        error_messages={"max_length": REASON_TOO_LONG.format(limit=200)},
    )


class ClosureDayRemoveForm(forms.Form):
    on = forms.DateField(input_formats=["%Y-%m-%d"])


def local_rule_choices() -> list[tuple[str, str]]:
    return [
        (rule.code, f"{rule.code}: {rule.title}")
        for rule in TIMESCALES
        if rule.is_local and rule.tracked
    ]


class LocalStandardForm(forms.Form):
    rule = forms.ChoiceField(
        choices=local_rule_choices,
        error_messages={"required": CHOOSE_RULE, "invalid_choice": CHOOSE_RULE},
    )
    unit = forms.ChoiceField(
        choices=AllowanceUnit.choices,
        error_messages={"required": CHOOSE_UNIT, "invalid_choice": CHOOSE_UNIT},
    )
    first = forms.IntegerField(
        error_messages={"required": ENTER_FIRST, "invalid": FIRST_NOT_NUMBER}
    )
    then = forms.IntegerField(required=False, error_messages={"invalid": THEN_NOT_NUMBER})
    reason = forms.CharField(
        max_length=300,
        required=False,
        error_messages={"max_length": REASON_TOO_LONG.format(limit=300)},
    )
