"""One child's frames straight from the database: the council's frames, filtered to that child.

Synthetic Rutland is loaded into the test's transaction; the expected frames are the whole
extract filtered in frame space, by following each table's references to the child."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lineofsight.conftest import council
from lineofsight.journey import models as journey
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import Frames
from lineofsight.journey.frames_db import (
    child_path,
    frames_extract,
    frames_extract_for_child,
    frames_load,
)
from lineofsight.people import models as people
from lineofsight.people.models import Child

pytestmark = pytest.mark.django_db


def filtered_to(frames: Frames, child_id: str) -> dict[str, pl.DataFrame]:
    """Each table's rows that reach `child_id` through their references (required ones first),
    in table order so a parent's kept keys are known before its rows' children."""
    kept: dict[str, pl.Series] = {}
    result: dict[str, pl.DataFrame] = {}
    for name, table in TABLES.items():
        frame = frames[name]
        if name == "child":
            rows = frame.filter(pl.col("child_id") == child_id)
        else:
            owned = [c for c in table.columns if c.references in kept and c.references != name]
            links = [c for c in owned if not c.nullable] or owned
            if not links:
                result[name] = frame  # belongs to no child: read whole
                continue
            keep = pl.any_horizontal(
                [pl.col(c.name).is_in(kept[c.references].implode()) for c in links]  # type: ignore[index]
            )
            rows = frame.filter(keep)
        kept[name] = rows.get_column(table.key)
        result[name] = rows
    return result


def busiest_children(frames: Frames, how_many: int) -> list[str]:
    """Children with a conference (three links from the child), and the ones with most rows."""
    conferred = (
        frames["conference"]
        .join(frames["referral"], left_on="referral_id", right_on="key")
        .get_column("child_id")
        .unique()
        .sort()
        .head(how_many)
        .to_list()
    )
    counts = pl.concat(
        [
            frames[name].select("child_id")
            for name, table in TABLES.items()
            if name != "child" and any(c.name == "child_id" for c in table.columns)
        ]
    ).drop_nulls()
    busiest = counts.group_by("child_id").len().sort(["len", "child_id"], descending=True)
    return sorted({*conferred, *busiest.head(how_many).get_column("child_id").to_list()})


def test_each_table_reaches_the_child_by_its_required_links():
    assert child_path(people.Child) == "pk"
    assert child_path(journey.Visit) == "child"
    assert child_path(journey.Conference) == "referral__child"
    assert child_path(journey.CINPlanReview) == "cin_plan__referral__child"
    assert child_path(journey.CoreGroup) == "cp_plan__referral__child"
    assert child_path(journey.Complaint) == "child"  # optional, but its only link
    for model in (people.Team, people.Worker, people.TeamMembership, people.Person):
        assert child_path(model) is None
    assert child_path(journey.Supervision) is None


def test_a_childs_frames_are_the_councils_filtered_to_that_child():
    frames_load(frames=council("Rutland").frames)
    whole = frames_extract()
    children = busiest_children(whole, 3)
    assert len(children) >= 3
    conferences = 0
    for child_id in children:
        expected = filtered_to(whole, child_id)
        got = frames_extract_for_child(Child.objects.get(child_id=child_id))
        assert set(got) == set(TABLES)
        for name, table in TABLES.items():
            assert_frame_equal(
                got[name].sort(table.key), expected[name].sort(table.key), check_row_order=True
            )
        assert got["child"].height == 1
        assert sum(got[name].height for name in ("referral", "visit", "allocation")) > 0
        conferences += got["conference"].height
    assert conferences > 0  # the three-link path was exercised


def test_a_child_with_no_records_has_only_its_own_row_and_the_shared_tables():
    frames_load(frames=council("Rutland").frames)
    lonely = Child.objects.create(
        child_id="LONE0001",
        given_name="Perpetua",
        family_name="Nobodysdaughter",
        sex="F",
        ethnicity="WBRI",
        born_on=dt.date(2012, 2, 29),
    )
    got = frames_extract_for_child(lonely)
    whole = frames_extract()
    assert got["child"].get_column("child_id").to_list() == ["LONE0001"]
    assert got["referral"].is_empty()
    assert got["conference"].schema == whole["conference"].schema
    assert_frame_equal(got["worker"].sort("staff_id"), whole["worker"].sort("staff_id"))


def test_only_the_tables_asked_for_are_read():
    frames_load(frames=council("Rutland").frames)
    child = Child.objects.get(child_id=busiest_children(frames_extract(), 1)[0])
    everything = frames_extract_for_child(child)
    some = frames_extract_for_child(child, tables={"child", "conference", "visit"})
    for name in TABLES:
        if name in {"child", "conference", "visit"}:
            assert_frame_equal(some[name], everything[name])
        else:
            assert some[name].is_empty()
            assert some[name].schema == everything[name].schema, name
