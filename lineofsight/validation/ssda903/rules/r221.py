"""221: an episode in a children's home, secure home, parent and baby unit or school (PLACE
K1, K2, R3, S1), not a short break (LS V3, V4), whose URN (given, not XXXXXXX) is on
Ofsted's provider list, has a placement postcode (PL_POST, given) that is not the provider's.

Postcodes are compared without spaces, in capitals. A URN not on the list is 1008's; one
whose list rows give no postcode is not tested."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, episodes_with_provider, found

FIELDS = ("PL_POST",)
PREMISES = ("K1", "K2", "R3", "S1")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret).filter(
        ~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False),
        pl.col("PLACE").is_in(PREMISES),
        pl.col("PL_POST").is_not_null(),
        pl.col("POSTCODE").list.len() > 0,
    )
    postcode = pl.col("PL_POST").str.replace_all(" ", "").str.to_uppercase()
    bad = ~pl.col("POSTCODE").list.contains(postcode)
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "URN", "POSTCODE"))


RULE = Rule(
    code="221",
    severity="error",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does "
        "not match the placement postcode provided."
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
