"""631: the previous permanence option is blank or not P1-P4 or Z1.

Reading: a PrevPerm row is the child's answer, so a blank PREV_PERM in it fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("PREV_PERM",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "PrevPerm", "PREV_PERM", required=True)


RULE = Rule(
    code="631",
    severity="error",
    message=("Previous permanence option not a valid value."),
    tables=("PrevPerm",),
    fields=FIELDS,
    check=_check,
)
