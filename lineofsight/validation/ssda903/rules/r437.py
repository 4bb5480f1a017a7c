"""437: an episode ends with the child's death (E2) or because the child is 18 or over
(E15 age assessed as 18+, E17 stayed with carers at 18+) but the child has a later episode."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("REC",)


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    bad = pl.col("REC").is_in(["E2", "E15", "E17"]) & pl.col("next_DECOM").is_not_null()
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="437",
    severity="error",
    message=(
        "Reason episode ceased is child has died or is aged 18 or over but there are further "
        "episodes."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
