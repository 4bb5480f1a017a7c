"""The returns page: who may download a whole return, and what they get."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from lxml import etree

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditEvent, Council
from lineofsight.journey.models import CLAEpisode, Referral
from lineofsight.returns.ssda903.xml_form import ssda903_schema
from lineofsight.timescales.tests.builders import D
from lineofsight.timescales.tests.scenarios import child_create

pytestmark = pytest.mark.django_db
RETURNS = reverse("returns:returns")


@pytest.fixture
def records():
    Council.objects.create(
        name="Walsall", la_number="335", reference_date=D(2017, 3, 31), is_synthetic=True
    )
    child = child_create("C1", "Sam", "Green")
    Referral.objects.create(key="R1", child=child, referred_on=D(2016, 6, 1), source="1A")
    CLAEpisode.objects.create(
        key="E1",
        child=child,
        started_on=D(2016, 9, 1),
        reason_new="S",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U1",
        placement_provider="PR1",
    )


def signed_in(role: str) -> Client:
    user = User.objects.create_user(f"user.{role}", password="a-long-pass-phrase", role=role)
    client = Client()
    client.force_login(user)
    return client


def test_an_analyst_downloads_the_cin_census_and_it_is_audited(records):
    response = signed_in(Role.PERFORMANCE_ANALYST).get(
        RETURNS, {"name": "cin-census", "year": "2017"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-2017.xml"'
    tree = etree.fromstring(response.content)
    assert tree.findtext(".//LEA") == "335"
    assert tree.findtext(".//LAchildID") == "C1"
    event = AuditEvent.objects.get(action="exported", record_type="cin-census")
    assert event.actor is not None
    assert event.actor.role == Role.PERFORMANCE_ANALYST


def test_ssda903_comes_as_a_zip_of_its_tables(records):
    response = signed_in(Role.HEAD_OF_SERVICE).get(RETURNS, {"name": "ssda903", "year": "2017"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "header.csv" in archive.namelist()
    assert "episodes.csv" in archive.namelist()
    assert b"C1" in archive.read("header.csv")


def test_ssda903_xml_is_valid_against_cla_xsd(records):
    response = signed_in(Role.PERFORMANCE_ANALYST).get(
        RETURNS, {"name": "ssda903-xml", "year": "2017"}
    )
    assert response["Content-Disposition"] == 'attachment; filename="ssda903-2017.xml"'
    document = etree.fromstring(response.content)
    assert ssda903_schema().validate(document)
    assert document.findtext("CHILD/HEADER/CHILDID") == "C1"
    assert document.findtext("CHILD/EPISODE/PL") == "U1"


def test_an_import_after_a_download_gives_back_the_same_records(records, tmp_path):
    client = signed_in(Role.PERFORMANCE_ANALYST)
    first = client.get(RETURNS, {"name": "ssda903", "year": "2017"}).content
    (tmp_path / "ssda903-2017.zip").write_bytes(first)
    loaded = client.post(
        reverse("returns:import"),
        {"uploads": [SimpleUploadedFile("ssda903-2017.zip", first)], "action": "load"},
    )
    page = loaded.content.decode()
    assert "SSDA903 2016-17 (CSV, 10 tables): 0 records added, 0 updated" in page, page[
        page.find("govuk-error-summary") :
    ][:900]
    second = client.get(RETURNS, {"name": "ssda903", "year": "2017"}).content
    one, two = zipfile.ZipFile(io.BytesIO(first)), zipfile.ZipFile(io.BytesIO(second))
    assert {n: one.read(n) for n in one.namelist()} == {n: two.read(n) for n in two.namelist()}


def test_annex_a_comes_as_a_workbook(records):
    response = signed_in(Role.ADMINISTRATOR).get(
        RETURNS, {"name": "annex-a", "as_of": "2017-03-31"}
    )
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames[0] == "List 1"
    assert [row[0] for row in workbook["List 8"].iter_rows(min_row=2, values_only=True)] == ["C1"]


@pytest.mark.parametrize(
    "role",
    [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.ELECTED_MEMBER, Role.BUSINESS_SUPPORT],
)
def test_other_roles_are_refused(records, role):
    response = signed_in(role).get(RETURNS, {"name": "cin-census", "year": "2017"})
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_missing_choices_are_explained_on_the_page(records):
    response = signed_in(Role.PERFORMANCE_ANALYST).get(RETURNS, {"name": "annex-a", "as_of": ""})
    assert response.status_code == 400
    assert "Enter the inspection date" in response.content.decode()


def test_a_return_that_cannot_be_made_says_why(records):
    Referral.objects.all().delete()  # nobody was a child in need
    response = signed_in(Role.PERFORMANCE_ANALYST).get(
        RETURNS, {"name": "cin-census", "year": "2017"}
    )
    assert response.status_code == 400
    assert "no child had a CIN episode open" in response.content.decode()
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_the_page_offers_the_latest_ended_year(records):
    html = signed_in(Role.PERFORMANCE_ANALYST).get(RETURNS).content.decode()
    assert '<option value="2017" selected>' in html
    assert 'href="/returns/"' in html  # in the navigation
