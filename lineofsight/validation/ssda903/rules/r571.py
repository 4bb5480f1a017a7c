"""571: a missing/away period ends before the collection year starts or after it ends."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("MIS_END",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found(
        "Missing",
        frame.filter(~pl.col("MIS_END").is_between(year_start(ret.year), year_end(ret.year))),
        fields=FIELDS,
    )


RULE = Rule(
    code="571",
    severity="error",
    message=(
        "The date that the child ceased to be missing or away from placement without "
        "authorisation is before the start or after the end of the collection year."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)
