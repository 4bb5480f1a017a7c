"""545: a child under 5 at 31 March, looked after continuously for 12 months (as 543 reads
it), has no HEALTH_CHECK."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end
from lineofsight.validation.ssda903.rules.r543 import continuously_looked_after

FIELDS = ("DOB", "HEALTH_CHECK")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    bad = (
        pl.col("CHILD").is_in(continuously_looked_after(ret))
        & (birthday(pl.col("DOB"), 5) > year_end(ret.year))
        & pl.col("HEALTH_CHECK").is_null()
    )
    return found("OC2", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="545",
    severity="error",
    message=(
        "Child is aged under 5 at 31 March and has been looked after continuously for 12 "
        "months yet health promotion information has not been completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)
