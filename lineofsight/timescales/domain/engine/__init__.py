"""The timescale engine: every obligation a child's journey creates, from journey frames.

    obligations(frames, as_of=date)            # live: everything known on `as_of`
    obligations_due_between(frames, start, end)  # historic: every obligation due in a period

Each row (see `OBLIGATION_SCHEMA`) names the child, the rule, the event that started the clock,
the due date (and time, for hour-based rules), the event that met it, its status on `as_of`, and
the worker and team responsible on the due date (or today, for one not yet due).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

import polars as pl

from lineofsight.journey.domain.frames import TableSchema
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
from lineofsight.timescales.domain.engine.chains import HINTS, RAW_SCHEMA, conform, empty
from lineofsight.timescales.domain.engine.codes import AREA, RULE, STATUS, TAG, TITLE
from lineofsight.timescales.domain.engine.responsibility import with_responsible
from lineofsight.timescales.domain.engine.selection import Scope, over_before
from lineofsight.timescales.domain.engine.status import Status, with_status
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.domain.timescale import TimescaleConfig

Frames = Mapping[str, pl.DataFrame]
AreaFunction = Callable[[Frames, dt.date, TimescaleConfig, Scope], pl.DataFrame]

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

# The journey tables and columns the engine reads, so a reader of a big store (a council's
# Parquet frames, England's) reads and checks only these. A test runs the engine on frames cut
# down to them and expects the same obligations as from whole frames.
INPUT_COLUMNS: dict[str, tuple[str, ...]] = {
    "adoption": (
        "child_id",
        "decision_on",
        "placement_order_on",
        "matched_on",
        "placed_on",
        "ceased_on",
    ),
    "allocation": ("child_id", "worker_id", "team_id", "role", "started_on", "ended_on"),
    "assessment": ("referral_id", "started_on", "child_seen_on", "authorised_on", "assessed_by_id"),
    "care_leaver_status": ("child_id", "pathway_plan_reviewed_on"),
    "child": ("born_on",),
    "cin_plan": ("referral_id", "started_on", "ended_on"),
    "cin_plan_review": ("cin_plan_id", "held_on"),
    "cla_episode": (
        "child_id",
        "started_on",
        "reason_new",
        "legal_status",
        "placement_type",
        "ended_on",
        "reason_ceased",
    ),
    "cla_review": ("child_id", "held_on"),
    "complaint": ("child_id", "received_on", "stage", "responded_on"),
    "conference": (
        "referral_id",
        "section47_enquiry_id",
        "cp_plan_id",
        "kind",
        "held_on",
        "outcome",
    ),
    "contact": ("child_id", "received_at", "decision_at", "decided_by_id"),
    "core_group": ("cp_plan_id", "held_on"),
    "cp_plan": ("referral_id", "started_on", "ended_on"),
    "education_plan": ("child_id", "done_on"),
    "health_check": ("child_id", "kind", "done_on"),
    "legal_proceeding": ("child_id", "kind", "started_on", "ended_on"),
    "missing_episode": (
        "child_id",
        "kind",
        "ended_at",
        "return_interview_offered",
        "return_interview_done_at",
        "return_interview_accepted",
    ),
    "private_fostering_arrangement": ("child_id", "notified_on", "started_on", "ended_on"),
    "referral": ("child_id", "referred_on", "is_nfa", "closed_on", "team_id", "worker_id"),
    "section47_enquiry": (
        "referral_id",
        "strategy_discussion_id",
        "started_on",
        "icpc_not_required",
        "completed_on",
    ),
    "strategy_discussion": ("referral_id", "held_on"),
    "team_membership": ("worker_id", "team_id", "started_on", "ended_on"),
    "visit": ("child_id", "kind", "visited_on"),
}
INPUT_TABLES = tuple(INPUT_COLUMNS)


def input_tables(tables: Mapping[str, TableSchema]) -> dict[str, TableSchema]:
    """The engine's share of `tables` (the journey schema): its tables, only its columns."""
    return {name: tables[name].only(columns) for name, columns in INPUT_COLUMNS.items()}


OBLIGATION_SCHEMA: dict[str, pl.DataType] = {
    "obligation_id": pl.String(),
    **{name: dtype for name, dtype in RAW_SCHEMA.items() if name not in HINTS},
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
    "INPUT_COLUMNS",
    "INPUT_TABLES",
    "OBLIGATION_SCHEMA",
    "Status",
    "input_tables",
    "obligations",
    "obligations_due_between",
]


def obligations(
    frames: Frames,
    *,
    as_of: dt.date,
    config: TimescaleConfig | None = None,
    rules: Iterable[str] | None = None,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """Every obligation whose clock had started by `as_of`, with its status on that date.

    `rules` asks for only those rules' obligations. `since` leaves out what was over before
    that day (`selection.over_before`): every obligation due, met or still running on or
    after `since` is there, with the same status, responsibility and identity as in a run
    without it, and so is every obligation of a plan or placement still open then."""
    config = config or TimescaleConfig()
    scope = Scope.of(rules, since)
    wanted = _in_scope(scope)
    # Each area's rows are cut to the scope before they are put together (never copied whole).
    raw = [conform(area(frames, as_of, config, scope)).filter(wanted) for area in AREAS]
    rows = pl.concat([empty(), *raw], how="vertical")
    rows = with_status(rows, as_of=as_of, soon_days=config.soon_days)
    # Sorted before the wide text columns (identity, titles) exist, so they are never moved.
    rows = rows.sort(_order_key())
    rows = with_responsible(rows, frames, as_of=as_of)
    rows = _with_rule_details(rows).with_columns(
        pl.concat_str(
            "rule", "start_key", pl.col("seq").cast(pl.String).fill_null("0"), separator=":"
        ).alias("obligation_id")
    )
    return rows.select(list(OBLIGATION_SCHEMA))


def _in_scope(scope: Scope) -> pl.Expr:
    keep = pl.lit(True)
    if scope.codes is not None:
        # An area computes some clocks together (a chain's links); keep only those asked for.
        keep = keep & pl.col("rule").is_in(pl.Series(sorted(scope.codes), dtype=RULE).implode())
    if scope.since is not None:
        keep = keep & ~over_before(scope.since)
    return keep


def _order_key() -> pl.Expr:
    """By due date, then by a fixed hash of the obligation's identity (rule, start event,
    place in its chain), packed in one unsigned integer: the same records always give the same
    rows in the same order (the areas' joins and group-bys promise none), and one integer key
    sorts far faster than a date and a string. The top 16 bits hold the due date (1902 to
    2081), the rest the hash."""
    days = (pl.col("due_on").cast(pl.Int32) + 24_768).cast(pl.UInt64)
    identity = (
        pl.col("start_key").hash(seed=0)
        ^ (pl.col("rule").to_physical().cast(pl.UInt64) * 0x9E3779B97F4A7C15)
        ^ pl.col("seq").fill_null(0).cast(pl.UInt64)
    )
    return days * (1 << 48) + identity // (1 << 16)


def obligations_due_between(
    frames: Frames, *, start: dt.date, end: dt.date, config: TimescaleConfig | None = None
) -> pl.DataFrame:
    """Every obligation due from `start` to `end` inclusive, as known at `end`: the input to
    timeliness measures (an obligation met after `end` counts as not met in the period).

    For a measure compared with other councils, pass no `config` (or `TimescaleConfig()`):
    the national calendar and the default local standards, whatever this council has set."""
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
