"""CL-09 Care leavers whose pathway plan was reviewed in the last 6 months (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._leavers import open_to_service
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, obligations


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-63 runs from leaving care, then from each review, six months at a time, until the
    # 21st birthday: the link open at the period's end is the young person's current plan.
    plans = obligations(
        frames, ["T-63"], ("child_id", "start_on", "due_on", "met_on", "context_end")
    )
    end = pl.col("end")
    current = (
        plans.drop("rule")
        .join_where(periods, pl.col("start_on") <= end)
        .filter(
            pl.col("met_on").is_null() | (pl.col("met_on") > end),
            pl.col("context_end").is_null() | (pl.col("context_end") > end),
        )
        .sort("start_on")
        .unique(["period", "child_id"], keep="last")
        .select("period", "child_id", "due_on")
    )
    rows = open_to_service(frames, periods).join(current, on=["period", "child_id"], how="inner")
    return counted(
        rows,
        item="child_id",
        on="end",
        # Reviewed (or left care) within six months: the next review is not yet overdue.
        numerator=pl.col("due_on") >= end,
    )


DEFINITION = IndicatorDefinition(
    code="care_leavers_pathway_plan_current_pct",
    ref="CL-09",
    title="Care leavers whose pathway plan was reviewed in the last 6 months",
    description=(
        "Of the care leavers open to the service at the period's end (left care at 16 or "
        "over after 13 weeks looked after since their 14th birthday, not to home, an order, "
        "adoption or another council; not yet 21 and not died), the share whose pathway plan "
        "was reviewed in the six months to that day, or who left care in those six months: "
        "the timescale engine's T-63 clock (six months from leaving care, then from each "
        "review) is not overdue then. Young people known only from care-leaver records, "
        "with no care history held, have no clock and are not in the base. Source: local "
        "(Ofsted ILACS Annex A list 9); Care Leavers (England) Regulations 2010."
    ),
    source="local",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("obligations", "child", "cla_episode", "care_leaver_status"),
    rules=("T-63",),
    compute=compute,
)
