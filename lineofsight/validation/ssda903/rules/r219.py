"""219: an episode's URN (given, not XXXXXXX) is on Ofsted's provider list, but its
placement type (PLACE, blank included) is not one the provision takes (PLACE_CODES).

DfE's condition: PLACE must be one of the placement codes of the matching URN in the lookup.
A URN not on the list has no match, and is 1008's to report; a URN whose list row gives no
placement codes is not tested (the list, not the return, lacks the fact)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_with_provider, found

FIELDS = ("PLACE", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret).filter(pl.col("PLACE_CODES").list.len() > 0)
    bad = ~pl.col("PLACE_CODES").list.contains(pl.col("PLACE")).fill_null(False)
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PLACE_CODES"))


RULE = Rule(
    code="219",
    severity="error",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does "
        "not match the placement type recorded."
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
