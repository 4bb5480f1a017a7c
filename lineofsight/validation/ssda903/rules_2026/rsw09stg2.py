"""SW09STG2 (2025-26): a social worker episode ended less than three days after it started
(or before it started).

DfE's message still says "less than 24 hours"; D2I's 2025-26 check (no condition quoted)
fails an episode whose SW_DEC is less than three days after its SW_DECOM, including one
ending before it starts, and its cases fail one of two days (1 to 3 January) and pass one of
three (1 to 4 January). Both dates must be valid; an open episode is not checked.

Change from 2024-25: the episode failed only when it ended the day it started.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM", "SW_DEC")
SHORTEST_DAYS = 3


def _check(ret: Return) -> pl.DataFrame:
    too_short = pl.col("SW_DEC") < pl.col("SW_DECOM").dt.offset_by(f"{SHORTEST_DAYS}d")
    frame = ret.table("SWEpisodes").filter(too_short)
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW09STG2",
    severity="error",
    message="Social worker episode appears to have lasted for less than 24 hours.",
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
