"""Recording for children in need: the referral, the assessment and visits."""

from __future__ import annotations

from django import forms

from lineofsight.accounts.access import current_on
from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import (
    AssessmentOutcome,
    ClosureReason,
    ContactOutcome,
    PrimaryNeed,
    ReferralSource,
    VisitKind,
)
from lineofsight.journey.models import Assessment, Contact, Referral, Visit
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.fields import (
    choice_field,
    date_field,
    yes_no_field,
    yes_no_initial,
)
from lineofsight.journey.steps.front_door import contact_describe
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation, Child, Team, Worker

STAGE = "Children in need"


@per_child
def open_referrals(child: Child) -> list[Referral]:
    return list(child.referrals.filter(closed_on__isnull=True).order_by("-referred_on"))


def referral_describe(referral: Referral) -> str:
    state = "open" if referral.closed_on is None else f"closed {referral.closed_on:%-d %B %Y}"
    return f"Referral of {referral.referred_on:%-d %B %Y} ({state})"


def _contacts_to_refer(child: Child) -> list[Contact]:
    """Contacts decided as referrals that no referral has taken up yet."""
    taken = Referral.objects.filter(child=child, contact__isnull=False).values("contact")
    return list(
        child.contacts.filter(outcome=ContactOutcome.REFERRAL)
        .exclude(pk__in=taken)
        .order_by("-received_at")
    )


@per_child
def _assessments_open(child: Child) -> list[Assessment]:
    return list(
        Assessment.objects.filter(referral__child=child, authorised_on__isnull=True).order_by(
            "-started_on"
        )
    )


def _current_allocation(child: Child) -> Allocation | None:
    return (
        Allocation.objects.filter(
            current_on(council_today()), child=child, role=AllocationRole.SOCIAL_WORKER
        )
        .select_related("worker", "team")
        .order_by("-started_on")
        .first()
    )


def worker_choices() -> list[tuple[str, str]]:
    workers = Worker.objects.filter(ended_on__isnull=True).order_by("family_name", "given_name")
    return [(w.staff_id, f"{w.given_name} {w.family_name}") for w in workers]


def team_choices() -> list[tuple[str, str]]:
    return [(t.code, t.name) for t in Team.objects.order_by("name")]


class ReferralForm(StepForm):
    contact = key_choice("The contact it came from", error="Select the contact", required=False)
    referred_on = date_field("of the referral")
    source = choice_field(
        "Who made the referral", ReferralSource.choices, error="Select who made the referral"
    )
    primary_need = choice_field(
        "Primary need, if known",
        PrimaryNeed.choices,
        error="Select the primary need",
        required=False,
        radios=False,
    )
    team = forms.ChoiceField(label="Team", required=False)
    worker = forms.ChoiceField(label="Social worker", required=False)

    def prepare(self) -> None:
        contacts = _contacts_to_refer(self.child)
        self.offer("contact", contacts, contact_describe)
        self.fields["team"].choices = [("", "Not yet allocated"), *team_choices()]  # type: ignore[attr-defined]
        self.fields["worker"].choices = [("", "Not yet allocated"), *worker_choices()]  # type: ignore[attr-defined]
        allocation = _current_allocation(self.child)
        latest = contacts[0] if contacts else None
        self.initial_if_unset(
            referred_on=latest.decision_at.date() if latest and latest.decision_at else None,
            source=latest.source if latest else None,
            team=allocation.team.code if allocation else None,
            worker=allocation.worker.staff_id if allocation and allocation.worker else None,
        )

    def record(self) -> Referral:
        data = self.cleaned_data
        return services.referral_create(
            child=self.child,
            referred_on=data["referred_on"],
            source=data["source"],
            contact=self.chosen(Contact.objects.filter(child=self.child), "contact"),
            primary_need=data["primary_need"] or "",
            team=Team.objects.get(code=data["team"]) if data["team"] else None,
            worker=Worker.objects.get(staff_id=data["worker"]) if data["worker"] else None,
            acting_user=self.acting_user,
        )


class ReferralCloseForm(StepForm):
    referral = key_choice("Which referral", error="Select the referral")
    closed_on = date_field("the case closed")
    closure_reason = choice_field(
        "Why the case closed",
        ClosureReason.choices,
        error="Select why the case closed",
        radios=False,
    )

    def prepare(self) -> None:
        self.offer("referral", open_referrals(self.child), referral_describe)
        self.initial_if_unset(closed_on=council_today())

    def record(self) -> Referral:
        referral = self.chosen(Referral.objects.filter(child=self.child), "referral")
        assert referral is not None
        return services.referral_close(
            referral=referral,
            closed_on=self.cleaned_data["closed_on"],
            closure_reason=self.cleaned_data["closure_reason"],
            acting_user=self.acting_user,
        )


class AssessmentStartForm(StepForm):
    referral = key_choice("Which referral", error="Select the referral")
    started_on = date_field("the assessment started")

    def prepare(self) -> None:
        self.offer("referral", open_referrals(self.child), referral_describe)
        self.initial_if_unset(started_on=council_today())

    def record(self) -> Assessment:
        referral = self.chosen(Referral.objects.filter(child=self.child), "referral")
        assert referral is not None
        return services.assessment_start(
            referral=referral,
            started_on=self.cleaned_data["started_on"],
            acting_user=self.acting_user,
        )


def assessment_describe(assessment: Assessment) -> str:
    return f"Assessment started {assessment.started_on:%-d %B %Y}"


class AssessmentCompleteForm(StepForm):
    assessment = key_choice("Which assessment", error="Select the assessment")
    authorised_on = date_field(
        "the assessment was authorised", hint="The date a manager authorised it"
    )
    outcome = choice_field(
        "What the assessment concluded",
        AssessmentOutcome.choices,
        error="Select what the assessment concluded",
    )
    child_seen_on = date_field("the child was seen", required=False)

    def prepare(self) -> None:
        self.offer("assessment", _assessments_open(self.child), assessment_describe)
        self.initial_if_unset(authorised_on=council_today())

    def record(self) -> Assessment:
        assessment = self.chosen(
            Assessment.objects.filter(referral__child=self.child), "assessment"
        )
        assert assessment is not None
        data = self.cleaned_data
        return services.assessment_complete(
            assessment=assessment,
            authorised_on=data["authorised_on"],
            outcome=data["outcome"],
            child_seen_on=data["child_seen_on"],
            acting_user=self.acting_user,
        )


class VisitForm(StepForm):
    kind = choice_field("Kind of visit", VisitKind.choices, error="Select the kind of visit")
    visited_on = date_field("of the visit")
    child_seen = yes_no_field("Was the child seen?", error="Select whether the child was seen")
    child_seen_alone = yes_no_field(
        "Was the child seen alone?", error="Select whether the child was seen alone"
    )
    bedroom_seen = choice_field(
        "Was the child's bedroom seen?",
        [("yes", "Yes"), ("no", "No")],
        error="Select whether the bedroom was seen",
        required=False,
    )

    def prepare(self) -> None:
        plan_open = self.child.referrals.filter(
            cp_plans__started_on__lte=council_today(), cp_plans__ended_on__isnull=True
        ).exists()
        self.initial_if_unset(
            kind=VisitKind.CP if plan_open else None,
            visited_on=council_today(),
            child_seen=yes_no_initial(True),
        )

    def record(self) -> Visit:
        data = self.cleaned_data
        bedroom = {"yes": True, "no": False}.get(data["bedroom_seen"] or "")
        return services.visit_record(
            child=self.child,
            kind=data["kind"],
            visited_on=data["visited_on"],
            child_seen=data["child_seen"],
            child_seen_alone=data["child_seen_alone"],
            bedroom_seen=bedroom,
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="referral",
        title="Record a referral",
        stage=STAGE,
        form=ReferralForm,
        done="Referral recorded",
        offered=lambda child: not open_referrals(child),
    ),
    Step(
        slug="assessment-start",
        title="Start an assessment",
        stage=STAGE,
        form=AssessmentStartForm,
        done="Assessment started",
        offered=lambda child: bool(open_referrals(child)),
    ),
    Step(
        slug="assessment-complete",
        title="Complete an assessment",
        stage=STAGE,
        form=AssessmentCompleteForm,
        done="Assessment completed",
        offered=lambda child: bool(_assessments_open(child)),
    ),
    Step(
        slug="referral-close",
        title="Close the case",
        stage=STAGE,
        form=ReferralCloseForm,
        done="Case closed",
        offered=lambda child: bool(open_referrals(child)),
        description="A case closes when every plan, assessment and enquiry of its referral "
        "has ended.",
    ),
    Step(
        slug="visit",
        title="Record a visit",
        stage=STAGE,
        form=VisitForm,
        done="Visit recorded",
    ),
)
