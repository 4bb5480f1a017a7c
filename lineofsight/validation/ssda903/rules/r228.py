"""228: an episode's URN (given, not XXXXXXX) is on Ofsted's provider list with a
registration end (REG_END), and the episode ended (DEC) after it, or, still open, the
registration ended before 31 March.

An episode whose DEC is given but not a date is 147's. A URN not on the list is 1008's."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_with_provider, found, year_end

FIELDS = ("DEC", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_with_provider(ret).filter(pl.col("REG_END").is_not_null())
    ended_after = pl.col("DEC") > pl.col("REG_END")
    open_after = pl.col("DEC_text").is_null() & (pl.col("REG_END") < year_end(ret.year))
    bad = ended_after.fill_null(False) | open_after
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "REG_END"))


RULE = Rule(
    code="228",
    severity="error",
    message=(
        "Ofsted Unique reference number (URN) is not valid for the episode end date "
        "[NOTE: may give false positives on open episodes at providers who close during "
        "the year]"
    ),
    tables=("Episodes", "ProviderInfo"),
    fields=FIELDS,
    check=_check,
)
