"""436: RNE B or U (legal status and placement changed) but the legal status or the
placement (type, provider, postcode, URN) is the previous episode's.

Compared with the child's previous episode as in 434."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r434 import episode_changes

FIELDS = ("LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episode_changes(ret)
    bad = pl.col("RNE").is_in(["B", "U"]) & (~pl.col("ls_changed") | ~pl.col("placement_changed"))
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="436",
    severity="error",
    message=(
        "Reason for new episode is that both child’s placement and legal status have "  # noqa: RUF001 (DfE's text)
        "changed, but this is not reflected in the episode data."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
