"""134: a child has both adoption data (any AD1 item given) and care leaver data (any of
OC3's IN_TOUCH, ACTIV, ACCOM given). The AD1 row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")
FIELDS = (*AD1_ITEMS, *OC3_ITEMS)


def given(columns: tuple[str, ...]) -> pl.Expr:
    """Any of `columns` given: a date's text counts, so one that does not parse is given."""
    return pl.any_horizontal(
        pl.col(f"{c}_text").is_not_null() if c.startswith("DATE_") else pl.col(c).is_not_null()
        for c in columns
    )


def _check(ret: Return) -> pl.DataFrame:
    leavers = ret.table("OC3").filter(given(OC3_ITEMS)).unique("CHILD", keep="first")
    frame = ret.table("AD1").filter(given(AD1_ITEMS))
    frame = frame.join(leavers.select("CHILD", *OC3_ITEMS), on="CHILD", how="inner")
    return found("AD1", frame.sort("row"), fields=FIELDS)


RULE = Rule(
    code="134",
    severity="error",
    message="Data on adoption should not be entered for the OC3 cohort.",
    tables=("AD1", "OC3"),
    fields=FIELDS,
    check=_check,
)
