"""A synthetic council's pack against that council's published figures.

The synthesiser is calibrated to Walsall's 2016-17 LAIT figures, so the indicators computed
from its records should land near them: this checks the definitions and the calibration
together (each from its own reading of DfE's definitions), and that the comparators shown are
DfE's own numbers."""

import pytest

from lineofsight.conftest import council
from lineofsight.core.domain.published import find_council
from lineofsight.indicators.domain.benchmarks import comparators
from lineofsight.indicators.domain.periods import period_parse
from lineofsight.reports.domain.packs import packs_load
from lineofsight.reports.domain.scorecard import scorecard_build

pytestmark = pytest.mark.slow

# code: (LAIT published 2016-17 for Walsall, tolerance)
CALIBRATED = {
    "referrals_rate": (694.4, 0.05),  # relative
    "cin_rate": (392.3, 0.05),
    "s47_rate": (218.9, 0.05),
    "cpp_rate": (50.4, 0.08),
    "cla_rate": (97.0, 0.05),
    "rereferrals_12m_pct": (21.7, 0.12),
    "assessments_45wd_pct": (96.9, 0.04),
    "icpc_15wd_pct": (92.6, 0.05),
}


@pytest.fixture(scope="module")
def card():
    packs = packs_load()
    return scorecard_build(
        pack=packs["monthly-performance-board"],
        period=period_parse("2016-17"),
        frames=council("Walsall", 2017).frames,
        council=find_council("Walsall"),
        source="synthetic Walsall",
    )


def test_calibrated_measures_land_near_walsalls_published_figures(card):
    lines = {line.code: line for line in card.lines}
    for code, (published, tolerance) in CALIBRATED.items():
        line = lines[code]
        assert line.published == pytest.approx(published), code
        assert line.value == pytest.approx(published, rel=tolerance), code


def test_comparators_shown_are_dfes_figures(card):
    line = next(line for line in card.lines if line.code == "cpp_rate")
    found = comparators(measure="CPP_rate", year=2017, la_number=335, polarity="neither")
    assert line.comparators is not None
    assert line.comparators.england == found.england == 43.8  # indicators.md CP-07
    assert line.comparators.neighbours_mean == pytest.approx(56.8, abs=0.05)


def test_the_trend_has_twelve_points_with_comparators_for_each_rolling_year(card):
    line = next(line for line in card.lines if line.code == "rereferrals_12m_pct")
    assert len(line.trend) == 12
    assert line.trend[-1].period == "12 months to 2017-03"
    assert line.trend[-1].value == pytest.approx(line.value)
    assert all(point.england is not None for point in line.trend)


def test_a_team_pack_has_no_rates_and_no_comparators():
    pack = packs_load()["frontline-team"]
    frames = council("Walsall", 2017).frames
    team = frames["team"].filter(frames["team"]["service_area"] == "children_in_care")["code"][0]
    card = scorecard_build(
        pack=pack,
        period=period_parse("2017-03"),
        frames=frames,
        council=find_council("Walsall"),
        source="synthetic Walsall",
        team=team,
    )
    assert card.team_name
    assert all(line.comparators is None for line in card.lines)
    visits = next(line for line in card.lines if line.code == "cla_visits_on_time_pct")
    assert visits.denominator
    assert visits.denominator > 0
    assert set(card.rows["team_id"].unique().to_list()) == {team}


def test_quarterly_trends_draw_comparators_only_where_they_mean_the_same():
    card = scorecard_build(
        pack=packs_load()["corporate-parenting"],
        period=period_parse("2016-17"),
        frames=council("Walsall", 2017).frames,
        council=find_council("Walsall"),
        source="synthetic Walsall",
    )
    lines = {line.code: line for line in card.lines}
    # Children looked after on a quarter's last day, per 10,000: the published 31 March
    # figure compares on any day (LAIT's series begins with 2015-16).
    later = [p for p in lines["cla_rate"].trend if not p.period.startswith("2014-15")]
    assert len(later) == 8
    assert all(point.england is not None for point in later)
    # 3 or more placements *during* a quarter is not the published year's measure.
    assert all(point.england is None for point in lines["cla_placements_3plus_pct"].trend)
    assert lines["cla_placements_3plus_pct"].comparators is not None  # the year itself
    # Children starting care in a quarter, per 10,000, grows with the period.
    assert all(point.england is None for point in lines["cla_started_rate"].trend)
