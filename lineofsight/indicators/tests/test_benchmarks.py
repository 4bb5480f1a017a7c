"""Comparators against DfE's own figures: the worked examples of indicators.md §0.4."""

import pytest

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.indicators.domain.benchmarks import (
    comparators,
    neighbour_model_for,
    neighbour_models,
    quartile_band,
)

WALSALL, WOLVERHAMPTON, SANDWELL = 335, 336, 333


@pytest.mark.parametrize(
    ("measure", "walsall", "wolverhampton", "sandwell"),
    [
        # indicators.md §0.4: "Statistical-neighbour averages for 2016-17 [computed]", the mean
        # of the 10 neighbours under the 2021 model, from LAIT.
        ("CPP_Total_Rateper10,000", 683.1, 736.5, 781.9),
        ("ReReferral", 21.4, 23.0, 22.6),
        ("Continue_Assess_Comp", 79.6, 82.3, 86.7),
        ("CIN", 410.8, 428.4, 445.8),
        ("Section_47", 209.8, 219.6, 234.1),
        ("CP_conf_15days", 81.8, 79.6, 83.9),
        ("CPP_rate", 56.8, 55.8, 57.8),
        ("PrevRegCPR", 17.4, 18.9, 18.3),
        ("LAC", 88.5, 83.3, 86.7),
        ("LACStable_2016on", 9.0, 9.8, 9.8),
        ("CareLeaverEET", 50.7, 46.7, 50.2),
        ("CareLeaverAcc", 86.2, 82.6, 86.2),
    ],
)
def test_statistical_neighbour_means_match_the_published_worked_examples(
    measure, walsall, wolverhampton, sandwell
):
    for number, expected in (
        (WALSALL, walsall),
        (WOLVERHAMPTON, wolverhampton),
        (SANDWELL, sandwell),
    ):
        found = comparators(measure=measure, year=2017, la_number=number, polarity="lower")
        assert found.neighbours_mean == pytest.approx(expected, abs=0.05), (measure, number)
        assert found.neighbours_counted == 10


def test_workforce_neighbour_means_for_30_september_2017():
    found = comparators(
        measure="Work_Force_AvgNumCase_SW", year=2017, la_number=WALSALL, polarity="lower"
    )
    assert found.neighbours_mean == pytest.approx(18.6, abs=0.05)


def test_england_region_and_the_council_come_from_lait():
    # indicators.md FD-04: 553.6 | 654.4 | 694.4 (England | West Midlands | Walsall), 2016-17.
    found = comparators(
        measure="CPP_Total_Rateper10,000", year=2017, la_number=WALSALL, polarity="neither"
    )
    assert (found.england, found.region, found.council) == (553.6, 654.4, 694.4)
    assert found.region_name == "West Midlands"
    assert "applied back" in found.neighbour_model


def test_walsalls_2021_neighbours_are_the_published_list():
    names = {"Derby": 831, "Rochdale": 354, "Peterborough": 874, "Stoke-on-Trent": 861}
    neighbours = neighbour_models(DATA_ROOT)["April 2021"][WALSALL]
    assert len(neighbours) == 10
    assert set(names.values()) <= set(neighbours)


def test_the_may_2025_model_serves_2024_25_on():
    assert neighbour_model_for(2024) == "April 2021"
    assert neighbour_model_for(2025) == "May 2025"
    # indicators.md §0.4: under the 2025 model Walsall's neighbours include Wolverhampton.
    assert WOLVERHAMPTON in neighbour_models(DATA_ROOT)["May 2025"][WALSALL]
    assert WOLVERHAMPTON not in neighbour_models(DATA_ROOT)["April 2021"][WALSALL]


@pytest.mark.parametrize(
    ("value", "polarity", "band"),
    [
        (10.0, "lower", "A"),  # at the lowest quartile's top: still the best band
        (10.1, "lower", "B"),
        (30.0, "lower", "C"),
        (31.0, "lower", "D"),
        (31.0, "higher", "A"),
        (30.0, "higher", "A"),  # at the top quartile's floor: the best band
        (20.0, "higher", "B"),
        (19.9, "higher", "C"),
        (9.9, "higher", "D"),
        (20.0, "neither", None),
        (None, "lower", None),
    ],
)
def test_quartile_band_a_is_always_the_best_quartile(value, polarity, band):
    assert quartile_band(value, (10.0, 20.0, 30.0), polarity) == band


def test_a_councils_band_is_read_against_every_council_that_year():
    # Walsall's re-referral rate 21.7 % sat above England's median council in 2016-17.
    found = comparators(measure="ReReferral", year=2017, la_number=WALSALL, polarity="lower")
    assert found.quartiles is not None
    low, middle, high = found.quartiles
    assert low < middle < high
    assert middle < 21.7 <= high
    assert found.quartile_band == "C"
