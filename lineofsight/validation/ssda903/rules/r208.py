"""208: the child's UPN differs from last year's return, other than by becoming known.

Compared upper-cased. A change is allowed from blank or an unknown code (UN1-UN5) to a UPN,
from blank or UN1 (not yet of school age) to UN2-UN5, and from blank to UN1; any other
difference fails, including a UPN or unknown code last year and blank now (both blank is
left to the rules on a missing UPN)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("UPN", "UPN_last")
UNKNOWN = ("UN1", "UN2", "UN3", "UN4", "UN5")


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD", keep="first")
        .select("CHILD", pl.col("UPN").alias("UPN_last"))
    )
    frame = ret.table("Header").join(last, on="CHILD", how="inner")
    now, before = pl.col("UPN").str.to_uppercase(), pl.col("UPN_last").str.to_uppercase()
    known_now = now.is_not_null() & ~now.is_in(UNKNOWN).fill_null(False)
    unknown_before = before.is_null() | before.is_in(UNKNOWN)
    allowed = (
        (unknown_before & known_now)
        | ((before.is_null() | (before == "UN1")) & now.is_in(UNKNOWN[1:]))
        | (before.is_null() & (now == "UN1"))
    ).fill_null(False)
    differs = now.ne_missing(before)
    return found("Header", frame.filter(differs & ~allowed), fields=FIELDS)


RULE = Rule(
    code="208",
    severity="error",
    message=(
        "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil "
        "Number (UPN) already recorded for this child."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
