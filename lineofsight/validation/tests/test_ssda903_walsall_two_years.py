"""Synthetic Walsall's SSDA903 for 2017-18 with 2016-17 as last year's: the records' return
has no errors under any rule, and the same return read from its CSV files (two years only)
errs only where DfE's note says a two-year check must: care leavers whose care ended before
last year's return (1001, 1002)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from lineofsight.conftest import council
from lineofsight.returns.ssda903.export import ssda903_write
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.validation.engine.run import validate
from lineofsight.validation.rulesets import ruleset
from lineofsight.validation.ssda903.history import EARLIER
from lineofsight.validation.ssda903.records import records_return
from lineofsight.validation.ssda903.tables import ssda903_return_from_files

YEAR = 2018


@pytest.fixture(scope="module")
def walsall_2018() -> SyntheticCouncil:
    return council("Walsall", YEAR)


def _needs_what_the_records_lack(code: str) -> bool:
    """Ofsted's provider list, the XML form's Header UASC flag, or (before 2023-24) the
    social worker table: what a 2017-18 return from the records cannot carry."""
    rule = next(r for r in ruleset("ssda903", YEAR) if r.code == code)
    return "ProviderInfo" in rule.tables or "SWEpisodes" in rule.tables or bool(rule.columns)


def test_records_return_has_no_errors(walsall_2018: SyntheticCouncil) -> None:
    ret = records_return(walsall_2018.frames, year=YEAR, la_code=walsall_2018.info.la_code)
    assert ret.previous is not None
    assert ret.previous.year == YEAR - 1
    assert ret.table(EARLIER).height > 0
    result = validate(ret, ruleset("ssda903", YEAR))
    assert result.errors.is_empty(), result.errors.head(20).to_dicts()
    assert result.skipped
    assert all(_needs_what_the_records_lack(code) for code in result.skipped), result.skipped
    # the rules comparing the two years ran
    for code in ("202", "203", "502", "503A", "576", "1001", "1002"):
        assert code not in result.skipped, code


def test_two_years_of_files_err_only_on_earlier_care(
    walsall_2018: SyntheticCouncil, tmp_path: Path
) -> None:
    frames = walsall_2018.frames
    ssda903_write(frames, year=YEAR, out=tmp_path / "current")
    ssda903_write(frames, year=YEAR - 1, out=tmp_path / "previous")
    ret = ssda903_return_from_files([tmp_path / "current"], previous_paths=[tmp_path / "previous"])
    errors = validate(ret, ruleset("ssda903", YEAR)).errors
    assert set(errors["rule"]) <= {"1001", "1002"}
    # each is a care leaver with care before last year's return, which the records hold
    flagged = errors["child_id"].unique()
    earlier = records_return(frames, year=YEAR).table(EARLIER)
    assert flagged.is_in(earlier["CHILD"].implode()).all()
    assert errors.filter(pl.col("rule") == "1002").height > 0
