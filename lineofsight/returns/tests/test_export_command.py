"""`lineofsight export`: the command's own checks, and a return written from a frames folder."""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import etree

from lineofsight.core.models import AuditEvent, Council
from lineofsight.journey.models import Referral
from lineofsight.returns.tests.conftest import frames_folder_write, one_child_frames
from lineofsight.timescales.tests.builders import D
from lineofsight.timescales.tests.scenarios import child_create


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("export", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def frames_dir(tmp_path):
    frames = one_child_frames(
        cla_episode=[
            {
                "key": "E1",
                "child_id": "C1",
                "started_on": D(2016, 9, 1),
                "reason_new": "S",
                "legal_status": "C2",
                "category_of_need": "N1",
                "placement_type": "U1",
                "placement_provider": "PR1",
            }
        ],
    )
    return frames_folder_write(frames, tmp_path / "frames")


def test_the_cin_census_from_frames_is_valid_xml_for_the_council(frames_dir, tmp_path):
    out = tmp_path / "cin.xml"
    printed = run(
        "cin-census",
        "--year",
        "2017",
        "--from",
        str(frames_dir),
        "--out",
        str(out),
        "--la-number",
        "335",
    )
    assert str(out) in printed
    tree = etree.parse(str(out))
    assert tree.findtext(".//LEA") == "335"
    assert tree.findtext(".//LAchildID") == "C1"


def test_ssda903_from_frames_writes_every_table(frames_dir, tmp_path):
    out = tmp_path / "903"
    run("ssda903", "--year", "2017", "--from", str(frames_dir), "--out", str(out))
    header = list(csv.DictReader((out / "header.csv").open()))
    assert [row["CHILD"] for row in header] == ["C1"]
    episodes = list(csv.DictReader((out / "episodes.csv").open()))
    assert [(row["RNE"], row["LS"], row["PLACE"]) for row in episodes] == [("S", "C2", "U1")]


def test_annex_a_from_frames_has_every_list(frames_dir, tmp_path):
    import openpyxl

    out = tmp_path / "annex-a.xlsx"
    run("annex-a", "--as-of", "2017-03-31", "--from", str(frames_dir), "--out", str(out))
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook.sheetnames == [f"List {number}" for number in range(1, 12)]
    rows = list(workbook["List 8"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["C1"]  # looked after on the day


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cin-census", "--year", "2016"), "collection years ending 31 March 2017 to 2026"),
        (("ssda903", "--year", "2027"), "collection years ending 31 March 2017 to 2026"),
        (("cin-census", "--year", "2017", "--la-number", "33"), "expected three digits"),
    ],
)
def test_bad_options_are_explained(frames_dir, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args, "--from", str(frames_dir), "--out", str(tmp_path / "x"))


@pytest.mark.django_db
def test_without_a_council_the_la_number_must_be_given(frames_dir, tmp_path):
    with pytest.raises(CommandError, match="give --la-number"):
        run(
            "cin-census",
            "--year",
            "2017",
            "--from",
            str(frames_dir),
            "--out",
            str(tmp_path / "cin.xml"),
        )


@pytest.mark.django_db
def test_from_the_database_the_export_uses_the_council_and_is_audited(tmp_path):
    Council.objects.create(name="Walsall", la_number="335", reference_date=D(2017, 3, 31))
    child = child_create("C7", "Ann", "Lee")
    Referral.objects.create(key="R7", child=child, referred_on=D(2016, 5, 1), source="1A")
    out = tmp_path / "cin.xml"
    run("cin-census", "--year", "2017", "--out", str(out))
    assert etree.parse(str(out)).findtext(".//LEA") == "335"
    event = AuditEvent.objects.get(action="exported")
    assert (event.record_type, event.detail["year"]) == ("cin-census", 2017)


@pytest.mark.django_db
def test_an_empty_return_is_refused_and_nothing_is_written(tmp_path):
    Council.objects.create(name="Walsall", la_number="335", reference_date=D(2017, 3, 31))
    out = tmp_path / "cin.xml"
    with pytest.raises(CommandError, match=r"nothing was written: .*no child had a CIN episode"):
        run("cin-census", "--year", "2017", "--out", str(out))
    assert not out.exists()
    assert not AuditEvent.objects.filter(action="exported").exists()
