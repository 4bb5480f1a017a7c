"""CLA-24 Personal education plans (PEPs) in place / reviewed in the term (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import care_periods
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, age_on, counted, obligations, open_on


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    looked_after = open_on(care_periods(frames, periods), "started_on", "ended_on", periods)
    # The children the timescale engine tracks for PEPs: aged 5 to 17 when the period of care
    # started (T-50/T-51), so that "no PEP overdue" means one is in place.
    school_age = looked_after.filter(
        age_on(pl.col("born_on"), pl.col("started_on")).is_between(5, 17)
    ).select("period", "end", "child_id")
    # A chain's clocks follow one another (each starts when the one before is met), so the
    # clock running at the end is the child's latest to start by then.
    clocks = (
        obligations(frames, ["T-50", "T-51"])
        .select("child_id", "start_on", "due_on", "met_on", "context_end")
        .sort("start_on")
    )
    rows = school_age.sort("end").join_asof(
        clocks,
        left_on="end",
        right_on="start_on",
        by="child_id",
        strategy="backward",
        check_sortedness=False,  # both sides are sorted just above
    )
    # Overdue: due before the end and not met by then, in the period of care still open (an
    # earlier period's missed PEP is not this one's).
    overdue = (
        (pl.col("due_on") < pl.col("end"))
        & (pl.col("met_on").is_null() | (pl.col("met_on") > pl.col("end")))
        & (pl.col("context_end").is_null() | (pl.col("context_end") > pl.col("end")))
    ).fill_null(False)
    return counted(rows, item="child_id", on="end", numerator=~overdue)


DEFINITION = IndicatorDefinition(
    code="cla_pep_up_to_date_pct",
    ref="CLA-24",
    title="Looked-after children of school age with a personal education plan up to date",
    description=(
        "Of children looked after at the period's end who were of school age (5 to 17) when "
        "their period of care started, the share with a personal education plan in place: "
        "none overdue at the period's end, so a first PEP within 20 school days of coming "
        "into care (T-50) and each later one within 4 months, a term, of the last (T-51). "
        "School days are counted as working days until a term calendar exists. A child who "
        "reaches school age during a period of care is not tracked by the timescale engine, "
        "so is not in the base. Source: local / Virtual School; 'Promoting the education of "
        "looked-after children' (2018)."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("obligations", "cla_episode", "child", "education_plan"),
    rules=("T-50", "T-51"),
    compute=compute,
)
