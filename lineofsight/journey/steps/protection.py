"""Recording child protection: strategy discussions, section 47 enquiries, conferences, core
groups and the end of a plan (a plan starts at the conference that decides on it)."""

from __future__ import annotations

from django import forms

from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import (
    CategoryOfAbuse,
    ConferenceKind,
    ConferenceOutcome,
    CPPlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from lineofsight.journey.models import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Referral,
    Section47Enquiry,
    StrategyDiscussion,
)
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.children_in_need import open_referrals, referral_describe
from lineofsight.journey.steps.fields import choice_field, date_field
from lineofsight.people.models import Child

STAGE = "Child protection"

AGENCIES = [
    ("police", "Police"),
    ("health", "Health"),
    ("education", "Education"),
    ("other", "Another agency"),
]
CONFERENCE_AGENCIES = AGENCIES[:3]
CHOOSE_CATEGORY = "Select the category of abuse the plan is under"
CHOOSE_END_REASON = "Select why the plan ends"


@per_child
def _open_plans(child: Child) -> list[ChildProtectionPlan]:
    return list(
        ChildProtectionPlan.objects.filter(referral__child=child, ended_on__isnull=True).order_by(
            "-started_on"
        )
    )


def plan_describe(plan: ChildProtectionPlan) -> str:
    return f"Plan started {plan.started_on:%-d %B %Y} ({plan.get_latest_category_display()})"


@per_child
def _discussions_for_s47(child: Child) -> list[StrategyDiscussion]:
    """Strategy discussions that decided on an enquiry no enquiry has followed yet."""
    followed = Section47Enquiry.objects.filter(strategy_discussion__isnull=False).values(
        "strategy_discussion"
    )
    return list(
        StrategyDiscussion.objects.filter(
            referral__child=child, referral__closed_on__isnull=True, decision=StrategyDecision.S47
        )
        .exclude(pk__in=followed)
        .order_by("-held_on")
    )


@per_child
def _enquiries_open(child: Child) -> list[Section47Enquiry]:
    return list(
        Section47Enquiry.objects.filter(referral__child=child, completed_on__isnull=True).order_by(
            "-started_on"
        )
    )


def _enquiries(child: Child) -> list[Section47Enquiry]:
    return list(
        Section47Enquiry.objects.filter(
            referral__child=child, referral__closed_on__isnull=True
        ).order_by("-started_on")
    )


def enquiry_describe(enquiry: Section47Enquiry) -> str:
    done = f", completed {enquiry.completed_on:%-d %B %Y}" if enquiry.completed_on else ""
    return f"Section 47 enquiry started {enquiry.started_on:%-d %B %Y}{done}"


def discussion_describe(discussion: StrategyDiscussion) -> str:
    return f"Strategy discussion held {discussion.held_on:%-d %B %Y}"


def _attended(name: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Which agencies attended",
        choices=AGENCIES if name == "strategy" else CONFERENCE_AGENCIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )


class ReferralChoiceForm(StepForm):
    referral = key_choice("Which referral", error="Select the referral")

    def prepare(self) -> None:
        self.offer("referral", open_referrals(self.child), referral_describe)

    def chosen_referral(self) -> Referral:
        referral = self.chosen(Referral.objects.filter(child=self.child), "referral")
        assert referral is not None
        return referral


class StrategyDiscussionForm(ReferralChoiceForm):
    held_on = date_field("the strategy discussion was held")
    decision = choice_field(
        "What was decided", StrategyDecision.choices, error="Select what was decided"
    )
    attended = _attended("strategy")

    def prepare(self) -> None:
        super().prepare()
        self.initial_if_unset(held_on=council_today(), attended=["police", "health"])

    def record(self) -> StrategyDiscussion:
        data = self.cleaned_data
        return services.strategy_discussion_record(
            referral=self.chosen_referral(),
            held_on=data["held_on"],
            decision=data["decision"],
            police_attended="police" in data["attended"],
            health_attended="health" in data["attended"],
            education_attended="education" in data["attended"],
            other_attended="other" in data["attended"],
            acting_user=self.acting_user,
        )


class Section47StartForm(StepForm):
    strategy_discussion = key_choice(
        "The strategy discussion that decided on it", error="Select the strategy discussion"
    )
    started_on = date_field("the enquiry started")

    def prepare(self) -> None:
        discussions = _discussions_for_s47(self.child)
        self.offer("strategy_discussion", discussions, discussion_describe)
        self.initial_if_unset(started_on=discussions[0].held_on if discussions else None)

    def record(self) -> Section47Enquiry:
        discussion = self.chosen(
            StrategyDiscussion.objects.filter(referral__child=self.child).select_related(
                "referral"
            ),
            "strategy_discussion",
        )
        assert discussion is not None
        return services.section47_enquiry_start(
            referral=discussion.referral,
            strategy_discussion=discussion,
            started_on=self.cleaned_data["started_on"],
            acting_user=self.acting_user,
        )


class Section47CompleteForm(StepForm):
    enquiry = key_choice("Which enquiry", error="Select the enquiry")
    completed_on = date_field("the enquiry was completed")
    outcome = choice_field(
        "What the enquiry found", Section47Outcome.choices, error="Select what the enquiry found"
    )

    def prepare(self) -> None:
        self.offer("enquiry", _enquiries_open(self.child), enquiry_describe)
        self.initial_if_unset(completed_on=council_today())

    def record(self) -> Section47Enquiry:
        enquiry = self.chosen(
            Section47Enquiry.objects.filter(referral__child=self.child), "enquiry"
        )
        assert enquiry is not None
        outcome = self.cleaned_data["outcome"]
        return services.section47_enquiry_complete(
            enquiry=enquiry,
            completed_on=self.cleaned_data["completed_on"],
            outcome=outcome,
            icpc_not_required=outcome != Section47Outcome.SUBSTANTIATED_ICPC,
            acting_user=self.acting_user,
        )


class ConferenceForm(ReferralChoiceForm):
    kind = choice_field(
        "Kind of conference", ConferenceKind.choices, error="Select the kind of conference"
    )
    held_on = date_field("the conference was held")
    outcome = choice_field(
        "What the conference decided",
        ConferenceOutcome.choices,
        error="Select what the conference decided",
        hint="An initial conference decides on a plan or no plan; a review that the plan "
        "continues or ends",
    )
    section47_enquiry = key_choice(
        "The section 47 enquiry it follows",
        error="Select the section 47 enquiry",
        required=False,
    )
    initial_category = choice_field(
        "Category of abuse, if a plan starts",
        CategoryOfAbuse.choices,
        error=CHOOSE_CATEGORY,
        required=False,
    )
    end_reason = choice_field(
        "Why the plan ends, if it ends",
        CPPlanEndReason.choices,
        error=CHOOSE_END_REASON,
        required=False,
    )
    attended = _attended("conference")
    minutes_distributed_on = date_field("the minutes were sent out", required=False)

    def prepare(self) -> None:
        super().prepare()
        self.offer("section47_enquiry", _enquiries(self.child), enquiry_describe)
        review = bool(_open_plans(self.child))
        self.initial_if_unset(
            kind=ConferenceKind.REVIEW if review else ConferenceKind.INITIAL,
            attended=[name for name, _ in CONFERENCE_AGENCIES],
        )
        if review:
            self.initial["section47_enquiry"] = ""

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("outcome") == ConferenceOutcome.PLAN and not data.get("initial_category"):
            self.add_error("initial_category", CHOOSE_CATEGORY)
        if data.get("outcome") == ConferenceOutcome.PLAN_ENDS and not data.get("end_reason"):
            self.add_error("end_reason", CHOOSE_END_REASON)
        return data

    def record(self) -> Conference:
        data = self.cleaned_data
        return services.conference_record(
            referral=self.chosen_referral(),
            kind=data["kind"],
            held_on=data["held_on"],
            outcome=data["outcome"],
            section47_enquiry=self.chosen(
                Section47Enquiry.objects.filter(referral__child=self.child), "section47_enquiry"
            ),
            initial_category=data["initial_category"] or "",
            end_reason=data["end_reason"] or "",
            police_attended="police" in data["attended"],
            health_attended="health" in data["attended"],
            education_attended="education" in data["attended"],
            minutes_distributed_on=data["minutes_distributed_on"],
            acting_user=self.acting_user,
        )


class PlanChoiceForm(StepForm):
    cp_plan = key_choice("Which plan", error="Select the plan")

    def prepare(self) -> None:
        self.offer("cp_plan", _open_plans(self.child), plan_describe)

    def chosen_plan(self) -> ChildProtectionPlan:
        plan = self.chosen(
            ChildProtectionPlan.objects.filter(referral__child=self.child), "cp_plan"
        )
        assert plan is not None
        return plan


class CoreGroupForm(PlanChoiceForm):
    held_on = date_field("the core group met")
    attended_by_agencies = forms.IntegerField(
        label="How many agencies attended",
        min_value=0,
        max_value=20,
        error_messages={
            "required": "Enter how many agencies attended",
            "invalid": "How many agencies attended must be a whole number, like 3",
            "min_value": "How many agencies attended must be 0 or more",
            "max_value": "How many agencies attended must be 20 or fewer",
        },
    )

    def prepare(self) -> None:
        super().prepare()
        self.initial_if_unset(held_on=council_today(), attended_by_agencies=3)

    def record(self) -> CoreGroup:
        return services.core_group_record(
            cp_plan=self.chosen_plan(),
            held_on=self.cleaned_data["held_on"],
            attended_by_agencies=self.cleaned_data["attended_by_agencies"],
            acting_user=self.acting_user,
        )


class PlanEndForm(PlanChoiceForm):
    ended_on = date_field("the plan ended")
    end_reason = choice_field(
        "Why the plan ended", CPPlanEndReason.choices, error=CHOOSE_END_REASON
    )

    def record(self) -> ChildProtectionPlan:
        return services.cp_plan_end(
            cp_plan=self.chosen_plan(),
            ended_on=self.cleaned_data["ended_on"],
            end_reason=self.cleaned_data["end_reason"],
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="strategy-discussion",
        title="Record a strategy discussion",
        stage=STAGE,
        form=StrategyDiscussionForm,
        done="Strategy discussion recorded",
        offered=lambda child: bool(open_referrals(child)),
    ),
    Step(
        slug="section-47-start",
        title="Start a section 47 enquiry",
        stage=STAGE,
        form=Section47StartForm,
        done="Section 47 enquiry started",
        offered=lambda child: bool(_discussions_for_s47(child)),
    ),
    Step(
        slug="section-47-complete",
        title="Complete a section 47 enquiry",
        stage=STAGE,
        form=Section47CompleteForm,
        done="Section 47 enquiry completed",
        offered=lambda child: bool(_enquiries_open(child)),
    ),
    Step(
        slug="conference",
        title="Record a child protection conference",
        stage=STAGE,
        form=ConferenceForm,
        done="Conference recorded",
        offered=lambda child: bool(open_referrals(child)),
        description="A conference that decides on a plan starts it; a review that decides the "
        "plan ends ends it.",
    ),
    Step(
        slug="core-group",
        title="Record a core group meeting",
        stage=STAGE,
        form=CoreGroupForm,
        done="Core group meeting recorded",
        offered=lambda child: bool(_open_plans(child)),
    ),
    Step(
        slug="cp-plan-end",
        title="End a child protection plan",
        stage=STAGE,
        form=PlanEndForm,
        done="Child protection plan ended",
        offered=lambda child: bool(_open_plans(child)),
        description="Use this when a plan ends other than at a review conference, for example "
        "when the child moves away.",
    ),
)
