"""The timescale engine: every obligation a child's journey creates, from journey frames.

    obligations(frames, as_of=date)            # live: everything known on `as_of`
    obligations_due_between(frames, start, end)  # historic: every obligation due in a period

Each row (see `OBLIGATION_SCHEMA`) names the child, the rule, the event that started the clock,
the due date (and time, for hour-based rules), the event that met it, its status on `as_of`, and
the worker and team responsible on the due date (or today, for one not yet due).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import polars as pl

from lineofsight.timescales.domain.engine import (
    adoption,
    children_in_need,
    court,
    leavers,
    looked_after,
    partnership,
    private_fostering,
    protection,
)
from lineofsight.timescales.domain.engine.chains import RAW_SCHEMA, conform, empty
from lineofsight.timescales.domain.engine.responsibility import with_responsible
from lineofsight.timescales.domain.engine.status import Status, with_status
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.domain.timescale import TimescaleConfig

Frames = Mapping[str, pl.DataFrame]
AreaFunction = Callable[[Frames, dt.date, TimescaleConfig], pl.DataFrame]

# Each area module turns frames into raw obligations for its rules.
AREAS: tuple[AreaFunction, ...] = (
    children_in_need.obligations,
    protection.obligations,
    court.obligations,
    looked_after.obligations,
    leavers.obligations,
    adoption.obligations,
    private_fostering.obligations,
    partnership.obligations,
)

OBLIGATION_SCHEMA: dict[str, pl.DataType] = {
    "obligation_id": pl.String(),
    **RAW_SCHEMA,
    "title": pl.String(),
    "area": pl.String(),
    "tag": pl.String(),
    "status": pl.String(),
    "days_overdue": pl.Int64(),
    "worker_id": pl.String(),
    "team_id": pl.String(),
    "allocation_role": pl.String(),
}

__all__ = ["OBLIGATION_SCHEMA", "Status", "obligations", "obligations_due_between"]


def obligations(
    frames: Frames, *, as_of: dt.date, config: TimescaleConfig | None = None
) -> pl.DataFrame:
    """Every obligation whose clock had started by `as_of`, with its status on that date."""
    config = config or TimescaleConfig()
    raw = [conform(area(frames, as_of, config)) for area in AREAS]
    rows = pl.concat([empty(), *raw], how="vertical")
    rows = _with_rule_details(rows)
    rows = with_status(rows, as_of=as_of, soon_days=config.soon_days)
    rows = with_responsible(rows, frames, as_of=as_of)
    rows = rows.with_columns(
        pl.concat_str(
            "rule", "start_key", pl.col("seq").cast(pl.String).fill_null("0"), separator=":"
        ).alias("obligation_id")
    )
    return rows.select(list(OBLIGATION_SCHEMA)).sort("due_on", "child_id", "rule", "seq")


def obligations_due_between(
    frames: Frames, *, start: dt.date, end: dt.date, config: TimescaleConfig | None = None
) -> pl.DataFrame:
    """Every obligation due from `start` to `end` inclusive, as known at `end`: the input to
    timeliness measures (an obligation met after `end` counts as not met in the period)."""
    rows = obligations(frames, as_of=end, config=config)
    return rows.filter(pl.col("due_on").is_between(start, end))


def _with_rule_details(rows: pl.DataFrame) -> pl.DataFrame:
    details = pl.DataFrame(
        {
            "rule": list(RULES),
            "title": [rule.title for rule in RULES.values()],
            "area": [rule.area.value for rule in RULES.values()],
            "tag": [rule.tag.value for rule in RULES.values()],
        }
    )
    return rows.join(details, on="rule", how="left")
