"""What an indicator is: its definition, declared up front, and the rows it counts.

A definition's `compute(frames, periods)` returns the *counted rows* (`COUNTED_SCHEMA`): one row
per thing counted (a referral, a plan, a child looked after at 31 March, a worker) per period,
with its contribution to the numerator and the denominator. The engine adds up the rows into
values, breaks them down by team, worker and the child's characteristics, and lists the children
behind each number, so no definition repeats any of that.

`periods` is a frame of `period` (label), `start` and `end` (dates, inclusive). A snapshot
indicator counts what is open on `end`; a during-period one what happens from `start` to `end`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import polars as pl

Frames = Mapping[str, pl.DataFrame]


class Unit(StrEnum):
    PERCENT = "percent"
    RATE_PER_10K = "rate_per_10k"  # per 10,000 children aged 0-17 (ONS mid-year estimate)
    COUNT = "count"
    DAYS = "days"
    SCORE = "score"
    RATIO = "ratio"  # e.g. cases per social worker, incidents per missing child


class Polarity(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    NEITHER = "neither"  # context or demand: no direction is better


class PeriodKind(StrEnum):
    SNAPSHOT = "snapshot"  # what is open at the period's end (e.g. 31 March)
    DURING = "during"  # what happens during the period


class Kind(StrEnum):
    """How the counted rows become a value."""

    COUNT = "count"  # sum of numerator
    PERCENT = "percent"  # 100 * sum of numerator / sum of denominator
    RATIO = "ratio"  # sum of numerator / sum of denominator
    RATE_PER_10K = "rate_per_10k"  # sum of numerator / population 0-17 * 10,000
    MEAN = "mean"  # mean of `measure` over rows in the denominator with a measure
    MEDIAN = "median"  # median of the same


class Area(StrEnum):
    FRONT_DOOR = "front_door"
    ASSESSMENT = "assessment"
    CHILDREN_IN_NEED = "children_in_need"
    CHILD_PROTECTION = "child_protection"
    LOOKED_AFTER = "looked_after"
    ADOPTION = "adoption"
    CARE_LEAVERS = "care_leavers"
    WORKFORCE = "workforce"
    OVERSIGHT = "oversight"
    OTHER = "other"


AREA_TITLES = {
    Area.FRONT_DOOR: "Front door: contacts and referrals",
    Area.ASSESSMENT: "Assessment",
    Area.CHILDREN_IN_NEED: "Children in need",
    Area.CHILD_PROTECTION: "Child protection",
    Area.LOOKED_AFTER: "Children looked after",
    Area.ADOPTION: "Adoption",
    Area.CARE_LEAVERS: "Care leavers",
    Area.WORKFORCE: "Workforce and caseloads",
    Area.OVERSIGHT: "Management oversight and quality",
    Area.OTHER: "Other",
}

# The rows every `compute` returns. `child_id` is null for a row that is not a child (a worker);
# `team_id` / `worker_id` are filled only where the definition knows better than the child's
# allocation on `on` (an obligation's responsible worker; a worker's own team).
COUNTED_SCHEMA: dict[str, pl.DataType] = {
    "period": pl.String(),
    "child_id": pl.String(),
    "item": pl.String(),  # what is counted: a referral's key, a plan's key, a child's id
    "numerator": pl.Float64(),  # this row's contribution (usually 1.0 or 0.0)
    "denominator": pl.Float64(),  # usually 1.0; 0.0 for a row listed but not in the base
    "measure": pl.Float64(),  # the row's value for MEAN / MEDIAN (days, a score)
    "on": pl.Date(),  # the date the row is attributed to a team and worker, and ages taken at
    "team_id": pl.String(),
    "worker_id": pl.String(),
}

Compute = Callable[[Frames, pl.DataFrame], pl.DataFrame]


@dataclass(frozen=True, kw_only=True)
class Benchmark:
    """The published equivalent: a LAIT measure (`Short Desc`) in the indicator's own unit.

    `year_offset` maps the period's collection year (ending 31 March) to LAIT's `Years`:
    workforce figures are a 30 September snapshot, and 2016-17 holds 30 September 2016,
    which LAIT labels 2016, so those use -1."""

    lait: str
    year_offset: int = 0
    note: str = ""
    # False where the measure grows with the length of the period although it is a share
    # (children with 3+ placements, or who went missing, *during* it): a quarter's value is
    # then not comparable with the published year's, and no comparator is drawn beside it.
    shorter_periods: bool = True


@dataclass(frozen=True, kw_only=True)
class IndicatorDefinition:
    code: str  # stable snake_case, the module name
    ref: str  # the catalogue ID in indicators.md (FD-04), or LOCAL-… for local measures
    title: str
    description: str  # plain English: what is counted, over what, and the source
    source: str  # who publishes it, or "local"
    area: Area
    unit: Unit
    polarity: Polarity
    period_kind: PeriodKind
    kind: Kind
    inputs: tuple[str, ...]  # frame names; "obligations" is the timescale engine's output
    compute: Compute
    # The timescale engine's rules it reads, when its inputs name "obligations": a run asks
    # the engine for these only.
    rules: tuple[str, ...] = ()
    benchmark: Benchmark | None = None
    version: int = 1
    decimals: int = 1

    def __post_init__(self) -> None:
        if not self.code.isidentifier() or self.code.lower() != self.code:
            raise ValueError(f"indicator code {self.code!r} must be snake_case")
        if self.unit is Unit.RATE_PER_10K and self.kind is not Kind.RATE_PER_10K:
            raise ValueError(f"{self.code}: a rate per 10,000 must be computed as one")
        if ("obligations" in self.inputs) != bool(self.rules):
            raise ValueError(
                f"{self.code}: an indicator reading obligations names their rules, and only it"
            )
