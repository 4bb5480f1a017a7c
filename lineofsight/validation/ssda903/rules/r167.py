"""167: the method of participation in a review is blank or not PN0-PN7."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("REVIEW_CODE",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Reviews", "REVIEW_CODE", required=True)


RULE = Rule(
    code="167",
    severity="error",
    message=("Data entry for participation is invalid or blank."),
    tables=("Reviews",),
    fields=FIELDS,
    check=_check,
)
