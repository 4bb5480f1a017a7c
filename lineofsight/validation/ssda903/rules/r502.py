"""502: last year's return ended with an episode open (no DEC) that this year's first
episode of the child does not continue (a different DECOM).

Children absent from this year's episodes are not checked. `first_against_last` serves
503A-503F."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM",)


def first_against_last(ret: Return) -> pl.DataFrame:
    """Each child's first episode this year, with last year's open episode's columns
    (`<column>_last`), for children whose last episode last year was open."""
    assert ret.previous is not None
    last = (
        ret.previous.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC").is_null() & pl.col("DECOM").is_not_null())
        .drop("row")
    )
    first = (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .group_by("CHILD", maintain_order=True)
        .first()
    )
    return first.join(last, on="CHILD", how="inner", suffix="_last")


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = pl.col("DECOM").ne_missing(pl.col("DECOM_last"))
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "DECOM_last"))


RULE = Rule(
    code="502",
    severity="error",
    message=(
        "Last year's record ended with an open episode. The date on which that episode "
        "started does not match the start date of the first episode on this year’s record."  # noqa: RUF001 (DfE's text)
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
