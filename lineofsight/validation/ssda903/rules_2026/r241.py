"""241 (new in 2025-26): a registered supported accommodation placement (K3) is in an LA
where its provider has no premises.

DfE's condition: if the Ofsted URN is given and not XXXXXXX and PLACE = K3, then PL_LA must
equal the Ofsted URN lookup's LA code for that URN (where the lookup may hold more than one
LA per provider). The lookup is Ofsted's provider list (ProviderInfo, one row per URN and LA):
PL_LA must be one of the URN's LAs. PL_LA is derived by DfE from the placement postcode (the
rule is skipped unless the return carries it); a blank PL_LA, or a URN not on the list (1008's
concern), is not checked.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import PLACEHOLDER_URN, found

FIELDS = ("URN",)


def _check(ret: Return) -> pl.DataFrame:
    premises = (
        ret.table("ProviderInfo")
        .select(
            pl.col("URN").cast(pl.String).str.strip_chars(),
            pl.col("LA_CODE").cast(pl.String).str.strip_chars(),
        )
        .filter(pl.col("URN").is_not_null() & pl.col("LA_CODE").is_not_null())
        .group_by("URN")
        .agg(pl.col("LA_CODE").unique().sort().alias("URN_LA_CODES"))
    )
    frame = (
        ret.table("Episodes")
        .filter(
            (pl.col("PLACE") == "K3")
            & pl.col("URN").is_not_null()
            & (pl.col("URN") != PLACEHOLDER_URN)
            & pl.col("PL_LA").is_not_null()
        )
        .join(premises, on="URN", how="inner", maintain_order="left")
    )
    bad = ~pl.col("URN_LA_CODES").list.contains(pl.col("PL_LA"))
    return found("Episodes", frame.filter(bad), fields=("URN", "PL_LA", "URN_LA_CODES"))


RULE = Rule(
    code="241",
    severity="error",
    message="LA of placement is not an LA the provider has premises.",
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
    derived=("PL_LA",),
)
