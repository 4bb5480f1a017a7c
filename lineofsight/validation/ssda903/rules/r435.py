"""435: RNE P or T (placement changed, legal status not) but the legal status differs from
the previous episode's, or nothing about the placement (type, provider, postcode, URN) does.

Compared with the child's previous episode as in 434."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r434 import episode_changes

FIELDS = ("LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = episode_changes(ret)
    bad = pl.col("RNE").is_in(["P", "T"]) & (pl.col("ls_changed") | ~pl.col("placement_changed"))
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="435",
    severity="error",
    message=(
        "Reason for new episode is that child’s placement has changed but not the legal "  # noqa: RUF001 (DfE's text)
        "status, but this is not reflected in the episode data recorded."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
