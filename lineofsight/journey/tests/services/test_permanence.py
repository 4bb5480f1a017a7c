"""Court proceedings, adoption, care leavers and private fostering written through the
services: rows and audit rows, each refused sequence (nothing written), and a worker with no
access (nothing written). Looked-after episodes are set up directly, as a return loads them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.constants import (
    AdopterLegalStatus,
    AdopterSex,
    CareLeaverAccommodation,
    CareLeaverActivity,
    CareLeaverEligibility,
    InTouch,
    LegalProceedingKind,
    LegalProceedingOutcome,
    ReasonPlacedCeased,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.models import (
    Adoption,
    CareLeaverStatus,
    LegalProceeding,
)
from lineofsight.journey.services.permanence import (
    adoption_ceased_record,
    adoption_decision_record,
    adoption_matched_record,
    adoption_order_record,
    adoption_placed_record,
    adoption_placement_order_record,
    care_leaver_contact_record,
    legal_proceeding_end,
    legal_proceeding_record,
    private_fostering_arrangement_end,
    private_fostering_arrangement_start,
)
from lineofsight.journey.tests.builders import (
    TODAY,
    Case,
    D,
    allocate,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.more_builders import looked_after
from lineofsight.journey.tests.services.checks import audit_since, refused_and_nothing_written, rows
from lineofsight.people.models import Child

pytestmark = pytest.mark.django_db


@pytest.fixture
def care_leaver(case: Case) -> Child:
    """TEST0003, born 2 March 2000, looked after from 5 January 2015 to the eve of their 17th
    birthday, allocated to the case's social worker."""
    young_person = child_create("TEST0003", born_on=D(2000, 3, 2))
    allocate(young_person, case.user, case.team)
    looked_after(young_person, D(2015, 1, 5), D(2017, 3, 1))
    return young_person


# ---- legal proceedings ----------------------------------------------------------------------


def test_proceedings_are_recorded_and_ended_with_their_outcome_and_audited(case: Case):
    proceeding = legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2017, 2, 1),
        acting_user=case.user,
    )
    proceeding = legal_proceeding_end(
        proceeding=proceeding,
        ended_on=D(2017, 7, 28),
        outcome=LegalProceedingOutcome.CARE_ORDER,
        acting_user=case.user,
    )
    proceeding.refresh_from_db()
    assert (proceeding.child, proceeding.kind) == (case.child, LegalProceedingKind.CARE)
    assert (proceeding.started_on, proceeding.ended_on) == (D(2017, 2, 1), D(2017, 7, 28))
    assert proceeding.outcome == LegalProceedingOutcome.CARE_ORDER
    assert proceeding.key.startswith("LEG-")
    assert audit_since() == [
        (AuditAction.CREATED, "legal_proceeding", proceeding.key, {}),
        (
            AuditAction.CHANGED,
            "legal_proceeding",
            proceeding.key,
            {"fields": ["ended_on", "outcome"]},
        ),
    ]
    assert {(e.actor_id, e.child_id) for e in AuditEvent.objects.all()} == {
        (case.user.pk, "TEST0001")
    }


def test_pre_proceedings_may_begin_before_a_birth_care_proceedings_may_not(case: Case):
    unborn = child_create("TEST0002", expected_birth_on=D(2017, 11, 20))
    allocate(unborn, case.user, case.team)
    legal_proceeding_record(
        child=unborn,
        kind=LegalProceedingKind.PRE_PROCEEDINGS,
        started_on=D(2017, 8, 1),
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.UNBORN_ONLY_PRE_BIRTH):
        legal_proceeding_record(
            child=unborn,
            kind=LegalProceedingKind.CARE,
            started_on=D(2017, 8, 1),
            acting_user=case.user,
        )


def test_proceedings_issued_in_a_court_keep_its_name_and_case_number(case: Case):
    issued = legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2017, 2, 1),
        court=" Bramcote Family Court ",
        case_number="zz17c00123",
        acting_user=case.user,
    )
    issued.refresh_from_db()
    assert (issued.court, issued.case_number) == ("Bramcote Family Court", "ZZ17C00123")
    with refused_and_nothing_written(plan_rules.PRE_PROCEEDINGS_IN_NO_COURT):
        legal_proceeding_record(
            child=case.child,
            kind=LegalProceedingKind.PRE_PROCEEDINGS,
            started_on=D(2017, 1, 5),
            case_number="ZZ17C00001",
            acting_user=case.user,
        )


def test_second_open_proceedings_of_a_kind_are_refused_another_kind_allowed(case: Case):
    legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2017, 2, 1),
        acting_user=case.user,
    )
    with refused_and_nothing_written(plan_rules.PROCEEDINGS_ALREADY_OPEN):
        legal_proceeding_record(
            child=case.child,
            kind=LegalProceedingKind.CARE,
            started_on=D(2017, 3, 1),
            acting_user=case.user,
        )
    legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.PLACEMENT_ORDER,
        started_on=D(2017, 3, 1),
        acting_user=case.user,
    )
    assert LegalProceeding.objects.count() == 2


def test_proceedings_ending_badly_are_refused(case: Case):
    proceeding = legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2017, 2, 1),
        acting_user=case.user,
    )
    with refused_and_nothing_written(plan_rules.PROCEEDINGS_END_WITHOUT_OUTCOME):
        legal_proceeding_end(
            proceeding=proceeding, ended_on=D(2017, 7, 1), outcome="", acting_user=case.user
        )
    with refused_and_nothing_written(rules.END_BEFORE_START):
        legal_proceeding_end(
            proceeding=proceeding,
            ended_on=D(2017, 1, 31),
            outcome=LegalProceedingOutcome.NO_ORDER,
            acting_user=case.user,
        )
    legal_proceeding_end(
        proceeding=proceeding,
        ended_on=D(2017, 7, 1),
        outcome=LegalProceedingOutcome.SUPERVISION_ORDER,
        acting_user=case.user,
    )
    with refused_and_nothing_written(plan_rules.PROCEEDINGS_ALREADY_ENDED):
        legal_proceeding_end(
            proceeding=proceeding,
            ended_on=D(2017, 8, 1),
            outcome=LegalProceedingOutcome.CARE_ORDER,
            acting_user=case.user,
        )


# ---- adoption -------------------------------------------------------------------------------


def step_decision(case: Case) -> Adoption:
    looked_after(case.child, D(2016, 6, 1))
    return adoption_decision_record(
        child=case.child, decision_on=D(2016, 9, 1), acting_user=case.user
    )


def test_the_adoption_steps_are_recorded_in_order_and_audited(case: Case):
    looked_after(case.child, D(2016, 6, 1))
    adoption = adoption_decision_record(
        child=case.child,
        decision_on=D(2016, 9, 1),
        is_foster_for_adoption=True,
        acting_user=case.user,
    )
    adoption_placement_order_record(
        adoption=adoption, placement_order_on=D(2016, 11, 15), acting_user=case.user
    )
    adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)
    adoption_placed_record(adoption=adoption, placed_on=D(2017, 3, 1), acting_user=case.user)
    adoption_order_record(
        adoption=adoption,
        adoption_order_on=D(2017, 8, 1),
        adopter_count=2,
        adopter_sex=AdopterSex.MF,
        adopter_legal_status=AdopterLegalStatus.L11,
        adopted_by_foster_carer=True,
        acting_user=case.user,
    )
    adoption.refresh_from_db()
    assert adoption.child == case.child
    assert adoption.is_foster_for_adoption
    assert (
        adoption.decision_on,
        adoption.placement_order_on,
        adoption.matched_on,
        adoption.placed_on,
        adoption.adoption_order_on,
    ) == (D(2016, 9, 1), D(2016, 11, 15), D(2017, 2, 1), D(2017, 3, 1), D(2017, 8, 1))
    assert (adoption.adopter_count, adoption.adopter_sex, adoption.adopter_legal_status) == (
        2,
        AdopterSex.MF,
        AdopterLegalStatus.L11,
    )
    assert adoption.adopted_by_foster_carer is True
    assert (adoption.ceased_on, adoption.ceased_reason) == (None, "")
    assert adoption.key.startswith("ADO-")
    key = adoption.key
    assert audit_since() == [
        (AuditAction.CREATED, "adoption", key, {}),
        (AuditAction.CHANGED, "adoption", key, {"fields": ["placement_order_on"]}),
        (AuditAction.CHANGED, "adoption", key, {"fields": ["matched_on"]}),
        (AuditAction.CHANGED, "adoption", key, {"fields": ["placed_on"]}),
        (
            AuditAction.CHANGED,
            "adoption",
            key,
            {
                "fields": [
                    "adoption_order_on",
                    "adopter_count",
                    "adopter_sex",
                    "adopter_legal_status",
                    "adopted_by_foster_carer",
                ]
            },
        ),
    ]


def test_adoption_decision_for_a_child_not_looked_after_is_refused(case: Case):
    with refused_and_nothing_written(plan_rules.ADOPTION_NEEDS_LOOKED_AFTER):
        adoption_decision_record(child=case.child, decision_on=D(2016, 9, 1), acting_user=case.user)
    looked_after(case.child, D(2016, 6, 1), D(2016, 8, 31))
    with refused_and_nothing_written(plan_rules.ADOPTION_NEEDS_LOOKED_AFTER):
        adoption_decision_record(child=case.child, decision_on=D(2016, 9, 1), acting_user=case.user)


def test_second_open_adoption_decision_is_refused(case: Case):
    step_decision(case)
    with refused_and_nothing_written(plan_rules.ADOPTION_ALREADY_OPEN):
        adoption_decision_record(child=case.child, decision_on=D(2017, 1, 5), acting_user=case.user)


def test_new_decision_after_the_last_one_ceased_is_allowed(case: Case):
    adoption = step_decision(case)
    adoption_ceased_record(
        adoption=adoption,
        ceased_on=D(2017, 1, 5),
        ceased_reason=ReasonPlacedCeased.RD3,
        acting_user=case.user,
    )
    adoption_decision_record(child=case.child, decision_on=D(2017, 6, 1), acting_user=case.user)
    assert Adoption.objects.count() == 2


def test_adoption_step_recorded_twice_is_refused(case: Case):
    adoption = step_decision(case)
    adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_STEP_ALREADY_RECORDED):
        adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 2), acting_user=case.user)


def test_adoption_steps_out_of_order_are_refused(case: Case):
    adoption = step_decision(case)
    with refused_and_nothing_written(plan_rules.ADOPTION_STEPS_OUT_OF_ORDER):
        adoption_matched_record(adoption=adoption, matched_on=D(2016, 8, 31), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_NEEDS_EARLIER_STEP):
        adoption_placed_record(adoption=adoption, placed_on=D(2017, 3, 1), acting_user=case.user)
    adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_STEPS_OUT_OF_ORDER):
        adoption_placement_order_record(
            adoption=adoption, placement_order_on=D(2017, 2, 2), acting_user=case.user
        )
    with refused_and_nothing_written(plan_rules.ADOPTION_NEEDS_EARLIER_STEP):
        adoption_order_record(
            adoption=adoption, adoption_order_on=D(2017, 8, 1), acting_user=case.user
        )
    adoption.refresh_from_db()
    assert (adoption.placement_order_on, adoption.placed_on) == (None, None)


def test_adoption_step_when_the_child_has_left_care_is_refused(case: Case):
    looked_after(case.child, D(2016, 6, 1), D(2017, 1, 31))
    adoption = adoption_decision_record(
        child=case.child, decision_on=D(2016, 9, 1), acting_user=case.user
    )
    with refused_and_nothing_written(plan_rules.ADOPTION_NEEDS_LOOKED_AFTER):
        adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)


def test_adoption_decision_ceases_with_its_reason_and_ends_the_steps(case: Case):
    adoption = step_decision(case)
    adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_CEASED_BEFORE_STEP):
        adoption_ceased_record(
            adoption=adoption,
            ceased_on=D(2017, 1, 31),
            ceased_reason=ReasonPlacedCeased.RD1,
            acting_user=case.user,
        )
    adoption = adoption_ceased_record(
        adoption=adoption,
        ceased_on=D(2017, 4, 3),
        ceased_reason=ReasonPlacedCeased.RD1,
        acting_user=case.user,
    )
    adoption.refresh_from_db()
    assert (adoption.ceased_on, adoption.ceased_reason) == (D(2017, 4, 3), ReasonPlacedCeased.RD1)
    assert audit_since()[-1] == (
        AuditAction.CHANGED,
        "adoption",
        adoption.key,
        {"fields": ["ceased_on", "ceased_reason"]},
    )
    with refused_and_nothing_written(plan_rules.ADOPTION_CEASED):
        adoption_placed_record(adoption=adoption, placed_on=D(2017, 5, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_CEASED):
        adoption_ceased_record(
            adoption=adoption,
            ceased_on=D(2017, 5, 1),
            ceased_reason=ReasonPlacedCeased.RD4,
            acting_user=case.user,
        )


def test_adoption_decision_cannot_cease_after_the_order(case: Case):
    adoption = step_decision(case)
    adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=case.user)
    adoption_placed_record(adoption=adoption, placed_on=D(2017, 3, 1), acting_user=case.user)
    adoption_order_record(adoption=adoption, adoption_order_on=D(2017, 8, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.ADOPTION_ORDER_MADE):
        adoption_ceased_record(
            adoption=adoption,
            ceased_on=D(2017, 9, 1),
            ceased_reason=ReasonPlacedCeased.RD4,
            acting_user=case.user,
        )


# ---- care leavers ---------------------------------------------------------------------------


def record_status(child: Child, case: Case, **changes: object) -> CareLeaverStatus:
    values: dict = {
        "as_of": D(2017, 3, 2),
        "eligibility": CareLeaverEligibility.RELEVANT,
        "in_touch": InTouch.YES,
        "activity": CareLeaverActivity.F2,
        "accommodation": CareLeaverAccommodation.E,
        "accommodation_suitable": True,
    }
    values.update(changes)
    return care_leaver_contact_record(child=child, acting_user=case.user, **values)


def test_care_leaver_contact_is_recorded_and_audited(case: Case, care_leaver: Child):
    status = record_status(
        care_leaver,
        case,
        staying_put=False,
        personal_adviser=case.worker,
        pathway_plan_reviewed_on=D(2017, 2, 20),
    )
    status.refresh_from_db()
    assert (status.child, status.as_of, status.eligibility) == (
        care_leaver,
        D(2017, 3, 2),
        CareLeaverEligibility.RELEVANT,
    )
    assert (status.in_touch, status.activity, status.accommodation) == ("YES", "F2", "E")
    assert status.accommodation_suitable is True
    assert (status.personal_adviser, status.pathway_plan_reviewed_on) == (
        case.worker,
        D(2017, 2, 20),
    )
    assert status.key.startswith("CLS-")
    assert audit_since() == [(AuditAction.CREATED, "care_leaver_status", status.key, {})]
    assert AuditEvent.objects.get().child_id == "TEST0003"


def test_care_leaver_who_returned_home_has_no_activity(case: Case, care_leaver: Child):
    status = record_status(
        care_leaver,
        case,
        in_touch=InTouch.RHOM,
        activity=CareLeaverActivity.NOT_IN_TOUCH,
        accommodation=CareLeaverAccommodation.NOT_IN_TOUCH,
        accommodation_suitable=None,
    )
    assert status.accommodation_suitable is None
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_GONE_WITH_ACTIVITY):
        record_status(
            care_leaver,
            case,
            as_of=D(2017, 4, 2),
            in_touch=InTouch.DIED,
            accommodation=CareLeaverAccommodation.NOT_IN_TOUCH,
            accommodation_suitable=None,
        )


def test_care_leaver_in_touch_but_not_in_touch_codes_is_refused(case: Case, care_leaver: Child):
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_IN_TOUCH_WITHOUT_ACTIVITY):
        record_status(care_leaver, case, activity=CareLeaverActivity.NOT_IN_TOUCH)


def test_care_leaver_suitability_without_accommodation_is_refused(case: Case, care_leaver: Child):
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_SUITABILITY_WITHOUT_ACCOMMODATION):
        record_status(
            care_leaver,
            case,
            in_touch=InTouch.NO,
            activity=CareLeaverActivity.NOT_IN_TOUCH,
            accommodation=CareLeaverAccommodation.NOT_IN_TOUCH,
            accommodation_suitable=False,
        )


def test_care_leaver_status_twice_on_one_day_is_refused(case: Case, care_leaver: Child):
    record_status(care_leaver, case)
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_STATUS_ALREADY_RECORDED):
        record_status(care_leaver, case, activity=CareLeaverActivity.F5)


def test_care_leaver_status_under_16_is_refused(case: Case):
    looked_after(case.child, D(2016, 6, 1))
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_UNDER_16):
        record_status(case.child, case, eligibility=CareLeaverEligibility.ELIGIBLE)


def test_relevant_young_person_never_looked_after_is_refused_qualifying_allowed(case: Case):
    young_person = child_create("TEST0004", born_on=D(2000, 3, 2))
    allocate(young_person, case.user, case.team)
    with refused_and_nothing_written(plan_rules.CARE_LEAVER_NEVER_LOOKED_AFTER):
        record_status(young_person, case)
    record_status(young_person, case, eligibility=CareLeaverEligibility.QUALIFYING)


def test_pathway_plan_review_after_the_contact_is_refused(case: Case, care_leaver: Child):
    with refused_and_nothing_written(plan_rules.PATHWAY_REVIEW_AFTER_CONTACT):
        record_status(care_leaver, case, pathway_plan_reviewed_on=D(2017, 3, 3))


# ---- private fostering ----------------------------------------------------------------------


def test_private_fostering_arrangement_is_started_and_ended_and_audited(case: Case):
    arrangement = private_fostering_arrangement_start(
        child=case.child,
        notified_on=D(2017, 2, 10),
        started_on=D(2017, 2, 1),
        acting_user=case.user,
    )
    arrangement = private_fostering_arrangement_end(
        arrangement=arrangement, ended_on=D(2017, 7, 21), acting_user=case.user
    )
    arrangement.refresh_from_db()
    assert arrangement.child == case.child
    assert (arrangement.notified_on, arrangement.started_on, arrangement.ended_on) == (
        D(2017, 2, 10),
        D(2017, 2, 1),
        D(2017, 7, 21),
    )
    assert arrangement.key.startswith("PF-")
    assert audit_since() == [
        (AuditAction.CREATED, "private_fostering_arrangement", arrangement.key, {}),
        (
            AuditAction.CHANGED,
            "private_fostering_arrangement",
            arrangement.key,
            {"fields": ["ended_on"]},
        ),
    ]


def test_private_fostering_of_a_looked_after_child_is_refused(case: Case):
    looked_after(case.child, D(2016, 6, 1))
    with refused_and_nothing_written(plan_rules.PRIVATE_FOSTERING_WHILE_LOOKED_AFTER):
        private_fostering_arrangement_start(
            child=case.child,
            notified_on=D(2017, 2, 1),
            started_on=D(2017, 2, 1),
            acting_user=case.user,
        )


def test_second_open_private_fostering_arrangement_is_refused(case: Case):
    private_fostering_arrangement_start(
        child=case.child, notified_on=D(2017, 2, 1), started_on=D(2017, 2, 1), acting_user=case.user
    )
    with refused_and_nothing_written(plan_rules.PRIVATE_FOSTERING_ALREADY_OPEN):
        private_fostering_arrangement_start(
            child=case.child,
            notified_on=D(2017, 4, 1),
            started_on=D(2017, 4, 1),
            acting_user=case.user,
        )


def test_private_fostering_ending_badly_is_refused(case: Case):
    arrangement = private_fostering_arrangement_start(
        child=case.child, notified_on=D(2017, 2, 1), started_on=D(2017, 2, 1), acting_user=case.user
    )
    with refused_and_nothing_written(rules.END_BEFORE_START):
        private_fostering_arrangement_end(
            arrangement=arrangement, ended_on=D(2017, 1, 31), acting_user=case.user
        )
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        private_fostering_arrangement_end(
            arrangement=arrangement, ended_on=TODAY + dt.timedelta(days=1), acting_user=case.user
        )
    private_fostering_arrangement_end(
        arrangement=arrangement, ended_on=D(2017, 5, 1), acting_user=case.user
    )
    with refused_and_nothing_written(plan_rules.PRIVATE_FOSTERING_ALREADY_ENDED):
        private_fostering_arrangement_end(
            arrangement=arrangement, ended_on=D(2017, 6, 1), acting_user=case.user
        )


# ---- access ---------------------------------------------------------------------------------


def test_social_worker_with_no_access_is_denied_and_nothing_written(case: Case, care_leaver: Child):
    adoption = step_decision(case)
    proceeding = legal_proceeding_record(
        child=case.child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2017, 2, 1),
        acting_user=case.user,
    )
    stranger = social_worker_create("SW002", team_create("SAFE2"), "other.sw")
    before = rows()
    with pytest.raises(PermissionDenied):
        legal_proceeding_record(
            child=case.child,
            kind=LegalProceedingKind.SGO,
            started_on=D(2017, 3, 1),
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        legal_proceeding_end(
            proceeding=proceeding,
            ended_on=D(2017, 7, 1),
            outcome=LegalProceedingOutcome.CARE_ORDER,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        adoption_matched_record(adoption=adoption, matched_on=D(2017, 2, 1), acting_user=stranger)
    with pytest.raises(PermissionDenied):
        adoption_ceased_record(
            adoption=adoption,
            ceased_on=D(2017, 2, 1),
            ceased_reason=ReasonPlacedCeased.RD4,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        care_leaver_contact_record(
            child=care_leaver,
            as_of=D(2017, 3, 2),
            eligibility=CareLeaverEligibility.RELEVANT,
            in_touch=InTouch.YES,
            activity=CareLeaverActivity.F2,
            accommodation=CareLeaverAccommodation.E,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        private_fostering_arrangement_start(
            child=care_leaver,
            notified_on=D(2017, 4, 1),
            started_on=D(2017, 4, 1),
            acting_user=stranger,
        )
    assert rows() == before
    adoption.refresh_from_db()
    proceeding.refresh_from_db()
    assert (adoption.matched_on, adoption.ceased_on, proceeding.ended_on) == (None, None, None)
