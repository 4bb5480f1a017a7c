"""452: last year's return ended with the child's episode open, this year's first episode
carries it on (the same RNE), and the LA of placement (PL_LA) differs (blank differs from
given).

503H compares the same two episodes where the DECOM is the same; DfE's condition for 452 asks
for the same reason for new episode instead. Both years need the derived column."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("PL_LA",)


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = (pl.col("RNE") == pl.col("RNE_last")) & pl.col("PL_LA").ne_missing(pl.col("PL_LA_last"))
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PL_LA_last"))


RULE = Rule(
    code="452",
    severity="error",
    message=(
        "Contradiction between local authority of placement code in the last episode of "
        "the previous year and in the first episode of the current year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    derived=FIELDS,
)
