"""453: last year's return ended with the child's episode open, this year's first episode
carries it on (the same RNE), and the distance (PL_DISTANCE) differs.

Read as `distances_differ`: by 0.2 miles or more (DfE works the distance out afresh from the
postcodes each year), or one blank and the other given. 503G compares the same two episodes
where the DECOM is the same. Both years need the derived column."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import distances_differ, found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("PL_DISTANCE",)


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = (pl.col("RNE") == pl.col("RNE_last")) & distances_differ(
        "PL_DISTANCE", "PL_DISTANCE_last"
    )
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PL_DISTANCE_last"))


RULE = Rule(
    code="453",
    severity="error",
    message=(
        "Contradiction between placement distance in the last episode of the previous "
        "year and in the first episode of the current year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    derived=FIELDS,
)
