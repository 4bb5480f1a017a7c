"""601: an episode ended in the year with the child adopted (REC E11 or E12) and the child has
no AD1 row or one with any of its items blank."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = (
    "REC",
    "DEC",
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)
ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


def _check(ret: Return) -> pl.DataFrame:
    ad1 = (
        ret.table("AD1")
        .unique("CHILD", keep="first")
        .select(
            "CHILD", *(f"{c}_text" if f"{c}_text" in ret.table("AD1").columns else c for c in ITEMS)
        )
    )
    ad1 = ad1.rename({f"{c}_text": c for c in ITEMS if f"{c}_text" in ad1.columns}).with_columns(
        pl.lit(True).alias("has_ad1")
    )
    adopted = ret.table("Episodes").filter(
        pl.col("REC").is_in(["E11", "E12"])
        & pl.col("DEC").is_between(year_start(ret.year), year_end(ret.year))
    )
    frame = adopted.join(ad1, on="CHILD", how="left", suffix="_ad1")
    blank = pl.col("has_ad1").is_null() | pl.any_horizontal(pl.col(c).is_null() for c in ITEMS)
    return found("Episodes", frame.filter(blank), fields=FIELDS)


RULE = Rule(
    code="601",
    severity="error",
    message=(
        "The additional fields relating to adoption have not been completed although the "
        "episode data shows that the child was adopted during the year."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)
