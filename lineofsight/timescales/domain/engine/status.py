"""An obligation's status on a date."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import polars as pl


class Status(StrEnum):
    MET_ON_TIME = "met_on_time"
    MET_LATE = "met_late"
    OVERDUE = "overdue"  # past due, not met, and the clock is still running
    MISSED = "missed"  # past due and never met, and its context has since closed
    DUE_SOON = "due_soon"  # not met, due within the configured number of days
    NOT_YET_DUE = "not_yet_due"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def is_open(self) -> bool:
        return self in {Status.OVERDUE, Status.DUE_SOON, Status.NOT_YET_DUE}


LABELS = {
    Status.MET_ON_TIME: "Met on time",
    Status.MET_LATE: "Met late",
    Status.OVERDUE: "Overdue",
    Status.MISSED: "Missed",
    Status.DUE_SOON: "Due soon",
    Status.NOT_YET_DUE: "Not yet due",
}


STATUS_ENUM = pl.Enum([status.value for status in Status])


def _lit(status: Status) -> pl.Expr:
    return pl.lit(status.value, dtype=STATUS_ENUM)


def with_status(rows: pl.DataFrame, *, as_of: dt.date, soon_days: int) -> pl.DataFrame:
    """Add `status` and `days_overdue` (calendar days past due on `as_of`, or by which it was
    met late). Hour-based rules compare times when both are known."""
    timed = pl.col("due_at").is_not_null() & pl.col("met_at").is_not_null()
    late = (
        pl.when(timed)
        .then(pl.col("met_at") > pl.col("due_at"))
        .otherwise(pl.col("met_on") > pl.col("due_on"))
    )
    met = pl.col("met_on").is_not_null()
    past_due = pl.col("due_on") < as_of
    status = (
        pl.when(met & ~late)
        .then(_lit(Status.MET_ON_TIME))
        .when(met)
        .then(_lit(Status.MET_LATE))
        .when(past_due & pl.col("context_end").is_not_null())
        .then(_lit(Status.MISSED))
        .when(past_due)
        .then(_lit(Status.OVERDUE))
        .when(pl.col("due_on") <= as_of + dt.timedelta(days=soon_days))
        .then(_lit(Status.DUE_SOON))
        .otherwise(_lit(Status.NOT_YET_DUE))
    )
    end = pl.when(met).then(pl.col("met_on")).otherwise(pl.lit(as_of))
    overdue_days = (end - pl.col("due_on")).dt.total_days()
    return rows.with_columns(status.alias("status")).with_columns(
        pl.when(pl.col("status").is_in([Status.MET_LATE.value, Status.OVERDUE.value]))
        .then(pl.max_horizontal(overdue_days, 0))
        .when(pl.col("status") == Status.MISSED.value)
        .then((pl.col("context_end") - pl.col("due_on")).dt.total_days())
        .otherwise(0)
        .cast(pl.Int64)
        .alias("days_overdue")
    )
