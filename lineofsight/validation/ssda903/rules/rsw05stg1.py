"""SW05STG1: the social worker episode's end is given but not a date.

DfE's message says "began"; the rule is about SW_DEC, the date it ceased."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("SW_DEC",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "SWEpisodes", "SW_DEC", required=False)


RULE = Rule(
    code="SW05STG1",
    severity="error",
    message=("Date social worker episode began is not a valid date."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
