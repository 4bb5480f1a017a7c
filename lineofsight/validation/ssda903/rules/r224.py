"""224: an episode's URN (given, not XXXXXXX) is on Ofsted's provider list, but its placement
provider (PLACE_PROVIDER, blank included) is not one of the provider's (PROVIDER_CODES).

A URN not on the list is 1008's; one whose list rows give no provider codes is not tested."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_with_provider, found

FIELDS = ("PLACE_PROVIDER",)


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret).filter(pl.col("PROVIDER_CODES").list.len() > 0)
    bad = ~pl.col("PROVIDER_CODES").list.contains(pl.col("PLACE_PROVIDER")).fill_null(False)
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "URN", "PROVIDER_CODES"))


RULE = Rule(
    code="224",
    severity="error",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does "
        "not match the placement provider recorded."
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
