"""The child's chronology read from the records: every journey model gives its dated entries,
newest first; the kinds filter; the CSV; the audit of a viewing and of an export; denial."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from pytest_django.fixtures import DjangoAssertNumQueries

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.constants import (
    AssessmentFactor,
    AssessmentOutcome,
    AuditGrade,
    CareLeaverAccommodation,
    CareLeaverActivity,
    CareLeaverEligibility,
    CaseNoteKind,
    CategoryOfAbuse,
    CLACategoryOfNeed,
    ComplaintOutcome,
    ComplaintStage,
    ConferenceKind,
    ConferenceOutcome,
    ContactOutcome,
    CPPlanEndReason,
    DecisionKind,
    EarlyHelpOutcome,
    HealthCheckKind,
    InTouch,
    LegalProceedingKind,
    LegalProceedingOutcome,
    LegalStatus,
    MissingKind,
    PlacementType,
    PreviousPermanenceKind,
    PrimaryNeed,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReferralSource,
    ReviewParticipation,
    Section47Outcome,
    StrategyDecision,
    SupervisionKind,
    VisitKind,
    YouthJusticeOutcomeKind,
)
from lineofsight.journey.domain.chronology import CSV_HEADERS, KINDS, ChronologyEntry
from lineofsight.journey.models import (
    Adoption,
    Assessment,
    AssessmentFactorRecord,
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
    Supervision,
    SupervisionDiscussion,
    Visit,
    YouthJusticeOutcome,
)
from lineofsight.journey.selectors import chronology_export, chronology_list
from lineofsight.journey.tests.builders import (
    Case,
    D,
    at,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.people.constants import RelationshipType, WorkerRole
from lineofsight.people.models import HouseholdPeriod, Person, Relationship, Worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(case: Case) -> Case:
    """A protection journey from a police contact to a step down, with a visit, a missing
    episode, a decision and an amended case note."""
    child, worker = case.child, case.worker
    manager = Worker.objects.create(
        staff_id="TM001",
        given_name="Ada",
        family_name="Examplemanager",
        role=WorkerRole.TEAM_MANAGER,
        started_on=D(2010, 1, 1),
    )
    contact = Contact.objects.create(
        key="CON1",
        child=child,
        received_at=at(D(2017, 1, 9), 10),
        source=ReferralSource.S6,
        concerns="Found alone at home late at night",
        decision_at=at(D(2017, 1, 9), 15),
        outcome=ContactOutcome.REFERRAL,
        decided_by=manager,
    )
    referral = Referral.objects.create(
        key="REF1",
        child=child,
        contact=contact,
        referred_on=D(2017, 1, 10),
        source=ReferralSource.S6,
        primary_need=PrimaryNeed.N1,
        team=case.team,
        worker=worker,
    )
    Decision.objects.create(
        key="DEC1",
        child=child,
        made_at=at(D(2017, 1, 10), 11),
        made_by=manager,
        kind=DecisionKind.REFERRAL_OUTCOME,
        decision="Open for assessment and hold a strategy discussion",
        rationale="Police found the child alone overnight; second such report this month",
    )
    Assessment.objects.create(
        key="ASM1",
        referral=referral,
        started_on=D(2017, 1, 11),
        child_seen_on=D(2017, 1, 11),
        authorised_on=D(2017, 2, 1),
        outcome=AssessmentOutcome.S47,
        assessed_by=worker,
    )
    strategy = StrategyDiscussion.objects.create(
        key="STRAT1", referral=referral, held_on=D(2017, 1, 12), decision=StrategyDecision.S47
    )
    enquiry = Section47Enquiry.objects.create(
        key="S47-1",
        referral=referral,
        strategy_discussion=strategy,
        started_on=D(2017, 1, 12),
        completed_on=D(2017, 1, 20),
        outcome=Section47Outcome.SUBSTANTIATED_ICPC,
    )
    plan = ChildProtectionPlan.objects.create(
        key="CPP1",
        referral=referral,
        started_on=D(2017, 2, 1),
        ended_on=D(2017, 8, 1),
        initial_category=CategoryOfAbuse.NEG,
        latest_category=CategoryOfAbuse.NEG,
        end_reason=CPPlanEndReason.CIN_PLAN,
    )
    Conference.objects.create(
        key="ICPC1",
        referral=referral,
        section47_enquiry=enquiry,
        cp_plan=plan,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 2, 1),
        outcome=ConferenceOutcome.PLAN,
    )
    CINPlan.objects.create(key="CIN1", referral=referral, started_on=D(2017, 8, 1))
    Visit.objects.create(
        key="VIS1",
        child=child,
        kind=VisitKind.CP,
        visited_on=D(2017, 2, 10),
        child_seen=True,
        child_seen_alone=True,
        bedroom_seen=True,
        worker=worker,
    )
    note = CaseNote.objects.create(
        key="NOTE1",
        child=child,
        written_at=at(D(2017, 2, 10), 16),
        author=worker,
        kind=CaseNoteKind.VISIT,
        text="Tamsin showed me her room; first draft",
    )
    CaseNote.objects.create(
        key="NOTE1-A",
        child=child,
        written_at=at(D(2017, 2, 11), 9),
        author=worker,
        kind=CaseNoteKind.VISIT,
        text="Tamsin showed me her room and talked about school",
        amends=note,
    )
    MissingEpisode.objects.create(
        key="MIS1",
        child=child,
        kind=MissingKind.MISSING,
        started_at=at(D(2017, 3, 5), 22),
        ended_at=at(D(2017, 3, 6), 8),
        return_interview_offered=True,
    )
    return case


def rows(entries: list[ChronologyEntry]) -> list[tuple[str, str, str]]:
    return [(e.on.isoformat(), e.record_key, e.title) for e in entries]


EXPECTED = [
    ("2017-08-01", "CPP1", "Child protection plan ended — Stepped down to a child in need plan"),
    ("2017-08-01", "CIN1", "Child in need plan started"),
    ("2017-03-06", "MIS1", "Missing: returned"),
    ("2017-03-05", "MIS1", "Missing: episode started"),
    ("2017-02-10", "NOTE1", "Case note: Visit — Morwenna TestfieldSW001"),
    ("2017-02-10", "VIS1", "Child protection visit: child seen alone"),
    ("2017-02-01", "ICPC1", "Initial child protection conference — Child protection plan"),
    ("2017-02-01", "CPP1", "Child protection plan started — neglect"),
    ("2017-02-01", "ASM1", "Assessment authorised — Strategy discussion / section 47"),
    (
        "2017-01-20",
        "S47-1",
        "Section 47 enquiry completed — Concerns substantiated: initial conference",
    ),
    ("2017-01-12", "STRAT1", "Strategy discussion held — decision: Section 47 enquiry"),
    ("2017-01-12", "S47-1", "Section 47 enquiry started"),
    ("2017-01-11", "ASM1", "Assessment: child seen"),
    ("2017-01-11", "ASM1", "Assessment started"),
    (
        "2017-01-10",
        "DEC1",
        # shortened at a word to the title limit; the full decision is on the record
        "Decision (Referral outcome) recorded by Team manager Ada Examplemanager: "
        "Open for assessment and hold a strategy…",
    ),
    ("2017-01-10", "REF1", "Referral received (source: Police)"),
    ("2017-01-09", "CON1", "Contact decided: Referral to children's social care"),
    ("2017-01-09", "CON1", "Contact received (source: Police)"),
    ("2016-12-01", "ALL-TEST0001", "Allocated social worker: Morwenna TestfieldSW001 (Team SAFE1)"),
]


def test_every_record_gives_its_dated_entries_newest_first(journey: Case) -> None:
    entries = chronology_list(viewer=journey.user, child_id="TEST0001")

    assert rows(entries) == EXPECTED


def test_entries_carry_the_group_time_and_record(journey: Case) -> None:
    entries = chronology_list(viewer=journey.user, child_id="TEST0001")
    by_title = {e.title: e for e in entries}

    received = by_title["Contact received (source: Police)"]
    assert received.kind == "front_door"
    assert received.at == at(D(2017, 1, 9), 10)
    assert received.record_type == "contact"
    assert received.detail == "Found alone at home late at night"

    visit = by_title["Child protection visit: child seen alone"]
    assert (visit.kind, visit.at, visit.record_type) == ("visits", None, "visit")
    assert visit.detail == "Bedroom seen; by Morwenna TestfieldSW001"

    decision = next(e for e in entries if e.record_key == "DEC1")
    assert decision.kind == "oversight"
    assert decision.detail.startswith("Rationale: Police found the child alone overnight")

    assert {e.kind for e in entries} == {
        "front_door",
        "assessment",
        "child_in_need",
        "child_protection",
        "visits",
        "missing",
        "oversight",
        "case_notes",
    }


def test_an_amended_note_is_one_entry_showing_the_latest_text(journey: Case) -> None:
    notes = chronology_list(viewer=journey.user, child_id="TEST0001", kinds=["case_notes"])

    assert len(notes) == 1
    (note,) = notes
    assert (note.record_key, note.record_type) == ("NOTE1", "case_note")
    assert note.at == at(D(2017, 2, 10), 16)
    assert note.detail == (
        "Amended 2017-02-11 09:00 by Morwenna TestfieldSW001; "
        "Tamsin showed me her room and talked about school"
    )
    assert "first draft" not in note.detail


def test_the_kinds_filter_narrows_to_the_groups_asked_for(journey: Case) -> None:
    entries = chronology_list(
        viewer=journey.user, child_id="TEST0001", kinds=["child_protection", "missing"]
    )

    assert rows(entries) == [
        row for row in EXPECTED if row[1] in {"CPP1", "ICPC1", "S47-1", "STRAT1", "MIS1"}
    ]


def test_an_unknown_kind_is_refused_before_anything_is_read_or_audited(journey: Case) -> None:
    with pytest.raises(ValueError, match="Unknown chronology kinds: gossip"):
        chronology_list(viewer=journey.user, child_id="TEST0001", kinds=["gossip"])

    assert not AuditEvent.objects.exists()


def test_each_viewing_is_audited_once_naming_the_child(journey: Case) -> None:
    chronology_list(viewer=journey.user, child_id="TEST0001")
    chronology_list(viewer=journey.user, child_id="TEST0001", kinds=["visits"])

    events = list(
        AuditEvent.objects.filter(action=AuditAction.VIEWED, record_type="chronology").order_by(
            "pk"
        )
    )
    assert len(events) == 2
    assert all(
        (e.actor, e.record_key, e.child_id) == (journey.user, "TEST0001", "TEST0001")
        for e in events
    )
    assert [e.detail for e in events] == [
        {"kinds": [], "entries": len(EXPECTED)},
        {"kinds": ["visits"], "entries": 1},
    ]
    # `child_get_for_viewer` audits the opening of the record itself, once a call too.
    assert AuditEvent.objects.filter(action=AuditAction.VIEWED, record_type="child").count() == 2
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


def test_the_export_is_the_chronology_as_csv_and_audited_as_an_export(journey: Case) -> None:
    text = chronology_export(viewer=journey.user, child_id="TEST0001")

    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == list(CSV_HEADERS)
    assert len(table) == len(EXPECTED) + 1
    assert [(row[0], row[6], row[3]) for row in table[1:]] == EXPECTED
    assert table[3] == [
        "2017-03-06",
        "08:00",
        KINDS["missing"],
        "Missing: returned",
        "",
        "missing_episode",
        "MIS1",
    ]

    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert (event.actor, event.record_type, event.record_key, event.child_id) == (
        journey.user,
        "chronology",
        "TEST0001",
        "TEST0001",
    )
    assert event.detail == {"format": "csv", "rows": len(EXPECTED), "child_ids": ["TEST0001"]}
    assert not AuditEvent.objects.filter(
        action=AuditAction.VIEWED, record_type="chronology"
    ).exists()


def test_the_export_follows_the_kinds_filter(journey: Case) -> None:
    text = chronology_export(viewer=journey.user, child_id="TEST0001", kinds=["visits"])

    table = list(csv.reader(io.StringIO(text)))
    assert [row[6] for row in table[1:]] == ["VIS1"]
    assert AuditEvent.objects.get(action=AuditAction.EXPORTED).detail["rows"] == 1


def test_a_child_with_no_journey_records_has_only_its_allocation(case: Case) -> None:
    entries = chronology_list(viewer=case.user, child_id="TEST0001")

    assert rows(entries) == [EXPECTED[-1]]


def test_another_childs_records_are_not_in_the_chronology(journey: Case) -> None:
    other = child_create("TEST0002", born_on=D(2012, 1, 1))
    Visit.objects.create(key="VIS-OTHER", child=other, kind=VisitKind.CIN, visited_on=D(2017, 5, 1))

    entries = chronology_list(viewer=journey.user, child_id="TEST0001")

    assert "VIS-OTHER" not in {e.record_key for e in entries}


def test_reading_takes_a_query_per_model_not_per_record(
    journey: Case, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for number in range(2, 12):
        Visit.objects.create(
            key=f"VIS{number}",
            child=journey.child,
            kind=VisitKind.CP,
            visited_on=D(2017, 3, number),
            worker=journey.worker,
        )
    with django_assert_max_num_queries(40):
        entries = chronology_list(viewer=journey.user, child_id="TEST0001")
    assert len(entries) == len(EXPECTED) + 10


def test_a_social_worker_of_another_team_is_refused_and_nothing_is_audited(
    journey: Case,
) -> None:
    stranger = social_worker_create("SW999", team_create("SAFE9"), "stranger.sw")

    with pytest.raises(PermissionDenied):
        chronology_list(viewer=stranger, child_id="TEST0001")
    with pytest.raises(PermissionDenied):
        chronology_export(viewer=stranger, child_id="TEST0001")

    # `child_get_for_viewer` writes nothing on a denial, and neither does the chronology.
    assert not AuditEvent.objects.exists()


def test_an_unknown_child_is_not_found_and_nothing_is_audited(journey: Case) -> None:
    with pytest.raises(Http404):
        chronology_list(viewer=journey.user, child_id="TEST9999")

    assert not AuditEvent.objects.exists()


@pytest.fixture
def looked_after(case: Case) -> Case:
    """One of every other journey record, for a child who became looked after and was
    later adopted (dates are synthetic and only need to be in order per record)."""
    child, worker = case.child, case.worker
    referral = Referral.objects.create(
        key="REF-LA", child=child, referred_on=D(2015, 1, 5), source=ReferralSource.S2A
    )
    assessment = Assessment.objects.create(
        key="ASM-LA",
        referral=referral,
        started_on=D(2015, 1, 6),
        authorised_on=D(2015, 1, 30),
        outcome=AssessmentOutcome.CIN_PLAN,
    )
    AssessmentFactorRecord.objects.create(
        key="F-LA-1", assessment=assessment, factor=AssessmentFactor.F16A
    )
    cin_plan = CINPlan.objects.create(
        key="CIN-LA", referral=referral, started_on=D(2015, 2, 1), ended_on=D(2015, 6, 1)
    )
    CINPlanReview.objects.create(key="CINR-LA", cin_plan=cin_plan, held_on=D(2015, 4, 1))
    plan = ChildProtectionPlan.objects.create(
        key="CPP-LA",
        referral=referral,
        started_on=D(2015, 6, 1),
        initial_category=CategoryOfAbuse.EMO,
        latest_category=CategoryOfAbuse.EMO,
    )
    CoreGroup.objects.create(key="CG-LA", cp_plan=plan, held_on=D(2015, 6, 20))
    EarlyHelpEpisode.objects.create(
        key="EH-LA",
        child=child,
        started_on=D(2014, 9, 1),
        ended_on=D(2014, 12, 1),
        outcome=EarlyHelpOutcome.STEPPED_UP,
        lead_agency="School",
    )
    CLAEpisode.objects.create(
        key="CLA-1",
        child=child,
        started_on=D(2015, 7, 1),
        reason_new=ReasonNewEpisode.S,
        legal_status=LegalStatus.V2,
        category_of_need=CLACategoryOfNeed.N1,
        placement_type=PlacementType.U6,
        ended_on=D(2015, 9, 1),
        reason_ceased=ReasonEpisodeCeased.X1,
    )
    CLAEpisode.objects.create(
        key="CLA-2",
        child=child,
        started_on=D(2015, 9, 1),
        reason_new=ReasonNewEpisode.L,
        legal_status=LegalStatus.C2,
        category_of_need=CLACategoryOfNeed.N1,
        placement_type=PlacementType.U6,
        ended_on=D(2017, 6, 1),
        reason_ceased=ReasonEpisodeCeased.E11,
    )
    CLAReview.objects.create(
        key="CLAR-1",
        child=child,
        held_on=D(2015, 7, 20),
        participation=ReviewParticipation.PN1,
    )
    HealthCheck.objects.create(
        key="HC-1", child=child, kind=HealthCheckKind.SDQ, done_on=D(2016, 3, 1), value="14"
    )
    EducationPlan.objects.create(key="PEP-1", child=child, done_on=D(2015, 8, 1))
    LegalProceeding.objects.create(
        key="LP-1",
        child=child,
        kind=LegalProceedingKind.CARE,
        started_on=D(2015, 7, 2),
        ended_on=D(2015, 9, 1),
        outcome=LegalProceedingOutcome.CARE_ORDER,
        court="Bramcote Family Court",
        case_number="ZZ15C00042",
    )
    YouthJusticeOutcome.objects.create(
        key="YJ-1",
        child=child,
        kind=YouthJusticeOutcomeKind.YOUTH_CAUTION,
        outcome_on=D(2016, 5, 1),
    )
    Adoption.objects.create(
        key="ADO-1",
        child=child,
        decision_on=D(2016, 1, 10),
        placement_order_on=D(2016, 4, 1),
        matched_on=D(2016, 6, 1),
        placed_on=D(2016, 7, 1),
        adoption_order_on=D(2017, 6, 1),
    )
    PreviousPermanence.objects.create(
        key="PP-1", child=child, kind=PreviousPermanenceKind.P4, order_date_text="ZZ/ZZ/2012"
    )
    CareLeaverStatus.objects.create(
        key="CLS-1",
        child=child,
        as_of=D(2017, 5, 17),
        eligibility=CareLeaverEligibility.RELEVANT,
        in_touch=InTouch.YES,
        activity=CareLeaverActivity.F2,
        accommodation=CareLeaverAccommodation.E,
        accommodation_suitable=True,
        pathway_plan_reviewed_on=D(2017, 5, 20),
    )
    PrivateFosteringArrangement.objects.create(
        key="PF-1", child=child, notified_on=D(2014, 5, 1), started_on=D(2014, 5, 2)
    )
    supervision = Supervision.objects.create(
        key="SUP-1", worker=worker, held_on=D(2016, 2, 2), kind=SupervisionKind.CASE
    )
    SupervisionDiscussion.objects.create(key="SUPD-1", supervision=supervision, child=child)
    CaseAudit.objects.create(
        key="AUD-1", child=child, audited_on=D(2016, 2, 3), grade=AuditGrade.GOOD
    )
    Complaint.objects.create(
        key="CMP-1",
        child=child,
        received_on=D(2016, 2, 4),
        stage=ComplaintStage.STAGE_1,
        about="Contact arrangements",
        responded_on=D(2016, 2, 20),
        outcome=ComplaintOutcome.PARTLY_UPHELD,
    )
    return case


def test_every_other_journey_record_gives_its_entries(looked_after: Case) -> None:
    entries = chronology_list(viewer=looked_after.user, child_id="TEST0001")
    found = {(e.record_key, e.on.isoformat(), e.kind, e.title) for e in entries}

    assert found == {
        ("ALL-TEST0001", "2016-12-01", "oversight", EXPECTED[-1][2]),
        ("PF-1", "2014-05-01", "child_in_need", "Private fostering arrangement notified"),
        ("PF-1", "2014-05-02", "child_in_need", "Private fostering arrangement started"),
        ("EH-LA", "2014-09-01", "front_door", "Early help started"),
        ("EH-LA", "2014-12-01", "front_door", "Early help ended — Stepped up to social care"),
        ("REF-LA", "2015-01-05", "assessment", "Referral received (source: Schools)"),
        ("ASM-LA", "2015-01-06", "assessment", "Assessment started"),
        ("ASM-LA", "2015-01-30", "assessment", "Assessment authorised — Child in need plan"),
        ("CIN-LA", "2015-02-01", "child_in_need", "Child in need plan started"),
        ("CINR-LA", "2015-04-01", "child_in_need", "Child in need plan reviewed"),
        ("CIN-LA", "2015-06-01", "child_in_need", "Child in need plan ended"),
        (
            "CPP-LA",
            "2015-06-01",
            "child_protection",
            "Child protection plan started — emotional abuse",
        ),
        ("CG-LA", "2015-06-20", "child_protection", "Core group meeting held"),
        (
            "CLA-1",
            "2015-07-01",
            "looked_after",
            "Became looked after — Single period of accommodation under section 20",
        ),
        # CLA-1 ends X1: the next episode says what changed, so no end entry of its own
        (
            "CLA-2",
            "2015-09-01",
            "looked_after",
            "Care episode changed — Change of legal status only",
        ),
        (
            "CLA-2",
            "2017-06-01",
            "looked_after",
            "Ceased to be looked after — Adopted: application unopposed",
        ),
        (
            "CLAR-1",
            "2015-07-20",
            "looked_after",
            "Looked-after review held — Attends and speaks for self",
        ),
        ("LP-1", "2015-07-02", "court", "Care proceedings started"),
        ("LP-1", "2015-09-01", "court", "Care proceedings ended — Care order"),
        ("PEP-1", "2015-08-01", "health_education", "Personal education plan (PEP) done"),
        ("HC-1", "2016-03-01", "health_education", "Strengths and difficulties questionnaire: 14"),
        ("YJ-1", "2016-05-01", "court", "Youth justice outcome: Youth caution"),
        (
            "ADO-1",
            "2016-01-10",
            "permanence",
            "Decision that the child should be placed for adoption",
        ),
        ("ADO-1", "2016-04-01", "permanence", "Placement order made"),
        ("ADO-1", "2016-06-01", "permanence", "Matched with adopters"),
        ("ADO-1", "2016-07-01", "permanence", "Placed for adoption"),
        ("ADO-1", "2017-06-01", "permanence", "Adoption order made"),
        # PP-1 has no full date (903 ZZ/ZZ/2012), so it gives no entry
        ("CLS-1", "2017-05-17", "care_leaver", "Care leaver (relevant): in touch"),
        ("CLS-1", "2017-05-20", "care_leaver", "Pathway plan reviewed"),
        ("SUPD-1", "2016-02-02", "oversight", "Discussed in case supervision"),
        ("AUD-1", "2016-02-03", "oversight", "Case audit — graded good"),
        ("CMP-1", "2016-02-04", "oversight", "Complaint received (Stage 1: local resolution)"),
        ("CMP-1", "2016-02-20", "oversight", "Complaint responded to — Partly upheld"),
    }
    assert len(entries) == len(found)
    assert [e.on for e in entries] == sorted((e.on for e in entries), reverse=True)
    authorised = next(e for e in entries if e.title.startswith("Assessment authorised"))
    assert authorised.detail == "Factors: Neglect"
    status = next(e for e in entries if e.title.startswith("Care leaver (relevant)"))
    assert "Accommodation: Supported lodgings (suitable)" in status.detail
    issued = next(e for e in entries if e.title == "Care proceedings started")
    assert issued.detail == "Bramcote Family Court, case ZZ15C00042"


def test_each_period_of_living_with_someone_starts_and_ends_in_the_family_group(
    case: Case,
) -> None:
    mother = Person.objects.create(key="PER-1", given_name="Demelza", family_name="Examplesmith")
    relationship = Relationship.objects.create(
        key="REL-1", child=case.child, person=mother, relationship_type=RelationshipType.MOTHER
    )
    HouseholdPeriod.objects.create(
        key="HH-1", relationship=relationship, started_on=D(2010, 5, 17), ended_on=D(2016, 3, 1)
    )
    HouseholdPeriod.objects.create(key="HH-2", relationship=relationship, started_on=D(2017, 2, 14))
    entries = chronology_list(viewer=case.user, child_id="TEST0001", kinds=["family"])
    assert [(e.record_key, e.on.isoformat(), e.title) for e in entries] == [
        ("HH-2", "2017-02-14", "Started living with Demelza Examplesmith (Mother)"),
        ("HH-1", "2016-03-01", "Stopped living with Demelza Examplesmith (Mother)"),
        ("HH-1", "2010-05-17", "Started living with Demelza Examplesmith (Mother)"),
    ]
    assert {e.kind_label for e in entries} == {"Family and household"}
