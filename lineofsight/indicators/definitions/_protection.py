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
    Compute,
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
    obligations,
    open_on,
    shared,
    table,
    tables,
    with_child,
)

ICPC_KINDS = ("initial", "pre_birth", "transfer_in")

# The catalogue's initial categories of abuse (CIN census codes).
CATEGORIES = {
    "NEG": "neglect",
    "EMO": "emotional abuse",
    "PHY": "physical abuse",
    "SAB": "sexual abuse",
    "MUL": "multiple categories",
}


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
    sources = tables(frames, "cp_plan", "referral")
    return shared("plans", sources, None, lambda: _plans(frames))


def _plans(frames: Frames) -> pl.DataFrame:
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
    sources = tables(frames, "cp_plan", "referral")
    return shared("open_plans", sources, periods, lambda: _open_plans(frames, periods))


def _open_plans(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = open_on(plans(frames), "started_on", "ended_on", periods)
    return (
        rows.sort("started_on", "key", descending=True)
        .unique(["period", "child_id"], keep="first", maintain_order=True)
        .with_columns((pl.col("end") - pl.col("started_on")).dt.total_days().alias("days_open"))
    )


def plan_obligations(frames: Frames, rules: tuple[str, ...]) -> pl.DataFrame:
    """The engine's obligations under `rules` of a plan's review or core group chain, with
    `cp_plan_id`: a chain's first obligation is keyed by the plan itself, each later one by
    the review conference or core group that started its clock, which names the plan."""
    rows = obligations(frames, rules, ("start_key", "seq", "due_on", "due_at", "met_on", "met_at"))
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


def plans_during(on: str, *, numerator: bool | pl.Expr = True) -> Compute:
    """A compute: each plan whose date `on` (started_on, ended_on) falls in the period,
    counted on that date, in the numerator where `numerator` holds."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = during(plans(frames), on, periods)
        return counted(rows, item="key", on=on, numerator=numerator)

    return compute


def open_plans_share(numerator: bool | pl.Expr = True) -> Compute:
    """A compute: each child on a plan at the period's end (`open_plans`, one plan a child),
    counted at the end, in the numerator where `numerator` holds."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        return counted(open_plans(frames, periods), item="key", on="end", numerator=numerator)

    return compute


def conferences_held(numerator: bool | pl.Expr = True) -> Compute:
    """A compute: each initial conference held in the period, counted on the day it was held,
    in the numerator where `numerator` holds."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = during(initial_conferences(frames), "held_on", periods)
        return counted(rows, item="key", on="held_on", numerator=numerator)

    return compute


def category_definition(code: str, category: str) -> IndicatorDefinition:
    """CP-17 for one initial category: its share of the children on a plan at period end."""
    name = CATEGORIES[category]
    compute = open_plans_share(pl.col("initial_category") == category)

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
