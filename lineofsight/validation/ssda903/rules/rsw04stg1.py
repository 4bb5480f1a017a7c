"""SW04STG1: the social worker episode's start is given but not a date (blank: SW03STG1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("SW_DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "SWEpisodes", "SW_DECOM", required=False)


RULE = Rule(
    code="SW04STG1",
    severity="error",
    message=("Date social worker episode began is not a valid date.."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
