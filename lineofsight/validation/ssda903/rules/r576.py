"""576: last year's return has a missing/away period still open (no MIS_END) and this
year's has no period for the child starting on that date. DfE's tables say "MIssing"."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD", "MIS_START_last")


def _check(ret: Return) -> pl.DataFrame:
    last = ret.previous.tables.get("Missing") if ret.previous else None
    if last is None:
        return no_failures()
    still_open = last.filter(pl.col("MIS_END_text").is_null() & pl.col("MIS_START").is_not_null())
    carried = ret.table("Missing").select("CHILD", "MIS_START").unique()
    frame = still_open.join(carried, on=["CHILD", "MIS_START"], how="anti").with_columns(
        pl.col("MIS_START").alias("MIS_START_last")
    )
    return found("Missing_last", frame, fields=FIELDS)


RULE = Rule(
    code="576",
    severity="error",
    message=(
        "There is an open missing/away from placement without authorisation period in last "
        "year’s return and there is no corresponding period recorded at the start of this "  # noqa: RUF001 (DfE's text)
        "year."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)
