"""The returns page's one form: which return, for which year or date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

YEARS = [
    (year, f"{year - 1} to {year} (year ending 31 March {year})") for year in range(2026, 2016, -1)
]


class ReturnForm(forms.Form):
    name = forms.ChoiceField(
        choices=[
            ("cin-census", "CIN census (XML)"),
            ("ssda903", "SSDA903 (CSV tables, zipped)"),
            ("ssda903-xml", "SSDA903 (XML)"),
            ("annex-a", "Ofsted Annex A (Excel)"),
        ],
        error_messages={"required": "Choose a return", "invalid_choice": "Choose a return"},
    )
    year = forms.TypedChoiceField(choices=YEARS, coerce=int, required=False)
    as_of = forms.DateField(
        required=False,
        error_messages={"invalid": "Enter the inspection date as YYYY-MM-DD, e.g. 2017-03-31"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("name")
        if name in {"cin-census", "ssda903", "ssda903-xml"} and not data.get("year"):
            self.add_error("year", "Choose the collection year")
        needs_date = name == "annex-a" and not isinstance(data.get("as_of"), dt.date)
        if needs_date and "as_of" not in self.errors:
            self.add_error("as_of", "Enter the inspection date, e.g. 2017-03-31")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field taking several files: each is checked as a single file would be."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        chosen = [item for item in data if item] if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in chosen or [None]]


class ImportForm(forms.Form):
    """Returns to load: files chosen together (an SSDA903 return is its CSV tables, or a zip
    of them), and optionally the collection year they must be for."""

    uploads = MultipleFileField(error_messages={"required": "Choose the return files to import"})
    year = forms.TypedChoiceField(
        choices=[("", "Any year (told from the files)"), *YEARS],
        coerce=int,
        empty_value=None,
        required=False,
    )
