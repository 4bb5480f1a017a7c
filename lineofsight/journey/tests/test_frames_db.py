"""Database <-> frames <-> Parquet round trips."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import polars as pl
import pytest
from django.db import connection, transaction
from polars.testing import assert_frame_equal

from lineofsight.journey.arrow_reader import arrow_reader_available
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import (
    FrameError,
    frames_conform,
    frames_read_parquet,
    frames_write_parquet,
)
from lineofsight.journey.frame_tables import FRAME_MODELS
from lineofsight.journey.frames_db import frames_extract, frames_load

LONDON = ZoneInfo("Europe/London")


def small_frames():
    """A tiny council: one team, two workers, a child with a referral, a plan, a note chain;
    a young mother with a youth caution."""
    frames = {
        "team": pl.DataFrame(
            {
                "code": ["T1", "T2"],
                "name": ["Safeguarding 1", "Service"],
                "service_area": ["safeguarding", "management"],
                "parent_id": ["T2", None],
            }
        ),
        "worker": pl.DataFrame(
            {
                "staff_id": ["SW100", "SW101"],
                "given_name": ["Ann", "Bo"],
                "family_name": ["Lee", "Ray"],
                "role": ["social_worker", "team_manager"],
                "is_qualified": [True, True],
                "is_agency": [False, True],
                "fte": [1.0, 0.8],
                "started_on": [date(2015, 1, 5), date(2012, 3, 1)],
                "ended_on": [None, None],
            }
        ),
        "child": pl.DataFrame(
            {
                "child_id": ["C1", "C2", "C3"],
                "given_name": ["Amy", "Ben", "Cat"],
                "family_name": ["Cole", "Dee", "Eve"],
                "sex": ["F", "U", "F"],
                "born_on": [date(2010, 5, 1), None, date(2000, 8, 9)],
                "expected_birth_on": [None, date(2017, 6, 1), None],
                "ethnicity": ["WBRI", "NOBT", "WBRI"],
                "is_uasc": [False, False, False],
                "upn": ["A123456789012", None, None],
                "motherhood_recorded": [True, False, True],
                "first_child_born_on": [None, None, date(2016, 11, 2)],
            }
        ),
        "referral": pl.DataFrame(
            {
                "key": ["R1", "R2"],
                "child_id": ["C1", "C2"],
                "referred_on": [date(2016, 4, 13), date(2017, 1, 9)],
                "source": ["6", "3B"],
                "primary_need": ["N1", None],
                "is_nfa": [False, True],
                "closed_on": [None, date(2017, 1, 10)],
                "closure_reason": [None, "RC7"],
                "team_id": ["T1", None],
                "worker_id": ["SW100", None],
            }
        ),
        "cp_plan": pl.DataFrame(
            {
                "key": ["CP1"],
                "referral_id": ["R1"],
                "started_on": [date(2016, 5, 4)],
                "ended_on": [None],
                "initial_category": ["NEG"],
                "latest_category": ["MUL"],
                "previous_plans_count": [1],
                "end_reason": [None],
            }
        ),
        "missing_episode": pl.DataFrame(
            {
                "key": ["M1"],
                "child_id": ["C1"],
                "kind": ["M"],
                "started_at": [datetime(2016, 7, 1, 22, 15, tzinfo=LONDON)],
                "ended_at": [datetime(2016, 7, 2, 9, 0, tzinfo=LONDON)],
                "return_interview_offered": [True],
                "return_interview_done_at": [None],
                "return_interview_accepted": [None],
            }
        ),
        "youth_justice_outcome": pl.DataFrame(
            {
                "key": ["YJ1"],
                "child_id": ["C3"],
                "kind": ["youth_caution"],
                "outcome_on": [date(2016, 9, 14)],
            }
        ),
        "case_note": pl.DataFrame(
            {
                "key": ["N1", "N2"],
                "child_id": ["C1", "C1"],
                "written_at": [
                    datetime(2016, 5, 5, 10, tzinfo=LONDON),
                    datetime(2016, 5, 6, 11, tzinfo=LONDON),
                ],
                "author_id": ["SW100", "SW100"],
                "kind": ["visit", "visit"],
                "text": ["Saw Amy at home.", "Correction: Amy was seen with her brother."],
                "is_significant": [False, False],
                "amends_id": [None, "N1"],
            }
        ),
    }
    return frames_conform(TABLES, frames)


def empty_journey_tables():
    with connection.cursor() as cursor:
        cursor.execute("UPDATE people_team SET parent_id = NULL")
        cursor.execute("UPDATE journey_casenote SET amends_id = NULL")
        for _, model in reversed(FRAME_MODELS):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608


@pytest.mark.django_db
def test_db_to_frames_to_db_round_trip_is_identical():
    original = small_frames()
    counts = frames_load(frames=original)
    assert counts["referral"] == {"added": 2, "updated": 0, "unchanged": 0}
    extracted = frames_extract()
    for name, table in TABLES.items():
        assert_frame_equal(extracted[name].sort(table.key), original[name].sort(table.key))
    # ... and DB -> frames -> an empty DB -> frames again.
    empty_journey_tables()
    assert frames_extract()["child"].is_empty()
    frames_load(frames=extracted)
    again = frames_extract()
    for name, table in TABLES.items():
        assert_frame_equal(again[name].sort(table.key), extracted[name].sort(table.key))


@pytest.mark.django_db
def test_loading_the_same_frames_twice_changes_nothing():
    frames_load(frames=small_frames())
    counts = frames_load(frames=small_frames())
    assert counts["referral"] == {"added": 0, "updated": 0, "unchanged": 2}
    assert counts["case_note"] == {"added": 0, "updated": 0, "unchanged": 2}
    assert frames_extract()["referral"].height == 2


@pytest.mark.django_db
def test_a_later_load_updates_what_changed_and_adds_what_is_new():
    frames_load(frames=small_frames())
    later = small_frames()
    later["referral"] = later["referral"].with_columns(
        pl.when(pl.col("key") == "R1")
        .then(date(2017, 2, 1))
        .otherwise(pl.col("closed_on"))
        .alias("closed_on"),
        pl.when(pl.col("key") == "R1")
        .then(pl.lit("RC7"))
        .otherwise(pl.col("closure_reason"))
        .alias("closure_reason"),
    )
    later["team"] = pl.concat(
        [
            later["team"],
            pl.DataFrame(
                {
                    "code": ["T3"],
                    "name": ["Front door"],
                    "service_area": ["front_door"],
                    "parent_id": ["T2"],
                }
            ),
        ]
    )
    later["case_note"] = later["case_note"].with_columns(
        pl.lit(None, dtype=pl.String).alias("amends_id")
    )
    counts = frames_load(frames=later)
    assert counts["referral"] == {"added": 0, "updated": 1, "unchanged": 1}
    assert counts["team"] == {"added": 1, "updated": 0, "unchanged": 2}
    assert counts["case_note"]["updated"] == 1
    again = frames_extract()
    for name in TABLES:
        assert_frame_equal(again[name].sort(TABLES[name].key), later[name].sort(TABLES[name].key))


@pytest.mark.django_db
def test_a_reference_to_a_missing_child_is_named_and_nothing_is_written():
    frames = small_frames()
    frames["referral"] = frames["referral"].with_columns(pl.lit("C9").alias("child_id"))
    with pytest.raises(FrameError, match=r"referral\.child_id.*C9"):
        frames_load(frames=frames)
    assert frames_extract()["team"].is_empty()


def test_frames_parquet_round_trip_is_identical(tmp_path):
    original = small_frames()
    frames_write_parquet(tmp_path, original)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    again = frames_read_parquet(tmp_path, TABLES)
    for name in TABLES:
        assert_frame_equal(again[name], original[name])


def test_unknown_code_is_refused_with_the_column_named():
    frames = small_frames()
    frames["cp_plan"] = frames["cp_plan"].with_columns(pl.lit("XYZ").alias("initial_category"))
    with pytest.raises(FrameError, match=r"cp_plan\.initial_category: unknown codes \['XYZ'\]"):
        frames_conform(TABLES, frames)


@pytest.mark.django_db
def test_a_row_the_database_refuses_names_the_table_and_nothing_is_written():
    frames = small_frames()
    frames["cp_plan"] = frames["cp_plan"].with_columns(pl.col("started_on").alias("ended_on"))
    with pytest.raises(
        FrameError, match=r"cp_plan: the database refused.*cp_plan_ends_after_start"
    ):
        frames_load(frames=frames)
    assert frames_extract()["child"].is_empty()


@pytest.mark.parametrize("order", ["in key order", "out of key order"])
def test_a_repeated_natural_key_is_refused_and_named(order):
    frames = small_frames()
    children = frames["child"].sort("child_id")
    repeated = pl.concat([children, children.head(1)])
    if order == "in key order":
        repeated = repeated.sort("child_id")
    else:
        repeated = repeated.reverse()
        assert not repeated["child_id"].is_sorted()
    frames["child"] = repeated
    first = children["child_id"][0]
    with pytest.raises(FrameError, match=rf"child\.child_id: repeated natural keys \['{first}'\]"):
        frames_conform(TABLES, frames)


def test_distinct_keys_in_any_order_pass():
    frames = small_frames()
    frames["child"] = frames["child"].sort("child_id", descending=True)
    assert frames_conform(TABLES, frames)["child"].height == 3


def test_text_longer_than_its_column_is_refused_before_any_database_sees_it():
    frames = small_frames()
    frames["child"] = frames["child"].with_columns(pl.lit("X" * 21).alias("home_postcode"))
    with pytest.raises(FrameError, match=r"child\.home_postcode: longer than 8 characters"):
        frames_conform(TABLES, frames)


@pytest.mark.django_db(transaction=True)
def test_bulk_arrow_reader_and_the_django_cursor_read_the_same_frames():
    frames_load(frames=small_frames())
    assert arrow_reader_available()
    through_arrow = frames_extract()
    with transaction.atomic():  # inside a transaction only the Django connection can see
        assert not arrow_reader_available()
        through_django = frames_extract()
    for name in TABLES:
        assert_frame_equal(through_arrow[name], through_django[name])
