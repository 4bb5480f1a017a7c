"""SW16cSTG2: the child's last social worker episode in last year's return (by SW_DECOM) was
open, and their first episode this year has a different SW_REASON."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import sw_carried_over_differs

FIELDS = ("SW_REASON", "SW_REASON_last")


def _check(ret: Return) -> pl.DataFrame:
    return sw_carried_over_differs(ret, "SW_REASON")


RULE = Rule(
    code="SW16cSTG2",
    severity="error",
    message=(
        "The social worker reason episode changed does not match the open episode at the "
        "end of last year."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
