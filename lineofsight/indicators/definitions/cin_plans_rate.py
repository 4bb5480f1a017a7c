"""CIN-04 Children on a child in need plan at the period's end per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, open_on, table, with_child


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    plans = with_child(table(frames, "cin_plan"), frames)
    rows = open_on(plans, "started_on", "ended_on", periods).unique(
        ["period", "child_id"], maintain_order=True
    )
    return counted(rows, item="child_id", on="end")


DEFINITION = IndicatorDefinition(
    code="cin_plans_rate",
    ref="CIN-04",
    title="Children on a child in need plan per 10,000 children",
    description=(
        "Children with a child in need plan open at the period's end (started by then, not "
        "ended by then: a plan ended on the day is not open), each child once, per 10,000 "
        "children aged 0-17. Source: CIN census plan dates, published by DfE only from 2022; "
        "local before then."
    ),
    source="local (DfE CIN census from 2022)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.RATE_PER_10K,
    inputs=("cin_plan", "referral"),
    compute=compute,
)
