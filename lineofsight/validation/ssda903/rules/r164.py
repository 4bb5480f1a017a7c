"""164: an episode's distance (PL_DISTANCE) is given but is not a number from 0.0 to 999.9,
for an episode that is not a short break (LS V3, V4) of a child not UASC this year or last.

DfE's condition: unless the child is UASC this year or was in either of the two years
before, and LS is not V3 or V4, PL_DISTANCE must be between 0.0 and 999.9. Read so: a blank
distance is 392a's to report; text that is not a number is not a valid distance. Only this
and last year's UASC status is known here (the NOTE of the message): `uasc_children`."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, found, miles, uasc_children

FIELDS = ("PL_DISTANCE",)


def _check(ret: Return) -> pl.DataFrame:
    bad = (
        ~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False)
        & ~pl.col("CHILD").is_in(uasc_children(ret).implode())
        & pl.col("PL_DISTANCE").is_not_null()
        & ~miles("PL_DISTANCE").is_between(0.0, 999.9).fill_null(False)
    )
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="164",
    severity="error",
    message=(
        "Distance is not valid. Please check a valid postcode has been entered. [NOTE: "
        "This check will result in false positives for children formerly UASC not "
        "identified as such in loaded data]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)
