"""4220: ethnicity must be given and one of the 20 codes."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import ETHNICITY
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Ethnicity",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildCharacteristics")
    return failures(
        "ChildCharacteristics",
        rows.filter(~pl.col("Ethnicity").is_in(ETHNICITY).fill_null(False)),
        fields=FIELDS,
    )


RULE = Rule(
    code="4220",
    severity="error",
    message="Ethnicity is missing or invalid (see Ethnicity table)",
    tables=("ChildCharacteristics",),
    fields=FIELDS,
    check=_check,
)
