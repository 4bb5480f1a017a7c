"""151: some but not all of a child's AD1 items are given.

DfE's affected fields name NB_ADOPTER; the column is NB_ADOPTR."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


def _check(ret: Return) -> pl.DataFrame:
    items = [
        "DATE_INT_text",
        "DATE_MATCH_text",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ]
    given = pl.sum_horizontal(pl.col(c).is_not_null() for c in items)
    frame = ret.table("AD1")
    return found("AD1", frame.filter((given > 0) & (given < len(items))), fields=FIELDS)


RULE = Rule(
    code="151",
    severity="error",
    message=("All data items relating to a childs adoption must be coded or left blank."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)
