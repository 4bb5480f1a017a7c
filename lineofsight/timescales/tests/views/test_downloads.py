"""Every list downloads as CSV and Excel: the page's rows, clear headers, and an audit event."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.timescales.tests.scenarios import Scenario, case_create, child_create

pytestmark = pytest.mark.django_db

MY_WORK = reverse("timescales:my_work")
TEAM_A = reverse("timescales:team", args=["SFSA"])


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_my_work_as_csv_has_the_pages_rows_in_its_order(
    client_for: Callable[[str], Client],
) -> None:
    response = client_for("sam").get(MY_WORK, {"format": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-work-2017-03-31.csv"'
    rows = csv_rows(response.content)
    assert rows[0] == [
        "Child ID",
        "Child",
        "Timescale",
        "Obligation",
        "Clock started",
        "Due",
        "Status",
        "Days overdue",
    ]
    assert [row[0] for row in rows[1:]] == ["C2", "C1", "C9", "C1", "C2"]
    assert rows[1] == [
        "C2",
        "Ben Bold",
        "T-06",
        "Child in need plan reviewed",
        "2017-02-01",
        "2017-03-01",
        "Overdue",
        "30",
    ]
    assert rows[3][6:] == ["Due soon", ""]


def test_the_all_option_carries_into_the_download(client_for: Callable[[str], Client]) -> None:
    response = client_for("sam").get(MY_WORK, {"all": "1", "format": "csv"})

    assert len(csv_rows(response.content)) == 1 + 6


def test_team_waiting_list_as_excel(client_for: Callable[[str], Client]) -> None:
    response = client_for("tina").get(TEAM_A, {"list": "waiting", "format": "xlsx"})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "team-SFSA-waiting-2017-03-31.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == [
        "Child ID",
        "Child",
        "Case",
        "Held",
        "Held by",
        "Waiting since",
        "Days waiting",
    ]
    assert [row[0] for row in values[1:]] == ["C4", "C5", "C6"]
    assert values[1][:4] == ["C4", "Dan Dale", "Child in need", "Unallocated"]
    assert values[1][5] == dt.datetime(2017, 2, 19)  # an Excel date, not text
    assert values[1][6] == 40
    assert values[2][4] == "Tina Turner"
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


def test_team_deadlines_and_caseloads_download_too(client_for: Callable[[str], Client]) -> None:
    client = client_for("tina")

    deadlines = csv_rows(client.get(TEAM_A, {"list": "deadlines", "format": "csv"}).content)
    caseloads = csv_rows(client.get(TEAM_A, {"list": "caseloads", "format": "csv"}).content)

    assert deadlines[0][:3] == ["Worker", "Staff ID", "Child ID"]
    assert [(row[0], row[2]) for row in deadlines[1:3]] == [
        ("Sam Smith", "C2"),
        ("Sam Smith", "C1"),
    ]
    assert deadlines[-2][0] == "No named worker"
    assert caseloads[0] == [
        "Worker",
        "Staff ID",
        "Child in need",
        "Child protection",
        "Looked after",
        "Care leaver",
        "Total",
        "Overdue deadlines",
    ]
    assert ["Sam Smith", "SW1", "1", "1", "0", "0", "2", "2"] in caseloads


def test_the_childs_timeline_and_the_service_download(
    client_for: Callable[[str], Client],
) -> None:
    client = client_for("hana")

    child = reverse("timescales:child", args=["C1"])
    timeline = csv_rows(client.get(child, {"format": "csv"}).content)
    service = client.get(reverse("timescales:service"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(service.content)).active

    assert timeline[0][4] == "Met on"
    assert [row[4] for row in timeline[1:]] == ["", "", "", "2017-02-18", "2017-01-24"]  # met on
    assert sheet is not None
    assert [cell.value for cell in sheet["B"]][-1] == "All teams"


def test_every_download_is_audited_with_the_children_in_it(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    client_for("tina").get(TEAM_A, {"list": "waiting", "format": "csv"})

    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert event.actor == scenario.user("tina")
    assert (event.record_type, event.record_key) == ("team_waiting", "SFSA")
    assert event.detail == {"format": "csv", "rows": 3, "child_ids": ["C4", "C5", "C6"]}


def test_a_childs_timeline_download_is_audited_against_the_child(
    client_for: Callable[[str], Client],
) -> None:
    client_for("sam").get(reverse("timescales:child", args=["C1"]), {"format": "xlsx"})

    exported = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert (exported.record_type, exported.child_id, exported.detail["rows"]) == (
        "child_deadlines",
        "C1",
        5,
    )


def test_a_child_one_may_not_see_cannot_be_downloaded(client_for: Callable[[str], Client]) -> None:
    response = client_for("sam").get(reverse("timescales:child", args=["C3"]), {"format": "csv"})

    assert response.status_code == 403
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("query", [{"format": "pdf"}, {"list": "nope", "format": "csv"}])
def test_an_unknown_download_is_not_found(
    client_for: Callable[[str], Client], query: dict[str, str]
) -> None:
    assert client_for("tina").get(TEAM_A, query).status_code == 404
    assert not AuditEvent.objects.exists()


def test_text_a_spreadsheet_would_run_as_a_formula_is_quoted(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    case_create(
        child_create("C12", "=HYPERLINK(1)", "Smith"),
        "cin",
        "unallocated",
        scenario.team_a,
        days_waiting=1,
    )

    rows = csv_rows(client_for("tina").get(TEAM_A, {"list": "waiting", "format": "csv"}).content)

    assert ["C12", "'=HYPERLINK(1) Smith"] in [row[:2] for row in rows]
