"""The synthetic records keep the DfE rules a real case record must keep."""

from __future__ import annotations

import datetime as dt
import itertools

import polars as pl
import pytest

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_conform
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.synth.ids import upn_is_valid

pytestmark = pytest.mark.slow


def _births(council: SyntheticCouncil) -> pl.DataFrame:
    return council.frames["child"].select(
        "child_id",
        "born_on",
        pl.col("born_on").dt.offset_by("18y").alias("b18"),
    )


def test_frames_conform(walsall: SyntheticCouncil) -> None:
    frames_conform(TABLES, walsall.frames)
    assert set(walsall.frames) == set(TABLES)
    assert walsall.frames["referral"].height > 1000


def test_every_foreign_key_resolves(walsall: SyntheticCouncil) -> None:
    frames = walsall.frames
    for name, table in TABLES.items():
        for column in table.columns:
            if column.references is None:
                continue
            target = TABLES[column.references]
            values = frames[name][column.name].drop_nulls()
            known = frames[column.references][target.key].implode()
            missing = values.filter(~values.is_in(known))
            assert missing.is_empty(), f"{name}.{column.name}: {missing.head(3).to_list()}"


def test_child_ids_and_upns(walsall: SyntheticCouncil) -> None:
    child = walsall.frames["child"]
    assert child["child_id"].str.contains(r"^[A-Za-z0-9]{1,10}$").all()
    upns = child["upn"].drop_nulls().to_list()
    assert upns
    assert all(upn_is_valid(upn) for upn in upns)
    assert child.filter(pl.col("upn").is_null() & pl.col("upn_unknown_reason").is_null()).is_empty()
    unborn = child.filter(pl.col("born_on").is_null())
    assert unborn["expected_birth_on"].null_count() == 0
    assert (unborn["sex"] == "U").all()


def test_referrals_do_not_overlap_and_only_the_latest_is_open(walsall: SyntheticCouncil) -> None:
    referral = walsall.frames["referral"].sort("child_id", "referred_on")
    checked = referral.with_columns(
        pl.col("referred_on").shift(-1).over("child_id").alias("next_referred"),
    ).filter(pl.col("next_referred").is_not_null())
    assert checked.filter(pl.col("closed_on").is_null()).is_empty()
    assert checked.filter(pl.col("next_referred") <= pl.col("closed_on")).is_empty()
    closed = referral.filter(pl.col("closed_on").is_not_null())
    assert closed.filter(pl.col("closure_reason").is_null()).is_empty()
    assert closed.filter(pl.col("closed_on") < pl.col("referred_on")).is_empty()
    assert referral.filter(~pl.col("is_nfa") & pl.col("primary_need").is_null()).is_empty()


def test_nothing_after_the_reference_date(walsall: SyntheticCouncil) -> None:
    reference = walsall.reference_date
    for name, table in TABLES.items():
        frame = walsall.frames[name]
        for column in table.columns:
            if column.dtype == "Date" and not column.name.endswith("due_on"):
                late = frame.filter(pl.col(column.name) > reference)
                if column.name == "expected_birth_on":
                    continue
                assert late.is_empty(), f"{name}.{column.name} after {reference}"


def test_cla_episodes_chain(walsall: SyntheticCouncil) -> None:
    episodes = walsall.frames["cla_episode"].sort("child_id", "started_on")
    chained = episodes.with_columns(
        pl.col("started_on").shift(-1).over("child_id").alias("next_start"),
        pl.col("reason_new").shift(-1).over("child_id").alias("next_rne"),
    )
    has_next = chained.filter(pl.col("next_start").is_not_null())
    # Only the last episode may be open; every other one has ended.
    assert has_next.filter(pl.col("ended_on").is_null()).is_empty()
    x1 = has_next.filter(pl.col("reason_ceased") == "X1")
    assert x1.filter(pl.col("next_start") != pl.col("ended_on")).is_empty()
    assert x1.filter(pl.col("next_rne") == "S").is_empty()
    real_end = has_next.filter(pl.col("reason_ceased") != "X1")
    assert real_end.filter(pl.col("next_rne") != "S").is_empty()
    assert real_end.filter(pl.col("next_start") <= pl.col("ended_on")).is_empty()
    first = episodes.group_by("child_id").agg(pl.col("reason_new").first())
    assert (first["reason_new"] == "S").all()
    ended = episodes.filter(pl.col("ended_on").is_not_null())
    assert ended.filter(pl.col("reason_ceased").is_null()).is_empty()
    assert ended.filter(pl.col("ended_on") <= pl.col("started_on")).is_empty()


def test_cla_placements_follow_the_903_rules(walsall: SyntheticCouncil) -> None:
    episodes = walsall.frames["cla_episode"].join(_births(walsall), on="child_id")
    age = (pl.col("started_on") - pl.col("born_on")).dt.total_days() / 365.25
    assert episodes.filter(pl.col("started_on") < pl.col("born_on")).is_empty()
    assert episodes.filter(pl.col("ended_on") > pl.col("b18")).is_empty()
    assert episodes.filter(
        pl.col("placement_type").is_in(["H5", "K3", "P2"]) & (age < 16)
    ).is_empty()
    assert episodes.filter((pl.col("placement_type") == "S1") & (age < 4)).is_empty()
    assert episodes.filter(pl.col("legal_status").is_in(["J1", "J2", "J3"]) & (age < 10)).is_empty()
    p1 = episodes.filter(pl.col("placement_type") == "P1")
    assert (p1["placement_provider"] == "PR0").all()
    assert episodes.filter(
        (pl.col("placement_provider") == "PR0") & (pl.col("placement_type") != "P1")
    ).is_empty()
    no_urn = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]
    assert episodes.filter(
        pl.col("placement_type").is_in(no_urn) & pl.col("urn").is_not_null()
    ).is_empty()
    assert episodes.filter(
        ~pl.col("placement_type").is_in(no_urn) & pl.col("urn").is_null()
    ).is_empty()
    assert episodes.filter(
        (pl.col("placement_provider") == "PR1") & (pl.col("placement_location") == "OUT")
    ).is_empty()
    assert episodes.filter(
        pl.col("placement_provider").is_in(["PR1", "PR2"])
        & pl.col("placement_type").is_in(["P1", "R2", "R5"])
    ).is_empty()
    # A reason for a placement change only where the next episode changes placement.
    assert episodes.filter(
        pl.col("reason_place_change").is_not_null() & pl.col("ended_on").is_null()
    ).is_empty()


def test_cp_plans_start_at_the_icpc_inside_their_referral(walsall: SyntheticCouncil) -> None:
    frames = walsall.frames
    plans = frames["cp_plan"].join(
        frames["referral"].select(
            pl.col("key").alias("referral_id"), "child_id", "referred_on", "closed_on"
        ),
        on="referral_id",
    )
    assert plans.filter(pl.col("started_on") < pl.col("referred_on")).is_empty()
    assert plans.filter(pl.col("closed_on").is_not_null() & pl.col("ended_on").is_null()).is_empty()
    assert plans.filter(pl.col("ended_on") > pl.col("closed_on")).is_empty()
    initial = frames["conference"].filter(pl.col("kind").is_in(["initial", "pre_birth"]))
    joined = plans.join(initial.select(pl.col("cp_plan_id").alias("key"), "held_on"), on="key")
    assert joined.height == plans.height
    assert (joined["held_on"] == joined["started_on"]).all()
    # previous_plans_count counts the child's earlier plans.
    counted = plans.sort("child_id", "started_on").with_columns(
        pl.int_range(pl.len()).over("child_id").alias("earlier")
    )
    assert (counted["earlier"] == counted["previous_plans_count"]).all()
    # No overlapping plans for a child.
    overlap = plans.sort("child_id", "started_on").with_columns(
        pl.col("started_on").shift(-1).over("child_id").alias("next")
    )
    assert overlap.filter(
        pl.col("next").is_not_null()
        & (pl.col("ended_on").is_null() | (pl.col("next") < pl.col("ended_on")))
    ).is_empty()
    reviews = (
        frames["conference"]
        .filter(pl.col("kind") == "review")
        .join(plans.select(pl.col("key").alias("cp_plan_id"), "started_on"), on="cp_plan_id")
    )
    assert reviews.filter(pl.col("held_on") <= pl.col("started_on")).is_empty()


def test_cin_plans_sit_inside_referrals_and_outside_cp_plans(walsall: SyntheticCouncil) -> None:
    frames = walsall.frames
    referral = frames["referral"].select(
        pl.col("key").alias("referral_id"), "referred_on", "closed_on"
    )
    plans = frames["cin_plan"].join(referral, on="referral_id")
    assert plans.filter(pl.col("started_on") < pl.col("referred_on")).is_empty()
    assert plans.filter(pl.col("ended_on") > pl.col("closed_on")).is_empty()
    assert plans.filter(pl.col("closed_on").is_not_null() & pl.col("ended_on").is_null()).is_empty()
    cp = frames["cp_plan"].select(
        "referral_id", pl.col("started_on").alias("cp_start"), pl.col("ended_on").alias("cp_end")
    )
    both = plans.join(cp, on="referral_id")
    clash = both.filter(
        (pl.col("started_on") < pl.col("cp_end").fill_null(dt.date(9999, 1, 1)))
        & (pl.col("cp_start") < pl.col("ended_on").fill_null(dt.date(9999, 1, 1)))
    )
    assert clash.is_empty()


def test_nothing_before_birth_or_after_eighteen(walsall: SyntheticCouncil) -> None:
    births = _births(walsall)
    visits = walsall.frames["visit"].join(births, on="child_id")
    assert visits.filter(
        (pl.col("kind") != "pre_birth") & (pl.col("visited_on") < pl.col("born_on"))
    ).is_empty()
    assert visits.filter(
        (pl.col("kind") != "care_leaver") & (pl.col("visited_on") > pl.col("b18"))
    ).is_empty()
    referral = walsall.frames["referral"].join(births, on="child_id")
    assert referral.filter(pl.col("closed_on") > pl.col("b18")).is_empty()
    assert referral.filter(pl.col("referred_on") > pl.col("b18")).is_empty()
    missing = walsall.frames["missing_episode"].join(births, on="child_id")
    assert missing.filter(pl.col("started_at").dt.date() > pl.col("b18")).is_empty()


def test_adoption_dates_are_in_order(walsall: SyntheticCouncil) -> None:
    adoption = walsall.frames["adoption"]
    steps = ["decision_on", "placement_order_on", "matched_on", "placed_on", "adoption_order_on"]
    for earlier, later in itertools.pairwise(steps):
        assert adoption.filter(pl.col(later) < pl.col(earlier)).is_empty(), (earlier, later)
    assert adoption.filter(
        pl.col("ceased_on").is_not_null() & pl.col("ceased_reason").is_null()
    ).is_empty()


def test_allocations_use_workers_in_post(walsall: SyntheticCouncil) -> None:
    allocation = walsall.frames["allocation"].join(
        walsall.frames["worker"].select(
            pl.col("staff_id").alias("worker_id"),
            pl.col("started_on").alias("w_start"),
            pl.col("ended_on").alias("w_end"),
        ),
        on="worker_id",
    )
    assert allocation.filter(pl.col("started_on") < pl.col("w_start")).is_empty()
    assert allocation.filter(
        pl.col("w_end").is_not_null()
        & (pl.col("ended_on").is_null() | (pl.col("ended_on") > pl.col("w_end")))
    ).is_empty()
    social = walsall.frames["worker"].filter(pl.col("is_qualified"))
    assert social["staff_id"].str.starts_with("SW").all()


def test_decisions_have_a_rationale(walsall: SyntheticCouncil) -> None:
    decision = walsall.frames["decision"]
    assert decision.height > 0
    assert (decision["rationale"].str.len_chars() > 10).all()


def test_placements_with_parents_and_adoption_placements(walsall: SyntheticCouncil) -> None:
    episodes = walsall.frames["cla_episode"].sort("child_id", "started_on")
    p1 = episodes.filter(pl.col("placement_type") == "P1")
    assert p1.filter(pl.col("legal_status") == "V2").is_empty()  # rule 378
    assert (p1["placement_postcode"] == p1["home_postcode"]).all()  # rule 392d
    others = episodes.filter(pl.col("placement_type") != "P1")
    assert others.filter(pl.col("placement_postcode") == pl.col("home_postcode")).height < 5
    # A foster placement immediately before a placement for adoption (rule 336).
    before = episodes.with_columns(
        pl.col("placement_type").shift(1).over("child_id").alias("previous")
    ).filter(pl.col("placement_type").is_in(["A5", "A6"]) & (pl.col("reason_new") != "L"))
    assert before.filter(
        ~pl.col("previous").is_in(["U1", "U2", "U3", "U4", "U5", "U6", "A5", "A6"])
    ).is_empty()
    assert before.filter(pl.col("legal_status") != "E1").is_empty()
    # Adopted by former foster carers exactly when the last placement was A3/A5 (rule 335).
    last = episodes.group_by("child_id").agg(pl.col("placement_type").last())
    adopted = (
        walsall.frames["adoption"]
        .filter(pl.col("adoption_order_on").is_not_null())
        .join(last, on="child_id")
    )
    assert adopted.height > 0
    assert (
        adopted["adopted_by_foster_carer"] == adopted["placement_type"].is_in(["A3", "A5"])
    ).all()


def test_nothing_in_a_referral_after_it_closes(walsall: SyntheticCouncil) -> None:
    frames = walsall.frames
    referral = frames["referral"].select(
        pl.col("key").alias("referral_id"), "referred_on", "closed_on"
    )
    for name, column in (
        ("assessment", "authorised_on"),
        ("assessment", "started_on"),
        ("section47_enquiry", "completed_on"),
        ("conference", "held_on"),
        ("strategy_discussion", "held_on"),
    ):
        joined = frames[name].join(referral, on="referral_id")
        assert joined.filter(pl.col(column) > pl.col("closed_on")).is_empty(), (name, column)
        assert joined.filter(pl.col(column) < pl.col("referred_on")).is_empty(), (name, column)
    closed = (
        frames["assessment"]
        .join(referral, on="referral_id")
        .filter(pl.col("closed_on").is_not_null())
    )
    assert closed.filter(pl.col("authorised_on").is_null()).is_empty()


def test_plans_and_care_end_by_the_18th_birthday(walsall: SyntheticCouncil) -> None:
    births = _births(walsall)
    plans = (
        walsall.frames["cp_plan"]
        .join(
            walsall.frames["referral"].select(pl.col("key").alias("referral_id"), "child_id"),
            on="referral_id",
        )
        .join(births, on="child_id")
    )
    assert plans.filter(pl.col("started_on") >= pl.col("b18")).is_empty()
    assert plans.filter(pl.col("ended_on") > pl.col("b18")).is_empty()
    assert plans.filter(pl.col("ended_on") <= pl.col("started_on")).is_empty()
