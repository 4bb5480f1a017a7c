"""1008: an episode's URN (given, not the placeholder XXXXXXX) is not on Ofsted's provider
list (compared in capitals; six Xs is not the placeholder)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, urn_looked_up

FIELDS = ("URN",)


def _check(ret: Return) -> pl.DataFrame:
    listed = ret.table("ProviderInfo")["URN"].drop_nulls().implode()
    frame = ret.table("Episodes").filter(
        urn_looked_up() & ~pl.col("URN").str.to_uppercase().is_in(listed)
    )
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="1008",
    severity="error",
    message="Ofsted Unique Reference Number (URN) is not valid.",
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
