"""582: the child was adopted (an episode ended E11 or E12) on the day AD1 says they were
matched with adopters (DATE_MATCH = DEC). The AD1 row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_MATCH", "DEC")


def _check(ret: Return) -> pl.DataFrame:
    adopted = (
        ret.table("Episodes").filter(pl.col("REC").is_in(["E11", "E12"])).select("CHILD", "DEC")
    )
    frame = ret.table("AD1").join(adopted, on="CHILD")
    return found("AD1", frame.filter(pl.col("DATE_MATCH") == pl.col("DEC")), fields=FIELDS)


RULE = Rule(
    code="582",
    severity="error",
    message=(
        "Child is showing as ceasing to be looked after due to adoption, but the date of "
        "adoption is the same as the date reported for being matched with adopters. In most "
        "circumstances we expect the date the child is matched with adopters to be before "
        "the date of adoption."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)
