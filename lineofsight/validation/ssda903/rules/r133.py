"""133: the care leaver's accommodation is not a code.

Rule 133 accepts the spec's ACCOM list except S1 and X1: homelessness and custody cannot be
"suitable"."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import codes, found

FIELDS = ("ACCOM",)


def _check(ret: Return) -> pl.DataFrame:
    valid = [code for code in codes(ret.year, "OC3", "ACCOM") if code not in {"S1", "X1"}]
    frame = ret.table("OC3")
    return found(
        "OC3",
        frame.filter(pl.col("ACCOM").is_not_null() & ~pl.col("ACCOM").is_in(valid)),
        fields=FIELDS,
    )


RULE = Rule(
    code="133",
    severity="error",
    message=(
        "Data entry for accommodation after leaving care is invalid. If reporting on a "
        "childs accommodation after leaving care the data entry must be valid"
    ),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)
