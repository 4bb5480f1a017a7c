"""The calendar and timescales commands, as a user runs them."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lineofsight.timescales.tests.builders import D, journey_frames


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (("add-working-days", "2017-12-15", "45"), "2018-02-21"),
        (("working-days-between", "2017-04-13", "2017-05-09"), "15"),
        (("add-working-days", "2017-04-13", "15"), "2017-05-09"),
        (("add-working-days", "2016-12-20", "20"), "2017-01-20"),
        (("is-working-day", "2022-09-19"), "no: State Funeral of Queen Elizabeth II"),
        (("is-working-day", "2017-12-24"), "no: Sunday"),
        (("is-working-day", "2017-12-27"), "yes"),
    ],
)
def test_calendar_commands_print_one_answer(args, printed):
    assert run("calendar", *args).strip() == printed


def test_calendar_lists_a_years_bank_holidays():
    lines = run("calendar", "holidays", "2020").strip().splitlines()
    assert lines[3] == "2020-05-08  May Day"  # moved for VE Day
    assert len(lines) == 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add-working-days", "15/12/2017", "45"), "not a date: expected YYYY-MM-DD"),
        (("add-working-days", "2017-12-15", "many"), "not a whole number"),
        (("add-working-days", "2050-01-01", "1"), "outside the bank-holiday calendar"),
    ],
)
def test_calendar_commands_explain_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        run("calendar", *args)


@pytest.fixture
def frames_dir(tmp_path):
    frames = journey_frames(
        referral=[
            {
                "key": "R1",
                "child_id": "C1",
                "referred_on": D(2017, 4, 3),
                "source": "1A",
                "is_nfa": False,
            }
        ],
        strategy_discussion=[
            {
                "key": "S1",
                "referral_id": "R1",
                "held_on": D(2017, 4, 13),
                "decision": "s47",
                **dict.fromkeys(
                    ("police_attended", "health_attended", "education_attended", "other_attended"),
                    True,
                ),
            },
        ],
        assessment=[
            {
                "key": "A1",
                "referral_id": "R1",
                "started_on": D(2017, 4, 4),
                "authorised_on": D(2017, 5, 2),
            }
        ],
    )
    for name, frame in frames.items():
        frame.write_parquet(tmp_path / f"{name}.parquet")
    return tmp_path


def test_timescales_from_frames_as_json_one_record_per_obligation(frames_dir):
    text = run("timescales", "--as-of", "2017-05-31", "--from", str(frames_dir))
    records = json.loads(text)
    assert len(text.strip().splitlines()) == len(records) + 2  # "[" and "]" lines
    by_rule = {record["rule"]: record for record in records}
    assert set(by_rule) == {"T-01", "T-03", "T-04", "T-04b"}
    assessment = by_rule["T-04b"]
    assert assessment["child_id"] == "C1"
    assert (assessment["start_on"], assessment["due_on"]) == ("2017-04-04", "2017-06-12")
    assert (assessment["met_key"], assessment["met_on"], assessment["status"]) == (
        "A1",
        "2017-05-02",
        "met_on_time",
    )
    assert by_rule["T-03"]["status"] == "overdue"  # the child was never recorded as seen
    for field in ("worker_id", "team_id", "start_kind", "met_kind", "due_at", "title", "tag"):
        assert field in assessment


def test_timescales_csv_and_filters_and_a_period(frames_dir, tmp_path):
    out = tmp_path / "o.csv"
    run(
        "timescales",
        "--due-from",
        "2017-04-01",
        "--due-to",
        "2017-04-30",
        "--from",
        str(frames_dir),
        "--format",
        "csv",
        "--out",
        str(out),
    )
    rows = list(csv.DictReader(out.open()))
    # The referral decision (due 4 Apr) and seeing the child (11 Apr) fall in April; the
    # assessment itself is due in June.
    assert [(row["rule"], row["due_on"], row["status"]) for row in rows] == [
        ("T-01", "2017-04-04", "met_on_time"),
        ("T-03", "2017-04-11", "overdue"),
    ]
    text = run(
        "timescales",
        "--as-of",
        "2017-05-31",
        "--from",
        str(frames_dir),
        "--format",
        "csv",
        "--status",
        "overdue",
    )
    assert [row["rule"] for row in csv.DictReader(io.StringIO(text))] == ["T-03"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--due-from", "2017-04-01"), "give both"),
        (("--rule", "T-99"), "no timescale 'T-99'"),
        (("--as-of", "31/03/2017"), "not a date"),
    ],
)
def test_timescales_explains_bad_options(frames_dir, args, message):
    with pytest.raises(CommandError, match=message):
        run("timescales", "--from", str(frames_dir), *args)


def test_timescales_names_a_missing_frames_directory(tmp_path):
    with pytest.raises(CommandError, match="not a directory of frames"):
        run("timescales", "--as-of", "2017-03-31", "--from", str(tmp_path / "nowhere"))
