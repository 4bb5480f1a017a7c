"""Rules over a care leaver's whole history (1001, 1002) read the earlier episodes where the
return carries them (the records' return does), and only two years where it does not."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.history import (
    EARLIER,
    episodes_earlier_table,
    episodes_known,
)
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.tests.ssda903_builders import Rows, ssda903, valid_return


def _cla_episodes(*rows: tuple[str, str, str | None, str | None]) -> pl.DataFrame:
    """Journey-frame episodes: (child, started_on, ended_on, reason_ceased)."""
    return pl.DataFrame(
        {
            "child_id": [r[0] for r in rows],
            "started_on": [dt.date.fromisoformat(r[1]) for r in rows],
            "ended_on": [dt.date.fromisoformat(r[2]) if r[2] else None for r in rows],
            "reason_new": ["S"] * len(rows),
            "legal_status": ["C2"] * len(rows),
            "placement_type": ["U4"] * len(rows),
            "reason_ceased": [r[3] for r in rows],
        }
    )


def _with_earlier(rows: Rows, earlier: pl.DataFrame | None) -> Return:
    previous = ssda903(valid_return(), year=2024)
    current = ssda903(rows)
    tables = dict(current.tables)
    if earlier is not None:
        tables[EARLIER] = earlier
    return Return(kind="ssda903", year=2025, tables=tables, previous=previous)


def test_earlier_episodes_are_those_ended_before_last_years_return() -> None:
    frame = _cla_episodes(
        ("C2", "2020-05-01", "2023-03-31", "E8"),  # ended before 1 April 2023: earlier
        ("C2", "2023-03-31", "2023-04-01", "E8"),  # in last year's return
        ("C3", "2023-01-01", None, None),  # open: in last year's return
    )
    earlier = episodes_earlier_table(frame, year=2025)
    assert earlier.select("CHILD", "DECOM", "DEC", "REC").to_dicts() == [
        {
            "CHILD": "C2",
            "DECOM": dt.date(2020, 5, 1),
            "DEC": dt.date(2023, 3, 31),
            "REC": "E8",
        }
    ]
    assert earlier["row"].to_list() == [0]


def test_episodes_known_counts_an_episode_in_two_returns_once() -> None:
    ret = _with_earlier(valid_return(), None)
    known = episodes_known(ret, "DEC")
    # the valid return's two episodes are in both this year's and last year's return
    assert known.height == 2
    assert set(known.columns) == {"CHILD", "DECOM", "DEC"}


def test_1002_care_leaver_with_only_earlier_care() -> None:
    rule = SSDA903_RULES["1002"]
    # C2, the valid return's care leaver, has no episode in either year: two years flag her
    assert validate(_with_earlier(valid_return(), None), [rule]).failures["child_id"].to_list() == [
        "C2"
    ]
    care = _cla_episodes(("C2", "2020-05-01", "2023-01-01", "E8"))
    earlier = episodes_earlier_table(care, year=2025)
    assert validate(_with_earlier(valid_return(), earlier), [rule]).failures.is_empty()
    # an earlier episode of another child does not help her
    other = episodes_earlier_table(
        _cla_episodes(("C9", "2020-05-01", "2023-01-01", "E8")), year=2025
    )
    assert validate(_with_earlier(valid_return(), other), [rule]).failures.height == 1


def test_1001_tests_care_leavers_of_20_when_the_history_is_whole() -> None:
    rule = SSDA903_RULES["1001"]
    rows = valid_return()
    # C2 is 20 at 31 March 2025: born 01/06/2004
    rows["Header"][1]["DOB"] = "01/06/2004"
    rows["OC3"][0]["DOB"] = "01/06/2004"
    # two years only: too old to tell, not tested
    assert validate(_with_earlier(rows, None), [rule]).failures.is_empty()
    # whole history, looked after from 14 to 16 and a half: relevant, passes
    relevant = _cla_episodes(("C2", "2018-06-01", "2020-12-01", "E8"))
    assert validate(
        _with_earlier(rows, episodes_earlier_table(relevant, year=2025)), [rule]
    ).failures.is_empty()
    # whole history, looked after only at 12 for a month: not relevant, fails
    brief = _cla_episodes(("C2", "2016-06-01", "2016-07-01", "E8"))
    failures = validate(
        _with_earlier(rows, episodes_earlier_table(brief, year=2025)), [rule]
    ).failures
    assert failures.select("child_id", "table").to_dicts() == [{"child_id": "C2", "table": "OC3"}]
