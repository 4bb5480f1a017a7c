"""Returns through the database: import, then export from the records, gives the same files;
counts in the database equal counts in the files; what a return lacks is kept."""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from lineofsight.journey.models import Adoption, CLAEpisode, CLAReview, MissingEpisode
from lineofsight.journey.models.looked_after import HealthCheck
from lineofsight.people.models import Allocation, Child, Team, Worker
from lineofsight.returns.annex_a.export import annex_a_write
from lineofsight.returns.ssda903.export import ssda903_write
from lineofsight.returns.ssda903.spec import FILE_NAMES
from lineofsight.returns.ssda903.xml_form import ssda903_xml_write
from lineofsight.returns.tests.conftest import one_child_frames
from lineofsight.returns.tests.test_ssda903_import import _frames_2017, _frames_2025

pytestmark = pytest.mark.django_db


def run(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def rows(folder: Path, table: str) -> int:
    with (folder / FILE_NAMES[table]).open(encoding="utf-8", newline="") as file:
        return sum(1 for _ in csv.DictReader(file))


def test_ssda903_csv_import_then_export_gives_the_same_files(tmp_path: Path) -> None:
    source = tmp_path / "source"
    ssda903_write(_frames_2017(), year=2017, out=source)

    printed = run("import", str(source))

    assert "SSDA903 2016-17 (CSV, 10 tables)" in printed
    assert Child.objects.count() == rows(source, "header")
    assert CLAEpisode.objects.count() == rows(source, "episodes")
    assert CLAReview.objects.count() == rows(source, "reviews")
    assert MissingEpisode.objects.count() == rows(source, "missing")
    assert Child.objects.filter(is_uasc=True).count() == rows(source, "uasc")
    assert Adoption.objects.exists()
    assert HealthCheck.objects.exists()
    again = tmp_path / "again"
    run("export", "ssda903", "--year", "2017", "--out", str(again))
    names = sorted(path.name for path in source.iterdir())
    assert names == sorted(path.name for path in again.iterdir())
    same, different, missing = filecmp.cmpfiles(source, again, names, shallow=False)
    assert (different, missing) == ([], [])
    assert len(same) == 10  # 2016-17 has every table but social workers
    assert "0 records added, 0 updated" in run("import", str(source))


def test_ssda903_xml_import_matches_the_csv_import(tmp_path: Path) -> None:
    xml = tmp_path / "903.xml"
    ssda903_xml_write(_frames_2017(), year=2017, out=xml)
    assert "SSDA903 2016-17 (XML)" in run("import", str(xml))
    episodes = CLAEpisode.objects.count()
    csv_folder = tmp_path / "csv"
    ssda903_write(_frames_2017(), year=2017, out=csv_folder)
    assert "0 records added, 0 updated" in run("import", str(csv_folder))
    assert CLAEpisode.objects.count() == episodes == rows(csv_folder, "episodes")
    again = tmp_path / "again.xml"
    run("export", "ssda903", "--year", "2017", "--out", str(again))
    assert again.read_bytes() == xml.read_bytes()


def test_a_real_worker_is_not_overwritten_by_a_returns_stand_in(tmp_path: Path) -> None:
    Worker.objects.create(
        staff_id="SW2",
        given_name="Alex",
        family_name="Morgan",
        role="social_worker",
        is_qualified=True,
        is_agency=False,
        fte=1.0,
        started_on=dt.date(2015, 1, 5),
    )
    source = tmp_path / "2025"
    ssda903_write(_frames_2025(), year=2025, out=source)
    run("import", str(source))
    worker = Worker.objects.get(staff_id="SW2")
    assert (worker.given_name, worker.family_name) == ("Alex", "Morgan")
    assert Worker.objects.get(staff_id="SW1").family_name == "SW1"  # new: the return's stand-in
    assert Allocation.objects.filter(role="social_worker").count() == rows(source, "social_worker")
    assert Team.objects.filter(code="SSDA903").count() == 1


def test_an_adoption_detail_the_return_lacks_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "source"
    ssda903_write(_frames_2017(), year=2017, out=source)
    run("import", str(source))
    Adoption.objects.update(is_foster_for_adoption=True)
    run("import", str(source))
    assert set(Adoption.objects.values_list("is_foster_for_adoption", flat=True)) == {True}


def test_annex_a_loads_once_and_counts_match(tmp_path: Path) -> None:
    workbook = tmp_path / "annex-a.xlsx"
    annex_a_write(one_child_frames(), as_of=dt.date(2016, 9, 30), out=workbook)
    printed = run("import", str(workbook))
    assert "Ofsted Annex A" in printed
    child = Child.objects.get(child_id="C1")
    assert child.born_on == dt.date(2010, 5, 1)
    assert child.referrals.count() == 1
    assert "0 records added, 0 updated" in run("import", str(workbook))


def test_a_bad_file_among_good_ones_loads_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good"
    ssda903_write(_frames_2017(), year=2017, out=good)
    bad = tmp_path / "bad"
    ssda903_write(_frames_2017(), year=2017, out=bad)
    episodes = bad / FILE_NAMES["episodes"]
    text = episodes.read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace(",C2,", ",Q9,", 1)
    episodes.write_text("\n".join(text) + "\n", encoding="utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"nothing was loaded: .*episodes\.csv line 2.*LS.*Q9"):
        run("import", str(good), str(bad))
    assert not Child.objects.exists()


def test_a_census_of_records_held_under_other_keys_adds_nothing(tmp_path: Path) -> None:
    # Records entered in Line of Sight have their own keys; the census's keys are made from
    # the file. The same child referred and assessed on the same days is the same record.
    from lineofsight.core.models import Council
    from lineofsight.journey.models import Assessment, Referral
    from lineofsight.timescales.tests.scenarios import child_create

    Council.objects.create(
        name="Walsall", la_number="335", reference_date=dt.date(2017, 3, 31), is_synthetic=True
    )
    child = child_create("C1", "Sam", "Green")
    referral = Referral.objects.create(
        key="REF-0001", child=child, referred_on=dt.date(2016, 6, 1), source="1A"
    )
    Assessment.objects.create(
        key="ASM-0001",
        referral=referral,
        started_on=dt.date(2016, 6, 2),
        authorised_on=dt.date(2016, 7, 1),
    )
    census = tmp_path / "cin.xml"
    run("export", "cin-census", "--year", "2017", "--out", str(census))

    printed = run("import", str(census))

    assert "CIN census 2016-17: 0 records added" in printed
    assert list(Referral.objects.values_list("key", flat=True)) == ["REF-0001"]
    assert list(Assessment.objects.values_list("key", flat=True)) == ["ASM-0001"]


def test_a_903_of_records_held_with_times_and_other_keys_changes_nothing(tmp_path: Path) -> None:
    # Held: an episode, a missing episode with its times, an initial health assessment and an
    # immunisation record; the return carries days only and summarises health as at 31 March.
    from zoneinfo import ZoneInfo

    from lineofsight.core.models import Council
    from lineofsight.timescales.tests.scenarios import child_create

    london = ZoneInfo("Europe/London")
    Council.objects.create(
        name="Walsall", la_number="335", reference_date=dt.date(2017, 3, 31), is_synthetic=True
    )
    child = child_create("C1", "Sam", "Green")
    CLAEpisode.objects.create(
        key="EP-1",
        child=child,
        started_on=dt.date(2015, 9, 1),
        reason_new="S",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U1",
        placement_provider="PR1",
    )
    MissingEpisode.objects.create(
        key="MIS-1",
        child=child,
        kind="M",
        started_at=dt.datetime(2016, 10, 3, 22, 30, tzinfo=london),
        ended_at=dt.datetime(2016, 10, 3, 23, 50, tzinfo=london),
    )
    HealthCheck.objects.create(key="HC-1", child=child, kind="iha", done_on=dt.date(2016, 9, 20))
    HealthCheck.objects.create(
        key="HC-2", child=child, kind="immunisations", done_on=dt.date(2014, 1, 5), value="1"
    )
    source = tmp_path / "903"
    run("export", "ssda903", "--year", "2017", "--out", str(source))
    assert rows(source, "oc2") == 1
    assert rows(source, "missing") == 1

    printed = run("import", str(source))

    assert "SSDA903 2016-17 (CSV, 10 tables): 0 records added, 0 updated" in printed
    missing = MissingEpisode.objects.get()
    assert (missing.key, missing.started_at.astimezone(london).hour) == ("MIS-1", 22)
    assert sorted(HealthCheck.objects.values_list("key", flat=True)) == ["HC-1", "HC-2"]


def test_a_later_return_updates_what_changed_and_an_earlier_one_erases_nothing(
    tmp_path: Path,
) -> None:
    from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames

    frames = journey_frames(
        child=[_child("C1", "2010-01-01")],
        cla_episode=[_episode("e", "C1", "2016-06-01", ended_on="2017-06-30", reason_ceased="E8")],
    )
    earlier, later = tmp_path / "2016-17", tmp_path / "2017-18"
    ssda903_write(frames, year=2017, out=earlier)  # the episode still open at 31 March 2017
    ssda903_write(frames, year=2018, out=later)

    run("import", str(earlier))
    assert CLAEpisode.objects.get().ended_on is None
    assert "0 records added, 1 updated (updated: cla_episode 1)" in run("import", str(later))
    episode = CLAEpisode.objects.get()
    assert (episode.ended_on, episode.reason_ceased) == (dt.date(2017, 6, 30), "E8")
    assert "0 records added, 0 updated" in run("import", str(earlier))
    assert CLAEpisode.objects.get().ended_on == dt.date(2017, 6, 30)


def test_an_unborn_child_in_annex_a_is_loaded_as_expected(tmp_path: Path) -> None:
    from lineofsight.returns.tests.conftest import CHILD, REFERRAL
    from lineofsight.timescales.tests.builders import journey_frames

    unborn = CHILD | {"born_on": None, "expected_birth_on": dt.date(2016, 10, 1), "sex": "U"}
    frames = journey_frames(child=[unborn], referral=[REFERRAL | {"source": "5A"}])
    workbook = tmp_path / "annex-a.xlsx"
    annex_a_write(frames, as_of=dt.date(2016, 9, 30), out=workbook)

    printed = run("import", str(workbook))

    assert "1 children have no Date of Birth (unborn)" in printed
    child = Child.objects.get(child_id="C1")
    # No date in the lists but the referral's: the expected birth is placed there.
    assert (child.born_on, child.expected_birth_on) == (None, dt.date(2016, 6, 1))
