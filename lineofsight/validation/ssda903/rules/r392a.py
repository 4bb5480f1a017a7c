"""392a: an episode that is not a short break (LS V3, V4) of a child not UASC this year or
last has no distance (PL_DISTANCE).

DfE's condition: LS not V3 or V4 and the child not UASC this year nor in the two years
before. Only this and last year's UASC status is known here (`uasc_children`), so a child
formerly UASC before that is a false positive (the message's NOTE)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, found, uasc_children

FIELDS = ("PL_DISTANCE",)


def _check(ret: Return) -> pl.DataFrame:
    bad = (
        ~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False)
        & ~pl.col("CHILD").is_in(uasc_children(ret).implode())
        & pl.col("PL_DISTANCE").is_null()
    )
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="392a",
    severity="error",
    message=(
        "Child is looked after but no distance is recorded. [NOTE: This check may result "
        "in false positives for children formerly UASC]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)
