"""Child protection rows the CP indicators share: enquiries, conferences and plans with their
child, the plans open at each period's end, and the timescale engine's obligations of a plan.

How the model is read (the same way as the timescale engine's protection area):

* An S47 enquiry starts on the strategy discussion that initiated it (the census S47 start
  date); with no linked discussion, on the enquiry's own start date.
* An initial child protection conference is a conference of kind initial or pre-birth, or a
  transfer-in conference (DfE counts those among ICPCs).
* A child on two plans at once counts once at a period's end: the latest plan started.
"""

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
    open_on,
    table,
    with_child,
)

ICPC_KINDS = ("initial", "pre_birth", "transfer_in")

# The obligation columns a timeliness measure reads: identity, dates, who was responsible.
TIMED = (
    "obligation_id",
    "child_id",
    "start_key",
    "start_on",
    "due_on",
    "due_at",
    "met_key",
    "met_on",
    "met_at",
    "team_id",
    "worker_id",
)

# The catalogue's initial categories of abuse (CIN census codes).
CATEGORIES = {
    "NEG": "neglect",
    "EMO": "emotional abuse",
    "PHY": "physical abuse",
    "SAB": "sexual abuse",
    "MUL": "multiple categories",
}


def in_range(frame: pl.DataFrame, on: str, periods: pl.DataFrame) -> pl.DataFrame:
    """Rows whose date `on` falls between the earliest period's start and the latest's end:
    a cheap cut before `during` joins every row with every period."""
    return frame.filter(pl.col(on).is_between(periods["start"].min(), periods["end"].max()))


def enquiries(frames: Frames) -> pl.DataFrame:
    """Each S47 enquiry (`key`) with its `child_id` and `enquiry_on`, the date it started."""
    discussions = table(frames, "strategy_discussion").select(
        pl.col("key").alias("strategy_discussion_id"), pl.col("held_on").alias("discussed_on")
    )
    enquiry = (
        table(frames, "section47_enquiry")
        .select("key", "referral_id", "strategy_discussion_id", "started_on")
        .join(discussions, on="strategy_discussion_id", how="left")
    )
    return with_child(enquiry, frames).select(
        "key", "child_id", pl.coalesce("discussed_on", "started_on").alias("enquiry_on")
    )


def initial_conferences(frames: Frames) -> pl.DataFrame:
    """Initial, pre-birth and transfer-in conferences, with their child."""
    conferences = (
        table(frames, "conference")
        .filter(pl.col("kind").is_in(ICPC_KINDS))
        .select("key", "referral_id", "kind", "held_on", "outcome")
    )
    return with_child(conferences, frames).drop(
        "referral_team_id", "referral_worker_id", "referred_on", "referral_primary_need"
    )


def plans(frames: Frames) -> pl.DataFrame:
    """Each CP plan (`key`) with its `child_id`, dates, categories, `previous_plans_count` and
    `days`, its length in days (null while open)."""
    plan = table(frames, "cp_plan").select(
        "key",
        "referral_id",
        "started_on",
        "ended_on",
        "initial_category",
        "previous_plans_count",
    )
    return with_child(plan, frames).select(
        "key",
        "child_id",
        "started_on",
        "ended_on",
        "initial_category",
        "previous_plans_count",
        (pl.col("ended_on") - pl.col("started_on")).dt.total_days().alias("days"),
    )


def open_plans(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child on a plan at each period's end (the latest-started plan), with
    `days_open`: days from the plan's start to the period's end."""
    # Only plans open at some period's end can be open at one: a cheap cut before the join.
    first_end, last_end = periods["end"].min(), periods["end"].max()
    candidates = plans(frames).filter(
        (pl.col("started_on") <= last_end)
        & (pl.col("ended_on").is_null() | (pl.col("ended_on") > first_end))
    )
    rows = open_on(candidates, "started_on", "ended_on", periods)
    return (
        rows.sort("started_on", "key", descending=True)
        .unique(["period", "child_id"], keep="first", maintain_order=True)
        .with_columns((pl.col("end") - pl.col("started_on")).dt.total_days().alias("days_open"))
    )


def rule_obligations(
    frames: Frames, rules: tuple[str, ...], columns: tuple[str, ...]
) -> pl.DataFrame:
    """The timescale engine's obligations under `rules`, with only `columns` (and `rule`)."""
    rows = frames.get("obligations")
    if rows is None:
        raise KeyError("the timescale engine's obligations are not in the frames")
    # The engine's frame is wide and long: cut the columns before the rows, and compare the
    # rule enum with its own values rather than casting every row to text.
    wanted = pl.lit(False)
    for rule in rules:
        wanted = wanted | (pl.col("rule") == rule)
    return rows.select(*dict.fromkeys(("rule", *columns))).filter(wanted)


def obligations_in(
    frames: Frames, rule: str, on: str, periods: pl.DataFrame, columns: tuple[str, ...]
) -> pl.DataFrame:
    """The obligations under `rule` whose date `on` (due_on: due in the period; met_on: met in
    it) falls in each period, with only `columns` and the period's: the rows of
    `obligations_due` / `obligations_met`, made faster as the busiest rules (a visit every
    10 working days) have tens of thousands of rows. Only the row numbers and dates are
    crossed with the periods; the matching rows are then gathered once."""
    rows = in_range(rule_obligations(frames, (rule,), (on, *columns)), on, periods)
    matched = (
        rows.select(on)
        .with_row_index("_row")
        .join(periods, how="cross")
        .filter(pl.col(on).is_between(pl.col("start"), pl.col("end")))
    )
    return pl.concat(
        [rows[matched["_row"]], matched.select("period", "start", "end")], how="horizontal"
    )


def plan_obligations(frames: Frames, rules: tuple[str, ...]) -> pl.DataFrame:
    """The engine's obligations under `rules` of a plan's review or core group chain, with
    `cp_plan_id`: a chain's first obligation is keyed by the plan itself, each later one by
    the review conference or core group that started its clock, which names the plan."""
    rows = rule_obligations(
        frames, rules, ("start_key", "seq", "due_on", "due_at", "met_on", "met_at")
    )
    events = pl.concat(
        [
            table(frames, "conference").select(pl.col("key").alias("start_key"), "cp_plan_id"),
            table(frames, "core_group").select(pl.col("key").alias("start_key"), "cp_plan_id"),
        ]
    ).filter(pl.col("cp_plan_id").is_not_null())
    return rows.join(events, on="start_key", how="left").with_columns(
        pl.when(pl.col("seq").fill_null(0) == 0)
        .then(pl.col("start_key"))
        .otherwise(pl.col("cp_plan_id"))
        .alias("cp_plan_id")
    )


def category_definition(code: str, category: str) -> IndicatorDefinition:
    """CP-17 for one initial category: its share of the children on a plan at period end."""
    name = CATEGORIES[category]

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = open_plans(frames, periods)
        return counted(
            rows, item="key", on=pl.col("end"), numerator=pl.col("initial_category") == category
        )

    return IndicatorDefinition(
        code=code,
        ref="CP-17",
        title=f"Children on a CP plan at period end: initial category {name}",
        description=(
            f"Of the children on a child protection plan at the period's end (a plan ended on "
            f"that day is not open; a child on two plans counts once, by the latest), the "
            f"share whose plan's initial category of abuse was {name} ({category}). The "
            f"category is the one recorded when the plan started, not the latest. Source: DfE "
            f"'Characteristics of children in need', D-tables (CP plans at 31 March by "
            f"initial category)."
        ),
        source="DfE CIN census (D-tables)",
        area=Area.CHILD_PROTECTION,
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        period_kind=PeriodKind.SNAPSHOT,
        kind=Kind.PERCENT,
        inputs=("cp_plan", "referral"),
        compute=compute,
    )
