"""4003: a CP plan review cannot be held while a CIN plan in the same episode is open.

Read as: the review falls after the CIN plan's start and before its end (any day after its
start, if it has no end). A review on the day a CIN plan starts or ends is allowed: a plan
commonly steps down from CP to CIN at a review conference.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CINPlanEndDate", "CPPreviewDate")


def _check(ret: Return) -> pl.DataFrame:
    plans = ret.table("CINplanDates").select(*EPISODE, "CINPlanStartDate", "CINPlanEndDate")
    reviews = ret.table("Reviews").join(plans, on=EPISODE)
    review = pl.col("CPPreviewDate")
    during = (review > pl.col("CINPlanStartDate")) & (
        pl.col("CINPlanEndDate").is_null() | (review < pl.col("CINPlanEndDate"))
    )
    return failures("Reviews", reviews.filter(during.fill_null(False)), fields=FIELDS)


RULE = Rule(
    code="4003",
    severity="error",
    message="A CPP review date is shown as being held at the same time as an open CIN Plan.",
    tables=("Reviews", "CINplanDates"),
    fields=FIELDS,
    check=_check,
)
