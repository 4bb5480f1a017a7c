"""584: last year's return shows a decision that ceased (DATE_PLACED_CEASED or
REASON_PLACED_CEASED given), and a decision this year has an earlier DATE_PLACED: a new
decision after a ceased one must be dated after it. (The same date is 561's concern.)"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "ceased_DATE_PLACED_last")


def _last(ret: Return) -> pl.DataFrame | None:
    return ret.previous.tables.get("PlacedAdoption") if ret.previous else None


def _check(ret: Return) -> pl.DataFrame:
    last = _last(ret)
    if last is None:
        return no_failures()
    ceased = (
        last.filter(
            pl.col("DATE_PLACED_CEASED_text").is_not_null()
            | pl.col("REASON_PLACED_CEASED").is_not_null()
        )
        .group_by("CHILD")
        .agg(pl.col("DATE_PLACED").max().alias("ceased_DATE_PLACED_last"))
    )
    frame = ret.table("PlacedAdoption").join(ceased, on="CHILD")
    return found(
        "PlacedAdoption",
        frame.filter(pl.col("DATE_PLACED") < pl.col("ceased_DATE_PLACED_last")),
        fields=FIELDS,
    )


RULE = Rule(
    code="584",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption this year is "
        "different from that recorded last year, but the decision to placed the child for "
        "adoption changed and the child should no longer be placed for adoption."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
