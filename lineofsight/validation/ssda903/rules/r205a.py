"""205A: a child UASC last year (last year's Header UASC 1) is in this year's Header as not
UASC, but the dates UASC ceased (DUC) do not show it ceasing last year.

Read so: the status must have ceased during last year, so last year's UASC table gives a DUC
within last year (1 April to 31 March), and this year's gives the child no DUC. Either
failing fails. The UASC flag is the XML form's Header column, so the rule runs only where both
years' Headers carry it and both years have a UASC table (`columns`). `uasc_against_last`
serves 205A-205D; each reports the child's Header row this year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("CHILD", "UASC")
SHOWN = ("UASC", "UASC_last", "DUC", "DUC_last")
COLUMNS = ("Header.UASC", "UASC.DUC")


def _duc(ret: Return, suffix: str = "") -> pl.DataFrame:
    return (
        ret.table("UASC")
        .unique("CHILD", keep="first", maintain_order=True)
        .select(
            "CHILD",
            pl.col("DUC").alias(f"DUC_date{suffix}"),
            pl.col("DUC_text").alias(f"DUC{suffix}"),
        )
    )


def uasc_against_last(ret: Return) -> pl.DataFrame:
    """This year's Header with the child's flag in last year's (`UASC_last`; `in_last` says
    whether the child was there) and DUC from both years' UASC tables (`DUC`, `DUC_last` as
    given; `DUC_date`, `DUC_date_last` as dates)."""
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD", keep="first", maintain_order=True)
        .select("CHILD", pl.col("UASC").alias("UASC_last"), pl.lit(True).alias("in_last"))
    )
    header = ret.table("Header").drop(["DUC", "DUC_text"], strict=False)
    return (
        header.join(last, on="CHILD", how="left", maintain_order="left")
        .join(_duc(ret), on="CHILD", how="left", maintain_order="left")
        .join(_duc(ret.previous, "_last"), on="CHILD", how="left", maintain_order="left")
        .with_columns(pl.col("in_last").fill_null(False))
    )


def is_uasc(column: str) -> pl.Expr:
    return pl.col(column).eq_missing(pl.lit("1"))


def _check(ret: Return) -> pl.DataFrame:
    frame = uasc_against_last(ret)
    last_year = pl.col("DUC_date_last").is_between(year_start(ret.year - 1), year_end(ret.year - 1))
    bad = (
        pl.col("in_last")
        & is_uasc("UASC_last")
        & ~is_uasc("UASC")
        & (pl.col("DUC").is_not_null() | ~last_year.fill_null(False))
    )
    return found("Header", frame.filter(bad), fields=SHOWN)


RULE = Rule(
    code="205A",
    severity="error",
    message=(
        "Child identified as UASC last year is no longer UASC this year, but date UASC "
        "ceased in both years does not support this."
    ),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    columns=COLUMNS,
)
