"""headline_counts on tiny hand-built frames: each rule in its docstring, one child at a time."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from lineofsight.core.domain.rates import rate_per_10k
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_conform
from lineofsight.journey.domain.headline import headline_counts

AS_OF = dt.date(2017, 3, 31)
D = dt.date


def _children(rows: list[tuple[str, dt.date | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "child_id": [r[0] for r in rows],
            "given_name": ["A"] * len(rows),
            "family_name": ["B"] * len(rows),
            "sex": ["F"] * len(rows),
            "born_on": [r[1] for r in rows],
            "ethnicity": ["WBRI"] * len(rows),
            "is_uasc": [False] * len(rows),
            "motherhood_recorded": [False] * len(rows),
        }
    )


def _referrals(rows: list[tuple[str, str, dt.date, dt.date | None, bool]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "key": [r[0] for r in rows],
            "child_id": [r[1] for r in rows],
            "referred_on": [r[2] for r in rows],
            "closed_on": [r[3] for r in rows],
            "closure_reason": ["RC7" if r[3] else None for r in rows],
            "is_nfa": [r[4] for r in rows],
            "source": ["6"] * len(rows),
        }
    )


def _episodes(rows: list[tuple[str, str, dt.date, dt.date | None, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "key": [r[0] for r in rows],
            "child_id": [r[1] for r in rows],
            "started_on": [r[2] for r in rows],
            "ended_on": [r[3] for r in rows],
            "reason_new": [r[5] for r in rows],
            "legal_status": [r[4] for r in rows],
            "category_of_need": ["N1"] * len(rows),
            "placement_type": ["U6"] * len(rows),
            "reason_ceased": [None if r[3] is None else "E8" for r in rows],
        }
    )


@pytest.fixture
def frames() -> dict[str, pl.DataFrame]:
    children = _children(
        [
            ("OPEN", D(2010, 1, 1)),
            ("NFA", D(2010, 1, 1)),
            ("CLOSEDTODAY", D(2010, 1, 1)),
            ("CLOSESLATER", D(2010, 1, 1)),
            ("TWICE", D(2010, 1, 1)),
            ("UNBORN", None),
            ("CARE", D(2008, 1, 1)),
            ("SHORTBREAK", D(2008, 1, 1)),
            ("MOVED", D(2005, 1, 1)),
            ("LEAVER19", D(1997, 6, 1)),
            ("LEAVER21", D(1996, 1, 1)),
            ("TOOOLD", D(1994, 1, 1)),
            ("STILL17", D(1999, 5, 1)),
            ("LEFTAT14", D(1998, 1, 1)),
            ("SHORTSTAY", D(1998, 6, 1)),
            ("BREAKSONLY", D(1998, 1, 1)),
        ]
    )
    referrals = _referrals(
        [
            ("R1", "OPEN", D(2017, 1, 10), None, False),
            ("R2", "NFA", D(2017, 3, 31), D(2017, 3, 31), True),
            ("R3", "CLOSEDTODAY", D(2016, 12, 1), D(2017, 3, 31), False),
            ("R4", "CLOSESLATER", D(2016, 12, 1), D(2017, 4, 2), False),
            ("R5", "TWICE", D(2015, 1, 1), D(2015, 6, 1), False),
            ("R6", "TWICE", D(2016, 6, 1), None, False),
            ("R7", "UNBORN", D(2017, 2, 1), None, False),
            ("R8", "CARE", D(2016, 1, 1), None, False),
            ("R9", "MOVED", D(2016, 1, 1), None, False),
            ("R10", "OPEN", D(2017, 4, 1), None, False),  # after the date: not yet
        ]
    )
    plans = pl.DataFrame(
        {
            "key": ["P1", "P2", "P3"],
            "referral_id": ["R1", "R4", "R6"],
            "started_on": [D(2017, 2, 1), D(2017, 1, 1), D(2016, 7, 1)],
            "ended_on": [None, D(2017, 3, 31), None],
            "initial_category": ["NEG"] * 3,
            "latest_category": ["NEG"] * 3,
            "previous_plans_count": [0, 0, 0],
        }
    )
    episodes = _episodes(
        [
            ("E1", "CARE", D(2016, 2, 1), None, "C2", "S"),
            ("E2", "SHORTBREAK", D(2017, 3, 30), None, "V3", "S"),
            ("E3", "MOVED", D(2016, 1, 1), D(2016, 6, 1), "C1", "S"),
            ("E4", "MOVED", D(2016, 6, 1), None, "C2", "P"),
            ("E5", "LEAVER19", D(2012, 1, 1), D(2015, 6, 1), "C2", "S"),
            ("E6", "LEAVER21", D(2011, 1, 1), D(2014, 1, 1), "V2", "S"),
            ("E7", "TOOOLD", D(2009, 1, 1), D(2012, 1, 1), "C2", "S"),
            ("E8", "STILL17", D(2013, 1, 1), D(2015, 11, 1), "C2", "S"),
            ("E9", "LEFTAT14", D(2010, 1, 1), D(2012, 6, 1), "C2", "S"),
            ("E10", "SHORTSTAY", D(2014, 5, 1), D(2014, 7, 1), "V2", "S"),
            ("E11", "BREAKSONLY", D(2013, 1, 1), D(2015, 1, 1), "V3", "S"),
        ]
    )
    return frames_conform(
        TABLES,
        {"child": children, "referral": referrals, "cp_plan": plans, "cla_episode": episodes},
    )


def test_children_in_need(frames: dict[str, pl.DataFrame]) -> None:
    # OPEN, CLOSESLATER, TWICE (once), UNBORN, CARE, MOVED; not NFA, not CLOSEDTODAY
    assert headline_counts(frames, AS_OF)["children_in_need"] == 6


def test_on_cp_plan(frames: dict[str, pl.DataFrame]) -> None:
    # P1 (OPEN) and P3 (TWICE); P2 ended on the date
    assert headline_counts(frames, AS_OF)["on_cp_plan"] == 2


def test_looked_after_excludes_short_breaks(frames: dict[str, pl.DataFrame]) -> None:
    # CARE and MOVED (two episodes, counted once); SHORTBREAK's open episode is V3
    assert headline_counts(frames, AS_OF)["looked_after"] == 2


def test_care_leavers(frames: dict[str, pl.DataFrame]) -> None:
    # LEAVER19 and LEAVER21: 18-21, left care at 16+ after 13 weeks since 14.
    # Not: TOOOLD (23), STILL17 (under 18), LEFTAT14, SHORTSTAY (61 days), BREAKSONLY (V3).
    assert headline_counts(frames, AS_OF)["care_leavers"] == 2


def test_counts_move_with_the_date(frames: dict[str, pl.DataFrame]) -> None:
    counts = headline_counts(frames, D(2017, 4, 1))
    assert counts["children_in_need"] == 6  # OPEN is counted once with R1 and R10 open
    assert headline_counts(frames, D(2017, 4, 2))["children_in_need"] == 5  # CLOSESLATER
    assert counts["on_cp_plan"] == 2
    assert headline_counts(frames, D(2016, 6, 30))["on_cp_plan"] == 0


def test_empty_frames_count_nothing() -> None:
    empty = frames_conform(TABLES, {})
    assert headline_counts(empty, AS_OF) == {
        "children_in_need": 0,
        "on_cp_plan": 0,
        "looked_after": 0,
        "care_leavers": 0,
    }


def test_rate_per_10k() -> None:
    """The published rounding (one place); no population, no rate."""
    assert rate_per_10k(333, 66_044) == pytest.approx(50.4, abs=0.01)
    assert rate_per_10k(5, 0) is None
