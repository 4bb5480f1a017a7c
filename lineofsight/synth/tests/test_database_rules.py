"""The frames satisfy the database's own constraints (checked here without a database)."""

from __future__ import annotations

import polars as pl
import pytest

from lineofsight.synth.council import SyntheticCouncil

pytestmark = pytest.mark.slow

IN_ORDER = [
    ("referral", "referred_on", "closed_on"),
    ("assessment", "started_on", "authorised_on"),
    ("cin_plan", "started_on", "ended_on"),
    ("contact", "received_at", "decision_at"),
    ("early_help_episode", "started_on", "ended_on"),
    ("early_help_episode", "assessment_started_on", "assessment_completed_on"),
    ("cla_episode", "started_on", "ended_on"),
    ("missing_episode", "started_at", "ended_at"),
    ("missing_episode", "started_at", "return_interview_done_at"),
    ("legal_proceeding", "started_on", "ended_on"),
    ("adoption", "decision_on", "matched_on"),
    ("adoption", "matched_on", "placed_on"),
    ("adoption", "placed_on", "adoption_order_on"),
    ("adoption", "decision_on", "ceased_on"),
    ("adopter_household", "enquiry_on", "approved_on"),
    ("adopter_household", "approved_on", "matched_on"),
    ("private_fostering_arrangement", "started_on", "ended_on"),
    ("section47_enquiry", "started_on", "completed_on"),
    ("section47_enquiry", "started_on", "icpc_target_on"),
    ("conference", "held_on", "minutes_distributed_on"),
    ("household_period", "started_on", "ended_on"),
    ("worker", "started_on", "ended_on"),
    ("team_membership", "started_on", "ended_on"),
    ("allocation", "started_on", "ended_on"),
]
UNIQUE = [
    ("referral", ["child_id", "referred_on"]),
    ("assessment_factor", ["assessment_id", "factor"]),
    ("cla_episode", ["child_id", "started_on"]),
    ("cla_review", ["child_id", "held_on"]),
    ("supervision_discussion", ["supervision_id", "child_id"]),
    ("care_leaver_status", ["child_id", "as_of"]),
    ("child_disability", ["child_id", "disability"]),
    ("relationship", ["child_id", "person_id", "relationship_type"]),
]


@pytest.mark.parametrize(("table", "start", "end"), IN_ORDER)
def test_ends_after_starts(walsall: SyntheticCouncil, table: str, start: str, end: str) -> None:
    frame = walsall.frames[table]
    assert frame.filter(pl.col(end) < pl.col(start)).is_empty()


@pytest.mark.parametrize(("table", "columns"), UNIQUE)
def test_unique_together(walsall: SyntheticCouncil, table: str, columns: list[str]) -> None:
    frame = walsall.frames[table]
    assert not frame.select(columns).is_duplicated().any()


def test_row_rules(walsall: SyntheticCouncil) -> None:
    frames = walsall.frames
    plans = frames["cp_plan"]
    assert plans.filter(pl.col("ended_on") <= pl.col("started_on")).is_empty()
    visit = frames["visit"]
    assert visit.filter(pl.col("child_seen_alone") & ~pl.col("child_seen")).is_empty()
    legal = frames["legal_proceeding"]
    assert legal.filter(pl.col("ended_on").is_not_null() & pl.col("outcome").is_null()).is_empty()
    episodes = frames["cla_episode"]
    assert episodes.filter(pl.col("distance_miles") < 0).is_empty()
    adoption = frames["adoption"]
    assert adoption.filter(
        pl.col("ceased_on").is_null() != pl.col("ceased_reason").is_null()
    ).is_empty()
    assert adoption.filter(~pl.col("adopter_count").is_in([1, 2])).is_empty()
    permanence = frames["previous_permanence"]
    assert permanence.filter((pl.col("kind") == "Z1") & pl.col("la_code").is_not_null()).is_empty()
    child = frames["child"]
    assert child.filter(
        pl.col("born_on").is_null() & pl.col("expected_birth_on").is_null()
    ).is_empty()
    worker = frames["worker"]
    assert worker.filter((pl.col("fte") <= 0) | (pl.col("fte") > 1)).is_empty()
    allocation = frames["allocation"]
    assert allocation.filter(
        pl.col("worker_id").is_null() & ~pl.col("role").is_in(["duty", "held_by_manager"])
    ).is_empty()
    assert (frames["decision"]["rationale"].str.len_chars() > 0).all()
