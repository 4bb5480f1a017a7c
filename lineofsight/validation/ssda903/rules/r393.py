"""393: a girl looked after (in an episode other than a short break, V3/V4) has no MOTHER.

MOTHER is asked of girls only (SEX is the year's code for female), as in the DfE guide."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_named, found

FIELDS = ("MOTHER",)


def _check(ret: Return) -> pl.DataFrame:
    episodes = ret.table("Episodes").filter(~pl.col("LS").is_in(["V3", "V4"]))
    frame = ret.table("Header")
    bad = (
        (pl.col("SEX") == code_named(ret.year, "Header", "SEX", "Female"))
        & pl.col("CHILD").is_in(episodes["CHILD"].to_list())
        & pl.col("MOTHER").is_null()
    )
    return found("Header", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="393",
    severity="error",
    message="Child is looked after but mother field is not completed.",
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
