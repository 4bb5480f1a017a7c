"""Recording early help, child in need plans and their reviews, court proceedings, the steps of
an adoption, a care leaver's circumstances and private fostering arrangements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import forms

from lineofsight.accounts.access import current_on
from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import (
    AdopterLegalStatus,
    AdopterSex,
    AssessmentOutcome,
    CareLeaverAccommodation,
    CareLeaverActivity,
    CareLeaverEligibility,
    CPPlanEndReason,
    EarlyHelpOutcome,
    InTouch,
    LegalProceedingKind,
    LegalProceedingOutcome,
    ReasonPlacedCeased,
)
from lineofsight.journey.models import (
    Adoption,
    Assessment,
    CareLeaverStatus,
    ChildProtectionPlan,
    CINPlan,
    CINPlanReview,
    EarlyHelpEpisode,
    LegalProceeding,
    PrivateFosteringArrangement,
    Referral,
)
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.children_in_need import (
    open_referrals,
    referral_describe,
    team_choices,
    worker_choices,
)
from lineofsight.journey.steps.fields import (
    choice_field,
    date_field,
    text_field,
    yes_no_field,
    yes_no_initial,
)
from lineofsight.journey.steps.looked_after import looked_after_between
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation, Child, Team, Worker

PLANS_STAGE = "Early help and child in need plans"
PERMANENCE_STAGE = "Court and permanence"
STAGE = PLANS_STAGE

CARE_LEAVING_AGE = 16
SINGLE_ADOPTER_SEXES = frozenset({AdopterSex.M1, AdopterSex.F1})
# Proceedings whose name says the order they ask for, and so the outcome most likely.
ORDER_SOUGHT: dict[str, str] = {
    LegalProceedingKind.CARE.value: LegalProceedingOutcome.CARE_ORDER.value,
    LegalProceedingKind.PLACEMENT_ORDER.value: LegalProceedingOutcome.PLACEMENT_ORDER.value,
    LegalProceedingKind.SGO.value: LegalProceedingOutcome.SGO.value,
    LegalProceedingKind.CHILD_ARRANGEMENTS.value: LegalProceedingOutcome.CHILD_ARRANGEMENTS.value,
}
SUITABLE_CHOICES = [("yes", "Suitable"), ("no", "Not suitable")]


def _day(on: dt.date) -> str:
    return f"{on:%-d %B %Y}"


# ---- what the child has open ----------------------------------------------------------------


@per_child
def _open_early_help(child: Child) -> list[EarlyHelpEpisode]:
    return list(child.early_help_episodes.filter(ended_on__isnull=True).order_by("-started_on"))


@per_child
def _all_cin_plans(child: Child) -> list[CINPlan]:
    return list(CINPlan.objects.filter(referral__child=child).order_by("-started_on"))


def _cin_plans(child: Child, *, open_only: bool = False) -> list[CINPlan]:
    plans = _all_cin_plans(child)
    return [plan for plan in plans if plan.ended_on is None] if open_only else plans


@per_child
def _open_proceedings(child: Child) -> list[LegalProceeding]:
    return list(child.legal_proceedings.filter(ended_on__isnull=True).order_by("-started_on"))


@per_child
def _open_adoptions(child: Child) -> list[Adoption]:
    """Decisions that the child should be placed that have neither ceased nor ended in an
    order."""
    return list(
        child.adoptions.filter(ceased_on__isnull=True, adoption_order_on__isnull=True).order_by(
            "-decision_on"
        )
    )


@per_child
def _open_arrangements(child: Child) -> list[PrivateFosteringArrangement]:
    return list(
        child.private_fostering_arrangements.filter(ended_on__isnull=True).order_by("-started_on")
    )


def _looked_after_now(child: Child) -> bool:
    return looked_after_between(child, council_today())


def _looked_after_since(child: Child, on: dt.date) -> bool:
    """Whether the child is looked after on some day from `on` to today (a step dated then
    can still fall within an episode)."""
    return looked_after_between(child, on)


def _age_today(child: Child) -> int | None:
    if child.born_on is None:
        return None
    today, born = council_today(), child.born_on
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _current_allocation(child: Child) -> Allocation | None:
    return (
        Allocation.objects.filter(
            current_on(council_today()), child=child, role=AllocationRole.SOCIAL_WORKER
        )
        .select_related("team")
        .order_by("-started_on")
        .first()
    )


# ---- descriptions ---------------------------------------------------------------------------


def episode_describe(episode: EarlyHelpEpisode) -> str:
    lead = f", led by {episode.lead_agency}" if episode.lead_agency else ""
    return f"Early help started {_day(episode.started_on)}{lead}"


def cin_plan_describe(plan: CINPlan) -> str:
    state = "open" if plan.ended_on is None else f"ended {_day(plan.ended_on)}"
    return f"Child in need plan started {_day(plan.started_on)} ({state})"


def proceeding_describe(proceeding: LegalProceeding) -> str:
    started = f"{proceeding.get_kind_display()}, started {_day(proceeding.started_on)}"
    return f"{started} (case {proceeding.case_number})" if proceeding.case_number else started


ADOPTION_STEP_NAMES = (
    ("adoption_order_on", "adoption order"),
    ("placed_on", "placed"),
    ("matched_on", "matched"),
    ("placement_order_on", "placement order"),
)


def adoption_describe(adoption: Adoption) -> str:
    latest = next(
        (
            f" ({label} {_day(getattr(adoption, name))})"
            for name, label in ADOPTION_STEP_NAMES
            if getattr(adoption, name) is not None
        ),
        "",
    )
    return f"Decision of {_day(adoption.decision_on)} to place for adoption{latest}"


def arrangement_describe(arrangement: PrivateFosteringArrangement) -> str:
    return f"Private fostering arrangement started {_day(arrangement.started_on)}"


# ---- early help -----------------------------------------------------------------------------


def _referral_to_step_down(child: Child) -> Referral | None:
    """The newest referral whose assessment concluded early help, which a new episode most
    likely steps down from."""
    return (
        child.referrals.filter(assessments__outcome=AssessmentOutcome.EARLY_HELP)
        .order_by("-referred_on")
        .first()
    )


class EarlyHelpStartForm(StepForm):
    started_on = date_field("early help started")
    lead_agency = forms.CharField(
        label="Lead agency",
        max_length=60,
        required=False,
        help_text="For example, the child's school or the health visiting service",
    )
    team = forms.ChoiceField(label="Team", required=False)
    stepped_down_from = key_choice(
        "The referral it was stepped down from", error="Select the referral", required=False
    )

    def prepare(self) -> None:
        self.fields["team"].choices = [("", "No team"), *team_choices()]  # type: ignore[attr-defined]
        referrals = list(self.child.referrals.order_by("-referred_on"))
        self.offer("stepped_down_from", referrals, referral_describe, preselect_latest=False)
        step_down = _referral_to_step_down(self.child)
        allocation = _current_allocation(self.child)
        self.initial_if_unset(
            started_on=council_today(),
            stepped_down_from=step_down.key if step_down else None,
            team=allocation.team.code if allocation else None,
        )

    def record(self) -> EarlyHelpEpisode:
        data = self.cleaned_data
        return services.early_help_episode_start(
            child=self.child,
            started_on=data["started_on"],
            lead_agency=data["lead_agency"],
            team=Team.objects.get(code=data["team"]) if data["team"] else None,
            stepped_down_from=self.chosen(
                Referral.objects.filter(child=self.child), "stepped_down_from"
            ),
            acting_user=self.acting_user,
        )


class EarlyHelpEndForm(StepForm):
    episode = key_choice("Which early help episode", error="Select the early help episode")
    ended_on = date_field("early help ended")
    outcome = choice_field(
        "How early help ended", EarlyHelpOutcome.choices, error="Select how early help ended"
    )

    def prepare(self) -> None:
        self.offer("episode", _open_early_help(self.child), episode_describe)
        self.initial_if_unset(ended_on=council_today())

    def record(self) -> EarlyHelpEpisode:
        episode = self.chosen(self.child.early_help_episodes.all(), "episode")
        assert episode is not None
        return services.early_help_episode_end(
            episode=episode,
            ended_on=self.cleaned_data["ended_on"],
            outcome=self.cleaned_data["outcome"],
            acting_user=self.acting_user,
        )


# ---- child in need plans --------------------------------------------------------------------


def _cin_plan_likely_start(child: Child) -> dt.date:
    """A step down starts the day the child protection plan ended; a plan an assessment
    concluded on, the day it was authorised; otherwise today (whichever is newest and after
    the child's last child in need plan started)."""
    last_plan = CINPlan.objects.filter(referral__child=child).order_by("-started_on").first()
    candidates = [
        *ChildProtectionPlan.objects.filter(
            referral__child=child, end_reason=CPPlanEndReason.CIN_PLAN, ended_on__isnull=False
        ).values_list("ended_on", flat=True),
        *Assessment.objects.filter(
            referral__child=child,
            referral__closed_on__isnull=True,
            outcome=AssessmentOutcome.CIN_PLAN,
            authorised_on__isnull=False,
        ).values_list("authorised_on", flat=True),
    ]
    after = [
        on
        for on in candidates
        if on is not None and (last_plan is None or on > last_plan.started_on)
    ]
    return max(after, default=council_today())


class CINPlanStartForm(StepForm):
    referral = key_choice("Which referral", error="Select the referral")
    started_on = date_field("the plan started")

    def prepare(self) -> None:
        self.offer("referral", open_referrals(self.child), referral_describe)
        self.initial_if_unset(started_on=_cin_plan_likely_start(self.child))

    def record(self) -> CINPlan:
        referral = self.chosen(Referral.objects.filter(child=self.child), "referral")
        assert referral is not None
        return services.cin_plan_start(
            referral=referral,
            started_on=self.cleaned_data["started_on"],
            acting_user=self.acting_user,
        )


class CINPlanChoiceForm(StepForm):
    cin_plan = key_choice("Which plan", error="Select the plan")
    open_only = True

    def prepare(self) -> None:
        self.offer("cin_plan", _cin_plans(self.child, open_only=self.open_only), cin_plan_describe)

    def chosen_plan(self) -> CINPlan:
        plan = self.chosen(
            CINPlan.objects.filter(referral__child=self.child).select_related("referral"),
            "cin_plan",
        )
        assert plan is not None
        return plan


class CINPlanEndForm(CINPlanChoiceForm):
    ended_on = date_field("the plan ended")

    def prepare(self) -> None:
        super().prepare()
        self.initial_if_unset(ended_on=council_today())

    def record(self) -> CINPlan:
        return services.cin_plan_end(
            cin_plan=self.chosen_plan(),
            ended_on=self.cleaned_data["ended_on"],
            acting_user=self.acting_user,
        )


class CINPlanReviewForm(CINPlanChoiceForm):
    held_on = date_field("the review was held")
    open_only = False  # a review of a plan since ended can be recorded late

    def prepare(self) -> None:
        super().prepare()
        self.initial_if_unset(held_on=council_today())

    def record(self) -> CINPlanReview:
        return services.cin_plan_review_record(
            cin_plan=self.chosen_plan(),
            held_on=self.cleaned_data["held_on"],
            acting_user=self.acting_user,
        )


# ---- court proceedings ----------------------------------------------------------------------


class ProceedingsStartForm(StepForm):
    kind = choice_field(
        "Kind of proceedings", LegalProceedingKind.choices, error="Select the kind of proceedings"
    )
    started_on = date_field(
        "the proceedings started",
        hint="The date of the letter before proceedings, or the date the application was "
        "issued. For example, 27 3 2017",
    )
    court = text_field(
        "Court (optional)",
        max_length=100,
        what="court",
        hint="The family court the application was issued in. Leave blank for pre-proceedings",
    )
    case_number = text_field(
        "Case number (optional)",
        max_length=30,
        what="case number",
        hint="The number the court gave the application",
    )

    def prepare(self) -> None:
        self.initial_if_unset(started_on=council_today())

    def record(self) -> LegalProceeding:
        return services.legal_proceeding_record(
            child=self.child,
            kind=self.cleaned_data["kind"],
            started_on=self.cleaned_data["started_on"],
            court=self.cleaned_data["court"],
            case_number=self.cleaned_data["case_number"],
            acting_user=self.acting_user,
        )


class ProceedingsEndForm(StepForm):
    proceeding = key_choice("Which proceedings", error="Select the proceedings")
    ended_on = date_field("the proceedings ended")
    outcome = choice_field(
        "What the court decided",
        LegalProceedingOutcome.choices,
        error="Select what the court decided",
    )

    def prepare(self) -> None:
        proceedings = _open_proceedings(self.child)
        self.offer("proceeding", proceedings, proceeding_describe)
        latest = proceedings[0] if proceedings else None
        self.initial_if_unset(
            ended_on=council_today(),
            outcome=ORDER_SOUGHT.get(latest.kind) if latest else None,
        )

    def record(self) -> LegalProceeding:
        proceeding = self.chosen(self.child.legal_proceedings.all(), "proceeding")
        assert proceeding is not None
        return services.legal_proceeding_end(
            proceeding=proceeding,
            ended_on=self.cleaned_data["ended_on"],
            outcome=self.cleaned_data["outcome"],
            acting_user=self.acting_user,
        )


# ---- adoption -------------------------------------------------------------------------------


class AdoptionDecisionForm(StepForm):
    decision_on = date_field(
        "of the decision",
        hint="The date the agency decided the child should be placed for adoption",
    )
    is_foster_for_adoption = yes_no_field(
        "Is the child placed in a foster for adoption placement?",
        error="Select whether it is a foster for adoption placement",
    )

    def prepare(self) -> None:
        self.initial_if_unset(
            decision_on=council_today(), is_foster_for_adoption=yes_no_initial(False)
        )

    def record(self) -> Adoption:
        return services.adoption_decision_record(
            child=self.child,
            decision_on=self.cleaned_data["decision_on"],
            is_foster_for_adoption=self.cleaned_data["is_foster_for_adoption"],
            acting_user=self.acting_user,
        )


class AdoptionChoiceForm(StepForm):
    """A step of an open adoption, dated in field `step` (today to start with)."""

    adoption = key_choice("Which adoption", error="Select the adoption")
    step = ""

    def prepare(self) -> None:
        self.offer("adoption", _open_adoptions(self.child), adoption_describe)
        self.initial_if_unset(**{self.step: council_today()})

    def chosen_adoption(self) -> Adoption:
        adoption = self.chosen(self.child.adoptions.all(), "adoption")
        assert adoption is not None
        return adoption


class AdoptionPlacementOrderForm(AdoptionChoiceForm):
    placement_order_on = date_field("the placement order was made")
    step = "placement_order_on"

    def record(self) -> Adoption:
        return services.adoption_placement_order_record(
            adoption=self.chosen_adoption(),
            placement_order_on=self.cleaned_data["placement_order_on"],
            acting_user=self.acting_user,
        )


class AdoptionMatchedForm(AdoptionChoiceForm):
    matched_on = date_field(
        "the child was matched", hint="The date the agency decided on the match with adopters"
    )
    step = "matched_on"

    def record(self) -> Adoption:
        return services.adoption_matched_record(
            adoption=self.chosen_adoption(),
            matched_on=self.cleaned_data["matched_on"],
            acting_user=self.acting_user,
        )


class AdoptionPlacedForm(AdoptionChoiceForm):
    placed_on = date_field("the child was placed with the adopters")
    step = "placed_on"

    def record(self) -> Adoption:
        return services.adoption_placed_record(
            adoption=self.chosen_adoption(),
            placed_on=self.cleaned_data["placed_on"],
            acting_user=self.acting_user,
        )


class AdoptionOrderForm(AdoptionChoiceForm):
    adoption_order_on = date_field("the adoption order was made")
    adopter_count = forms.TypedChoiceField(
        label="How many adopters",
        choices=[("1", "One"), ("2", "Two")],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how many adopters there are",
            "invalid_choice": "Select how many adopters there are",
        },
    )
    adopter_sex = choice_field(
        "Sex of the adopters", AdopterSex.choices, error="Select the sex of the adopters"
    )
    adopter_legal_status = choice_field(
        "Legal status of the adopters",
        AdopterLegalStatus.choices,
        error="Select the legal status of the adopters",
    )
    adopted_by_foster_carer = yes_no_field(
        "Was the child adopted by their foster carer?",
        error="Select whether the child was adopted by their foster carer",
    )
    step = "adoption_order_on"

    def prepare(self) -> None:
        super().prepare()
        adoptions = _open_adoptions(self.child)
        if adoptions and adoptions[0].is_foster_for_adoption:
            self.initial_if_unset(adopted_by_foster_carer=yes_no_initial(True))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        count, sex, status = (
            data.get("adopter_count"),
            data.get("adopter_sex"),
            data.get("adopter_legal_status"),
        )
        if count and sex and (count == 1) != (sex in SINGLE_ADOPTER_SEXES):
            self.add_error(
                "adopter_sex",
                "Select the sex of a single adopter for one adopter, of a couple for two",
            )
        if count and status and (count == 1) != (status == AdopterLegalStatus.L0):
            self.add_error(
                "adopter_legal_status",
                "Select 'Single' as the legal status for one adopter, a couple's for two",
            )
        return data

    def record(self) -> Adoption:
        data = self.cleaned_data
        return services.adoption_order_record(
            adoption=self.chosen_adoption(),
            adoption_order_on=data["adoption_order_on"],
            adopter_count=data["adopter_count"],
            adopter_sex=data["adopter_sex"],
            adopter_legal_status=data["adopter_legal_status"],
            adopted_by_foster_carer=data["adopted_by_foster_carer"],
            acting_user=self.acting_user,
        )


class AdoptionCeasedForm(AdoptionChoiceForm):
    ceased_on = date_field("the decision ceased")
    ceased_reason = choice_field(
        "Why the child should no longer be placed for adoption",
        ReasonPlacedCeased.choices,
        error="Select why the child should no longer be placed for adoption",
    )
    step = "ceased_on"

    def record(self) -> Adoption:
        return services.adoption_ceased_record(
            adoption=self.chosen_adoption(),
            ceased_on=self.cleaned_data["ceased_on"],
            ceased_reason=self.cleaned_data["ceased_reason"],
            acting_user=self.acting_user,
        )


def _adoption_step_offered(step: str, needs: str) -> Callable[[Child], bool]:
    """Offered while an adoption is open with `needs` recorded and `step` not, and the child
    is looked after on some day since `needs`."""

    def offered(child: Child) -> bool:
        for adoption in _open_adoptions(child):
            since = getattr(adoption, needs)
            if since is not None and getattr(adoption, step) is None:
                return _looked_after_since(child, since)
        return False

    return offered


def _adoption_decision_offered(child: Child) -> bool:
    return _looked_after_now(child) and not _open_adoptions(child)


# ---- care leavers ---------------------------------------------------------------------------


class CareLeaverContactForm(StepForm):
    as_of = date_field("of the contact", hint="The date of the contact or birthday it is about")
    eligibility = choice_field(
        "Care leaver status",
        CareLeaverEligibility.choices,
        error="Select the young person's care leaver status",
    )
    in_touch = choice_field(
        "Is the council in touch with the young person?",
        InTouch.choices,
        error="Select whether the council is in touch with the young person",
    )
    activity = choice_field(
        "Main activity",
        CareLeaverActivity.choices,
        error="Select the young person's main activity",
    )
    accommodation = choice_field(
        "Accommodation",
        CareLeaverAccommodation.choices,
        error="Select where the young person lives",
    )
    accommodation_suitable = choice_field(
        "Is the accommodation suitable?",
        SUITABLE_CHOICES,
        error="Select whether the accommodation is suitable",
        required=False,
        hint="Only when the accommodation is known",
    )
    staying_put = yes_no_field(
        "Is the young person staying put with their former foster carers?",
        error="Select whether the young person is staying put",
    )
    personal_adviser = forms.ChoiceField(label="Personal adviser", required=False)
    pathway_plan_reviewed_on = date_field(
        "the pathway plan was last reviewed",
        required=False,
        hint="The latest review on or before the contact. For example, 27 3 2017",
    )

    def prepare(self) -> None:
        self.fields["personal_adviser"].choices = [("", "None"), *worker_choices()]  # type: ignore[attr-defined]
        latest = (
            self.child.care_leaver_statuses.select_related("personal_adviser")
            .order_by("-as_of")
            .first()
        )
        self.initial_if_unset(
            as_of=council_today(),
            staying_put=yes_no_initial(latest.staying_put if latest else False),
        )
        if latest is not None:
            self._prefill_from(latest)

    def _prefill_from(self, latest: CareLeaverStatus) -> None:
        adviser = latest.personal_adviser
        self.initial_if_unset(
            eligibility=latest.eligibility,
            in_touch=latest.in_touch,
            activity=latest.activity,
            accommodation=latest.accommodation,
            accommodation_suitable=yes_no_initial(latest.accommodation_suitable),
            personal_adviser=adviser.staff_id if adviser and adviser.ended_on is None else None,
            pathway_plan_reviewed_on=latest.pathway_plan_reviewed_on,
        )

    def record(self) -> CareLeaverStatus:
        data = self.cleaned_data
        adviser = data["personal_adviser"]
        return services.care_leaver_contact_record(
            child=self.child,
            as_of=data["as_of"],
            eligibility=data["eligibility"],
            in_touch=data["in_touch"],
            activity=data["activity"],
            accommodation=data["accommodation"],
            accommodation_suitable={"yes": True, "no": False}.get(
                data["accommodation_suitable"] or ""
            ),
            staying_put=data["staying_put"],
            personal_adviser=Worker.objects.get(staff_id=adviser) if adviser else None,
            pathway_plan_reviewed_on=data["pathway_plan_reviewed_on"],
            acting_user=self.acting_user,
        )


def _care_leaving_age(child: Child) -> bool:
    age = _age_today(child)
    return age is not None and age >= CARE_LEAVING_AGE


# ---- private fostering ----------------------------------------------------------------------


class PrivateFosteringStartForm(StepForm):
    notified_on = date_field("the council was told of the arrangement")
    started_on = date_field("the arrangement started")

    def prepare(self) -> None:
        self.initial_if_unset(notified_on=council_today())

    def record(self) -> PrivateFosteringArrangement:
        return services.private_fostering_arrangement_start(
            child=self.child,
            notified_on=self.cleaned_data["notified_on"],
            started_on=self.cleaned_data["started_on"],
            acting_user=self.acting_user,
        )


class PrivateFosteringEndForm(StepForm):
    arrangement = key_choice("Which arrangement", error="Select the arrangement")
    ended_on = date_field("the arrangement ended")

    def prepare(self) -> None:
        self.offer("arrangement", _open_arrangements(self.child), arrangement_describe)
        self.initial_if_unset(ended_on=council_today())

    def record(self) -> PrivateFosteringArrangement:
        arrangement = self.chosen(self.child.private_fostering_arrangements.all(), "arrangement")
        assert arrangement is not None
        return services.private_fostering_arrangement_end(
            arrangement=arrangement,
            ended_on=self.cleaned_data["ended_on"],
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="early-help-start",
        title="Start early help",
        stage=PLANS_STAGE,
        form=EarlyHelpStartForm,
        done="Early help started",
        offered=lambda child: not _open_early_help(child),
    ),
    Step(
        slug="early-help-end",
        title="End early help",
        stage=PLANS_STAGE,
        form=EarlyHelpEndForm,
        done="Early help ended",
        offered=lambda child: bool(_open_early_help(child)),
    ),
    Step(
        slug="cin-plan-start",
        title="Start a child in need plan",
        stage=PLANS_STAGE,
        form=CINPlanStartForm,
        done="Child in need plan started",
        offered=lambda child: bool(open_referrals(child)) and not _cin_plans(child, open_only=True),
    ),
    Step(
        slug="cin-plan-review",
        title="Record a child in need plan review",
        stage=PLANS_STAGE,
        form=CINPlanReviewForm,
        done="Child in need plan review recorded",
        offered=lambda child: bool(_cin_plans(child)),
    ),
    Step(
        slug="cin-plan-end",
        title="End a child in need plan",
        stage=PLANS_STAGE,
        form=CINPlanEndForm,
        done="Child in need plan ended",
        offered=lambda child: bool(_cin_plans(child, open_only=True)),
    ),
    Step(
        slug="proceedings-start",
        title="Record the start of court proceedings",
        stage=PERMANENCE_STAGE,
        form=ProceedingsStartForm,
        done="Proceedings recorded",
        description="Pre-proceedings start with the letter before proceedings; an application "
        "to court on the day it is issued.",
    ),
    Step(
        slug="proceedings-end",
        title="End court proceedings",
        stage=PERMANENCE_STAGE,
        form=ProceedingsEndForm,
        done="Proceedings ended",
        offered=lambda child: bool(_open_proceedings(child)),
    ),
    Step(
        slug="adoption-decision",
        title="Record a decision that the child should be placed for adoption",
        stage=PERMANENCE_STAGE,
        form=AdoptionDecisionForm,
        done="Adoption decision recorded",
        offered=_adoption_decision_offered,
    ),
    Step(
        slug="adoption-placement-order",
        title="Record a placement order",
        stage=PERMANENCE_STAGE,
        form=AdoptionPlacementOrderForm,
        done="Placement order recorded",
        offered=_adoption_step_offered("placement_order_on", needs="decision_on"),
    ),
    Step(
        slug="adoption-matched",
        title="Record the match with adopters",
        stage=PERMANENCE_STAGE,
        form=AdoptionMatchedForm,
        done="Match with adopters recorded",
        offered=_adoption_step_offered("matched_on", needs="decision_on"),
    ),
    Step(
        slug="adoption-placed",
        title="Record the placement with adopters",
        stage=PERMANENCE_STAGE,
        form=AdoptionPlacedForm,
        done="Placement with adopters recorded",
        offered=_adoption_step_offered("placed_on", needs="matched_on"),
    ),
    Step(
        slug="adoption-order",
        title="Record the adoption order",
        stage=PERMANENCE_STAGE,
        form=AdoptionOrderForm,
        done="Adoption order recorded",
        offered=_adoption_step_offered("adoption_order_on", needs="placed_on"),
    ),
    Step(
        slug="adoption-ceased",
        title="Record that the child should no longer be placed for adoption",
        stage=PERMANENCE_STAGE,
        form=AdoptionCeasedForm,
        done="Adoption decision ceased",
        offered=_adoption_step_offered("ceased_on", needs="decision_on"),
    ),
    Step(
        slug="care-leaver-contact",
        title="Record a care leaver's circumstances",
        stage=PERMANENCE_STAGE,
        form=CareLeaverContactForm,
        done="Care leaver's circumstances recorded",
        offered=_care_leaving_age,
        description="What the young person is doing and where they live, at a contact or "
        "around their birthday.",
    ),
    Step(
        slug="private-fostering-start",
        title="Record a private fostering arrangement",
        stage=PERMANENCE_STAGE,
        form=PrivateFosteringStartForm,
        done="Private fostering arrangement recorded",
        offered=lambda child: not _open_arrangements(child) and not _looked_after_now(child),
    ),
    Step(
        slug="private-fostering-end",
        title="End a private fostering arrangement",
        stage=PERMANENCE_STAGE,
        form=PrivateFosteringEndForm,
        done="Private fostering arrangement ended",
        offered=lambda child: bool(_open_arrangements(child)),
    ),
)
