"""632: the date of the previous permanence order is given but is not a date.

An unknown day and/or month may be ZZ (ZZ/ZZ/2012, ZZ/06/2012). DfE's rule also names DECOM;
the comparison with the start of care is not made here."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PERM",)
_PARTIAL = r"^(?:0[1-9]|[12]\d|3[01]|ZZ)/(?:0[1-9]|1[0-2]|ZZ)/\d{4}$"


def _check(ret: Return) -> pl.DataFrame:
    text = pl.col("DATE_PERM_text")
    partial = text.str.contains("ZZ") & text.str.contains(_PARTIAL)
    bad = text.is_not_null() & pl.col("DATE_PERM").is_null() & ~partial
    frame = ret.table("PrevPerm").filter(bad).with_columns(text.alias("DATE_PERM"))
    return found("PrevPerm", frame, fields=FIELDS)


RULE = Rule(
    code="632",
    severity="error",
    message=(
        "Date of previous permanence order not a valid value. NOTE: This rule may result in "
        "false negatives where the period of care started before the current collection year"
    ),
    tables=("PrevPerm",),
    fields=FIELDS,
    check=_check,
)
