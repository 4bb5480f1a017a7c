"""602: the child has an AD1 row but no episode ending in the year with adoption (REC E11 or
E12)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    adopted = ret.table("Episodes").filter(
        pl.col("REC").is_in(["E11", "E12"])
        & pl.col("DEC").is_between(year_start(ret.year), year_end(ret.year))
    )
    frame = ret.table("AD1").join(adopted.select("CHILD").unique(), on="CHILD", how="anti")
    return found("AD1", frame, fields=FIELDS)


RULE = Rule(
    code="602",
    severity="error",
    message=(
        "The episode data submitted for this child does not show that he/she was adopted "
        "during the year."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)
