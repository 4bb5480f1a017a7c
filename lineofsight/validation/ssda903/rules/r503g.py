"""503G: this year's first episode of a child has a different distance (PL_DISTANCE) from the
episode left open at the end of last year's return.

Only children whose first episode here continues that open one (the same DECOM) are
compared, as for 503A-503F. Read as `distances_differ`: by 0.2 miles or more, or one blank
and the other given. Both years need the derived column."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import distances_differ, found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("PL_DISTANCE",)


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = (pl.col("DECOM") == pl.col("DECOM_last")) & distances_differ(
        "PL_DISTANCE", "PL_DISTANCE_last"
    )
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PL_DISTANCE_last"))


RULE = Rule(
    code="503G",
    severity="error",
    message="The distance in first episode does not match open episode at end of last year.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    derived=FIELDS,
)
