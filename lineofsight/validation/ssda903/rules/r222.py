"""222: a URN is given for a placement that takes none.

Those are P1, P3, R1, R2, R5, T0-T4 and Z1/Z11-Z14 (statutory-formats.md §1.3); the
placeholder XXXXXXX counts as a URN given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import OTHER_PLACEMENTS, TEMPORARY, found

FIELDS = ("PLACE", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            pl.col("URN").is_not_null()
            & pl.col("PLACE").is_in(["P1", "P3", "R1", "R2", "R5", *TEMPORARY, *OTHER_PLACEMENTS])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="222",
    severity="error",
    message=(
        "Ofsted Unique reference number (URN) should not be recorded for this placement type."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
