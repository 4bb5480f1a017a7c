"""229 (2025-26): the placement provider code disagrees with where Ofsted has the provider:
own-LA provision (PR1) at a URN outside the council's area, or another LA's (PR2) at one
inside it.

DfE's 2025-26 condition: if the URN is given and not XXXXXXX, and PLACE is not K3, P1, P3, R1,
R2, R5, T0-T4 or Z11-Z14, then for PR1 the council's LA must equal the Ofsted URN lookup's LA
code, and for PR2 the lookup's LA code must not equal the council's. The lookup is Ofsted's
provider list (ProviderInfo, one row per URN and LA of its premises). A URN with premises in
several LAs is read leniently both ways: PR1 passes when the council is one of them, PR2
fails only when the council is all of them. A URN not on the list (or with no LA code) is not
checked here: an unknown URN is 1008's.

Change from 2024-25: the placements exempted (K3, P1, P3, R1, R2, R5, T0-T4, Z11-Z14) are new;
before, every URN but XXXXXXX was checked.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import PLACEHOLDER_URN, TEMPORARY, found

FIELDS = ("URN", "PLACE_PROVIDER")
NOT_CHECKED = ("K3", "P1", "P3", "R1", "R2", "R5", *TEMPORARY, "Z11", "Z12", "Z13", "Z14")


def _provider_areas(ret: Return) -> pl.DataFrame:
    """Per URN on Ofsted's list: whether the council is among its LAs, and all of them."""
    assert ret.la_code is not None
    return (
        ret.table("ProviderInfo")
        .select(
            pl.col("URN").cast(pl.String).str.strip_chars(),
            pl.col("LA_CODE").cast(pl.String).str.strip_chars(),
        )
        .filter(pl.col("URN").is_not_null() & pl.col("LA_CODE").is_not_null())
        .group_by("URN")
        .agg(
            (pl.col("LA_CODE") == ret.la_code).any().alias("in_la"),
            (pl.col("LA_CODE") == ret.la_code).all().alias("only_in_la"),
            pl.col("LA_CODE").unique().sort().alias("URN_LA_CODES"),
        )
    )


def _check(ret: Return) -> pl.DataFrame:
    checked = ret.table("Episodes").filter(
        pl.col("URN").is_not_null()
        & (pl.col("URN") != PLACEHOLDER_URN)
        & ~pl.col("PLACE").is_in(NOT_CHECKED).fill_null(False)
    )
    frame = checked.join(_provider_areas(ret), on="URN", how="inner", maintain_order="left")
    provider = pl.col("PLACE_PROVIDER")
    bad = ((provider == "PR1") & ~pl.col("in_la")) | ((provider == "PR2") & pl.col("only_in_la"))
    return found("Episodes", frame.filter(bad), fields=("URN", "PLACE_PROVIDER", "URN_LA_CODES"))


RULE = Rule(
    code="229",
    severity="error",
    message=(
        "Placement provider does not match between the placing authority and the local "
        "authority code of the provider. [NOTE: The provider's LA code is inferred from the its "
        "postcode, and may be inaccurate in some cases.]"
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
    needs_la_code=True,
)
