"""The two shapes every tracked timescale takes, over Polars frames.

* `single`: one clock per start event, met by the first matching event on or after the start.
* `chain`: a context (a CP plan, a placement, a period of care) starts the first clock; each
  meeting event starts the next, running from its *actual* date (timescales.md §1.3). The
  obligation open at the end of the chain lapses if the context closes before it is due.

Both return RAW rows (see `RAW_SCHEMA`); the engine adds status and responsibility.
Everything after `as_of` is unknown: later events are dropped and later context ends are open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from lineofsight.timescales.domain.allowances import Allowance, Hours
from lineofsight.timescales.domain.engine.codes import RULE
from lineofsight.timescales.domain.engine.selection import recent_contexts
from lineofsight.timescales.domain.timescale import Timescale, TimescaleConfig

RAW_SCHEMA: dict[str, pl.DataType] = {
    "child_id": pl.String(),
    "rule": RULE,
    "start_kind": pl.String(),
    "start_key": pl.String(),
    "start_on": pl.Date(),
    "due_on": pl.Date(),
    "due_at": pl.Datetime("us"),
    "met_kind": pl.String(),
    "met_key": pl.String(),
    "met_on": pl.Date(),
    "met_at": pl.Datetime("us"),
    "context_end": pl.Date(),
    "note": pl.String(),
    "seq": pl.UInt32(),  # place in a chain: 0 = from the context's start
    # Who the record itself names (the referral's worker and team, a contact's decider), for
    # an obligation no allocation covers: front-door work is done before anyone is allocated.
    "worker_hint": pl.String(),
    "team_hint": pl.String(),
}
HINTS = ("worker_hint", "team_hint")


@dataclass(frozen=True)
class Step:
    """One link of a chain: the rule whose clock it is and the interval it allows."""

    rule: Timescale
    allowance: Allowance


def steps(*rules: Timescale, config: TimescaleConfig) -> tuple[Step, ...]:
    """The links of a chain made of `rules` in order, each with its own `then` intervals; the
    last link repeats for as long as the chain goes on."""
    links: list[Step] = []
    for rule in rules:
        applied = config.apply(rule)
        if applied.allowance is None:
            raise ValueError(f"{rule.code} is not tracked")
        links.append(Step(applied, applied.allowance))
        links += [Step(applied, interval) for interval in applied.then]
    return tuple(links)


def empty() -> pl.DataFrame:
    return pl.DataFrame(schema=RAW_SCHEMA)


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """RAW columns in order, missing ones null, types cast."""
    return frame.select(
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in RAW_SCHEMA.items()
    )


def due_on(
    starts: pl.Series, allowance: Allowance, rule: Timescale, config: TimescaleConfig
) -> pl.Series:
    return allowance.due_series(starts, config.calendar_for(rule)).alias("due_on")


def known_by(frame: pl.DataFrame, column: str, as_of: dt.date) -> pl.DataFrame:
    """Rows whose `column` date is on or before `as_of` (nulls dropped)."""
    return frame.filter(pl.col(column) <= as_of)


def open_after(frame: pl.DataFrame, column: str, as_of: dt.date) -> pl.DataFrame:
    """An end date after `as_of` is not yet known: it reads as still open."""
    return frame.with_columns(
        pl.when(pl.col(column) > as_of).then(None).otherwise(pl.col(column)).alias(column)
    )


def single(
    starts: pl.DataFrame,
    events: pl.DataFrame | None,
    *,
    rule: Timescale,
    config: TimescaleConfig,
    as_of: dt.date,
    match_on: Sequence[str] = ("child_id",),
    met_kind: str = "",
) -> pl.DataFrame:
    """One obligation per start row.

    `starts`: child_id, start_kind, start_key, start_on, optional context_end and note, and the
    `match_on` columns. `events`: the `match_on` columns plus met_key and met_on (and met_at);
    the first event on or after the start meets it. When `events` is None, `starts` already
    carries met_key/met_on.
    """
    applied = config.apply(rule)
    if applied.allowance is None:
        raise ValueError(f"{rule.code} is not tracked")
    frame = known_by(starts, "start_on", as_of)
    if "context_end" in frame.columns:
        frame = open_after(frame, "context_end", as_of)
    if events is not None:
        frame = frame.drop([c for c in ("met_key", "met_on", "met_at") if c in frame.columns])
        known = known_by(events, "met_on", as_of)
        index = frame.with_row_index("_row")
        first = (
            index.select("_row", *match_on, "start_on")
            .join(known, on=list(match_on), how="inner")
            .filter(pl.col("met_on") >= pl.col("start_on"))
            .sort("met_on", *(["met_at"] if "met_at" in known.columns else []))
            .group_by("_row", maintain_order=True)
            .first()
            .drop(*match_on, "start_on")
        )
        frame = index.join(first, on="_row", how="left").drop("_row")
    else:
        frame = frame.with_columns(
            pl.when(pl.col("met_on") <= as_of).then(pl.col("met_on")).alias("met_on"),
        ).with_columns(
            pl.when(pl.col("met_on").is_not_null()).then(pl.col("met_key")).alias("met_key")
        )
    frame = frame.with_columns(
        pl.lit(applied.code).alias("rule"),
        pl.when(pl.col("met_on").is_not_null()).then(pl.lit(met_kind)).alias("met_kind"),
    )
    frame = frame.with_columns(due_on(frame["start_on"], applied.allowance, applied, config))
    if isinstance(applied.allowance, Hours) and "start_at" in frame.columns:
        frame = frame.with_columns(
            (pl.col("start_at") + dt.timedelta(hours=applied.allowance.n)).alias("due_at")
        )
    return conform(lapse(frame))


def chain(
    contexts: pl.DataFrame,
    events: pl.DataFrame,
    *,
    links: Sequence[Step],
    config: TimescaleConfig,
    as_of: dt.date,
    start_kind: str,
    met_kind: str,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """Obligations along each context: from its start, then from each meeting event.

    `contexts`: context_key, child_id, context_start, context_end (and optionally
    worker_hint, team_hint). `events`: child_id (or context_key), event_key, event_on. An
    event belongs to every context of the child whose dates contain it.
    Each row gets `seq` (0 = from the context's start) and the rule of its link. With `since`,
    contexts closed long before it are skipped (`selection.recent_contexts`).
    """
    known = open_after(known_by(contexts, "context_start", as_of), "context_end", as_of)
    known = recent_contexts(known, since)
    happened = known_by(events, "event_on", as_of)
    # Events name their context where the model links them (a review to its plan); otherwise
    # they belong to every context of the child that contains them (a visit in a placement).
    on = "context_key" if "context_key" in happened.columns else "child_id"
    hints = [name for name in HINTS if name in known.columns]
    inside = (
        known.select("context_key", "child_id", "context_start", "context_end", *hints)
        .join(happened.select(on, "event_key", "event_on"), on=on, how="inner")
        .filter(
            (pl.col("event_on") >= pl.col("context_start"))
            & (pl.col("context_end").is_null() | (pl.col("event_on") <= pl.col("context_end")))
        )
        .select(
            "context_key",
            "child_id",
            "context_end",
            *hints,
            pl.lit(1, dtype=pl.UInt8).alias("_order"),
            pl.lit(met_kind).alias("start_kind"),
            pl.col("event_key").alias("start_key"),
            pl.col("event_on").alias("start_on"),
        )
    )
    origins = known.select(
        "context_key",
        "child_id",
        "context_end",
        *hints,
        pl.lit(0, dtype=pl.UInt8).alias("_order"),
        pl.lit(start_kind).alias("start_kind"),
        pl.col("context_key").alias("start_key"),
        pl.col("context_start").alias("start_on"),
    )
    # Sorted by context, each context's rows are contiguous: its start, then its events in
    # date order. Neighbouring rows give the sequence and the meeting event without a group-by.
    same_context_next = (pl.col("context_key").shift(-1) == pl.col("context_key")).fill_null(False)
    first_of_context = (pl.col("context_key").shift(1) != pl.col("context_key")).fill_null(True)
    index = pl.int_range(pl.len(), dtype=pl.UInt32)
    rows = (
        pl.concat([origins, inside])
        # Contexts need only be contiguous, not in key order: their hashes group them as well
        # and numbers sort far faster than strings. The start key's hash breaks ties so the
        # order never depends on how the rows arrived.
        .sort(
            pl.col("context_key").hash(seed=0),
            "_order",
            "start_on",
            pl.col("start_key").hash(seed=0),
        )
        .with_columns(
            (index - pl.when(first_of_context).then(index).forward_fill()).alias("seq"),
            pl.when(same_context_next).then(pl.col("start_key").shift(-1)).alias("met_key"),
            pl.when(same_context_next).then(pl.col("start_on").shift(-1)).alias("met_on"),
        )
        .with_columns(
            pl.when(pl.col("met_on").is_not_null()).then(pl.lit(met_kind)).alias("met_kind"),
            pl.min_horizontal(pl.col("seq"), len(links) - 1).alias("_link"),
        )
        .drop("_order")
    )
    return conform(lapse(with_link_due(rows, links, config)))


def with_link_due(
    rows: pl.DataFrame, links: Sequence[Step], config: TimescaleConfig
) -> pl.DataFrame:
    """Fill `rule` and `due_on` from each row's `_link` (an index into `links`)."""
    rule = pl.lit(None, dtype=pl.String)
    due = pl.lit(None, dtype=pl.Date)
    computed: dict[tuple[Allowance, bool], pl.Series] = {}
    for number, link in enumerate(links):
        # Links with the same interval on the same calendar share one computation.
        same = (link.allowance, link.rule.is_local)
        if same not in computed:
            computed[same] = due_on(rows["start_on"], link.allowance, link.rule, config)
        link_due = computed[same]
        chosen = pl.col("_link") == number
        rule = pl.when(chosen).then(pl.lit(link.rule.code)).otherwise(rule)
        due = pl.when(chosen).then(link_due).otherwise(due)
    return rows.with_columns(rule.alias("rule"), due.alias("due_on")).drop("_link")


def lapse(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop clocks that stopped: the context closed, unmet, before the obligation fell due."""
    if "context_end" not in frame.columns:
        return frame
    return frame.filter(
        pl.col("met_on").is_not_null()
        | pl.col("context_end").is_null()
        | (pl.col("due_on") <= pl.col("context_end"))
    )
