"""229: an episode whose URN (given, not XXXXXXX) is on Ofsted's provider list says the
placement is the council's own provision (PLACE_PROVIDER PR1) though none of the provider's
premises is in the council's area (LA_CODE), or another LA's provision (PR2) though one is.

The council's area is `Return.la_code`; a provider with premises in several LAs has a list
row for each. A URN not on the list is 1008's; one whose rows give no LA code is not tested."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_with_provider, found

FIELDS = ("PLACE_PROVIDER", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret).filter(pl.col("LA_CODE").list.len() > 0)
    in_area = pl.col("LA_CODE").list.contains(pl.lit(ret.la_code))
    provider = pl.col("PLACE_PROVIDER")
    bad = ((provider == "PR1") & ~in_area) | ((provider == "PR2") & in_area)
    return found("Episodes", frame.filter(bad.fill_null(False)), fields=(*FIELDS, "LA_CODE"))


RULE = Rule(
    code="229",
    severity="error",
    message=(
        "Placement provider does not match between the placing authority and the local "
        "authority code of the provider. [NOTE: The provider's LA code is inferred from "
        "the its postcode, and may be inaccurate in some cases.]"
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
    needs_la_code=True,
)
