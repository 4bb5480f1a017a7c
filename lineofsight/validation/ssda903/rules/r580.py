"""580: an episode ends the period of care (REC given, not X1) while the child is missing or
away (a period started on or before DEC, open or ending after DEC), but REC is not E8.
DfE's tables say "MIssing"."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("REC", "DEC", "MIS_START", "MIS_END")


def _check(ret: Return) -> pl.DataFrame:
    missing = ret.table("Missing").select("CHILD", "MIS_START", "MIS_END")
    ended = ret.table("Episodes").filter(
        pl.col("DEC").is_not_null()
        & pl.col("REC").is_not_null()
        & ~pl.col("REC").is_in(["X1", "E8"])
    )
    away = (pl.col("MIS_START") <= pl.col("DEC")) & (
        pl.col("MIS_END").is_null() | (pl.col("MIS_END") > pl.col("DEC"))
    )
    frame = ended.join(missing.filter(pl.col("MIS_START").is_not_null()), on="CHILD").filter(away)
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="580",
    severity="error",
    message=("Child is missing when cease being looked after but reason episode ceased not ‘E8’."),  # noqa: RUF001 (DfE's text)
    tables=("Episodes", "Missing"),
    fields=FIELDS,
    check=_check,
)
