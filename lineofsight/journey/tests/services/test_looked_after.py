"""The looked-after writes through the services: episodes derived from starts, moves, legal
status changes and leaving care; reviews, health checks, PEPs, missing episodes and youth
justice outcomes; each refused sequence (nothing written) and a worker with no access
(nothing written)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.constants import (
    CLACategoryOfNeed,
    HealthCheckKind,
    LegalStatus,
    MissingKind,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
    SDQReason,
    YouthJusticeOutcomeKind,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_looked_after as care_rules
from lineofsight.journey.models import (
    CLAEpisode,
    HealthCheck,
    MissingEpisode,
)
from lineofsight.journey.services.looked_after import (
    cla_cease,
    cla_legal_status_change,
    cla_placement_change,
    cla_review_record,
    cla_start,
    education_plan_record,
    health_check_record,
    missing_episode_end,
    missing_episode_record,
    missing_episode_return_interview,
    youth_justice_outcome_record,
)
from lineofsight.journey.tests.builders import (
    TODAY,
    Case,
    D,
    allocate,
    at,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.services.checks import refused_and_nothing_written, rows
from lineofsight.people.models import Child

pytestmark = pytest.mark.django_db


STARTED = D(2017, 1, 9)


# ---- steps ----------------------------------------------------------------------------------


def start(case: Case, **changes: Any) -> CLAEpisode:
    given: dict[str, Any] = {
        "child": case.child,
        "started_on": STARTED,
        "legal_status": LegalStatus.C1,
        "category_of_need": CLACategoryOfNeed.N1,
        "placement_type": PlacementType.U6,
        "placement_provider": PlacementProvider.PR1,
        "placement_postcode": "ZZ1 1AA",
        "urn": "SC100001",
        "placement_la": "E08000030",
        "placement_location": "IN",
        "distance_miles": 2.5,
        "home_postcode": "ZZ9 9ZZ",
        "acting_user": case.user,
    }
    return cla_start(**{**given, **changes})


def move(case: Case, on: dt.date, **changes: Any) -> CLAEpisode:
    given: dict[str, Any] = {
        "child": case.child,
        "changed_on": on,
        "placement_type": PlacementType.U4,
        "placement_provider": PlacementProvider.PR4,
        "placement_postcode": "ZZ2 2BB",
        "urn": "SC200002",
        "reason_place_change": ReasonPlaceChange.CARPL,
        "acting_user": case.user,
    }
    return cla_placement_change(**{**given, **changes})


def older_child(case: Case, child_id: str, born_on: dt.date) -> Child:
    child = child_create(child_id, born_on=born_on)
    allocate(child, case.user, case.team)
    return child


# ---- episodes -------------------------------------------------------------------------------


def test_a_period_of_care_is_recorded_as_ssda903_episodes_and_audited(case: Case):
    user = case.user
    first = start(case)
    second = move(case, D(2017, 2, 1))
    third = cla_legal_status_change(
        child=case.child, changed_on=D(2017, 3, 15), legal_status=LegalStatus.C2, acting_user=user
    )
    fourth = move(
        case,
        D(2017, 5, 1),
        placement_type=PlacementType.A5,
        placement_provider=PlacementProvider.PR1,
        urn="SC300003",
        legal_status=LegalStatus.E1,
        same_carers=True,
        reason_place_change=ReasonPlaceChange.PLACE,
    )
    last = cla_cease(
        child=case.child,
        ended_on=D(2017, 8, 1),
        reason_ceased=ReasonEpisodeCeased.E11,
        acting_user=user,
    )
    assert last == fourth

    episodes = list(CLAEpisode.objects.order_by("started_on"))
    assert episodes == [first, second, third, fourth]
    assert [(e.started_on, e.ended_on, e.reason_new, e.reason_ceased) for e in episodes] == [
        (STARTED, D(2017, 2, 1), "S", "X1"),
        (D(2017, 2, 1), D(2017, 3, 15), "P", "X1"),
        (D(2017, 3, 15), D(2017, 5, 1), "L", "X1"),
        (D(2017, 5, 1), D(2017, 8, 1), "U", "E11"),
    ]
    assert [e.legal_status for e in episodes] == ["C1", "C1", "C2", "E1"]
    assert [(e.placement_type, e.urn) for e in episodes] == [
        ("U6", "SC100001"),
        ("U4", "SC200002"),
        ("U4", "SC200002"),
        ("A5", "SC300003"),
    ]
    # The reason for a move is on the episode the move ended; a legal status change has none.
    assert [e.reason_place_change for e in episodes] == ["CARPL", "", "PLACE", ""]
    # Through the period of care: the category of need and the home postcode carry on.
    assert {(e.child_id, e.category_of_need, e.home_postcode) for e in episodes} == {
        (case.child.pk, "N1", "ZZ9 9ZZ")
    }
    # A move replaces the placement; a legal status change keeps it whole.
    assert (first.placement_la, first.placement_location, first.distance_miles) == (
        "E08000030",
        "IN",
        2.5,
    )
    assert (second.placement_la, second.distance_miles) == ("", None)
    assert (third.placement_provider, third.placement_postcode) == ("PR4", "ZZ2 2BB")
    assert all(e.key.startswith("EPI-") and len(e.key) <= 40 for e in episodes)
    assert {e.reason_new for e in episodes} <= set(ReasonNewEpisode.values)

    events = list(AuditEvent.objects.order_by("pk"))
    assert {(e.actor_id, e.child_id) for e in events} == {(user.pk, "TEST0001")}
    assert [(e.action, e.record_key) for e in events] == [
        (AuditAction.CREATED, first.key),
        (AuditAction.CHANGED, first.key),
        (AuditAction.CREATED, second.key),
        (AuditAction.CHANGED, second.key),
        (AuditAction.CREATED, third.key),
        (AuditAction.CHANGED, third.key),
        (AuditAction.CREATED, fourth.key),
        (AuditAction.CHANGED, fourth.key),
    ]
    assert {e.record_type for e in events} == {first.record_type}
    assert events[1].detail == {"fields": ["ended_on", "reason_ceased", "reason_place_change"]}
    assert events[-1].detail == {"fields": ["ended_on", "reason_ceased"]}


def test_move_to_new_carers_with_a_new_legal_status_is_reason_b(case: Case):
    start(case)
    episode = move(case, D(2017, 2, 1), legal_status=LegalStatus.C2)
    assert (episode.reason_new, episode.legal_status) == ("B", "C2")


def test_move_with_the_same_carers_is_reason_t(case: Case):
    start(case)
    episode = move(case, D(2017, 2, 1), same_carers=True)
    assert episode.reason_new == "T"


def test_move_naming_the_same_legal_status_is_a_move_only(case: Case):
    start(case)
    episode = move(case, D(2017, 2, 1), legal_status=LegalStatus.C1)
    assert (episode.reason_new, episode.legal_status) == ("P", "C1")


def test_temporary_placement_and_back_gives_no_reason_for_the_return(case: Case):
    start(case)
    move(
        case,
        D(2017, 2, 1),
        placement_type=PlacementType.T1,
        placement_provider="",
        urn="",
        reason_place_change=ReasonPlaceChange.OTHER,
        same_carers=True,
    )
    back = move(case, D(2017, 2, 10), placement_type=PlacementType.U6, reason_place_change="")
    hospital = CLAEpisode.objects.get(placement_type=PlacementType.T1)
    assert (hospital.reason_ceased, hospital.reason_place_change) == ("X1", "")
    assert back.reason_new == "P"


def test_out_of_a_temporary_placement_only_back_to_the_normal_one_or_another_temporary(
    case: Case,
):
    start(case)  # U6
    temporary = {"placement_provider": "", "urn": "", "same_carers": True}
    move(case, D(2017, 2, 1), placement_type=PlacementType.T1, **temporary)
    message = care_rules.RETURN_TO_NORMAL_PLACEMENT.format(normal="U6")
    with refused_and_nothing_written(message):
        move(case, D(2017, 2, 10), placement_type=PlacementType.U4, reason_place_change="")
    # a second temporary placement, then back: the normal one is still the U6 before both
    move(
        case,
        D(2017, 2, 5),
        placement_type=PlacementType.T2,
        reason_place_change="",
        **temporary,
    )
    with refused_and_nothing_written(message):
        move(case, D(2017, 2, 10), placement_type=PlacementType.U4, reason_place_change="")
    back = move(case, D(2017, 2, 10), placement_type=PlacementType.U6, reason_place_change="")
    assert back.placement_type == PlacementType.U6
    # from the normal placement again, a move anywhere is possible
    assert move(case, D(2017, 3, 1), placement_type=PlacementType.U4).placement_type == "U4"


def test_start_takes_the_childs_home_postcode_unless_given(case: Case):
    Child.objects.filter(pk=case.child.pk).update(home_postcode="ZZ7 7YY")
    episode = start(case, home_postcode=None)
    assert episode.home_postcode == "ZZ7 7YY"


def test_new_period_of_care_after_the_last_ended(case: Case):
    start(case)
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    again = start(case, started_on=D(2017, 3, 2))
    assert (again.reason_new, again.ended_on) == ("S", None)


# ---- episodes refused: nothing written ------------------------------------------------------


def test_start_while_already_looked_after_is_refused(case: Case):
    start(case)
    with refused_and_nothing_written(care_rules.LOOKED_AFTER_ALREADY):
        start(case, started_on=D(2017, 3, 1))
    with refused_and_nothing_written(care_rules.LOOKED_AFTER_ALREADY):
        start(case, started_on=D(2016, 12, 1))


def test_start_the_day_care_ended_is_refused(case: Case):
    start(case)
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.LOOKED_AFTER_AGAIN_SAME_DAY):
        start(case, started_on=D(2017, 3, 1))


def test_start_before_birth_in_the_future_or_at_18_is_refused(case: Case):
    with refused_and_nothing_written(rules.EVENT_BEFORE_BIRTH):
        start(case, started_on=D(2010, 5, 16))
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        start(case, started_on=TODAY + dt.timedelta(days=1))
    adult = older_child(case, "TEST0003", D(1999, 1, 1))
    with refused_and_nothing_written(care_rules.LOOKED_AFTER_FROM_18):
        start(case, child=adult)


def test_start_for_an_unborn_child_is_refused(case: Case):
    unborn = child_create("TEST0002", expected_birth_on=D(2017, 12, 1))
    allocate(unborn, case.user, case.team)
    with refused_and_nothing_written(rules.UNBORN_ONLY_PRE_BIRTH):
        start(case, child=unborn)


def test_start_in_a_temporary_placement_is_refused(case: Case):
    with refused_and_nothing_written(care_rules.TEMPORARY_START):
        start(case, placement_type=PlacementType.T4)


def test_changes_with_no_open_episode_are_refused(case: Case):
    with refused_and_nothing_written(care_rules.NO_OPEN_EPISODE):
        move(case, D(2017, 2, 1))
    with refused_and_nothing_written(care_rules.NO_OPEN_EPISODE):
        cla_legal_status_change(
            child=case.child,
            changed_on=D(2017, 2, 1),
            legal_status=LegalStatus.C2,
            acting_user=case.user,
        )
    start(case)
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.NO_OPEN_EPISODE):
        cla_cease(
            child=case.child,
            ended_on=D(2017, 4, 1),
            reason_ceased=ReasonEpisodeCeased.E8,
            acting_user=case.user,
        )


def test_changes_on_or_before_the_open_episodes_start_are_refused(case: Case):
    start(case)
    for on in (STARTED, STARTED - dt.timedelta(days=1)):
        with refused_and_nothing_written(care_rules.EPISODE_CHANGE_NOT_AFTER_START):
            move(case, on)
        with refused_and_nothing_written(care_rules.EPISODE_CHANGE_NOT_AFTER_START):
            cla_legal_status_change(
                child=case.child, changed_on=on, legal_status=LegalStatus.C2, acting_user=case.user
            )
        with refused_and_nothing_written(care_rules.EPISODE_CHANGE_NOT_AFTER_START):
            cla_cease(
                child=case.child,
                ended_on=on,
                reason_ceased=ReasonEpisodeCeased.E4A,
                acting_user=case.user,
            )


def test_changes_in_the_future_are_refused(case: Case):
    start(case)
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        move(case, TODAY + dt.timedelta(days=1))
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        cla_cease(
            child=case.child,
            ended_on=TODAY + dt.timedelta(days=1),
            reason_ceased=ReasonEpisodeCeased.E4A,
            acting_user=case.user,
        )


def test_changes_that_change_nothing_are_refused(case: Case):
    start(case)
    same_placement = {
        "placement_type": PlacementType.U6,
        "placement_provider": PlacementProvider.PR1,
        "placement_postcode": "ZZ1 1AA",
        "urn": "SC100001",
    }
    with refused_and_nothing_written(care_rules.PLACEMENT_UNCHANGED):
        move(case, D(2017, 2, 1), **same_placement)
    with refused_and_nothing_written(care_rules.PLACEMENT_UNCHANGED):
        move(case, D(2017, 2, 1), legal_status=LegalStatus.C2, **same_placement)
    with refused_and_nothing_written(care_rules.LEGAL_STATUS_UNCHANGED):
        cla_legal_status_change(
            child=case.child,
            changed_on=D(2017, 2, 1),
            legal_status=LegalStatus.C1,
            acting_user=case.user,
        )


def test_move_without_its_reason_or_with_one_out_of_a_temporary_placement_is_refused(case: Case):
    start(case)
    with refused_and_nothing_written(care_rules.PLACE_CHANGE_REASON_NEEDED):
        move(case, D(2017, 2, 1), reason_place_change="")
    move(case, D(2017, 2, 1), placement_type=PlacementType.T2, placement_provider="", urn="")
    with refused_and_nothing_written(care_rules.PLACE_CHANGE_REASON_FROM_TEMPORARY):
        move(case, D(2017, 2, 10), placement_type=PlacementType.U6)


def test_leaving_care_with_x1_or_from_a_temporary_placement_is_refused(case: Case):
    start(case)
    with refused_and_nothing_written(care_rules.CEASE_WITH_X1):
        cla_cease(
            child=case.child,
            ended_on=D(2017, 3, 1),
            reason_ceased=ReasonEpisodeCeased.X1,
            acting_user=case.user,
        )
    move(case, D(2017, 2, 1), placement_type=PlacementType.T2, placement_provider="", urn="")
    with refused_and_nothing_written(care_rules.TEMPORARY_END):
        cla_cease(
            child=case.child,
            ended_on=D(2017, 3, 1),
            reason_ceased=ReasonEpisodeCeased.E4A,
            acting_user=case.user,
        )


# ---- while looked after ---------------------------------------------------------------------


def test_review_health_checks_and_pep_while_looked_after_are_recorded_and_audited(case: Case):
    start(case)
    user = case.user
    review = cla_review_record(
        child=case.child,
        held_on=D(2017, 2, 3),
        participation=ReviewParticipation.PN1,
        chaired_by=case.worker,
        acting_user=user,
    )
    iha = health_check_record(
        child=case.child,
        kind=HealthCheckKind.INITIAL_HEALTH_ASSESSMENT,
        done_on=D(2017, 1, 30),
        acting_user=user,
    )
    sdq = health_check_record(
        child=case.child,
        kind=HealthCheckKind.SDQ,
        done_on=D(2017, 3, 1),
        value="14",
        acting_user=user,
    )
    no_sdq = health_check_record(
        child=case.child,
        kind=HealthCheckKind.SDQ,
        done_on=D(2017, 3, 2),
        sdq_reason=SDQReason.SDQ2,
        acting_user=user,
    )
    jabs = health_check_record(
        child=case.child,
        kind=HealthCheckKind.IMMUNISATIONS,
        done_on=D(2017, 3, 1),
        value="1",
        acting_user=user,
    )
    pep = education_plan_record(
        child=case.child,
        done_on=D(2017, 1, 20),
        school_urn="100001",
        school_ofsted_grade="2",
        acting_user=user,
    )

    assert (review.child, review.held_on, review.participation, review.chaired_by) == (
        case.child,
        D(2017, 2, 3),
        "PN1",
        case.worker,
    )
    assert [(h.kind, h.value, h.sdq_reason) for h in HealthCheck.objects.order_by("pk")] == [
        ("iha", "", ""),
        ("sdq", "14", ""),
        ("sdq", "", "SDQ2"),
        ("immunisations", "1", ""),
    ]
    assert (pep.done_on, pep.school_urn, pep.school_ofsted_grade) == (D(2017, 1, 20), "100001", "2")
    records = [review, iha, sdq, no_sdq, jabs, pep]
    assert [r.key.split("-")[0] for r in records] == ["CLR", "HC", "HC", "HC", "HC", "PEP"]
    events = list(AuditEvent.objects.filter(action=AuditAction.CREATED).order_by("pk"))[1:]
    assert [(e.record_type, e.record_key) for e in events] == [
        (review.record_type, review.key),
        ("health_check", iha.key),
        ("health_check", sdq.key),
        ("health_check", no_sdq.key),
        ("health_check", jabs.key),
        ("education_plan", pep.key),
    ]
    assert {(e.actor_id, e.child_id) for e in events} == {(user.pk, "TEST0001")}


def test_review_on_the_day_care_ended_is_recorded(case: Case):
    start(case)
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    review = cla_review_record(
        child=case.child,
        held_on=D(2017, 3, 1),
        participation=ReviewParticipation.PN7,
        acting_user=case.user,
    )
    assert review.held_on == D(2017, 3, 1)


def test_events_of_care_when_not_looked_after_are_refused(case: Case):
    start(case)
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    for on in (D(2017, 1, 8), D(2017, 3, 2)):
        with refused_and_nothing_written(care_rules.NOT_LOOKED_AFTER):
            cla_review_record(
                child=case.child,
                held_on=on,
                participation=ReviewParticipation.PN1,
                acting_user=case.user,
            )
        with refused_and_nothing_written(care_rules.NOT_LOOKED_AFTER):
            health_check_record(
                child=case.child,
                kind=HealthCheckKind.DENTAL,
                done_on=on,
                acting_user=case.user,
            )
        with refused_and_nothing_written(care_rules.NOT_LOOKED_AFTER):
            education_plan_record(child=case.child, done_on=on, acting_user=case.user)


def test_review_participation_for_the_wrong_age_or_twice_a_day_is_refused(case: Case):
    start(case)
    with refused_and_nothing_written(care_rules.REVIEW_PN0_NOT_UNDER_4):
        cla_review_record(
            child=case.child,
            held_on=D(2017, 2, 3),
            participation=ReviewParticipation.PN0,
            acting_user=case.user,
        )
    cla_review_record(
        child=case.child,
        held_on=D(2017, 2, 3),
        participation=ReviewParticipation.PN1,
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.REVIEW_ALREADY_HELD):
        cla_review_record(
            child=case.child,
            held_on=D(2017, 2, 3),
            participation=ReviewParticipation.PN2,
            acting_user=case.user,
        )


def test_review_in_the_future_is_refused(case: Case):
    start(case)
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        cla_review_record(
            child=case.child,
            held_on=TODAY + dt.timedelta(days=1),
            participation=ReviewParticipation.PN1,
            acting_user=case.user,
        )


def test_health_check_values_that_do_not_fit_are_refused(case: Case):
    start(case)
    with refused_and_nothing_written(care_rules.SDQ_SCORE_AND_REASON):
        health_check_record(
            child=case.child,
            kind=HealthCheckKind.SDQ,
            done_on=D(2017, 3, 1),
            value="14",
            sdq_reason=SDQReason.SDQ2,
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.SDQ_SCORE_OUT_OF_RANGE):
        health_check_record(
            child=case.child,
            kind=HealthCheckKind.SDQ,
            done_on=D(2017, 3, 1),
            value="41",
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.HEALTH_YES_OR_NO):
        health_check_record(
            child=case.child,
            kind=HealthCheckKind.IMMUNISATIONS,
            done_on=D(2017, 3, 1),
            value="Y",
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.HEALTH_NO_VALUE):
        health_check_record(
            child=case.child,
            kind=HealthCheckKind.REVIEW_HEALTH_ASSESSMENT,
            done_on=D(2017, 3, 1),
            value="1",
            acting_user=case.user,
        )


# ---- missing and away -----------------------------------------------------------------------


def test_missing_episode_its_end_and_return_interview_are_recorded_and_audited(case: Case):
    user = case.user
    episode = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        acting_user=user,
    )
    assert (episode.ended_at, episode.return_interview_offered) == (None, None)
    episode = missing_episode_end(
        missing_episode=episode, ended_at=at(D(2017, 2, 2), 9), acting_user=user
    )
    episode = missing_episode_return_interview(
        missing_episode=episode, offered=True, acting_user=user
    )
    episode = missing_episode_return_interview(
        missing_episode=episode,
        offered=True,
        accepted=True,
        done_at=at(D(2017, 2, 3), 11),
        acting_user=user,
    )
    away = missing_episode_record(
        child=case.child,
        kind=MissingKind.AWAY,
        started_at=at(D(2017, 2, 2), 9),
        ended_at=at(D(2017, 2, 2), 13),
        acting_user=user,
    )

    episode.refresh_from_db()
    assert (episode.kind, episode.started_at, episode.ended_at) == (
        "M",
        at(D(2017, 2, 1), 16),
        at(D(2017, 2, 2), 9),
    )
    assert (
        episode.return_interview_offered,
        episode.return_interview_accepted,
        episode.return_interview_done_at,
    ) == (True, True, at(D(2017, 2, 3), 11))
    assert (away.kind, away.ended_at) == ("A", at(D(2017, 2, 2), 13))
    assert episode.key.startswith("MIS-")
    assert away.key.startswith("MIS-")
    interview_fields = [
        "return_interview_offered",
        "return_interview_done_at",
        "return_interview_accepted",
    ]
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.action, e.record_key, e.detail) for e in events] == [
        (AuditAction.CREATED, episode.key, {}),
        (AuditAction.CHANGED, episode.key, {"fields": ["ended_at"]}),
        (AuditAction.CHANGED, episode.key, {"fields": interview_fields}),
        (AuditAction.CHANGED, episode.key, {"fields": interview_fields}),
        (AuditAction.CREATED, away.key, {}),
    ]
    assert {(e.record_type, e.actor_id, e.child_id) for e in events} == {
        ("missing_episode", user.pk, "TEST0001")
    }


def test_overlapping_missing_episodes_are_refused(case: Case):
    missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.MISSING_ALREADY):
        missing_episode_record(
            child=case.child,
            kind=MissingKind.AWAY,
            started_at=at(D(2017, 2, 3), 16),
            ended_at=at(D(2017, 2, 3), 20),
            acting_user=case.user,
        )


def test_missing_episode_out_of_order_is_refused(case: Case):
    with refused_and_nothing_written(rules.END_BEFORE_START):
        missing_episode_record(
            child=case.child,
            kind=MissingKind.MISSING,
            started_at=at(D(2017, 2, 1), 16),
            ended_at=at(D(2017, 2, 1), 15),
            acting_user=case.user,
        )
    with refused_and_nothing_written(rules.EVENT_BEFORE_BIRTH):
        missing_episode_record(
            child=case.child,
            kind=MissingKind.MISSING,
            started_at=at(D(2010, 5, 1), 16),
            acting_user=case.user,
        )
    episode = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.END_BEFORE_START):
        missing_episode_end(
            missing_episode=episode, ended_at=at(D(2017, 2, 1), 15), acting_user=case.user
        )
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        missing_episode_end(
            missing_episode=episode,
            ended_at=at(TODAY + dt.timedelta(days=1), 9),
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.MISSING_NOT_RETURNED):
        missing_episode_return_interview(
            missing_episode=episode, offered=True, acting_user=case.user
        )
    missing_episode_end(
        missing_episode=episode, ended_at=at(D(2017, 2, 2), 9), acting_user=case.user
    )
    with refused_and_nothing_written(care_rules.MISSING_ALREADY_ENDED):
        missing_episode_end(
            missing_episode=episode, ended_at=at(D(2017, 2, 3), 9), acting_user=case.user
        )
    with refused_and_nothing_written(care_rules.INTERVIEW_BEFORE_RETURN):
        missing_episode_return_interview(
            missing_episode=episode,
            offered=True,
            accepted=True,
            done_at=at(D(2017, 2, 2), 8),
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.INTERVIEW_NOT_OFFERED):
        missing_episode_return_interview(
            missing_episode=episode, offered=False, accepted=True, acting_user=case.user
        )
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        missing_episode_return_interview(
            missing_episode=episode,
            offered=True,
            accepted=True,
            done_at=at(TODAY + dt.timedelta(days=1), 9),
            acting_user=case.user,
        )


def test_an_episode_does_not_end_while_the_child_is_missing_from_it(case: Case):
    start(case)
    missing = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.MISSING_FROM_PLACEMENT_OPEN):
        move(case, D(2017, 2, 3))
    with refused_and_nothing_written(care_rules.MISSING_FROM_PLACEMENT_OPEN):
        cla_legal_status_change(
            child=case.child,
            changed_on=D(2017, 2, 3),
            legal_status=LegalStatus.C2,
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.MISSING_OPEN_AT_LEAVING_CARE):
        cla_cease(
            child=case.child,
            ended_on=D(2017, 2, 3),
            reason_ceased=ReasonEpisodeCeased.E4A,
            acting_user=case.user,
        )
    missing_episode_end(
        missing_episode=missing, ended_at=at(D(2017, 2, 2), 9), acting_user=case.user
    )
    # Back: the move goes ahead; gone from the new placement on its first day, the child is
    # missing from that one, so it cannot end either until they are back.
    move(case, D(2017, 2, 3))
    missing_episode_record(
        child=case.child,
        kind=MissingKind.AWAY,
        started_at=at(D(2017, 2, 3), 20),
        acting_user=case.user,
    )
    with refused_and_nothing_written(care_rules.MISSING_OPEN_AT_LEAVING_CARE):
        cla_cease(
            child=case.child,
            ended_on=D(2017, 2, 6),
            reason_ceased=ReasonEpisodeCeased.E4A,
            acting_user=case.user,
        )


def test_a_missing_episode_left_open_in_a_placement_that_ended_is_refused(case: Case):
    start(case)
    move(case, D(2017, 2, 10))
    cla_cease(
        child=case.child,
        ended_on=D(2017, 3, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
        acting_user=case.user,
    )
    for day in (D(2017, 2, 1), D(2017, 2, 20), D(2017, 3, 1)):
        with refused_and_nothing_written(care_rules.MISSING_OPEN_FROM_ENDED_PLACEMENT):
            missing_episode_record(
                child=case.child,
                kind=MissingKind.MISSING,
                started_at=at(day, 16),
                acting_user=case.user,
            )
    back = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        ended_at=at(D(2017, 2, 2), 10),
        acting_user=case.user,
    )
    after_care = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 3, 5), 16),
        acting_user=case.user,
    )
    assert MissingEpisode.objects.count() == 2
    assert (back.ended_at, after_care.ended_at) == (at(D(2017, 2, 2), 10), None)


# ---- youth justice --------------------------------------------------------------------------


def test_youth_justice_outcome_is_recorded_and_audited(case: Case):
    young_person = older_child(case, "TEST0004", D(2003, 4, 2))
    outcome = youth_justice_outcome_record(
        child=young_person,
        kind=YouthJusticeOutcomeKind.YOUTH_CAUTION,
        outcome_on=D(2017, 6, 5),
        acting_user=case.user,
    )
    assert (outcome.child, outcome.kind, outcome.outcome_on) == (
        young_person,
        "youth_caution",
        D(2017, 6, 5),
    )
    assert outcome.key.startswith("YJO-")
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CREATED,
        "youth_justice_outcome",
        outcome.key,
        "TEST0004",
    )


def test_youth_justice_legal_status_under_10_is_refused(case: Case):
    with refused_and_nothing_written(care_rules.YOUTH_JUSTICE_STATUS_UNDER_10):
        start(case, legal_status=LegalStatus.J1)
    start(case)
    with refused_and_nothing_written(care_rules.YOUTH_JUSTICE_STATUS_UNDER_10):
        cla_legal_status_change(
            child=case.child,
            changed_on=D(2017, 2, 3),
            legal_status=LegalStatus.J2,
            acting_user=case.user,
        )
    with refused_and_nothing_written(care_rules.YOUTH_JUSTICE_STATUS_UNDER_10):
        move(case, D(2017, 2, 3), legal_status=LegalStatus.J3)
    young_person = older_child(case, "TEST0004", D(2003, 4, 2))
    remanded = start(case, child=young_person, legal_status=LegalStatus.J1)
    assert (remanded.legal_status, remanded.reason_new) == ("J1", ReasonNewEpisode.S)


def test_youth_justice_outcome_under_10_or_in_the_future_is_refused(case: Case):
    with refused_and_nothing_written(care_rules.YOUTH_JUSTICE_UNDER_10):
        youth_justice_outcome_record(
            child=case.child,
            kind=YouthJusticeOutcomeKind.CONVICTION,
            outcome_on=D(2017, 6, 5),
            acting_user=case.user,
        )
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        youth_justice_outcome_record(
            child=case.child,
            kind=YouthJusticeOutcomeKind.CONVICTION,
            outcome_on=TODAY + dt.timedelta(days=1),
            acting_user=case.user,
        )


# ---- access ---------------------------------------------------------------------------------


def test_social_worker_of_another_team_with_no_allocation_is_denied_and_nothing_written(
    case: Case,
):
    start(case)
    missing = missing_episode_record(
        child=case.child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 2, 1), 16),
        ended_at=at(D(2017, 2, 2), 9),
        acting_user=case.user,
    )
    stranger = social_worker_create("SW002", team_create("SAFE2"), "other.sw")
    before = rows()
    calls = [
        lambda: start(case, started_on=D(2017, 6, 1), acting_user=stranger),
        lambda: move(case, D(2017, 2, 1), acting_user=stranger),
        lambda: cla_legal_status_change(
            child=case.child,
            changed_on=D(2017, 2, 1),
            legal_status=LegalStatus.C2,
            acting_user=stranger,
        ),
        lambda: cla_cease(
            child=case.child,
            ended_on=D(2017, 3, 1),
            reason_ceased=ReasonEpisodeCeased.E4A,
            acting_user=stranger,
        ),
        lambda: cla_review_record(
            child=case.child,
            held_on=D(2017, 2, 3),
            participation=ReviewParticipation.PN1,
            acting_user=stranger,
        ),
        lambda: health_check_record(
            child=case.child,
            kind=HealthCheckKind.DENTAL,
            done_on=D(2017, 2, 3),
            acting_user=stranger,
        ),
        lambda: education_plan_record(
            child=case.child, done_on=D(2017, 2, 3), acting_user=stranger
        ),
        lambda: missing_episode_record(
            child=case.child,
            kind=MissingKind.AWAY,
            started_at=at(D(2017, 3, 1), 16),
            acting_user=stranger,
        ),
        lambda: missing_episode_end(
            missing_episode=missing, ended_at=at(D(2017, 2, 2), 10), acting_user=stranger
        ),
        lambda: missing_episode_return_interview(
            missing_episode=missing, offered=True, acting_user=stranger
        ),
        lambda: youth_justice_outcome_record(
            child=case.child,
            kind=YouthJusticeOutcomeKind.CONVICTION,
            outcome_on=D(2017, 6, 5),
            acting_user=stranger,
        ),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert rows() == before
