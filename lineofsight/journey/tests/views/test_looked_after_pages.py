"""The looked-after recording pages: each step recorded through its page, the change forms
pre-filled from the open episode, a missing answer and a refused sequence shown with nothing
written, and the steps offered only when they can apply."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.journey import services
from lineofsight.journey.domain import sequence_looked_after as care_rules
from lineofsight.journey.models import (
    CLAEpisode,
    CLAReview,
    EducationPlan,
    HealthCheck,
    MissingEpisode,
    YouthJusticeOutcome,
)
from lineofsight.journey.steps import STEPS
from lineofsight.journey.steps.looked_after import STAGE
from lineofsight.journey.tests.builders import (
    Case,
    D,
    at,
)
from lineofsight.journey.tests.views.pages import (
    page,
    record,
    refused,
    refused_at,
    saved,
    written,
)
from lineofsight.people.models import Child

pytestmark = pytest.mark.django_db

LOOKED_AFTER_SLUGS = [step.slug for step in STEPS.values() if step.stage == STAGE]
STARTED = D(2017, 5, 2)


# ---- setup through the services ------------------------------------------------------------


def looked_after(case: Case, **placement: Any) -> CLAEpisode:
    """The child looked after from 2 May 2017 under a full care order, in foster care."""
    details: dict[str, Any] = {
        "placement_type": "U6",
        "placement_provider": "PR1",
        "placement_postcode": "AB1 2CD",
        **placement,
    }
    return services.cla_start(
        child=case.child,
        started_on=STARTED,
        legal_status="C2",
        category_of_need="N1",
        acting_user=case.user,
        **details,
    )


def went_missing(case: Case, *, returned: bool) -> MissingEpisode:
    return services.missing_episode_record(
        child=case.child,
        kind="M",
        started_at=at(D(2017, 9, 20), 22, 0),
        ended_at=at(D(2017, 9, 21), 9, 30) if returned else None,
        acting_user=case.user,
    )


def aged_14(case: Case) -> Child:
    Child.objects.filter(pk=case.child.pk).update(born_on=D(2003, 2, 11))
    case.child.refresh_from_db()
    return case.child


# ---- the pages -----------------------------------------------------------------------------


def offered_on_record_page(client: Client, case: Case) -> set[str]:
    html = client.get(reverse("timescales:child", args=[case.child.child_id])).content.decode()
    slugs = set(re.findall(r'href="[^"]*/record/([\w-]+)/" data-step="', html))
    return slugs & set(LOOKED_AFTER_SLUGS)


# ---- each step recorded through its page ---------------------------------------------------


def test_starting_to_be_looked_after(case: Case, worker: Client) -> None:
    form = page(worker, case.child, "cla-start")
    assert 'name="started_on_day" type="text" inputmode="numeric" value="30"' in form

    saved(
        record(
            worker,
            case.child,
            "cla-start",
            started_on=STARTED,
            legal_status="C2",
            category_of_need="N1",
            placement_type="U6",
            placement_provider="PR1",
            placement_postcode="ab1  2cd",
            placement_location="IN",
            distance_miles="3.5",
            home_postcode="ef3 4gh",
        ),
        "Start of being looked after recorded",
    )
    episode = CLAEpisode.objects.get()
    assert (episode.started_on, episode.reason_new, episode.legal_status) == (STARTED, "S", "C2")
    assert (episode.category_of_need, episode.placement_type) == ("N1", "U6")
    assert (episode.placement_postcode, episode.home_postcode) == ("AB1 2CD", "EF3 4GH")
    assert (episode.placement_location, episode.distance_miles) == ("IN", 3.5)
    assert episode.ended_on is None


@pytest.mark.parametrize(("same_carers", "reason_new"), [("no", "P"), ("yes", "T")])
def test_a_change_of_placement_prefilled_from_the_open_episode(
    case: Case, worker: Client, same_carers: str, reason_new: str
) -> None:
    first = looked_after(case)
    form = page(worker, case.child, "cla-placement-change")
    assert '<option value="C2" selected>' in form  # the current legal status
    assert '<option value="U6" selected>' in form  # the current placement
    assert 'value="AB1 2CD"' in form
    assert 'name="same_carers" type="radio" value="yes">' in form  # asked, not assumed

    saved(
        record(
            worker,
            case.child,
            "cla-placement-change",
            changed_on=D(2017, 6, 1),
            placement_type="U4",
            placement_provider="PR1",
            placement_postcode="AB1 2CD",
            same_carers=same_carers,
            reason_place_change="CARPL",
            legal_status="C2",
        ),
        "Change of placement recorded",
    )
    first.refresh_from_db()
    assert (first.ended_on, first.reason_ceased, first.reason_place_change) == (
        D(2017, 6, 1),
        "X1",
        "CARPL",
    )
    following = CLAEpisode.objects.get(ended_on__isnull=True)
    assert (following.started_on, following.reason_new) == (D(2017, 6, 1), reason_new)
    assert (following.placement_type, following.legal_status) == ("U4", "C2")
    assert following.category_of_need == "N1"


def test_out_of_a_temporary_placement_the_page_offers_the_normal_one(
    case: Case, worker: Client
) -> None:
    looked_after(case)
    services.cla_placement_change(
        child=case.child,
        changed_on=D(2017, 6, 1),
        placement_type="T1",
        reason_place_change="OTHER",
        same_carers=True,
        acting_user=case.user,
    )
    form = page(worker, case.child, "cla-placement-change")
    assert '<option value="U6" selected>' in form  # the placement before the temporary one
    assert 'value="AB1 2CD"' in form
    before = written()
    html = record(
        worker,
        case.child,
        "cla-placement-change",
        changed_on=D(2017, 6, 5),
        placement_type="U4",
        placement_provider="PR1",
        same_carers="no",
        legal_status="C2",
    )
    refused(html, care_rules.RETURN_TO_NORMAL_PLACEMENT.format(normal="U6"))
    assert written() == before


def test_a_move_with_a_new_legal_status_the_same_day(case: Case, worker: Client) -> None:
    looked_after(case)
    saved(
        record(
            worker,
            case.child,
            "cla-placement-change",
            changed_on=D(2017, 6, 1),
            placement_type="K2",
            placement_provider="PR4",
            same_carers="no",
            reason_place_change="CARPL",
            legal_status="E1",
        ),
        "Change of placement recorded",
    )
    following = CLAEpisode.objects.get(ended_on__isnull=True)
    assert (following.reason_new, following.legal_status) == ("B", "E1")


def test_a_change_of_legal_status(case: Case, worker: Client) -> None:
    first = looked_after(case)
    form = page(worker, case.child, "cla-legal-status-change")
    assert '<option value="C2" selected>' in form
    assert "Looked after since 2 May 2017" in form

    saved(
        record(
            worker,
            case.child,
            "cla-legal-status-change",
            changed_on=D(2017, 7, 3),
            legal_status="E1",
        ),
        "Change of legal status recorded",
    )
    first.refresh_from_db()
    assert (first.ended_on, first.reason_ceased) == (D(2017, 7, 3), "X1")
    following = CLAEpisode.objects.get(ended_on__isnull=True)
    assert (following.reason_new, following.legal_status, following.placement_type) == (
        "L",
        "E1",
        "U6",
    )
    assert following.placement_postcode == "AB1 2CD"


def test_stopping_being_looked_after(case: Case, worker: Client) -> None:
    episode = looked_after(case)
    form = page(worker, case.child, "cla-cease")
    assert 'value="E4A"' in form
    assert 'value="X1"' not in form

    saved(
        record(worker, case.child, "cla-cease", ended_on=D(2017, 9, 29), reason_ceased="E4A"),
        "End of being looked after recorded",
    )
    episode.refresh_from_db()
    assert (episode.ended_on, episode.reason_ceased) == (D(2017, 9, 29), "E4A")
    assert CLAEpisode.objects.count() == 1


def test_a_looked_after_review(case: Case, worker: Client) -> None:
    looked_after(case)
    saved(
        record(
            worker,
            case.child,
            "cla-review",
            held_on=D(2017, 5, 30),
            participation="PN1",
            chaired_by="SW001",
        ),
        "Looked-after review recorded",
    )
    review = CLAReview.objects.get()
    assert (review.held_on, review.participation, review.chaired_by) == (
        D(2017, 5, 30),
        "PN1",
        case.worker,
    )


def test_a_health_check_by_its_score_or_answer(case: Case, worker: Client) -> None:
    looked_after(case)
    saved(
        record(
            worker, case.child, "health-check", kind="sdq", done_on=D(2017, 6, 5), sdq_score="14"
        ),
        "Health check recorded",
    )
    saved(
        record(
            worker,
            case.child,
            "health-check",
            kind="immunisations",
            done_on=D(2017, 6, 5),
            answer="no",
        ),
        "Health check recorded",
    )
    saved(
        record(worker, case.child, "health-check", kind="dental", done_on=D(2017, 6, 6)),
        "Health check recorded",
    )
    checks = {c.kind: (c.done_on, c.value, c.sdq_reason) for c in HealthCheck.objects.all()}
    assert checks == {
        "sdq": (D(2017, 6, 5), "14", ""),
        "immunisations": (D(2017, 6, 5), "0", ""),
        "dental": (D(2017, 6, 6), "", ""),
    }


def test_a_personal_education_plan(case: Case, worker: Client) -> None:
    looked_after(case)
    saved(
        record(
            worker,
            case.child,
            "education-plan",
            done_on=D(2017, 6, 12),
            school_urn="123456",
            school_ofsted_grade="2",
        ),
        "Personal education plan recorded",
    )
    plan = EducationPlan.objects.get()
    assert (plan.done_on, plan.school_urn, plan.school_ofsted_grade) == (
        D(2017, 6, 12),
        "123456",
        "2",
    )


def test_going_missing_and_returning_in_one(case: Case, worker: Client) -> None:
    saved(
        record(
            worker,
            case.child,
            "missing-episode",
            kind="A",
            started_on=D(2017, 9, 2),
            started_time="21:15",
            ended_on=D(2017, 9, 3),
            ended_time="07:40",
        ),
        "Missing or away episode recorded",
    )
    episode = MissingEpisode.objects.get()
    assert episode.kind == "A"
    assert (episode.started_at, episode.ended_at) == (
        at(D(2017, 9, 2), 21, 15),
        at(D(2017, 9, 3), 7, 40),
    )


def test_the_return_from_a_missing_episode(case: Case, worker: Client) -> None:
    episode = went_missing(case, returned=False)
    form = page(worker, case.child, "missing-episode-end")
    assert f'value="{episode.key}" checked' in form
    assert "Missing from 20 September 2017 at 22:00" in form

    saved(
        record(
            worker,
            case.child,
            "missing-episode-end",
            missing_episode=episode.key,
            ended_on=D(2017, 9, 22),
            ended_time="08:05",
        ),
        "Return recorded",
    )
    episode.refresh_from_db()
    assert episode.ended_at == at(D(2017, 9, 22), 8, 5)


def test_a_return_interview_and_recording_it_again(case: Case, worker: Client) -> None:
    episode = went_missing(case, returned=True)
    saved(
        record(worker, case.child, "return-interview", missing_episode=episode.key, offered="yes"),
        "Return interview recorded",
    )
    episode.refresh_from_db()
    assert episode.return_interview_offered is True
    assert episode.return_interview_accepted is None

    form = page(worker, case.child, "return-interview")
    assert 'name="offered" type="radio" value="yes" checked' in form
    saved(
        record(
            worker,
            case.child,
            "return-interview",
            missing_episode=episode.key,
            offered="yes",
            accepted="yes",
            done_on=D(2017, 9, 22),
            done_time="16:00",
        ),
        "Return interview recorded",
    )
    episode.refresh_from_db()
    assert episode.return_interview_accepted is True
    assert episode.return_interview_done_at == at(D(2017, 9, 22), 16, 0)


def test_a_youth_justice_outcome(case: Case, worker: Client) -> None:
    aged_14(case)
    page(worker, case.child, "youth-justice-outcome")
    saved(
        record(
            worker,
            case.child,
            "youth-justice-outcome",
            kind="youth_caution",
            outcome_on=D(2017, 8, 14),
        ),
        "Youth justice outcome recorded",
    )
    outcome = YouthJusticeOutcome.objects.get()
    assert (outcome.kind, outcome.outcome_on) == ("youth_caution", D(2017, 8, 14))


# ---- missing answers ------------------------------------------------------------------------


def test_a_missing_reason_is_shown_and_nothing_written(case: Case, worker: Client) -> None:
    episode = looked_after(case)
    html = record(worker, case.child, "cla-cease", ended_on=D(2017, 9, 29))

    refused_at(html, "reason_ceased", "Select why the child stopped being looked after")
    assert "<title>Error: " in html
    episode.refresh_from_db()
    assert episode.ended_on is None


def test_a_missing_same_carers_answer_is_shown(case: Case, worker: Client) -> None:
    looked_after(case)
    html = record(
        worker,
        case.child,
        "cla-placement-change",
        changed_on=D(2017, 6, 1),
        placement_type="U4",
        reason_place_change="CARPL",
        legal_status="C2",
    )

    refused(html, "Select whether the child is staying with the same carers")
    assert CLAEpisode.objects.count() == 1


def test_a_return_date_without_its_time_is_shown(case: Case, worker: Client) -> None:
    html = record(
        worker,
        case.child,
        "missing-episode",
        kind="M",
        started_on=D(2017, 9, 2),
        started_time="21:15",
        ended_on=D(2017, 9, 3),
    )

    refused(html, "Enter the time the child returned")
    assert MissingEpisode.objects.count() == 0


def test_a_review_without_its_date_is_shown(case: Case, worker: Client) -> None:
    looked_after(case)
    html = record(worker, case.child, "cla-review", participation="PN1")

    refused_at(html, "held_on", "Enter the date the review was held")
    assert CLAReview.objects.count() == 0


# ---- refused sequences ----------------------------------------------------------------------


def test_starting_in_a_temporary_placement_is_refused(case: Case, worker: Client) -> None:
    html = record(
        worker,
        case.child,
        "cla-start",
        started_on=STARTED,
        legal_status="V2",
        category_of_need="N4",
        placement_type="T1",
    )

    refused(html, care_rules.TEMPORARY_START)
    assert CLAEpisode.objects.count() == 0


def test_an_unchanged_legal_status_is_refused(case: Case, worker: Client) -> None:
    looked_after(case)
    html = record(
        worker, case.child, "cla-legal-status-change", changed_on=D(2017, 7, 3), legal_status="C2"
    )

    refused(html, care_rules.LEGAL_STATUS_UNCHANGED)
    assert CLAEpisode.objects.count() == 1


def test_a_review_before_the_child_was_looked_after_is_refused(case: Case, worker: Client) -> None:
    looked_after(case)
    html = record(worker, case.child, "cla-review", held_on=D(2017, 4, 1), participation="PN1")

    refused(html, care_rules.NOT_LOOKED_AFTER)
    assert CLAReview.objects.count() == 0


def test_an_sdq_without_score_or_reason_is_refused(case: Case, worker: Client) -> None:
    looked_after(case)
    html = record(worker, case.child, "health-check", kind="sdq", done_on=D(2017, 6, 5))

    refused(html, care_rules.SDQ_SCORE_OR_REASON_NEEDED)
    assert HealthCheck.objects.count() == 0


def test_an_interview_held_before_the_return_is_refused(case: Case, worker: Client) -> None:
    episode = went_missing(case, returned=True)
    html = record(
        worker,
        case.child,
        "return-interview",
        missing_episode=episode.key,
        offered="yes",
        accepted="yes",
        done_on=D(2017, 9, 21),
        done_time="08:00",
    )

    refused(html, care_rules.INTERVIEW_BEFORE_RETURN)
    episode.refresh_from_db()
    assert episode.return_interview_offered is None


def test_an_outcome_before_the_age_of_10_is_refused(case: Case, worker: Client) -> None:
    aged_14(case)
    html = record(
        worker, case.child, "youth-justice-outcome", kind="conviction", outcome_on=D(2012, 6, 1)
    )

    refused(html, care_rules.YOUTH_JUSTICE_UNDER_10)
    assert YouthJusticeOutcome.objects.count() == 0


# ---- what is offered ------------------------------------------------------------------------


def test_a_child_not_looked_after_is_offered_the_start_only(case: Case, worker: Client) -> None:
    assert offered_on_record_page(worker, case) == {"cla-start", "missing-episode"}


def test_a_looked_after_child_is_offered_changes_not_a_start(case: Case, worker: Client) -> None:
    looked_after(case)
    went_missing(case, returned=False)

    assert offered_on_record_page(worker, case) == {
        "cla-placement-change",
        "cla-legal-status-change",
        "cla-cease",
        "cla-review",
        "health-check",
        "education-plan",
        "missing-episode",
        "missing-episode-end",
    }


def test_after_leaving_care_the_start_is_offered_again(case: Case, worker: Client) -> None:
    looked_after(case)
    services.cla_cease(
        child=case.child, ended_on=D(2017, 8, 1), reason_ceased="E4A", acting_user=case.user
    )
    went_missing(case, returned=True)
    aged_14(case)

    assert offered_on_record_page(worker, case) == {
        "cla-start",
        "missing-episode",
        "return-interview",
        "youth-justice-outcome",
    }


def test_each_page_opens_for_a_child_it_is_offered_for(case: Case, worker: Client) -> None:
    page(worker, case.child, "cla-start")
    looked_after(case)
    went_missing(case, returned=False)
    for slug in [
        "cla-placement-change",
        "cla-legal-status-change",
        "cla-cease",
        "cla-review",
        "health-check",
        "education-plan",
        "missing-episode",
        "missing-episode-end",
    ]:
        assert STEPS[slug].offered(case.child), slug
        page(worker, case.child, slug)
    services.missing_episode_end(
        missing_episode=MissingEpisode.objects.get(),
        ended_at=at(D(2017, 9, 21), 9, 0),
        acting_user=case.user,
    )
    aged_14(case)
    for slug in ["return-interview", "youth-justice-outcome"]:
        assert STEPS[slug].offered(case.child), slug
        page(worker, case.child, slug)
