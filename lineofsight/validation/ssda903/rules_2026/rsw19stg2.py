"""SW19STG2 (new in 2025-26): two or more of a child's social worker episodes start on the
same date.

DfE's condition: the SW_DECOM of the current social worker episode must be distinct from
every other social worker episode's of this child. Every episode sharing its start with
another of the child's fails. A start that is not a date is SW04STG1's.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DEC", "SW_DECOM")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes").filter(
        pl.col("SW_DECOM").is_not_null() & (pl.len().over("CHILD", "SW_DECOM") > 1)
    )
    return found("SWEpisodes", frame, fields=("SW_DECOM",))


RULE = Rule(
    code="SW19STG2",
    severity="error",
    message="There are 2 social worker episodes for the child starting on the same date.",
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
