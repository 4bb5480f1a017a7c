"""CIN-02 Children in need at any point in the period (count)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import in_need_on, referrals
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, open_during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    closed = pl.col("closed_on")
    episodes = referrals(frames).select(
        "child_id", "referred_on", "closed_on", "is_nfa", "not_in_need"
    )
    rows = (
        open_during(episodes, "referred_on", "closed_on", periods)
        .filter(in_need_on("end"))
        # Attributed on the child's last day in need in the period.
        .with_columns(pl.min_horizontal(closed.fill_null(pl.col("end")), "end").alias("on"))
        .group_by("period", "child_id")
        .agg(pl.col("on").max())
    )
    return counted(rows, item="child_id", on="on")


DEFINITION = IndicatorDefinition(
    code="cin_children_in_year",
    ref="CIN-02",
    title="Children in need at any point in the period",
    description=(
        "The number of children with an episode of need (a referral) open at any time in the "
        "period: referred by its end and not closed before its start (closed on its first day "
        "counts). Each child once. Referrals with no further action, and those closed as "
        "assessed not in need by the period's end (see FD-07), are not episodes of need. "
        "Source: DfE 'Characteristics of children in need', table B1 (children in need at any "
        "point in the year)."
    ),
    source="DfE CIN census (B1)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("referral", "assessment", "section47_enquiry", "cp_plan", "cin_plan"),
    compute=compute,
    decimals=0,
)
