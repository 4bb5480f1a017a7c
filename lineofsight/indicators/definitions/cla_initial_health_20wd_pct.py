"""CLA-22 Initial health assessment within 20 working days of becoming looked after (%)."""

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
from lineofsight.indicators.definitions.common import (
    Frames,
    counted,
    during,
    latest_end,
    obligations,
    on_time,
)


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-45: one clock per period of care, from its start, 20 working days.
    rows = during(obligations(frames, ["T-45"]), "start_on", periods)
    left_within = pl.col("context_end").is_not_null() & (pl.col("context_end") <= pl.col("due_on"))
    # A clock still running on the last day known can't be judged yet (the child may still be
    # assessed in time, or leave within the 20 days): listed, not in the base.
    running = pl.col("met_on").is_null() & (pl.col("due_on") >= latest_end(periods))
    in_base = ~left_within & ~running
    return counted(
        rows,
        item="obligation_id",
        on="start_on",
        numerator=on_time() & in_base,
        denominator=in_base,
        team="team_id",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="cla_initial_health_20wd_pct",
    ref="CLA-22",
    title="Initial health assessments within 20 working days of becoming looked after",
    description=(
        "Of periods of care starting in the period (short breaks excluded; a child starting "
        "twice counts twice), the share whose initial health assessment was done within 20 "
        "working days of the start (timescale T-45). Children who left care within the 20 "
        "working days are not in the base, nor are those whose 20 days are still running on "
        "the last day computed and who have not been assessed yet. The team and worker are "
        "those responsible on the due date. Source: local / health-provider KPI; CPPCR reg 7 "
        "and 'Promoting the health and well-being of looked-after children' (2015)."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations", "cla_episode", "health_check"),
    rules=("T-45",),
    compute=compute,
)
