"""Published figures: council lookup, year labels, fallbacks."""

from __future__ import annotations

import pytest

from lineofsight.core.domain.published import (
    UnknownCouncilError,
    _year_of,
    all_councils,
    council_figures,
    find_council,
)


def test_find_council_by_name_number_or_code() -> None:
    walsall = find_council("Walsall")
    assert walsall.la_number == "335"
    assert walsall.la_code == "E08000030"
    assert walsall.region == "West Midlands"
    assert find_council("walsall") == walsall
    assert find_council("335") == walsall
    assert find_council("E08000030") == walsall
    assert find_council("Bristol").name == "Bristol, City of"
    assert find_council("County Durham").name == "Durham"


def test_unknown_council_lists_close_matches() -> None:
    with pytest.raises(
        UnknownCouncilError, match=r"Unknown council 'Walsal'\. Did you mean: Walsall"
    ):
        find_council("Walsal")
    with pytest.raises(ValueError, match="Did you mean"):
        find_council("Leedz")


def test_walsall_2017_published_figures() -> None:
    figures = council_figures(find_council("Walsall"), 2017)
    assert figures.cla_rate == 97
    assert figures.cpp_rate == pytest.approx(50.4)
    assert figures.cin_rate == pytest.approx(392.3)
    assert figures.s47_rate == pytest.approx(218.9)
    assert figures.icpc_15wd_pct == pytest.approx(92.6)
    assert figures.care_leaver_eet_pct == 43
    assert figures.care_leaver_accommodation_pct == 85
    # ONS mid-2016 estimate of children aged 0-17, as DfE's 2016-17 rates use
    assert figures.population == 66044
    assert figures.population_year == 2016
    assert figures.count(figures.cpp_rate) == pytest.approx(333, abs=1)


def test_missing_values_fall_back_and_are_recorded() -> None:
    figures = council_figures(find_council("Walsall"), 2017)
    # LAIT has no 2017 "not in touch" figure for Walsall ("-"): the region's is used.
    assert figures.fallback_fields["care_leaver_not_in_touch_pct"] == "region"
    # A council that did not exist in 2017 borrows everything and says so.
    dorset = council_figures(find_council("Dorset (Pre LG)"), 2017)
    assert dorset.fallback_fields["cin_rate"] == "region"
    assert "population" in dorset.fallback_fields


@pytest.mark.parametrize(
    ("label", "year"),
    [
        ("2017", 2017),
        ("2016-17", 2017),
        ("2016/17", 2017),
        ("2016-17 (OT)", 2017),
        ("2017 (Rev)", 2017),
        ("2025 (prov)", 2025),
    ],
)
def test_year_labels(label: str, year: int) -> None:
    parsed = _year_of(label)
    assert parsed is not None
    assert parsed[0] == year


@pytest.mark.parametrize("label", ["2014-16", "2015/16-17/18", "0", "2014/15-16/17"])
def test_multi_year_labels_are_ignored(label: str) -> None:
    assert _year_of(label) is None


def test_all_councils() -> None:
    councils = all_councils(2017)
    names = {council.name for council in councils}
    assert 145 <= len(councils) <= 155
    assert {"Walsall", "Leeds", "Cornwall"} <= names
    assert "North Northamptonshire" not in names  # did not exist in 2017
    assert len({council.la_number for council in councils}) == len(councils)
