"""`lineofsight validate`: a census file or the records, every format, and the exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command

from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.tests.conftest import one_child_frames

STAMP = dt.datetime(2017, 4, 10, 9)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("validate", *args, stdout=out, stderr=err)
    code = exited.value.code
    assert isinstance(code, int)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def census(tmp_path: Path) -> Path:
    path = tmp_path / "cin-2016-17.xml"
    frames = one_child_frames(
        child_disability=[{"key": "D1", "child_id": "C1", "disability": "NONE"}],
        assessment=[
            {
                "key": "A1",
                "referral_id": "R1",
                "started_on": dt.date(2016, 6, 2),
                "authorised_on": dt.date(2016, 7, 1),
            }
        ],
    )
    cin_census_write(frames, year=2017, out=path, la_number="335", generated_at=STAMP)
    return path


def test_a_clean_census_exits_0(census: Path) -> None:
    code, out, _ = run(str(census))
    assert code == 0
    assert out.startswith("cin-2016-17.xml: CIN census 2016-17: 0 errors")


def test_errors_exit_1_and_name_the_rule_child_and_values(census: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    text = census.read_text(encoding="utf-8")
    bad.write_text(
        text.replace(
            "<AssessmentActualStartDate>2016-06-02", "<AssessmentActualStartDate>2016-05-02"
        )
    )
    code, out, _ = run(str(bad), "--format", "json")
    assert code == 1
    report = json.loads(out)
    failure = next(f for f in report["failures"] if f["rule"] == "1103")
    assert failure["child_id"] == "C1"
    assert "2016-05-02" in failure["values"]
    assert failure["severity"] == "error"


def test_csv_and_excel_reports(census: Path, tmp_path: Path) -> None:
    code, out, _ = run(str(census), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "rule,severity,child_id,table,row,values,message"
    workbook = tmp_path / "report.xlsx"
    code, _, err = run(str(census), "--format", "xlsx", "--out", str(workbook))
    assert code == 0
    assert "wrote" in err
    assert openpyxl.load_workbook(workbook).sheetnames == ["Failures", "By rule", "By child"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"line 1: the file is empty"),
        (b"<Message><Header>", r"not well-formed XML"),
        (b"<Workforce/>", r"root is <Workforce>"),
    ],
)
def test_an_unreadable_file_exits_2_with_a_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(content)
    code, _, err = run(str(path))
    assert code == 2
    assert "broken.xml" in err
    assert re.search(message, err), err


def test_a_census_for_another_year_exits_2(census: Path) -> None:
    code, _, err = run(str(census), "--year", "2018")
    assert code == 2
    assert "this is the census for 2016-17, not 2017-18" in err


@pytest.mark.django_db
def test_the_records_census_for_a_year(tmp_path: Path) -> None:
    from lineofsight.journey.frames_db import frames_load

    frames_load(frames=one_child_frames(), reason="test")
    code, out, _ = run("--year", "2017", "--format", "json")
    report = json.loads(out)
    assert report["title"] == "the records' CIN census 2016-17"
    # C1 has no disability recorded: 8540 says so, and the exit code says there are errors.
    assert code == 1
    assert {f["rule"] for f in report["failures"]} >= {"8540"}


def test_ssda903_tables_are_told_from_their_content(tmp_path: Path) -> None:
    from lineofsight.returns.ssda903.export import ssda903_write
    from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames

    frames = journey_frames(
        child=[_child("C1", "2010-01-01")], cla_episode=[_episode("e", "C1", "2016-06-01")]
    )
    folder = tmp_path / "903"
    ssda903_write(frames, year=2017, out=folder)
    code, out, _ = run(str(folder), "--format", "json")
    report = json.loads(out)
    assert report["title"] == "903: SSDA903 2016-17"
    assert code in (0, 1)
    assert code == (1 if report["errors"] else 0)


def test_a_bad_code_in_903_tables_is_a_rule_failure_not_a_refusal(tmp_path: Path) -> None:
    from lineofsight.returns.ssda903.export import ssda903_write
    from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames

    frames = journey_frames(
        child=[_child("C1", "2010-01-01")], cla_episode=[_episode("e", "C1", "2016-06-01")]
    )
    folder = tmp_path / "903"
    ssda903_write(frames, year=2017, out=folder)
    episodes = folder / "episodes.csv"
    episodes.write_text(episodes.read_text(encoding="utf-8").replace(",C2,", ",Q9,", 1))
    code, out, _ = run(str(folder), "--format", "json")
    assert code == 1
    failure = next(f for f in json.loads(out)["failures"] if "LS=Q9" in f["values"])
    assert failure["child_id"] == "C1"
    assert failure["table"] == "Episodes"
