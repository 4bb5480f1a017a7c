"""303: the UASC table gives a date UASC ceased (DUC) for a child whose Header UASC flag is
not 1.

The flag is the XML form's Header column, so the rule runs only where the Header carries it
(`columns`). A UASC row for a child not in the Header is INT09's. The UASC row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DUC", "UASC")


def _check(ret: Return) -> pl.DataFrame:
    flags = ret.table("Header").unique("CHILD", keep="first").select("CHILD", "UASC")
    frame = (
        ret.table("UASC")
        .filter(pl.col("DUC_text").is_not_null())
        .join(flags, on="CHILD", how="inner", maintain_order="left")
        .with_columns(pl.col("DUC_text").alias("DUC"))
    )
    bad = pl.col("UASC").ne_missing(pl.lit("1"))
    return found("UASC", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="303",
    severity="error",
    message=(
        "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, "
        "UASC status must be coded 1."
    ),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
    columns=("Header.UASC",),
)
