"""SW18STG2 (new in 2025-26): a social worker episode ends on or before the day it starts.

DfE's condition: where provided, SW_DEC must be after SW_DECOM. Both must be valid dates
(SW04STG1 and SW05STG1 report the others). Ending the day it starts also fails SW09STG2.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DEC", "SW_DECOM")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes").filter(pl.col("SW_DEC") <= pl.col("SW_DECOM"))
    return found("SWEpisodes", frame, fields=("SW_DECOM", "SW_DEC"))


RULE = Rule(
    code="SW18STG2",
    severity="error",
    message="The end date of the social worker episode is before the start date",
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
