"""Writes for court proceedings, adoption, care leavers and private fostering."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from lineofsight.accounts.models import User
from lineofsight.journey.constants import (
    CareLeaverAccommodation,
    CareLeaverActivity,
    CareLeaverEligibility,
    InTouch,
    LegalProceedingKind,
)
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.domain.sequence import BirthTiming, Period
from lineofsight.journey.models import (
    Adoption,
    CareLeaverStatus,
    LegalProceeding,
    PrivateFosteringArrangement,
)
from lineofsight.journey.services._steps import (
    check_dated,
    child_for_write,
    record_changed,
    record_created,
)
from lineofsight.people.models import Child, Worker

# Eligible, relevant and former relevant young people have been looked after; a qualifying
# one may not have been (an SGO, or private fostering).
CARED_FOR_ELIGIBILITY = frozenset(
    {
        CareLeaverEligibility.ELIGIBLE,
        CareLeaverEligibility.RELEVANT,
        CareLeaverEligibility.FORMER_RELEVANT,
    }
)
GONE_FROM_TOUCH = frozenset({InTouch.DIED, InTouch.RHOM})


def _looked_after_episodes(child: Child) -> list[Period]:
    return list(child.cla_episodes.values_list("started_on", "ended_on"))


# ---- legal proceedings ----------------------------------------------------------------------


@transaction.atomic
def legal_proceeding_record(
    *,
    child: Child,
    kind: str,
    started_on: dt.date,
    court: str = "",
    case_number: str = "",
    acting_user: User,
) -> LegalProceeding:
    """Record proceedings from their start: the letter before proceedings, or the issue of an
    application in a court, under its case number."""
    child = child_for_write(child, acting_user)
    # Pre-proceedings can begin before a birth; an application to court is about a born child.
    timing = (
        BirthTiming.EITHER
        if kind == LegalProceedingKind.PRE_PROCEEDINGS
        else BirthTiming.AFTER_BIRTH
    )
    check_dated(child, started_on, timing)
    court, case_number = court.strip(), case_number.strip().upper()
    plan_rules.check_proceedings_start(
        started_on=started_on,
        same_kind=list(
            child.legal_proceedings.filter(kind=kind).values_list("started_on", "ended_on")
        ),
        pre_proceedings=kind == LegalProceedingKind.PRE_PROCEEDINGS,
        in_court=bool(court or case_number),
    )
    return record_created(
        LegalProceeding,
        child=child,
        acting_user=acting_user,
        prefix="LEG",
        kind=kind,
        started_on=started_on,
        court=court,
        case_number=case_number,
    )


@transaction.atomic
def legal_proceeding_end(
    *, proceeding: LegalProceeding, ended_on: dt.date, outcome: str, acting_user: User
) -> LegalProceeding:
    """End proceedings with their outcome (the final order, or why there was none)."""
    child = child_for_write(proceeding.child, acting_user)
    proceeding = LegalProceeding.objects.select_for_update().get(pk=proceeding.pk)
    plan_rules.check_proceedings_end(
        started_on=proceeding.started_on,
        ended_on=ended_on,
        already_ended=proceeding.ended_on is not None,
        outcome_given=bool(outcome),
    )
    check_dated(child, ended_on)
    return record_changed(
        proceeding, child=child, acting_user=acting_user, ended_on=ended_on, outcome=outcome
    )


# ---- adoption -------------------------------------------------------------------------------


def _adoption_steps(adoption: Adoption) -> dict[str, dt.date | None]:
    return {step: getattr(adoption, step) for step in plan_rules.ADOPTION_STEPS}


@transaction.atomic
def adoption_decision_record(
    *,
    child: Child,
    decision_on: dt.date,
    is_foster_for_adoption: bool = False,
    acting_user: User,
) -> Adoption:
    """Record the decision that a looked-after child should be placed for adoption."""
    child = child_for_write(child, acting_user)
    check_dated(child, decision_on, BirthTiming.AFTER_BIRTH)
    plan_rules.check_looked_after_for_adoption(
        on=decision_on, episodes=_looked_after_episodes(child)
    )
    earlier: list[Period] = [
        (a.decision_on, a.ceased_on or a.adoption_order_on) for a in child.adoptions.all()
    ]
    plan_rules.check_adoption_decision(decision_on=decision_on, adoptions=earlier)
    return record_created(
        Adoption,
        child=child,
        acting_user=acting_user,
        prefix="ADO",
        decision_on=decision_on,
        is_foster_for_adoption=is_foster_for_adoption,
    )


def _adoption_step_record(
    *, adoption: Adoption, step: str, on: dt.date, acting_user: User, **details: object
) -> Adoption:
    """Record one dated step of an adoption, with any details that come with it."""
    child = child_for_write(adoption.child, acting_user)
    adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
    plan_rules.check_adoption_step(
        step=step, on=on, steps=_adoption_steps(adoption), ceased=adoption.ceased_on is not None
    )
    check_dated(child, on, BirthTiming.AFTER_BIRTH)
    plan_rules.check_looked_after_for_adoption(on=on, episodes=_looked_after_episodes(child))
    return record_changed(adoption, child=child, acting_user=acting_user, **{step: on}, **details)


@transaction.atomic
def adoption_placement_order_record(
    *, adoption: Adoption, placement_order_on: dt.date, acting_user: User
) -> Adoption:
    return _adoption_step_record(
        adoption=adoption, step="placement_order_on", on=placement_order_on, acting_user=acting_user
    )


@transaction.atomic
def adoption_matched_record(
    *, adoption: Adoption, matched_on: dt.date, acting_user: User
) -> Adoption:
    return _adoption_step_record(
        adoption=adoption, step="matched_on", on=matched_on, acting_user=acting_user
    )


@transaction.atomic
def adoption_placed_record(
    *, adoption: Adoption, placed_on: dt.date, acting_user: User
) -> Adoption:
    return _adoption_step_record(
        adoption=adoption, step="placed_on", on=placed_on, acting_user=acting_user
    )


@transaction.atomic
def adoption_order_record(
    *,
    adoption: Adoption,
    adoption_order_on: dt.date,
    adopter_count: int | None = None,
    adopter_sex: str = "",
    adopter_legal_status: str = "",
    adopted_by_foster_carer: bool | None = None,
    acting_user: User,
) -> Adoption:
    """Record the adoption order, with the adopters as SSDA903 AD1 describes them."""
    return _adoption_step_record(
        adoption=adoption,
        step="adoption_order_on",
        on=adoption_order_on,
        acting_user=acting_user,
        adopter_count=adopter_count,
        adopter_sex=adopter_sex,
        adopter_legal_status=adopter_legal_status,
        adopted_by_foster_carer=adopted_by_foster_carer,
    )


@transaction.atomic
def adoption_ceased_record(
    *, adoption: Adoption, ceased_on: dt.date, ceased_reason: str, acting_user: User
) -> Adoption:
    """Record that the child should no longer be placed for adoption, and why (RD1 to RD4)."""
    child = child_for_write(adoption.child, acting_user)
    adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
    plan_rules.check_adoption_ceasing(
        ceased_on=ceased_on,
        steps=_adoption_steps(adoption),
        ceased=adoption.ceased_on is not None,
    )
    check_dated(child, ceased_on, BirthTiming.AFTER_BIRTH)
    plan_rules.check_looked_after_for_adoption(on=ceased_on, episodes=_looked_after_episodes(child))
    return record_changed(
        adoption,
        child=child,
        acting_user=acting_user,
        ceased_on=ceased_on,
        ceased_reason=ceased_reason,
    )


# ---- care leavers ---------------------------------------------------------------------------


@transaction.atomic
def care_leaver_contact_record(
    *,
    child: Child,
    as_of: dt.date,
    eligibility: str,
    in_touch: str,
    activity: str,
    accommodation: str,
    accommodation_suitable: bool | None = None,
    staying_put: bool = False,
    personal_adviser: Worker | None = None,
    pathway_plan_reviewed_on: dt.date | None = None,
    acting_user: User,
) -> CareLeaverStatus:
    """Record what a care leaver was doing and where they lived, on a contact or birthday."""
    child = child_for_write(child, acting_user)
    check_dated(child, as_of, BirthTiming.AFTER_BIRTH)
    if pathway_plan_reviewed_on is not None:
        check_dated(child, pathway_plan_reviewed_on, BirthTiming.AFTER_BIRTH)
    assert child.born_on is not None  # for the type checker: the date check needs the birth
    plan_rules.check_care_leaver_status(
        as_of=as_of,
        born_on=child.born_on,
        needs_care_history=eligibility in CARED_FOR_ELIGIBILITY,
        episodes=_looked_after_episodes(child),
        already_recorded=child.care_leaver_statuses.filter(as_of=as_of).exists(),
        pathway_plan_reviewed_on=pathway_plan_reviewed_on,
    )
    accommodation_known = accommodation != CareLeaverAccommodation.NOT_IN_TOUCH
    plan_rules.check_care_leaver_circumstances(
        in_touch=in_touch == InTouch.YES,
        died_or_returned_home=in_touch in GONE_FROM_TOUCH,
        activity_known=activity != CareLeaverActivity.NOT_IN_TOUCH,
        accommodation_known=accommodation_known,
        suitability_given=accommodation_suitable is not None,
    )
    return record_created(
        CareLeaverStatus,
        child=child,
        acting_user=acting_user,
        prefix="CLS",
        as_of=as_of,
        eligibility=eligibility,
        in_touch=in_touch,
        activity=activity,
        accommodation=accommodation,
        accommodation_suitable=accommodation_suitable,
        staying_put=staying_put,
        personal_adviser=personal_adviser,
        pathway_plan_reviewed_on=pathway_plan_reviewed_on,
    )


# ---- private fostering ----------------------------------------------------------------------


@transaction.atomic
def private_fostering_arrangement_start(
    *, child: Child, notified_on: dt.date, started_on: dt.date, acting_user: User
) -> PrivateFosteringArrangement:
    """Record an arrangement the council was told of; notice may come before or after it
    starts."""
    child = child_for_write(child, acting_user)
    check_dated(child, notified_on)
    check_dated(child, started_on, BirthTiming.AFTER_BIRTH)
    plan_rules.check_private_fostering_start(
        started_on=started_on,
        arrangements=list(
            child.private_fostering_arrangements.values_list("started_on", "ended_on")
        ),
        episodes=_looked_after_episodes(child),
    )
    return record_created(
        PrivateFosteringArrangement,
        child=child,
        acting_user=acting_user,
        prefix="PF",
        notified_on=notified_on,
        started_on=started_on,
    )


@transaction.atomic
def private_fostering_arrangement_end(
    *, arrangement: PrivateFosteringArrangement, ended_on: dt.date, acting_user: User
) -> PrivateFosteringArrangement:
    child = child_for_write(arrangement.child, acting_user)
    arrangement = PrivateFosteringArrangement.objects.select_for_update().get(pk=arrangement.pk)
    plan_rules.check_private_fostering_end(
        started_on=arrangement.started_on,
        ended_on=ended_on,
        already_ended=arrangement.ended_on is not None,
    )
    check_dated(child, ended_on)
    return record_changed(arrangement, child=child, acting_user=acting_user, ended_on=ended_on)
