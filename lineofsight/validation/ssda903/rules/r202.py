"""202: the child's SEX differs from last year's return (both given).

The codes changed in 2024-25 (1/2 to M/F/U), so codes are compared by their label in this
or last year's spec (last year's 2 and this year's F are both Female; the two code lists
share no code). A code in neither list is compared as given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_named, found

FIELDS = ("SEX", "SEX_last")
LABELS = ("Male", "Female", "Unknown")


def _labels(*years: int) -> dict[str, str]:
    """Each year's SEX code to its label."""
    labels = {}
    for year in years:
        for label in LABELS:
            code = code_named(year, "Header", "SEX", label)
            if code is not None:
                labels[code] = label
    return labels


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD", keep="first")
        .select("CHILD", pl.col("SEX").alias("SEX_last"))
    )
    frame = ret.table("Header").join(last, on="CHILD", how="inner")
    labels = _labels(ret.previous.year, ret.year)
    differs = pl.col("SEX").replace(labels) != pl.col("SEX_last").replace(labels)
    return found("Header", frame.filter(differs), fields=FIELDS)


RULE = Rule(
    code="202",
    severity="error",
    message="The gender code conflicts with the gender already recorded for this child.",
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
