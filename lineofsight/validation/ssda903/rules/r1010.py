"""1010: care leaver information for a child open at the end of last year (an episode in last
year's return without DEC) but with no episode this year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    was_open = ret.previous.table("Episodes").filter(pl.col("DEC").is_null())["CHILD"]
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    frame = ret.table("OC3").filter(
        given
        & pl.col("CHILD").is_in(was_open.implode())
        & ~pl.col("CHILD").is_in(ret.table("Episodes")["CHILD"].implode())
    )
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="1010",
    severity="error",
    message=(
        "This child has no episodes loaded for current year even though there was an "
        "open episode of care at the end of the previous year, and care leaver data "
        "has been entered."
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
