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
from lineofsight.timescales.domain.engine.codes import AREA, STATUS, TAG, TITLE
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

# The journey tables the engine reads: a caller with a big store can read only these.
INPUT_TABLES = (
    "adoption",
    "allocation",
    "assessment",
    "care_leaver_status",
    "child",
    "cin_plan",
    "cin_plan_review",
    "cla_episode",
    "cla_review",
    "complaint",
    "conference",
    "contact",
    "core_group",
    "cp_plan",
    "education_plan",
    "health_check",
    "legal_proceeding",
    "missing_episode",
    "private_fostering_arrangement",
    "referral",
    "section47_enquiry",
    "strategy_discussion",
    "visit",
)

OBLIGATION_SCHEMA: dict[str, pl.DataType] = {
    "obligation_id": pl.String(),
    **RAW_SCHEMA,
    "title": TITLE,
    "area": AREA,
    "tag": TAG,
    "status": STATUS,
    "days_overdue": pl.Int64(),
    "worker_id": pl.String(),
    "team_id": pl.String(),
    "allocation_role": pl.String(),
}

__all__ = [
    "INPUT_TABLES",
    "OBLIGATION_SCHEMA",
    "Status",
    "obligations",
    "obligations_due_between",
]


def obligations(
    frames: Frames, *, as_of: dt.date, config: TimescaleConfig | None = None
) -> pl.DataFrame:
    """Every obligation whose clock had started by `as_of`, with its status on that date."""
    config = config or TimescaleConfig()
    raw = [conform(area(frames, as_of, config)) for area in AREAS]
    rows = pl.concat([empty(), *raw], how="vertical")
    rows = _with_rule_details(rows)
    rows = with_status(rows, as_of=as_of, soon_days=config.soon_days)
    # A stable sort on the date alone: within a day, rows keep the areas' own order.
    rows = rows.sort("due_on", maintain_order=True)
    rows = with_responsible(rows, frames, as_of=as_of)
    rows = rows.with_columns(
        pl.concat_str(
            "rule", "start_key", pl.col("seq").cast(pl.String).fill_null("0"), separator=":"
        ).alias("obligation_id")
    )
    return rows.select(list(OBLIGATION_SCHEMA))


def obligations_due_between(
    frames: Frames, *, start: dt.date, end: dt.date, config: TimescaleConfig | None = None
) -> pl.DataFrame:
    """Every obligation due from `start` to `end` inclusive, as known at `end`: the input to
    timeliness measures (an obligation met after `end` counts as not met in the period)."""
    rows = obligations(frames, as_of=end, config=config)
    return rows.filter(pl.col("due_on").is_between(start, end))


def _with_rule_details(rows: pl.DataFrame) -> pl.DataFrame:
    """Title, area and tag of each row's rule, looked up by the rule enum's position."""
    position = pl.col("rule").to_physical()
    rules = list(RULES.values())
    details = {
        "title": pl.Series([rule.title for rule in rules], dtype=TITLE),
        "area": pl.Series([rule.area.value for rule in rules], dtype=AREA),
        "tag": pl.Series([rule.tag.value for rule in rules], dtype=TAG),
    }
    return rows.with_columns(
        pl.lit(values).gather(position).alias(name) for name, values in details.items()
    )
