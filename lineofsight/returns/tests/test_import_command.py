"""`lineofsight import`: a CIN census into the database, all or nothing, idempotent."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lineofsight.journey.models import Assessment, Conference, Referral
from lineofsight.people.models import Child
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.tests.conftest import one_child_frames
from lineofsight.timescales.tests.builders import D

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def census(tmp_path):
    frames = one_child_frames(
        assessment=[
            {
                "key": "A1",
                "referral_id": "R1",
                "started_on": D(2016, 6, 2),
                "authorised_on": D(2016, 7, 1),
            }
        ],
    )
    path = tmp_path / "cin-2017.xml"
    cin_census_write(
        frames, year=2017, out=path, la_number="335", generated_at=dt.datetime(2017, 4, 10, 9)
    )
    return path


def test_a_census_loads_once_and_a_second_import_adds_nothing(census):
    printed = run(str(census))
    assert "CIN census 2016-17" in printed
    assert Child.objects.get(child_id="C1").sex == "M"
    referral = Referral.objects.get(child__child_id="C1")
    assert referral.referred_on == D(2016, 6, 1)
    assert Assessment.objects.filter(referral=referral).count() == 1
    again = run(str(census))
    assert "0 records added, 0 updated" in again


def test_a_dry_run_reports_and_writes_nothing(census):
    printed = run(str(census), "--dry-run")
    assert "child 1" in printed
    assert "nothing was written" in printed
    assert not Child.objects.exists()


def test_names_the_return_does_not_carry_are_kept(census):
    Child.objects.create(
        child_id="C1",
        given_name="Samuel",
        family_name="Green",
        sex="M",
        ethnicity="WBRI",
        born_on=D(2010, 5, 1),
    )
    run(str(census))
    child = Child.objects.get(child_id="C1")
    assert (child.given_name, child.family_name) == ("Samuel", "Green")


def test_a_broken_file_loads_nothing_and_says_where(census, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(census.read_text()[:400])  # truncated
    with pytest.raises(CommandError, match=r"nothing was loaded: .*broken\.xml"):
        run(str(census), str(broken))
    assert not Child.objects.exists()  # the good file was not loaded either


def test_a_uasc_status_the_census_does_not_carry_is_kept(census):
    Child.objects.create(
        child_id="C1", sex="M", ethnicity="WBRI", born_on=D(2010, 5, 1), is_uasc=True
    )
    run(str(census))
    assert Child.objects.get(child_id="C1").is_uasc is True


def test_a_return_for_another_year_is_refused(census):
    with pytest.raises(
        CommandError, match=r"cin-2017\.xml: this is the return for 2016-17, not 2017-18"
    ):
        run(str(census), "--year", "2018")
    assert not Child.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.xml", None, "missing.xml: no such file"),
        ("empty.xml", b"  \n", "empty.xml: line 1: the file is empty"),
        ("other.xml", b"<?xml version='1.0'?><Workforce/>", "root is <Workforce>"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", r"Excel 97-2003 workbook \(\.xls\)"),
    ],
)
def test_files_that_are_no_return_are_refused_by_content(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not Conference.objects.exists()
