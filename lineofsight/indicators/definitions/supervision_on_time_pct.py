"""LOCAL-SUPERVISION Supervision held on time (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import with_team
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    sessions = table(frames, "supervision").select("key", "worker_id", "held_on", "next_due_on")
    # The worker's next session of any kind held after this one (not another on the same day).
    following = sessions.select(
        "worker_id", "held_on", pl.col("held_on").alias("next_held_on")
    ).sort("held_on")
    due = (
        sessions.filter(pl.col("next_due_on").is_not_null())
        .sort("held_on")
        .join_asof(
            following,
            on="held_on",
            by="worker_id",
            strategy="forward",
            allow_exact_matches=False,
            check_sortedness=False,
        )
    )
    # No supervision is due from a worker who has left by the due date.
    left = table(frames, "worker").select(pl.col("staff_id").alias("worker_id"), "ended_on")
    due = due.join(left, on="worker_id", how="left").filter(
        pl.col("ended_on").is_null() | (pl.col("ended_on") > pl.col("next_due_on"))
    )
    rows = with_team(
        during(due, "next_due_on", periods), frames, worker="worker_id", on="next_due_on"
    )
    held = pl.col("next_held_on").is_not_null() & (pl.col("next_held_on") <= pl.col("next_due_on"))
    return counted(
        rows,
        item="key",
        on="next_due_on",
        numerator=held,
        child=None,
        team="worker_team",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="supervision_on_time_pct",
    ref="LOCAL-SUPERVISION",
    title="Supervision held on time",
    description=(
        "Of the supervisions falling due in the period (the next due date each supervision "
        "sets), the share where the worker's next supervision, of any kind, was held on or "
        "before that date. Each due supervision is listed under the supervised worker and "
        "their team on the due date, by the key of the session that set it. None is due from "
        "a worker who had left by the due date. Source: local measure (not in the catalogue; "
        "councils' supervision policies set the frequency, usually monthly)."
    ),
    source="local",
    area=Area.OVERSIGHT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("supervision", "worker", "team_membership"),
    compute=compute,
)
