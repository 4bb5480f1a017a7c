"""227: an episode's URN (given, not XXXXXXX) is on Ofsted's provider list with a
registration end (REG_END), and the episode started (DECOM) on or after it.

DfE's condition is about REG_END alone: an episode starting before the provider registered
(REG_DATE) is not tested (providers newly required to register, such as supported
accommodation, have placements older than their registration). A URN not on the list is
1008's; an episode without a valid DECOM is 141's."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_with_provider, found

FIELDS = ("DECOM", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret)
    bad = (pl.col("DECOM") >= pl.col("REG_END")).fill_null(False)
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "REG_END"))


RULE = Rule(
    code="227",
    severity="error",
    message="Ofsted Unique reference number (URN) is not valid for the episode start date.",
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
