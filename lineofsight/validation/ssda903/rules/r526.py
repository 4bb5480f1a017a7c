"""526: a placement that takes a provider (not T0-T4, Z1 or Z11-Z14) has none."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import OTHER_PLACEMENTS, TEMPORARY, found

FIELDS = ("PLACE", "PLACE_PROVIDER")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            pl.col("PLACE").is_not_null()
            & ~pl.col("PLACE").is_in([*TEMPORARY, *OTHER_PLACEMENTS])
            & pl.col("PLACE_PROVIDER").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="526",
    severity="error",
    message=("Child is missing a placement provider code for at least one episode."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
