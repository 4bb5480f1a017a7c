"""559: a decision to place for adoption dated before 1 April (DATE_PLACED) whose child has
no DATE_PLACED in last year's PlacedAdoption table."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("DATE_PLACED",)


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = ret.previous.tables.get("PlacedAdoption")
    before: list[str] = []
    if last is not None:
        before = last.filter(pl.col("DATE_PLACED").is_not_null())["CHILD"].to_list()
    frame = ret.table("PlacedAdoption")
    bad = (pl.col("DATE_PLACED") < year_start(ret.year)) & ~pl.col("CHILD").is_in(before)
    return found("PlacedAdoption", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="559",
    severity="error",
    message=(
        "Date of decision that a child should be placed for adoption was not in the current "
        "year but the date of the decision that the child should be placed for adoption was "
        "not completed in a previous return."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
