"""The import page: who may load returns, checking before loading, and bad files refused."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.accounts.models import Role
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.people.models import Child
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.tests.conftest import one_child_frames
from lineofsight.returns.tests.test_returns_page import signed_in

pytestmark = pytest.mark.django_db
IMPORT = reverse("returns:import")


@pytest.fixture
def census_bytes(tmp_path) -> bytes:
    path = tmp_path / "cin.xml"
    cin_census_write(
        one_child_frames(), year=2017, out=path, generated_at=dt.datetime(2017, 4, 10, 9)
    )
    return path.read_bytes()


def upload(content: bytes, name: str = "cin-2016-17.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE])
def test_only_analysts_and_administrators_may_import(role):
    assert signed_in(role).get(IMPORT).status_code == 403


def test_checking_reports_the_return_and_loads_nothing(census_bytes):
    response = signed_in(Role.PERFORMANCE_ANALYST).post(
        IMPORT, {"uploads": [upload(census_bytes)], "action": "check"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Checked: nothing loaded yet" in page
    assert "CIN census 2016-17: child 1, referral 1" in page
    assert not Child.objects.exists()


def test_loading_writes_the_records_and_audits_who_loaded_them(census_bytes):
    client = signed_in(Role.ADMINISTRATOR)
    response = client.post(IMPORT, {"uploads": [upload(census_bytes)], "action": "load"})
    assert response.status_code == 200
    assert "CIN census 2016-17: 2 records added, 0 updated" in response.content.decode()
    assert Child.objects.get(child_id="C1").born_on == dt.date(2010, 5, 1)
    loaded = AuditEvent.objects.get(action=AuditAction.LOADED)
    assert loaded.actor is not None
    assert loaded.actor.username == "user.administrator"
    again = client.post(IMPORT, {"uploads": [upload(census_bytes)], "action": "load"})
    assert "0 records added, 0 updated" in again.content.decode()


def test_a_bad_file_is_named_and_nothing_is_loaded(census_bytes):
    response = signed_in(Role.PERFORMANCE_ANALYST).post(
        IMPORT,
        {
            "uploads": [upload(census_bytes), upload(census_bytes[:300], "cut.xml")],
            "action": "load",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was loaded" in page
    assert "cut.xml: line" in page
    assert "not well-formed XML" in page
    assert not Child.objects.exists()


def test_a_return_for_another_year_is_refused(census_bytes):
    response = signed_in(Role.PERFORMANCE_ANALYST).post(
        IMPORT, {"uploads": [upload(census_bytes)], "year": "2019", "action": "load"}
    )
    assert response.status_code == 400
    assert "this is the return for 2016-17, not 2018-19" in response.content.decode()


def test_no_file_chosen_is_a_form_error():
    response = signed_in(Role.PERFORMANCE_ANALYST).post(IMPORT, {"action": "check"})
    assert response.status_code == 400
    assert "Choose the return files to import" in response.content.decode()


def test_a_path_in_an_uploaded_name_stays_in_the_upload_folder(census_bytes):
    response = signed_in(Role.PERFORMANCE_ANALYST).post(
        IMPORT, {"uploads": [upload(census_bytes, "../../etc/cin.xml")], "action": "check"}
    )
    assert response.status_code == 200
    assert "cin.xml: CIN census 2016-17" in response.content.decode()
