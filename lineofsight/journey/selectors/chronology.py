"""The child's chronology: every dated event of the journey, for a viewer who may see it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime

from django.utils import timezone

from lineofsight.accounts.access import child_get_for_viewer
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent, Record
from lineofsight.core.services import list_export
from lineofsight.journey.constants import ReasonEpisodeCeased, ReasonNewEpisode
from lineofsight.journey.domain.chronology import (
    ChronologyEntry,
    NoteVersion,
    chronology_csv,
    chronology_sorted,
    decision_title,
    detail_text,
    latest_note_versions,
    title_text,
    unknown_kinds,
    visit_seen_phrase,
)
from lineofsight.journey.models import (
    Adoption,
    Assessment,
    CareLeaverStatus,
    CaseAudit,
    CaseNote,
    ChildProtectionPlan,
    CINPlan,
    CINPlanReview,
    CLAEpisode,
    CLAReview,
    Complaint,
    Conference,
    Contact,
    CoreGroup,
    Decision,
    EarlyHelpEpisode,
    EducationPlan,
    HealthCheck,
    LegalProceeding,
    MissingEpisode,
    PreviousPermanence,
    PrivateFosteringArrangement,
    Referral,
    Section47Enquiry,
    StrategyDiscussion,
    SupervisionDiscussion,
    Visit,
    YouthJusticeOutcome,
)
from lineofsight.people.models import Allocation, Child, HouseholdPeriod, Worker

CHRONOLOGY_RECORD_TYPE = "chronology"
CHRONOLOGY_FILE_FORMAT = "csv"


def chronology_list(
    *, viewer: User, child_id: str, kinds: Collection[str] | None = None
) -> list[ChronologyEntry]:
    """Every dated event of the child's journey, newest first, narrowed to `kinds` (the
    filter groups of `journey.domain.chronology.KINDS`; all when None or empty).

    The child is reached through `child_get_for_viewer`, so an unknown child is Http404 and a
    child the viewer may not see is PermissionDenied, with nothing audited; that function
    audits the opening of the record ("child"), and this one the chronology it shows.
    Unknown kinds are a ValueError before anything is read or audited.
    """
    return chronology_of_child(viewer=viewer, child_id=child_id, kinds=kinds)[1]


def chronology_of_child(
    *, viewer: User, child_id: str, kinds: Collection[str] | None = None
) -> tuple[Child, list[ChronologyEntry]]:
    """The child and its chronology, as `chronology_list` (for a page that names the child)."""
    entries, child = _chronology_for_viewer(viewer, child_id, kinds)
    AuditEvent.objects.create(
        actor=viewer,
        action=AuditAction.VIEWED,
        record_type=CHRONOLOGY_RECORD_TYPE,
        record_key=child.child_id,
        child_id=child.child_id,
        detail={"kinds": sorted(set(kinds or ())), "entries": len(entries)},
    )
    return child, entries


def chronology_export(*, viewer: User, child_id: str, kinds: Collection[str] | None = None) -> str:
    """The chronology `chronology_list` shows, as CSV text; the download is audited as an
    export naming the child (`core.services.list_export`), not as a viewing of the list."""
    entries, child = _chronology_for_viewer(viewer, child_id, kinds)
    text = chronology_csv(entries)
    list_export(
        acting_user=viewer,
        record_type=CHRONOLOGY_RECORD_TYPE,
        record_key=child.child_id,
        file_format=CHRONOLOGY_FILE_FORMAT,
        rows=len(entries),
        child_ids=[child.child_id],
        child_id=child.child_id,
    )
    return text


def _chronology_for_viewer(
    viewer: User, child_id: str, kinds: Collection[str] | None
) -> tuple[list[ChronologyEntry], Child]:
    unknown = unknown_kinds(kinds or ())
    if unknown:
        raise ValueError(f"Unknown chronology kinds: {', '.join(unknown)}")
    child = child_get_for_viewer(viewer, child_id)
    return chronology_sorted(_chronology_entries(child), kinds), child


def _chronology_entries(child: Child) -> list[ChronologyEntry]:
    entries: list[ChronologyEntry] = []
    for build in _CHRONOLOGY_BUILDERS:
        entries.extend(build(child))
    return entries


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _entry(
    record: Record,
    *,
    on: date | datetime,
    kind: str,
    title: str,
    detail: str = "",
    record_type: str | None = None,
) -> ChronologyEntry:
    """One entry for `record`; a datetime `on` gives the local date and time."""
    at = _local(on) if isinstance(on, datetime) else None
    return ChronologyEntry(
        on=at.date() if at is not None else on,
        at=at,
        kind=kind,
        title=title_text(title),
        detail=detail,
        record_type=record_type or record.record_type,
        record_key=record.key,
    )


def _who(worker: Worker | None, *, with_role: bool = False) -> str:
    if worker is None:
        return ""
    name = str(worker).strip()
    if with_role:
        return f"{worker.get_role_display()} {name}".strip()
    return name


def _by(worker: Worker | None) -> str:
    who = _who(worker)
    return f"by {who}" if who else ""


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    if value is None:
        return ""
    return yes if value else no


def _agencies(**attended: bool | None) -> str:
    present = [name for name, came in attended.items() if came]
    if all(came is None for came in attended.values()):
        return ""
    return "Attended: " + (", ".join(present) if present else "no other agency")


# Front door and early help -----------------------------------------------------------------------


def _contacts(child: Child) -> Iterator[ChronologyEntry]:
    for contact in Contact.objects.filter(child=child).select_related("decided_by"):
        yield _entry(
            contact,
            on=contact.received_at,
            kind="front_door",
            title=f"Contact received (source: {contact.get_source_display()})"
            + (" at the MASH" if contact.is_mash else ""),
            detail=detail_text(
                contact.concerns,
                contact.get_threshold_level_display() if contact.threshold_level else "",
            ),
        )
        if contact.decision_at is not None:
            outcome = contact.get_outcome_display() if contact.outcome else "decision recorded"
            yield _entry(
                contact,
                on=contact.decision_at,
                kind="front_door",
                title=f"Contact decided: {outcome}",
                detail=detail_text(_by(contact.decided_by)),
            )


def _early_help(child: Child) -> Iterator[ChronologyEntry]:
    for episode in EarlyHelpEpisode.objects.filter(child=child).select_related("team"):
        lead = f"Lead agency: {episode.lead_agency}" if episode.lead_agency else ""
        team = f"Team: {episode.team}" if episode.team else ""
        stages = (
            (episode.started_on, "Early help started", detail_text(lead, team)),
            (episode.assessment_started_on, "Early help assessment started", ""),
            (episode.assessment_completed_on, "Early help assessment completed", ""),
            (episode.plan_started_on, "Early help plan started", ""),
        )
        for on, title, detail in stages:
            if on is not None:
                yield _entry(episode, on=on, kind="front_door", title=title, detail=detail)
        if episode.ended_on is not None:
            outcome = episode.get_outcome_display() if episode.outcome else ""
            yield _entry(
                episode,
                on=episode.ended_on,
                kind="front_door",
                title="Early help ended" + (f" — {outcome}" if outcome else ""),
            )


# Referrals, assessments, child in need -----------------------------------------------------------


def _referrals(child: Child) -> Iterator[ChronologyEntry]:
    for referral in Referral.objects.filter(child=child).select_related("team", "worker"):
        yield _entry(
            referral,
            on=referral.referred_on,
            kind="assessment",
            title=f"Referral received (source: {referral.get_source_display()})",
            detail=detail_text(
                f"Primary need: {referral.get_primary_need_display()}"
                if referral.primary_need
                else "",
                "No further action" if referral.is_nfa else "",
                f"Team: {referral.team}" if referral.team else "",
                f"Worker: {_who(referral.worker)}" if referral.worker else "",
            ),
        )
        if referral.closed_on is not None:
            reason = referral.get_closure_reason_display() if referral.closure_reason else ""
            yield _entry(
                referral,
                on=referral.closed_on,
                kind="assessment",
                title="Child in need episode closed" + (f" — {reason}" if reason else ""),
            )


def _assessments(child: Child) -> Iterator[ChronologyEntry]:
    assessments = (
        Assessment.objects.filter(referral__child=child)
        .select_related("assessed_by")
        .prefetch_related("factors")
    )
    for assessment in assessments:
        yield _entry(
            assessment,
            on=assessment.started_on,
            kind="assessment",
            title="Assessment started",
            detail=detail_text(_by(assessment.assessed_by)),
        )
        if assessment.child_seen_on is not None:
            yield _entry(
                assessment,
                on=assessment.child_seen_on,
                kind="assessment",
                title="Assessment: child seen",
            )
        if assessment.authorised_on is not None:
            outcome = assessment.get_outcome_display() if assessment.outcome else ""
            factors = sorted(factor.get_factor_display() for factor in assessment.factors.all())
            yield _entry(
                assessment,
                on=assessment.authorised_on,
                kind="assessment",
                title="Assessment authorised" + (f" — {outcome}" if outcome else ""),
                detail=detail_text("Factors: " + ", ".join(factors) if factors else ""),
            )


def _cin_plans(child: Child) -> Iterator[ChronologyEntry]:
    for plan in CINPlan.objects.filter(referral__child=child):
        yield _entry(
            plan, on=plan.started_on, kind="child_in_need", title="Child in need plan started"
        )
        if plan.ended_on is not None:
            yield _entry(
                plan, on=plan.ended_on, kind="child_in_need", title="Child in need plan ended"
            )
    for review in CINPlanReview.objects.filter(cin_plan__referral__child=child):
        yield _entry(
            review, on=review.held_on, kind="child_in_need", title="Child in need plan reviewed"
        )


def _visits(child: Child) -> Iterator[ChronologyEntry]:
    for visit in Visit.objects.filter(child=child).select_related("worker"):
        seen = visit_seen_phrase(
            child_seen=visit.child_seen, child_seen_alone=visit.child_seen_alone
        )
        yield _entry(
            visit,
            on=visit.visited_on,
            kind="visits",
            title=f"{visit.get_kind_display()}: {seen}",
            detail=detail_text(
                _yes_no(visit.bedroom_seen, "Bedroom seen", "Bedroom not seen"), _by(visit.worker)
            ),
        )


# Child protection --------------------------------------------------------------------------------


def _strategy_discussions(child: Child) -> Iterator[ChronologyEntry]:
    discussions = StrategyDiscussion.objects.filter(referral__child=child).select_related(
        "chaired_by"
    )
    for discussion in discussions:
        yield _entry(
            discussion,
            on=discussion.held_on,
            kind="child_protection",
            title=f"Strategy discussion held — decision: {discussion.get_decision_display()}",
            detail=detail_text(
                _agencies(
                    police=discussion.police_attended,
                    health=discussion.health_attended,
                    education=discussion.education_attended,
                    other=discussion.other_attended,
                ),
                f"Chaired by {_who(discussion.chaired_by)}" if discussion.chaired_by else "",
            ),
        )


def _section47_enquiries(child: Child) -> Iterator[ChronologyEntry]:
    for enquiry in Section47Enquiry.objects.filter(referral__child=child):
        yield _entry(
            enquiry,
            on=enquiry.started_on,
            kind="child_protection",
            title="Section 47 enquiry started",
            detail=detail_text(
                f"Initial conference due by {enquiry.icpc_target_on.isoformat()}"
                if enquiry.icpc_target_on
                else ""
            ),
        )
        if enquiry.completed_on is not None:
            outcome = enquiry.get_outcome_display() if enquiry.outcome else ""
            yield _entry(
                enquiry,
                on=enquiry.completed_on,
                kind="child_protection",
                title="Section 47 enquiry completed" + (f" — {outcome}" if outcome else ""),
            )


def _conferences(child: Child) -> Iterator[ChronologyEntry]:
    for conference in Conference.objects.filter(referral__child=child).select_related("chaired_by"):
        yield _entry(
            conference,
            on=conference.held_on,
            kind="child_protection",
            title=f"{conference.get_kind_display()} — {conference.get_outcome_display()}",
            detail=detail_text(
                _agencies(
                    police=conference.police_attended,
                    health=conference.health_attended,
                    education=conference.education_attended,
                ),
                f"Chaired by {_who(conference.chaired_by)}" if conference.chaired_by else "",
                f"Minutes distributed {conference.minutes_distributed_on.isoformat()}"
                if conference.minutes_distributed_on
                else "",
            ),
        )


def _cp_plans(child: Child) -> Iterator[ChronologyEntry]:
    for plan in ChildProtectionPlan.objects.filter(referral__child=child):
        yield _entry(
            plan,
            on=plan.started_on,
            kind="child_protection",
            title="Child protection plan started — " + plan.get_initial_category_display().lower(),
            detail=detail_text(
                f"Previous plans: {plan.previous_plans_count}" if plan.previous_plans_count else ""
            ),
        )
        if plan.ended_on is not None:
            reason = plan.get_end_reason_display() if plan.end_reason else ""
            category = (
                f"Latest category: {plan.get_latest_category_display().lower()}"
                if plan.latest_category != plan.initial_category
                else ""
            )
            yield _entry(
                plan,
                on=plan.ended_on,
                kind="child_protection",
                title="Child protection plan ended" + (f" — {reason}" if reason else ""),
                detail=detail_text(category),
            )
    for meeting in CoreGroup.objects.filter(cp_plan__referral__child=child):
        yield _entry(
            meeting,
            on=meeting.held_on,
            kind="child_protection",
            title="Core group meeting held",
            detail=f"Agencies attending: {meeting.attended_by_agencies}",
        )


# Looked after, health and education, missing, court ----------------------------------------------


def _cla_episodes(child: Child) -> Iterator[ChronologyEntry]:
    for episode in CLAEpisode.objects.filter(child=child):
        placement = f"Placement: {episode.get_placement_type_display()}"
        legal = f"Legal status: {episode.get_legal_status_display()}"
        if episode.reason_new == ReasonNewEpisode.S:
            title = f"Became looked after — {episode.get_legal_status_display()}"
        else:
            title = f"Care episode changed — {episode.get_reason_new_display()}"
        yield _entry(
            episode,
            on=episode.started_on,
            kind="looked_after",
            title=title,
            detail=detail_text(
                legal,
                placement,
                f"Reason for move: {episode.get_reason_place_change_display()}"
                if episode.reason_place_change
                else "",
                episode.get_placement_location_display() if episode.placement_location else "",
            ),
        )
        # X1: the next episode starts the same day and says what changed; no separate end.
        if episode.ended_on is not None and episode.reason_ceased != ReasonEpisodeCeased.X1:
            yield _entry(
                episode,
                on=episode.ended_on,
                kind="looked_after",
                title=f"Ceased to be looked after — {episode.get_reason_ceased_display()}",
            )


def _cla_reviews(child: Child) -> Iterator[ChronologyEntry]:
    for review in CLAReview.objects.filter(child=child).select_related("chaired_by"):
        yield _entry(
            review,
            on=review.held_on,
            kind="looked_after",
            title=f"Looked-after review held — {review.get_participation_display()}",
            detail=detail_text(
                f"Chaired by {_who(review.chaired_by)}" if review.chaired_by else ""
            ),
        )


def _health_and_education(child: Child) -> Iterator[ChronologyEntry]:
    for check in HealthCheck.objects.filter(child=child):
        yield _entry(
            check,
            on=check.done_on,
            kind="health_education",
            title=check.get_kind_display() + (f": {check.value}" if check.value else ""),
            detail=detail_text(check.get_sdq_reason_display() if check.sdq_reason else ""),
        )
    for plan in EducationPlan.objects.filter(child=child):
        yield _entry(
            plan,
            on=plan.done_on,
            kind="health_education",
            title="Personal education plan (PEP) done",
            detail=detail_text(
                f"School URN {plan.school_urn}" if plan.school_urn else "",
                f"Ofsted: {plan.get_school_ofsted_grade_display()}"
                if plan.school_ofsted_grade
                else "",
            ),
        )


def _missing(child: Child) -> Iterator[ChronologyEntry]:
    for episode in MissingEpisode.objects.filter(child=child):
        label = episode.get_kind_display()
        yield _entry(
            episode,
            on=episode.started_at,
            kind="missing",
            title=f"{label}: episode started",
            detail=detail_text(
                _yes_no(
                    episode.return_interview_offered,
                    "Return interview offered",
                    "Return interview not offered",
                )
            ),
        )
        if episode.ended_at is not None:
            yield _entry(episode, on=episode.ended_at, kind="missing", title=f"{label}: returned")
        if episode.return_interview_done_at is not None:
            yield _entry(
                episode,
                on=episode.return_interview_done_at,
                kind="missing",
                title="Return interview held",
                detail=detail_text(
                    _yes_no(episode.return_interview_accepted, "Accepted", "Declined")
                ),
            )


def _in_court(proceeding: LegalProceeding) -> str:
    """Where proceedings were issued: "Walsall Family Court, case ZZ17C00123"."""
    case = f"case {proceeding.case_number}" if proceeding.case_number else ""
    where = ", ".join(part for part in (proceeding.court, case) if part)
    return where[:1].upper() + where[1:]


def _court(child: Child) -> Iterator[ChronologyEntry]:
    for proceeding in LegalProceeding.objects.filter(child=child):
        label = proceeding.get_kind_display()
        yield _entry(
            proceeding,
            on=proceeding.started_on,
            kind="court",
            title=f"{label} started",
            detail=_in_court(proceeding),
        )
        if proceeding.ended_on is not None:
            outcome = proceeding.get_outcome_display() if proceeding.outcome else ""
            yield _entry(
                proceeding,
                on=proceeding.ended_on,
                kind="court",
                title=f"{label} ended" + (f" — {outcome}" if outcome else ""),
            )
    for youth_outcome in YouthJusticeOutcome.objects.filter(child=child):
        yield _entry(
            youth_outcome,
            on=youth_outcome.outcome_on,
            kind="court",
            title=f"Youth justice outcome: {youth_outcome.get_kind_display()}",
        )


# Permanence, care leavers, private fostering -----------------------------------------------------


def _adoptions(child: Child) -> Iterator[ChronologyEntry]:
    for adoption in Adoption.objects.filter(child=child):
        stages = (
            (adoption.decision_on, "Decision that the child should be placed for adoption"),
            (adoption.placement_order_on, "Placement order made"),
            (adoption.matched_on, "Matched with adopters"),
            (adoption.placed_on, "Placed for adoption"),
            (adoption.adoption_order_on, "Adoption order made"),
        )
        for on, title in stages:
            if on is not None:
                detail = (
                    "Foster for adoption"
                    if adoption.is_foster_for_adoption and on == adoption.decision_on
                    else ""
                )
                yield _entry(adoption, on=on, kind="permanence", title=title, detail=detail)
        if adoption.ceased_on is not None:
            reason = adoption.get_ceased_reason_display() if adoption.ceased_reason else ""
            yield _entry(
                adoption,
                on=adoption.ceased_on,
                kind="permanence",
                title="Adoption plan ceased" + (f" — {reason}" if reason else ""),
            )
    for previous in PreviousPermanence.objects.filter(child=child):
        if previous.order_on is None:  # a 903 date kept only as text (ZZ/ZZ/2012)
            continue
        yield _entry(
            previous,
            on=previous.order_on,
            kind="permanence",
            title=f"Previous permanence: {previous.get_kind_display()}",
            detail=detail_text(f"Local authority {previous.la_code}" if previous.la_code else ""),
        )


def _care_leaver(child: Child) -> Iterator[ChronologyEntry]:
    statuses = CareLeaverStatus.objects.filter(child=child).select_related("personal_adviser")
    for status in statuses:
        yield _entry(
            status,
            on=status.as_of,
            kind="care_leaver",
            title=f"Care leaver ({status.get_eligibility_display().lower()}): "
            f"{status.get_in_touch_display().lower()}",
            detail=detail_text(
                f"Activity: {status.get_activity_display()}",
                f"Accommodation: {status.get_accommodation_display()}"
                + {True: " (suitable)", False: " (not suitable)", None: ""}[
                    status.accommodation_suitable
                ],
                "Staying put" if status.staying_put else "",
                f"Personal adviser: {_who(status.personal_adviser)}"
                if status.personal_adviser
                else "",
            ),
        )
        if status.pathway_plan_reviewed_on is not None:
            yield _entry(
                status,
                on=status.pathway_plan_reviewed_on,
                kind="care_leaver",
                title="Pathway plan reviewed",
            )


def _private_fostering(child: Child) -> Iterator[ChronologyEntry]:
    for arrangement in PrivateFosteringArrangement.objects.filter(child=child):
        stages = (
            (arrangement.notified_on, "Private fostering arrangement notified"),
            (arrangement.started_on, "Private fostering arrangement started"),
            (arrangement.ended_on, "Private fostering arrangement ended"),
        )
        for on, title in stages:
            if on is not None:
                yield _entry(arrangement, on=on, kind="child_in_need", title=title)


# Allocation and oversight, case notes ------------------------------------------------------------


def _allocations(child: Child) -> Iterator[ChronologyEntry]:
    for allocation in Allocation.objects.filter(child=child).select_related("worker", "team"):
        who = _who(allocation.worker) or "no named worker"
        role = allocation.get_role_display()
        yield _entry(
            allocation,
            on=allocation.started_on,
            kind="oversight",
            title=f"{role}: {who} ({allocation.team})",
        )
        if allocation.ended_on is not None:
            reason = allocation.get_change_reason_display() if allocation.change_reason else ""
            yield _entry(
                allocation,
                on=allocation.ended_on,
                kind="oversight",
                title=f"{role} ended: {who}",
                detail=detail_text(f"Reason: {reason}" if reason else ""),
            )


def _decisions(child: Child) -> Iterator[ChronologyEntry]:
    for decision in Decision.objects.filter(child=child).select_related("made_by"):
        yield _entry(
            decision,
            on=decision.made_at,
            kind="oversight",
            title=decision_title(
                kind_label=decision.get_kind_display(),
                made_by=_who(decision.made_by),
                made_by_role=decision.made_by.get_role_display() if decision.made_by else "",
                decision=decision.decision,
            ),
            detail=detail_text(
                f"Rationale: {decision.rationale}",
                f"Actions: {decision.actions}" if decision.actions else "",
                f"Due {decision.actions_due_on.isoformat()}" if decision.actions_due_on else "",
            ),
        )


def _supervision_discussions(child: Child) -> Iterator[ChronologyEntry]:
    discussions = SupervisionDiscussion.objects.filter(child=child).select_related(
        "supervision__worker", "supervision__supervisor"
    )
    for discussion in discussions:
        supervision = discussion.supervision
        yield _entry(
            discussion,
            on=supervision.held_on,
            kind="oversight",
            title=f"Discussed in {supervision.get_kind_display().lower()}",
            detail=detail_text(
                f"Worker: {_who(supervision.worker)}",
                f"Supervisor: {_who(supervision.supervisor)}" if supervision.supervisor else "",
            ),
        )


def _case_audits(child: Child) -> Iterator[ChronologyEntry]:
    for audit in CaseAudit.objects.filter(child=child).select_related("auditor"):
        moderated = (
            f" (moderated: {audit.get_moderated_grade_display().lower()})"
            if audit.moderated_grade
            else ""
        )
        yield _entry(
            audit,
            on=audit.audited_on,
            kind="oversight",
            title=f"Case audit — graded {audit.get_grade_display().lower()}{moderated}",
            detail=detail_text(
                f"Themes: {audit.themes}" if audit.themes else "",
                f"Actions: {audit.actions}" if audit.actions else "",
                _by(audit.auditor),
            ),
        )


def _complaints(child: Child) -> Iterator[ChronologyEntry]:
    for complaint in Complaint.objects.filter(child=child):
        yield _entry(
            complaint,
            on=complaint.received_on,
            kind="oversight",
            title=f"Complaint received ({complaint.get_stage_display()})",
            detail=detail_text(complaint.about),
        )
        if complaint.responded_on is not None:
            outcome = complaint.get_outcome_display() if complaint.outcome else ""
            yield _entry(
                complaint,
                on=complaint.responded_on,
                kind="oversight",
                title="Complaint responded to" + (f" — {outcome}" if outcome else ""),
                detail=detail_text(f"Learning: {complaint.learning}" if complaint.learning else ""),
            )


def _case_notes(child: Child) -> Iterator[ChronologyEntry]:
    """One entry per note as first written, at its time, showing the latest amended text."""
    notes = {
        note.key: note
        for note in CaseNote.objects.filter(child=child).select_related("author", "amends")
    }
    latest = latest_note_versions(
        NoteVersion(
            key=note.key,
            amends=note.amends.key if note.amends is not None else None,
            written_at=note.written_at,
        )
        for note in notes.values()
    )
    for original_key, latest_key in latest.items():
        original = notes[original_key]
        current = notes[latest_key]
        amended = (
            f"Amended {_local(current.written_at):%Y-%m-%d %H:%M}"
            + (f" by {_who(current.author)}" if current.author else "")
            if current is not original
            else ""
        )
        significant = " (significant)" if original.is_significant or current.is_significant else ""
        author = f" — {_who(original.author)}" if original.author else ""
        yield _entry(
            original,
            on=original.written_at,
            kind="case_notes",
            title=f"Case note: {original.get_kind_display()}{significant}{author}",
            detail=detail_text(amended, current.text),
        )


def _households(child: Child) -> Iterator[ChronologyEntry]:
    periods = HouseholdPeriod.objects.filter(relationship__child=child).select_related(
        "relationship__person"
    )
    for period in periods:
        relationship = period.relationship
        person = relationship.person
        who = (
            f"{person.given_name} {person.family_name} "
            f"({relationship.get_relationship_type_display()})"
        )
        yield _entry(
            period, on=period.started_on, kind="family", title=f"Started living with {who}"
        )
        if period.ended_on is not None:
            yield _entry(
                period, on=period.ended_on, kind="family", title=f"Stopped living with {who}"
            )


_CHRONOLOGY_BUILDERS: tuple[Callable[[Child], Iterable[ChronologyEntry]], ...] = (
    _contacts,
    _early_help,
    _referrals,
    _assessments,
    _cin_plans,
    _visits,
    _strategy_discussions,
    _section47_enquiries,
    _conferences,
    _cp_plans,
    _cla_episodes,
    _cla_reviews,
    _health_and_education,
    _missing,
    _court,
    _adoptions,
    _care_leaver,
    _private_fostering,
    _households,
    _allocations,
    _decisions,
    _supervision_discussions,
    _case_audits,
    _complaints,
    _case_notes,
)
