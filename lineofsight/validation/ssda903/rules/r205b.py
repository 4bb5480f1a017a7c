"""205B: a child UASC both last year and this year (both Headers' UASC 1) has dates UASC
ceased (DUC) that say otherwise.

Read so: being UASC this year, the status had not ceased before 1 April, so last year's DUC,
if given, is not before this year's start; and where both years give a DUC it is the same
date. (Last year's DUC may be blank: a return leaves it blank when the status ceased after
its 31 March.) Runs only where both years' Headers carry the flag (see 205A)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start
from lineofsight.validation.ssda903.rules.r205a import COLUMNS, SHOWN, is_uasc, uasc_against_last

FIELDS = ("DUC", "UASC")


def _check(ret: Return) -> pl.DataFrame:
    frame = uasc_against_last(ret)
    ceased_before = pl.col("DUC_date_last") < year_start(ret.year)
    differ = pl.col("DUC_date") != pl.col("DUC_date_last")
    bad = (
        pl.col("in_last")
        & is_uasc("UASC")
        & is_uasc("UASC_last")
        & (ceased_before.fill_null(False) | differ.fill_null(False))
    )
    return found("Header", frame.filter(bad), fields=SHOWN)


RULE = Rule(
    code="205B",
    severity="error",
    message=(
        "Child previously identified as UASC is also UASC this year, but date UASC ceased "
        "in both years does not support this."
    ),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    columns=COLUMNS,
)
