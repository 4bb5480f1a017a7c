"""1004: the start of a missing/away period is given but not a date (blank: 564)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("MIS_START",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Missing", "MIS_START", required=False)


RULE = Rule(
    code="1004",
    severity="error",
    message=(
        "The start date of the missing episode or episode that the child was away from "
        "placement without authorisation is not a valid date."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)
