"""The engine: attribution to teams and workers, breakdowns and the children behind a number."""

import datetime as dt

import pytest

from lineofsight.indicators.definitions import REGISTRY
from lineofsight.indicators.domain.engine import (
    children_counted,
    indicator_values,
    indicators_run,
)
from lineofsight.indicators.tests.frames import build, periods

RATE = REGISTRY["referrals_rate"]
REREFERRALS = REGISTRY["rereferrals_12m_pct"]

FRAMES = build(
    team=[{"code": "T1", "name": "Assessment Team North"}, {"code": "T2", "name": "Hill"}],
    worker=[{"staff_id": "W1", "given_name": "Ann", "family_name": "Lee"}],
    child=[
        {"child_id": "C1", "born_on": dt.date(2010, 6, 1), "sex": "F", "ethnicity": "WBRI"},
        {"child_id": "C2", "born_on": dt.date(2016, 1, 1), "sex": "M", "ethnicity": "BAFR"},
        {"child_id": "C3", "born_on": None, "sex": "U", "ethnicity": "NOBT"},  # unborn
    ],
    child_disability=[
        {"child_id": "C2", "disability": "HAND"},
        {"child_id": "C1", "disability": "NONE"},
    ],
    referral=[
        # named team and worker: the referral's own.
        {
            "key": "R1",
            "child_id": "C1",
            "referred_on": dt.date(2016, 5, 1),
            "team_id": "T1",
            "worker_id": "W1",
            "primary_need": "N1",
        },
        # no team on the referral: the child's allocation on the day decides (T2).
        {"key": "R2", "child_id": "C2", "referred_on": dt.date(2016, 7, 1), "primary_need": "N2"},
        # no allocation covers the day: not allocated.
        {"key": "R3", "child_id": "C3", "referred_on": dt.date(2016, 8, 1)},
        {
            "key": "R4",
            "child_id": "C1",
            "referred_on": dt.date(2016, 9, 1),
            "team_id": "T1",
            "primary_need": "N4",
        },
    ],
    allocation=[
        {
            "child_id": "C2",
            "team_id": "T2",
            "worker_id": "W1",
            "role": "social_worker",
            "started_on": dt.date(2016, 6, 1),
            "ended_on": None,
        },
        # ended before C3's referral
        {
            "child_id": "C3",
            "team_id": "T2",
            "role": "social_worker",
            "started_on": dt.date(2016, 1, 1),
            "ended_on": dt.date(2016, 7, 31),
        },
    ],
)


@pytest.fixture(scope="module")
def rows():
    return indicators_run(FRAMES, [RATE, REREFERRALS], periods("2016-17", "2016-07"))


def test_rows_are_attributed_to_the_named_team_or_the_childs_allocation(rows):
    year = rows.filter((rows["code"] == "referrals_rate") & (rows["period"] == "2016-17"))
    assert dict(zip(year["item"], year["team"], strict=True)) == {
        "R1": "Assessment Team North",
        "R2": "Hill",
        "R3": "Not allocated",
        "R4": "Assessment Team North",
    }
    assert dict(zip(year["item"], year["worker"], strict=True))["R1"] == "Ann Lee"


def test_characteristics_are_taken_on_the_rows_date(rows):
    year = rows.filter((rows["code"] == "referrals_rate") & (rows["period"] == "2016-17"))
    by_item = {row["item"]: row for row in year.iter_rows(named=True)}
    assert by_item["R1"]["age_band"] == "5 to 9"  # 5 on 1 May 2016
    assert by_item["R2"]["age_band"] == "Under 1"
    assert by_item["R3"]["age_band"] == "Unborn"
    assert by_item["R2"]["disability"] == "Disabled"
    assert by_item["R1"]["disability"] == "Not disabled"  # NONE is no disability
    assert by_item["R2"]["ethnicity_group"] == "Black or Black British"
    assert by_item["R3"]["ethnicity_group"] == "Refused or not obtained"
    assert by_item["R1"]["primary_need"] == "N1 Abuse or neglect"
    assert by_item["R4"]["primary_need"] == "N4 Family in acute stress"


def test_values_for_the_council_and_by_team(rows):
    council = indicator_values(rows, [RATE, REREFERRALS], population={"2016-17": 20_000})
    year = {r["code"]: r for r in council.iter_rows(named=True) if r["period"] == "2016-17"}
    assert year["referrals_rate"]["value"] == pytest.approx(2.0)  # 4 per 20,000
    assert year["rereferrals_12m_pct"]["numerator"] == 1.0  # R4, four months after R1
    by_team = indicator_values(rows, [RATE], by=("team",))
    year_teams = {r["team"]: r for r in by_team.iter_rows(named=True) if r["period"] == "2016-17"}
    assert year_teams["Assessment Team North"]["numerator"] == 2.0
    # no population is published for a team: a rate broken down is a count with no value
    assert year_teams["Assessment Team North"]["value"] is None


def test_a_run_for_the_council_alone_skips_attribution_and_gives_the_same_values(rows):
    bare = indicators_run(
        FRAMES, [RATE, REREFERRALS], periods("2016-17", "2016-07"), attribute=False
    )
    assert "team" not in bare.columns
    assert "age_band" not in bare.columns
    assert bare.height == rows.height
    population = {"2016-17": 20_000}
    assert indicator_values(bare, [RATE, REREFERRALS], population=population).equals(
        indicator_values(rows, [RATE, REREFERRALS], population=population)
    )


def test_a_month_counts_only_its_own_referrals(rows):
    july = rows.filter((rows["code"] == "referrals_rate") & (rows["period"] == "2016-07"))
    assert july["item"].to_list() == ["R2"]


def test_an_unknown_breakdown_is_refused(rows):
    with pytest.raises(ValueError, match="no breakdown 'postcode'"):
        indicator_values(rows, [RATE], by=("postcode",))


def test_children_behind_a_number_list_numerator_first(rows):
    listed = children_counted(rows, code="rereferrals_12m_pct", period="2016-17")
    assert listed["item"].to_list()[0] == "R4"
    assert listed["in_numerator"].to_list() == [True, False, False, False]
    assert listed["in_denominator"].all()
    team = children_counted(rows, code="referrals_rate", period="2016-17", where={"team": "Hill"})
    assert team["child_id"].to_list() == ["C2"]


def test_no_periods_is_an_error():
    with pytest.raises(ValueError, match="no periods"):
        indicators_run(FRAMES, [RATE], [])
