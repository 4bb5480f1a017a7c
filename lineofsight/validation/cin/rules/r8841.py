"""8841: a CP plan review must be after the plan started (not the same day)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "CPPreviewDate")


def _check(ret: Return) -> pl.DataFrame:
    plans = ret.table("ChildProtectionPlans").select(*EPISODE, "CPPID", "CPPstartDate")
    reviews = ret.table("Reviews").join(plans, on=[*EPISODE, "CPPID"], how="left")
    early = pl.col("CPPreviewDate") <= pl.col("CPPstartDate")
    return failures("Reviews", reviews.filter(early), fields=FIELDS)


RULE = Rule(
    code="8841",
    severity="error",
    message=(
        "The review date cannot be on the same day or before the Child protection Plan start date."
    ),
    tables=("Reviews", "ChildProtectionPlans"),
    fields=FIELDS,
    check=_check,
)
