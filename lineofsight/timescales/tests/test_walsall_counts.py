"""The engine on a whole synthetic council, against counts made independently here.

Each count walks the records row by row in plain Python with the single-date calendar
functions (no Polars, no engine code), so a fault in the engine's vectorised joins, chains or
lapsing shows up as a different number.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import polars as pl
import pytest

from lineofsight.synth.council import SyntheticCouncil
from lineofsight.timescales.domain.calendar import add_working_days
from lineofsight.timescales.domain.engine import obligations

pytestmark = pytest.mark.slow
AS_OF = dt.date(2017, 3, 31)


@pytest.fixture(scope="module")
def found(walsall: SyntheticCouncil) -> pl.DataFrame:
    return obligations(walsall.frames, as_of=AS_OF)


def _engine_statuses(found: pl.DataFrame, *rules: str) -> Counter[str]:
    rows = found.filter(pl.col("rule").cast(pl.String).is_in(rules))
    return Counter(rows["status"].cast(pl.String).to_list())


def _status(due: dt.date, met: dt.date | None, ended: dt.date | None) -> str | None:
    """The status on AS_OF, or None for a clock that lapsed (its context closed first)."""
    if met is not None:
        return "met_on_time" if met <= due else "met_late"
    if ended is not None and ended < due:
        return None
    if due < AS_OF:
        return "missed" if ended is not None else "overdue"
    return "due_soon" if due <= AS_OF + dt.timedelta(days=7) else "not_yet_due"


def _known(day: Any) -> dt.date | None:
    return day if day is not None and day <= AS_OF else None


def test_assessments_from_their_own_start(walsall: SyntheticCouncil, found: pl.DataFrame) -> None:
    closed = {r["key"]: _known(r["closed_on"]) for r in walsall.frames["referral"].to_dicts()}
    counted: Counter[str] = Counter()
    for assessment in walsall.frames["assessment"].to_dicts():
        if assessment["started_on"] > AS_OF:
            continue
        due = add_working_days(assessment["started_on"], 45)
        status = _status(
            due, _known(assessment["authorised_on"]), closed[assessment["referral_id"]]
        )
        if status:
            counted[status] += 1
    assert sum(counted.values()) > 10_000
    assert _engine_statuses(found, "T-04b") == counted


def test_cp_visits_chain_from_each_actual_visit(
    walsall: SyntheticCouncil, found: pl.DataFrame
) -> None:
    child_of = {r["key"]: r["child_id"] for r in walsall.frames["referral"].to_dicts()}
    visits: dict[str, list[dt.date]] = defaultdict(list)
    for visit in walsall.frames["visit"].to_dicts():
        if visit["kind"] in ("cp", "pre_birth") and visit["visited_on"] <= AS_OF:
            visits[visit["child_id"]].append(visit["visited_on"])
    counted: Counter[str] = Counter()
    for plan in walsall.frames["cp_plan"].to_dicts():
        if plan["started_on"] > AS_OF:
            continue
        ended = _known(plan["ended_on"])
        inside = sorted(
            day
            for day in visits[child_of[plan["referral_id"]]]
            if day >= plan["started_on"] and (ended is None or day <= ended)
        )
        starts = [plan["started_on"], *inside]
        for number, start in enumerate(starts):
            met = starts[number + 1] if number + 1 < len(starts) else None
            status = _status(add_working_days(start, 10), met, ended)
            if status:
                counted[status] += 1
    assert sum(counted.values()) > 30_000
    assert _engine_statuses(found, "T-20") == counted


def test_first_looked_after_reviews_of_each_period_of_care(
    walsall: SyntheticCouncil, found: pl.DataFrame
) -> None:
    episodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for episode in walsall.frames["cla_episode"].sort("started_on").to_dicts():
        if episode["legal_status"] not in ("V3", "V4") and episode["started_on"] <= AS_OF:
            episodes[episode["child_id"]].append(episode)
    reviews: dict[str, list[dt.date]] = defaultdict(list)
    for review in walsall.frames["cla_review"].to_dicts():
        if review["held_on"] <= AS_OF:
            reviews[review["child_id"]].append(review["held_on"])
    counted: Counter[str] = Counter()
    for child_id, spells in episodes.items():
        periods: list[list[dt.date | None]] = []
        for spell in spells:
            if periods and periods[-1][1] == spell["started_on"]:
                periods[-1][1] = _known(spell["ended_on"])
            else:
                periods.append([spell["started_on"], _known(spell["ended_on"])])
        for start, ended in periods:
            assert start is not None
            held = sorted(
                day for day in reviews[child_id] if day >= start and (ended is None or day <= ended)
            )
            status = _status(add_working_days(start, 20), held[0] if held else None, ended)
            if status:
                counted[status] += 1
    assert sum(counted.values()) > 1_000
    assert _engine_statuses(found, "T-39") == counted


def test_the_engines_declared_columns_are_all_it_reads(
    walsall: SyntheticCouncil, found: pl.DataFrame
) -> None:
    """Readers load only `INPUT_COLUMNS`; the engine must give the same answer from them."""
    from lineofsight.journey.domain.frame_schema import TABLES
    from lineofsight.timescales.domain.engine import input_tables

    cut = {
        name: walsall.frames[name].select([c.name for c in table.columns])
        for name, table in input_tables(TABLES).items()
    }
    assert obligations(cut, as_of=AS_OF).equals(found)
