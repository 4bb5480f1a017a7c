"""561: a decision this year has the DATE_PLACED of a decision that last year's return shows
had ceased (DATE_PLACED_CEASED given): the decision changed, so the same date should not come
back as a live decision. Read as: this year's row for that date has no DATE_PLACED_CEASED
(the ceased decision re-reported with its cessation is fine)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED",)


def _last(ret: Return) -> pl.DataFrame | None:
    return ret.previous.tables.get("PlacedAdoption") if ret.previous else None


def _check(ret: Return) -> pl.DataFrame:
    last = _last(ret)
    if last is None:
        return no_failures()
    ceased = (
        last.filter(pl.col("DATE_PLACED_CEASED").is_not_null())
        .select("CHILD", "DATE_PLACED")
        .unique()
    )
    frame = ret.table("PlacedAdoption").filter(pl.col("DATE_PLACED_CEASED_text").is_null())
    return found(
        "PlacedAdoption", frame.join(ceased, on=["CHILD", "DATE_PLACED"], how="semi"), fields=FIELDS
    )


RULE = Rule(
    code="561",
    severity="error",
    message=(
        "Date of the decision that the child should be placed for adoption this year is the "
        "same as that recorded last year but records show that the decision changed, and "
        "the child should no longer be placed for adoption last year."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
