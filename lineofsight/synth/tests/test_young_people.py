"""Looked-after young people's motherhood and youth justice outcomes, and missing episodes
that never overlap: as DfE's rules have them, at plausible rates."""

from __future__ import annotations

import polars as pl
import pytest

from lineofsight.returns.ssda903.export import ssda903_tables
from lineofsight.synth.council import SyntheticCouncil

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tables(walsall: SyntheticCouncil) -> dict[str, pl.DataFrame]:
    return ssda903_tables(walsall.frames, year=2017)


def test_motherhood_is_recorded_for_every_child_looked_after(walsall: SyntheticCouncil) -> None:
    child = walsall.frames["child"]
    looked_after = walsall.frames["cla_episode"]["child_id"].unique().implode()
    recorded = child.filter(pl.col("motherhood_recorded"))
    assert (
        recorded["child_id"]
        .sort()
        .equals(child.filter(pl.col("child_id").is_in(looked_after))["child_id"].sort())
    )


def test_first_children_are_born_to_girls_of_14_to_17_while_looked_after(
    walsall: SyntheticCouncil,
) -> None:
    mothers = walsall.frames["child"].filter(pl.col("first_child_born_on").is_not_null())
    assert mothers.height >= 5
    assert (mothers["sex"] == "F").all()
    age = pl.col("first_child_born_on")
    assert mothers.filter(
        (age < pl.col("born_on").dt.offset_by("14y"))
        | (age >= pl.col("born_on").dt.offset_by("18y"))
        | (age > walsall.reference_date)
    ).is_empty()
    during = (
        mothers.join(walsall.frames["cla_episode"], on="child_id")
        .filter(
            pl.col("started_on") <= pl.col("first_child_born_on"),
            pl.col("ended_on").is_null() | (pl.col("ended_on") > pl.col("first_child_born_on")),
        )
        .select("child_id")
        .unique()
    )
    assert during.height == mothers.height


def test_a_few_girls_looked_after_are_mothers(tables: dict[str, pl.DataFrame]) -> None:
    header = tables["header"].with_columns(pl.col("DOB").str.to_date("%d/%m/%Y"))
    asked = header.filter(pl.col("MOTHER").is_not_null())
    assert asked.height > 300  # every girl looked after in the year
    aged_14 = asked.filter(pl.col("DOB").dt.offset_by("14y") <= pl.date(2017, 3, 31))
    share = (aged_14["MOTHER"] == "1").mean()
    assert isinstance(share, float)
    assert 0.005 <= share <= 0.1


def test_about_4_percent_of_children_looked_after_all_year_aged_10_are_convicted(
    tables: dict[str, pl.DataFrame],
) -> None:
    oc2 = tables["oc2"].with_columns(pl.col("DOB").str.to_date("%d/%m/%Y"))
    ten = pl.col("DOB").dt.offset_by("10y") <= pl.date(2017, 3, 31)
    assert oc2.filter(~ten)["CONVICTED"].null_count() == oc2.filter(~ten).height
    asked = oc2.filter(ten)
    assert asked["CONVICTED"].is_in(["0", "1"]).all()
    share = (asked["CONVICTED"] == "1").mean()
    assert isinstance(share, float)
    assert 0.015 <= share <= 0.075  # DfE 2017: about 4%


def test_youth_justice_outcomes_come_at_10_to_17_while_looked_after(
    walsall: SyntheticCouncil,
) -> None:
    outcomes = walsall.frames["youth_justice_outcome"].join(
        walsall.frames["child"].select("child_id", "born_on"), on="child_id"
    )
    assert set(outcomes["kind"]) == {"conviction", "youth_caution", "youth_conditional_caution"}
    on = pl.col("outcome_on")
    assert outcomes.filter(
        (on < pl.col("born_on").dt.offset_by("10y"))
        | (on >= pl.col("born_on").dt.offset_by("18y"))
        | (on > walsall.reference_date)
    ).is_empty()
    in_care = (
        outcomes.join(walsall.frames["cla_episode"], on="child_id")
        .filter(
            pl.col("started_on") <= on, pl.col("ended_on").is_null() | (pl.col("ended_on") >= on)
        )
        .select("key")
        .unique()
    )
    assert in_care.height == outcomes.height


def test_a_childs_missing_episodes_never_overlap(walsall: SyntheticCouncil) -> None:
    missing = walsall.frames["missing_episode"].sort("child_id", "started_at")
    previous_end = pl.col("ended_at").shift(1).over("child_id")
    previous_open = pl.col("ended_at").is_null().shift(1).over("child_id")
    overlapping = missing.filter((pl.col("started_at") < previous_end) | previous_open)
    assert overlapping.is_empty(), overlapping.head(3).to_dicts()
    assert missing.height > 100
