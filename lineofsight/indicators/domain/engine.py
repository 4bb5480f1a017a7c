"""The indicator engine: definitions run over journey frames for many periods at once.

    rows = indicators_run(frames, definitions, periods)     # every counted row, attributed
    values = indicator_values(rows, definitions, population, by=("team",))

Each definition computes its counted rows for all the periods in one pass (a cross join with a
small periods frame, not a loop), and the engine then attributes every row of every indicator
in one join: the team and worker holding the child on the row's date (unless the definition
named them), and the child's age band, sex, ethnicity group, disability and primary need then.
Values for any breakdown are one group-by over those rows, and the rows themselves are the
drill-down: the children behind each numerator and denominator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np
import polars as pl

from lineofsight.indicators.definitions.base import (
    COUNTED_SCHEMA,
    Frames,
    IndicatorDefinition,
    Kind,
)
from lineofsight.indicators.definitions.common import age_on, table
from lineofsight.indicators.domain.periods import Period, periods_frame
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.timescales.domain.engine import INPUT_TABLES as TIMESCALE_TABLES
from lineofsight.timescales.domain.engine import obligations
from lineofsight.timescales.domain.timescale import TimescaleConfig

# The breakdowns a value can be split by, and the column of the attributed rows each reads.
BREAKDOWNS: dict[str, str] = {
    "team": "team",
    "worker": "worker",
    "age_band": "age_band",
    "sex": "sex",
    "ethnicity_group": "ethnicity_group",
    "disability": "disability",
    "primary_need": "primary_need",
}
BREAKDOWN_TITLES = {
    "team": "Team",
    "worker": "Worker",
    "age_band": "Age",
    "sex": "Sex",
    "ethnicity_group": "Ethnicity",
    "disability": "Disability",
    "primary_need": "Primary need",
}
NOT_RECORDED = "Not recorded"
NOT_ALLOCATED = "Not allocated"

# Case holders, as the timescale engine's responsibility step reads them.
CASE_HOLDERS = ("social_worker", "held_by_manager", "duty", "personal_adviser")

_SEX = {"M": "Male", "F": "Female", "U": "Unknown or indeterminate"}
_ETHNIC_GROUPS = {
    "W": "White",
    "M": "Mixed or multiple",
    "A": "Asian or Asian British",
    "B": "Black or Black British",
    "C": "Other ethnic group",
    "O": "Other ethnic group",
}
_NEEDS = {
    "N0": "N0 Not stated",
    "N1": "N1 Abuse or neglect",
    "N2": "N2 Child's disability",
    "N3": "N3 Parental illness or disability",
    "N4": "N4 Family in acute stress",
    "N5": "N5 Family dysfunction",
    "N6": "N6 Socially unacceptable behaviour",
    "N7": "N7 Low income",
    "N8": "N8 Absent parenting",
    "N9": "N9 Cases other than children in need",
}
AGE_BANDS = ("Unborn", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over")


# The tables the engine itself reads to attribute rows and break them down.
ATTRIBUTION_TABLES = ("allocation", "child", "child_disability", "referral", "team", "worker")


def tables_needed(definitions: Sequence[IndicatorDefinition]) -> tuple[str, ...]:
    """The journey tables a run of `definitions` reads (theirs, the timescale engine's when any
    needs obligations, and the engine's own), so a reader of a big store reads only these."""
    names = {name for d in definitions for name in d.inputs if name != "obligations"}
    if any("obligations" in d.inputs for d in definitions):
        names |= set(TIMESCALE_TABLES)
    return tuple(sorted(names | set(ATTRIBUTION_TABLES)))


def indicators_run(
    frames: Frames,
    definitions: Sequence[IndicatorDefinition],
    periods: Sequence[Period],
    *,
    config: TimescaleConfig | None = None,
    attribute: bool = True,
) -> pl.DataFrame:
    """Every counted row of every definition over `periods`, with a `code` column and the
    attribution columns (team, worker and the child's characteristics on the row's date).

    `attribute=False` leaves out the attribution: enough for values for the council as a
    whole (a comparison of councils), and the slowest step after the timescale engine."""
    if not periods:
        raise ValueError("no periods to compute")
    frame = periods_frame(periods)
    # Every journey table, empty where the frames lack it (a council that loaded only an
    # SSDA903 return still gets every indicator, the others empty).
    inputs = {name: table(frames, name) for name in TABLES} | dict(frames)
    frames = inputs
    rules = {rule for definition in definitions for rule in definition.rules}
    if rules:
        # One run of the timescale engine serves every timeliness measure of every period:
        # due and met dates do not change with the as-of date, only what is known by then.
        # It computes only the rules the definitions read, and leaves out what was settled
        # before the earliest period began (no measure of these periods reads it).
        inputs["obligations"] = obligations(
            dict(frames),
            as_of=max(period.end for period in periods),
            config=config,
            rules=rules,
            since=min(period.start for period in periods),
        )
    parts = []
    codes = []
    for definition in definitions:
        rows = definition.compute(inputs, frame)
        missing = set(COUNTED_SCHEMA) - set(rows.columns)
        if missing:
            raise ValueError(f"{definition.code} returned no {sorted(missing)}")
        # Most definitions return exactly the counted schema (`counted` makes it): no step is
        # spent on them here, as each costs as much again as the work on a small council.
        if list(rows.schema.items()) != list(COUNTED_SCHEMA.items()):
            rows = rows.select(pl.col(name).cast(dtype) for name, dtype in COUNTED_SCHEMA.items())
        parts.append(rows)
        codes.append(definition.code)
    if parts:
        code = pl.Series("code", codes, dtype=pl.String).gather(
            np.repeat(np.arange(len(parts)), [part.height for part in parts])
        )
        rows = pl.concat(parts, how="vertical").with_columns(code)
    else:
        rows = _empty_rows()
    return _attributed(rows, frames) if attribute else rows


def _empty_rows() -> pl.DataFrame:
    return pl.DataFrame(schema={**COUNTED_SCHEMA, "code": pl.String()})


def _attributed(rows: pl.DataFrame, frames: Frames) -> pl.DataFrame:
    """Who held each row's child on its date, and the child's characteristics then. Worked out
    once per distinct (child, date): snapshot indicators share their children and period ends,
    so that is a small fraction of the rows."""
    child = pl.col("child_id").fill_null("").alias("_child")
    # Rows meet their key by a 64-bit hash of the child's id and the date: joining 1.5 million
    # rows on a number is far cheaper than on text, and a collision among one council's
    # children is not credible (the timescale engine relies on the same).
    hashed = pl.col("child_id").fill_null("").hash(seed=0).alias("_hash")
    keys = rows.select(child, hashed, "on").unique(["_hash", "on"]).drop_nulls("on").sort("on")
    age = age_on(pl.col("_born"), pl.col("on"))
    keys = (
        keys.join_asof(
            _holders(frames),
            left_on="on",
            right_on="_started",
            by="_child",
            strategy="backward",
            check_sortedness=False,
        )
        .with_columns(
            # an allocation ended on the day no longer holds the child, as `open_on` and the
            # access rules read an end date
            current := (
                pl.col("_started").is_not_null()
                & (pl.col("_ended").is_null() | (pl.col("_ended") > pl.col("on")))
            )
        )
        .with_columns(
            pl.when(current).then("_team").alias("_held_team"),
            pl.when(current).then("_worker").alias("_held_worker"),
        )
        .drop("_started", "_ended", "_team", "_worker")
    )
    keys = _with_need(keys, frames).join(_children(frames), on="_child", how="left")
    keys = keys.with_columns(
        pl.when(pl.col("_child") == "")
        .then(None)
        .when(pl.col("_born").is_null() | (pl.col("_born") > pl.col("on")))
        .then(pl.lit("Unborn"))
        .when(age < 1)
        .then(pl.lit("Under 1"))
        .when(age < 5)
        .then(pl.lit("1 to 4"))
        .when(age < 10)
        .then(pl.lit("5 to 9"))
        .when(age < 16)
        .then(pl.lit("10 to 15"))
        .otherwise(pl.lit("16 and over"))
        .alias("age_band"),
    ).drop("_born")
    teams = table(frames, "team")
    team_names = dict(zip(teams["code"], teams["name"], strict=True))
    workers = table(frames, "worker")
    worker_names = dict(
        zip(
            workers["staff_id"],
            (workers["given_name"] + " " + workers["family_name"]),
            strict=True,
        )
    )
    out = (
        rows.with_columns(hashed)
        .join(keys.drop("_child"), on=["_hash", "on"], how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("team_id", "_held_team").alias("team_id"),
            pl.coalesce("worker_id", "_held_worker").alias("worker_id"),
        )
    )
    return out.with_columns(
        pl.col("team_id")
        .replace_strict(team_names, default=pl.col("team_id"), return_dtype=pl.String)
        .fill_null(NOT_ALLOCATED)
        .alias("team"),
        pl.col("worker_id")
        .replace_strict(worker_names, default=pl.col("worker_id"), return_dtype=pl.String)
        .fill_null(NOT_ALLOCATED)
        .alias("worker"),
    ).drop("_hash", "_held_team", "_held_worker")


def _holders(frames: Frames) -> pl.DataFrame:
    return (
        table(frames, "allocation")
        .filter(pl.col("role").is_in(CASE_HOLDERS))
        .select(
            pl.col("child_id").alias("_child"),
            pl.col("started_on").alias("_started"),
            pl.col("ended_on").alias("_ended"),
            pl.col("team_id").alias("_team"),
            pl.col("worker_id").alias("_worker"),
        )
        .sort("_started")
    )


def _with_need(rows: pl.DataFrame, frames: Frames) -> pl.DataFrame:
    """The primary need of the child's latest referral on or before the row's date."""
    needs = (
        table(frames, "referral")
        .select(
            pl.col("child_id").alias("_child"),
            pl.col("referred_on").alias("_referred"),
            pl.col("primary_need").replace_strict(_NEEDS, default=None).alias("primary_need"),
        )
        .filter(pl.col("primary_need").is_not_null())
        .sort("_referred")
    )
    return rows.join_asof(
        needs,
        left_on="on",
        right_on="_referred",
        by="_child",
        strategy="backward",
        check_sortedness=False,
    ).drop("_referred")


def _children(frames: Frames) -> pl.DataFrame:
    child = table(frames, "child")
    disabled = (
        table(frames, "child_disability")
        .filter(pl.col("disability") != "NONE")
        .select(pl.col("child_id").alias("_child"))
        .unique()
        .with_columns(pl.lit("Disabled").alias("disability"))
    )
    return (
        child.select(
            pl.col("child_id").alias("_child"),
            pl.col("born_on").alias("_born"),
            pl.col("sex").replace_strict(_SEX, default=NOT_RECORDED).alias("sex"),
            pl.col("ethnicity")
            .str.slice(0, 1)
            .replace_strict(_ETHNIC_GROUPS, default="Refused or not obtained")
            .alias("ethnicity_group"),
        )
        .join(disabled, on="_child", how="left")
        .with_columns(pl.col("disability").fill_null("Not disabled"))
    )


def indicator_values(
    rows: pl.DataFrame,
    definitions: Sequence[IndicatorDefinition],
    *,
    population: Mapping[str, int | None] | None = None,
    by: Sequence[str] = (),
) -> pl.DataFrame:
    """Numerator, denominator and value of each definition for each period (and breakdown):
    columns `code`, `period`, the `by` columns, `numerator`, `denominator`, `value`.

    `population` maps a period label to its children aged 0-17; a rate per 10,000 has a value
    only for the council as a whole (no population is published for a team or an age band), so
    broken down it gives its count as the numerator and no value."""
    for name in by:
        if name not in BREAKDOWNS:
            raise ValueError(f"no breakdown {name!r}; choose from {sorted(BREAKDOWNS)}")
    keys = ["code", "period", *(BREAKDOWNS[name] for name in by)]
    kinds = pl.DataFrame(
        {
            "code": [d.code for d in definitions],
            "_kind": [d.kind.value for d in definitions],
            "_decimals": [d.decimals for d in definitions],
        }
    )
    has_measure = pl.col("measure").is_not_null() & (pl.col("denominator") > 0)
    grouped = rows.group_by(keys).agg(
        pl.col("numerator").sum().alias("_num"),
        pl.col("denominator").sum().alias("_den"),
        pl.col("measure").filter(has_measure).sum().alias("_measure_sum"),
        pl.col("measure").filter(has_measure).count().alias("_measure_count"),
        pl.col("measure").filter(has_measure).mean().alias("_mean"),
        pl.col("measure").filter(has_measure).median().alias("_median"),
    )
    people = pl.DataFrame(
        {
            "period": list((population or {}).keys()),
            "_population": [float(v) if v else None for v in (population or {}).values()],
        },
        schema={"period": pl.String(), "_population": pl.Float64()},
    )
    kind = pl.col("_kind")
    den = pl.col("_den")
    measured = kind.is_in([Kind.MEAN.value, Kind.MEDIAN.value])
    value = (
        pl.when(kind == Kind.COUNT.value)
        .then(pl.col("_num"))
        .when(kind == Kind.PERCENT.value)
        .then(pl.when(den > 0).then(100.0 * pl.col("_num") / den))
        .when(kind == Kind.RATIO.value)
        .then(pl.when(den > 0).then(pl.col("_num") / den))
        .when(kind == Kind.RATE_PER_10K.value)
        .then(
            pl.when(pl.lit(not by) & (pl.col("_population") > 0)).then(
                10_000.0 * pl.col("_num") / pl.col("_population")
            )
        )
        .when(kind == Kind.MEAN.value)
        .then(pl.col("_mean"))
        .otherwise(pl.col("_median"))
    )
    return (
        grouped.join(kinds, on="code", how="inner")
        .join(people, on="period", how="left")
        .with_columns(
            pl.when(measured).then(pl.col("_measure_sum")).otherwise("_num").alias("numerator"),
            pl.when(measured)
            .then(pl.col("_measure_count").cast(pl.Float64))
            .when(kind == Kind.RATE_PER_10K.value)
            .then(pl.when(pl.lit(not by)).then(pl.col("_population") / 10_000.0))
            .otherwise(den)
            .alias("denominator"),
            value.alias("value"),
        )
        .select(*keys, "numerator", "denominator", "value")
        .sort(keys)
    )


def children_counted(
    rows: pl.DataFrame, *, code: str, period: str, where: Mapping[str, str] | None = None
) -> pl.DataFrame:
    """The rows behind one number: each child (or worker) counted, whether in the numerator
    and the denominator, with the item and date, team and worker, and characteristics."""
    selected = rows.filter((pl.col("code") == code) & (pl.col("period") == period))
    for name, wanted in (where or {}).items():
        selected = selected.filter(pl.col(BREAKDOWNS[name]) == wanted)
    return selected.with_columns(
        (pl.col("numerator") > 0).alias("in_numerator"),
        (pl.col("denominator") > 0).alias("in_denominator"),
    ).sort("in_numerator", "on", "child_id", descending=[True, False, False], nulls_last=True)


def latest_day(periods: Sequence[Period]) -> dt.date:
    return max(period.end for period in periods)
