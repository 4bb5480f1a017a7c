"""560: last year's return has an open decision that the child should be placed for adoption
(no DATE_PLACED_CEASED), and none of this year's decisions for the child has its
DATE_PLACED: the decision did not change, so its date should not have. The child's first
decision this year (by DATE_PLACED) fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "DATE_PLACED_last")


def _last(ret: Return) -> pl.DataFrame | None:
    return ret.previous.tables.get("PlacedAdoption") if ret.previous else None


def _check(ret: Return) -> pl.DataFrame:
    last = _last(ret)
    if last is None:
        return no_failures()
    still_open = last.filter(
        pl.col("DATE_PLACED").is_not_null() & pl.col("DATE_PLACED_CEASED_text").is_null()
    ).select("CHILD", pl.col("DATE_PLACED").alias("DATE_PLACED_last"))
    frame = ret.table("PlacedAdoption")
    carried = frame.select("CHILD", pl.col("DATE_PLACED").alias("DATE_PLACED_last"))
    changed = still_open.join(carried, on=["CHILD", "DATE_PLACED_last"], how="anti")
    first = frame.sort("CHILD", "DATE_PLACED", "row", nulls_last=True).unique("CHILD", keep="first")
    return found("PlacedAdoption", first.join(changed, on="CHILD").sort("row"), fields=FIELDS)


RULE = Rule(
    code="560",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption this year is "
        "different from that recorded last year but the decision to place the child for "
        "adoption did not change."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
