"""406: an episode of a child UASC this year or last has a distance (PL_DISTANCE).

DfE's condition takes UASC this year or in either of the two before; only this and last
year's status is known here (`uasc_children`: the UASC tables, or the Header's UASC flag
where given), the false negatives the message's NOTE warns of."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, uasc_children

FIELDS = ("PL_DISTANCE",)


def _check(ret: Return) -> pl.DataFrame:
    bad = pl.col("CHILD").is_in(uasc_children(ret).implode()) & pl.col("PL_DISTANCE").is_not_null()
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="406",
    severity="error",
    message=(
        "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. "
        "Distance should be blank. [NOTE: This check will result in false negatives for "
        "children formerly UASC not identified as such in loaded data]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)
