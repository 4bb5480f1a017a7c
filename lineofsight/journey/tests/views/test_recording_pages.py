"""The recording pages: a child protection journey recorded through them, each form's GOV.UK
error summary, a refused sequence shown and nothing written, and another team refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.models import (
    ChildProtectionPlan,
    Conference,
    Contact,
    Referral,
    Visit,
)
from lineofsight.journey.steps import STEPS
from lineofsight.journey.tests.builders import (
    PASSWORD,
    Case,
    D,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.views.pages import (
    date_parts,
    record,
    saved,
    step_url,
)

pytestmark = pytest.mark.django_db


def the_only(model: Any) -> Any:
    return model.objects.get()


def test_a_protection_journey_recorded_through_the_pages(case: Case, worker: Client) -> None:
    saved(
        record(
            worker,
            case.child,
            "contact",
            received_on=D(2017, 4, 3),
            received_time="09:15",
            source="2B",
            concerns="Bruising seen at school",
        ),
        "Contact recorded",
    )
    contact = the_only(Contact)
    saved(
        record(
            worker,
            case.child,
            "contact-decision",
            contact=contact.key,
            decided_on=D(2017, 4, 3),
            decided_time="15:40",
            outcome="referral",
        ),
        "Decision on the contact recorded",
    )
    # The referral form offers the contact and pre-fills its date and source.
    form = worker.get(step_url(case.child, "referral")).content.decode()
    assert f'value="{contact.key}" checked' in form
    assert 'name="referred_on_day" type="text" inputmode="numeric" value="3"' in form
    saved(
        record(
            worker,
            case.child,
            "referral",
            contact=contact.key,
            referred_on=D(2017, 4, 3),
            source="2B",
            primary_need="N1",
            team="SAFE1",
            worker="SW001",
        ),
        "Referral recorded",
    )
    referral = the_only(Referral)
    assert referral.contact == contact
    assert referral.worker == case.worker
    saved(
        record(
            worker, case.child, "assessment-start", referral=referral.key, started_on=D(2017, 4, 4)
        ),
        "Assessment started",
    )
    saved(
        record(
            worker,
            case.child,
            "strategy-discussion",
            referral=referral.key,
            held_on=D(2017, 4, 5),
            decision="s47",
            attended=["police", "health"],
        ),
        "Strategy discussion recorded",
    )
    discussion = referral.strategy_discussions.get()
    assert discussion.police_attended
    assert not discussion.education_attended
    saved(
        record(
            worker,
            case.child,
            "section-47-start",
            strategy_discussion=discussion.key,
            started_on=D(2017, 4, 5),
        ),
        "Section 47 enquiry started",
    )
    enquiry = referral.section47_enquiries.get()
    saved(
        record(
            worker,
            case.child,
            "section-47-complete",
            enquiry=enquiry.key,
            completed_on=D(2017, 4, 20),
            outcome="icpc",
        ),
        "Section 47 enquiry completed",
    )
    saved(
        record(
            worker,
            case.child,
            "conference",
            referral=referral.key,
            kind="initial",
            held_on=D(2017, 4, 27),
            outcome="plan",
            section47_enquiry=enquiry.key,
            initial_category="PHY",
            attended=["police", "health", "education"],
        ),
        "Conference recorded",
    )
    plan = the_only(ChildProtectionPlan)
    assert (plan.started_on, plan.initial_category) == (D(2017, 4, 27), "PHY")
    saved(
        record(
            worker,
            case.child,
            "visit",
            kind="cp",
            visited_on=D(2017, 5, 4),
            child_seen="yes",
            child_seen_alone="yes",
        ),
        "Visit recorded",
    )
    # A review conference: the form now offers a review, and a plan that ends ends it.
    form = worker.get(step_url(case.child, "conference")).content.decode()
    assert 'value="review" checked' in form
    saved(
        record(
            worker,
            case.child,
            "conference",
            referral=referral.key,
            kind="review",
            held_on=D(2017, 7, 20),
            outcome="plan_ends",
            end_reason="no_further",
            attended=["police"],
        ),
        "Conference recorded",
    )
    plan.refresh_from_db()
    assert plan.ended_on == D(2017, 7, 20)
    assert plan.end_reason == "no_further"

    page = worker.get(reverse("timescales:child", args=[case.child.child_id])).content.decode()
    statuses = re.findall(r'data-status="([^"]+)"', page)
    assert "Child in need" in statuses
    assert "Child protection plan" not in statuses
    chronology = worker.get(reverse("journey:chronology", args=[case.child.child_id]))
    titles = re.findall(r'data-kind="(\w+)"', chronology.content.decode())
    assert titles.count("child_protection") >= 5
    assert "visits" in titles
    written = AuditEvent.objects.filter(action__in=[AuditAction.CREATED, AuditAction.CHANGED])
    assert {e.actor_id for e in written} == {case.user.pk}
    assert written.filter(record_type="child_protection_plan").count() == 2  # started, then ended


def test_each_page_opens_for_a_child_with_nothing_recorded(case: Case, worker: Client) -> None:
    for slug, step in STEPS.items():
        response = worker.get(step_url(case.child, slug))
        if not step.allowed(case.user):  # a manager's step: refused to the social worker
            assert response.status_code == 403, slug
            continue
        assert response.status_code == 200, slug
        assert f'data-step="{slug}"' in response.content.decode()


def test_a_missing_answer_is_shown_in_the_error_summary_and_nothing_written(
    case: Case, worker: Client
) -> None:
    html = record(worker, case.child, "visit", kind="cin", child_seen="yes", child_seen_alone="no")

    assert "There is a problem" in html
    assert '<a href="#id_visited_on">Enter the date of the visit</a>' in html
    assert html.count("govuk-form-group--error") == 1
    assert "<title>Error: " in html
    assert Visit.objects.count() == 0


def test_a_refused_sequence_is_shown_and_nothing_written(case: Case, worker: Client) -> None:
    html = record(
        worker,
        case.child,
        "visit",
        kind="cp",
        visited_on=D(2017, 5, 4),
        child_seen="yes",
        child_seen_alone="no",
    )

    assert "There is a problem" in html
    assert rules.CP_VISIT_NEEDS_OPEN_PLAN in html
    assert Visit.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.CREATED).exists()


def test_a_conference_deciding_a_plan_needs_its_category(case: Case, worker: Client) -> None:
    html = record(
        worker, case.child, "conference", kind="initial", held_on=D(2017, 4, 27), outcome="plan"
    )

    assert "Select the category of abuse the plan is under" in html
    assert Conference.objects.count() == 0


def test_a_social_worker_of_another_team_can_neither_open_nor_post(case: Case) -> None:
    other = social_worker_create("SW900", team_create("SAFE9"), "outsider.sw")
    client = Client()
    assert client.login(username=other.username, password=PASSWORD)

    assert client.get(step_url(case.child, "contact")).status_code == 403
    posted = client.post(
        step_url(case.child, "contact"),
        {**date_parts("received_on", D(2017, 4, 3)), "received_time": "09:15", "source": "2B"},
    )
    assert posted.status_code == 403
    assert Contact.objects.count() == 0
    assert client.get(reverse("journey:chronology", args=[case.child.child_id])).status_code == 403


def test_the_chronology_filters_and_downloads(case: Case, worker: Client) -> None:
    record(
        worker, case.child, "contact", received_on=D(2017, 4, 3), received_time="09:15", source="2B"
    )
    record(
        worker,
        case.child,
        "visit",
        kind="cin",
        visited_on=D(2017, 5, 4),
        child_seen="yes",
        child_seen_alone="no",
    )
    url = reverse("journey:chronology", args=[case.child.child_id])

    html = worker.get(url, {"kind": "visits"}).content.decode()
    assert re.findall(r'data-kind="(\w+)"', html) == ["visits"]
    download = worker.get(url, {"kind": "visits", "format": "csv"})
    assert download["Content-Type"].startswith("text/csv")
    lines = download.content.decode().strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Date,")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED).count() == 1
    assert worker.get(url, {"kind": "nonsense"}).status_code == 404


def test_a_case_closes_once_its_work_has_ended(case: Case, worker: Client) -> None:
    record(worker, case.child, "referral", referred_on=D(2017, 4, 3), source="2B")
    referral = the_only(Referral)
    record(worker, case.child, "assessment-start", referral=referral.key, started_on=D(2017, 4, 4))

    refused = record(
        worker,
        case.child,
        "referral-close",
        referral=referral.key,
        closed_on=D(2017, 5, 1),
        closure_reason="RC8",
    )
    assert "The referral still has an assessment open on that date" in refused
    assert Referral.objects.get().closed_on is None

    assessment = referral.assessments.get()
    record(
        worker,
        case.child,
        "assessment-complete",
        assessment=assessment.key,
        authorised_on=D(2017, 4, 28),
        outcome="nfa",
    )
    saved(
        record(
            worker,
            case.child,
            "referral-close",
            referral=referral.key,
            closed_on=D(2017, 5, 1),
            closure_reason="RC8",
        ),
        "Case closed",
    )
    closed = Referral.objects.get()
    assert (closed.closed_on, closed.closure_reason) == (D(2017, 5, 1), "RC8")
    page = worker.get(reverse("timescales:child", args=[case.child.child_id])).content.decode()
    assert 'data-step="referral-close"' not in page
    assert 'data-step="referral"' in page  # a new referral can be made
