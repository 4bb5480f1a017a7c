"""Recording for children looked after: starting to be looked after, a move, a change of legal
status and leaving care (the SSDA903 episodes follow from these), reviews, health checks, PEPs,
missing episodes and youth justice outcomes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone

from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import (
    CLACategoryOfNeed,
    HealthCheckKind,
    LegalStatus,
    MissingKind,
    OfstedGrade,
    PlacementLocation,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
    ReviewParticipation,
    SDQReason,
    YouthJusticeOutcomeKind,
)
from lineofsight.journey.domain.sequence_looked_after import age_on
from lineofsight.journey.models import (
    CLAEpisode,
    CLAReview,
    EducationPlan,
    HealthCheck,
    MissingEpisode,
    YouthJusticeOutcome,
)
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.children_in_need import worker_choices
from lineofsight.journey.steps.fields import (
    GovukTimeField,
    choice_field,
    date_field,
    moment,
    text_field,
    yes_no_field,
    yes_no_initial,
)
from lineofsight.people.models import Child, Worker

STAGE = "Looked after"

YES_NO = [("yes", "Yes"), ("no", "No")]
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
URN = re.compile(r"^[0-9]{6,8}$")
YES_NO_HEALTH = frozenset(
    {
        HealthCheckKind.IMMUNISATIONS,
        HealthCheckKind.DEVELOPMENT_CHECK,
        HealthCheckKind.SUBSTANCE_MISUSE,
        HealthCheckKind.INTERVENTION_RECEIVED,
        HealthCheckKind.INTERVENTION_OFFERED,
    }
)
PLACEMENT_FIELD_NAMES = [
    "placement_type",
    "placement_provider",
    "placement_postcode",
    "urn",
    "placement_la",
    "placement_location",
    "distance_miles",
]
CEASED_CHOICES = [
    (code, label) for code, label in ReasonEpisodeCeased.choices if code != ReasonEpisodeCeased.X1
]


# ---- what the child's record holds now ----------------------------------------------------


@per_child
def episodes_of(child: Child) -> list[CLAEpisode]:
    """Every episode of care of the child, newest first: the record page's questions about
    being looked after are all answered from this one read."""
    return list(child.cla_episodes.order_by("-started_on", "-pk"))


def _open_episode(child: Child) -> CLAEpisode | None:
    """The episode of care open today (started by today and not ended)."""
    today = council_today()
    return next(
        (e for e in episodes_of(child) if e.started_on <= today and e.ended_on is None), None
    )


def looked_after_between(child: Child, since: dt.date) -> bool:
    """Whether an episode runs on some day from `since` to today (`since` today: looked
    after today, its last day included)."""
    today = council_today()
    return any(
        e.started_on <= today and (e.ended_on is None or e.ended_on >= since)
        for e in episodes_of(child)
    )


def _looked_after_today(child: Child) -> bool:
    return looked_after_between(child, council_today())


@per_child
def _missing_episodes(child: Child) -> list[MissingEpisode]:
    return list(child.missing_episodes.order_by("-started_at", "-pk"))


def _missing_open(child: Child) -> list[MissingEpisode]:
    return [e for e in _missing_episodes(child) if e.ended_at is None]


def _missing_returned(child: Child) -> list[MissingEpisode]:
    return [e for e in _missing_episodes(child) if e.ended_at is not None]


def _aged_10_or_over(child: Child) -> bool:
    born = child.born_on
    return born is not None and age_on(born_on=born, on=council_today()) >= 10


def missing_describe(episode: MissingEpisode) -> str:
    started = timezone.localtime(episode.started_at)
    text = f"{episode.get_kind_display()} from {started:%-d %B %Y at %H:%M}"
    if episode.ended_at is not None:
        text += f", returned {timezone.localtime(episode.ended_at):%-d %B %Y at %H:%M}"
    return text


def episode_describe(episode: CLAEpisode) -> str:
    return (
        f"Looked after since {episode.started_on:%-d %B %Y}: "
        f"{episode.legal_status} ({episode.get_legal_status_display()}), "
        f"placement {episode.placement_type} ({episode.get_placement_type_display()})"
    )


def _date_hint(episode: CLAEpisode) -> str:
    return f"{episode_describe(episode)}. For example, 27 3 2017"


# ---- fields -------------------------------------------------------------------------------


def _legal_status() -> forms.ChoiceField:
    return choice_field("Legal status", LegalStatus.choices, error="Select the legal status")


def _both(form: forms.Form, day: str, time: str, *, what: str) -> dt.datetime | None:
    """A date and time given together (or neither): the moment they name."""
    data = form.cleaned_data
    on, at = data.get(day), data.get(time)
    if day in form.errors or time in form.errors:
        return None
    if on is not None and at is None:
        form.add_error(time, f"Enter the time {what}")
    elif on is None and at is not None:
        form.add_error(day, f"Enter the date {what}")
    elif on is not None and at is not None:
        return moment(on, at)
    return None


class PlacementForm(StepForm):
    """The placement an episode holds (SSDA903 PLACE, PLACE_PROVIDER, PL_POST, URN, PL_LA,
    PL_LOCATION, PL_DISTANCE)."""

    placement_type = choice_field(
        "Placement type", PlacementType.choices, error="Select the placement type"
    )
    placement_provider = choice_field(
        "Placement provider",
        PlacementProvider.choices,
        error="Select the placement provider",
        required=False,
    )
    placement_postcode = text_field(
        "Postcode of the placement", max_length=8, what="placement postcode"
    )
    urn = text_field(
        "Ofsted URN of the placement",
        max_length=8,
        what="URN",
        hint="The unique reference number of a registered placement, for example SC123456",
    )
    placement_la = text_field(
        "Local authority of the placement",
        max_length=9,
        what="local authority code",
        hint="Its ONS code, for example E09000033",
    )
    placement_location = choice_field(
        "Where the placement is",
        PlacementLocation.choices,
        error="Select where the placement is",
        required=False,
    )
    distance_miles = forms.FloatField(
        label="Distance from home, in miles",
        required=False,
        min_value=0,
        max_value=999.9,
        error_messages={
            "invalid": "The distance from home must be a number of miles, like 12.5",
            "min_value": "The distance from home must be 0 miles or more",
            "max_value": "The distance from home must be less than 1,000 miles",
        },
    )

    def clean_placement_postcode(self) -> str:
        postcode = " ".join(str(self.cleaned_data["placement_postcode"]).upper().split())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("Enter the placement postcode, like AB1 2CD")
        return postcode

    def clean_urn(self) -> str:
        return str(self.cleaned_data["urn"]).strip().upper()

    def clean_placement_la(self) -> str:
        return str(self.cleaned_data["placement_la"]).strip().upper()

    def placement(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "placement_type": data["placement_type"],
            "placement_provider": data["placement_provider"] or "",
            "placement_postcode": data["placement_postcode"],
            "urn": data["urn"],
            "placement_la": data["placement_la"],
            "placement_location": data["placement_location"] or "",
            "distance_miles": data["distance_miles"],
        }

    def prefill_placement(self, episode: CLAEpisode | None) -> None:
        if episode is None:
            return
        self.initial_if_unset(
            placement_type=episode.placement_type,
            placement_provider=episode.placement_provider or None,
            placement_postcode=episode.placement_postcode or None,
            urn=episode.urn or None,
            placement_la=episode.placement_la or None,
            placement_location=episode.placement_location or None,
            distance_miles=episode.distance_miles,
        )


# ---- episodes of care -----------------------------------------------------------------------


class CLAStartForm(PlacementForm):
    field_order = ["started_on", "legal_status", "category_of_need", "placement_type"]

    started_on = date_field("the child started to be looked after")
    legal_status = _legal_status()
    category_of_need = choice_field(
        "Category of need", CLACategoryOfNeed.choices, error="Select the category of need"
    )
    home_postcode = text_field(
        "Postcode of the child's home",
        max_length=8,
        what="home postcode",
        hint="Where the child lived before they became looked after",
    )

    def prepare(self) -> None:
        self.fields[
            "placement_type"
        ].help_text = (
            "A period of care starts in a normal placement, not a temporary one (T0 to T4)"
        )
        referral = self.child.referrals.exclude(primary_need="").order_by("-referred_on").first()
        need = referral.primary_need if referral else None
        self.initial_if_unset(
            started_on=council_today(),
            category_of_need=need if need in CLACategoryOfNeed.values else None,
            home_postcode=self.child.home_postcode or None,
        )

    def clean_home_postcode(self) -> str:
        postcode = " ".join(str(self.cleaned_data["home_postcode"]).upper().split())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("Enter the home postcode, like AB1 2CD")
        return postcode

    def record(self) -> CLAEpisode:
        data = self.cleaned_data
        return services.cla_start(
            child=self.child,
            started_on=data["started_on"],
            legal_status=data["legal_status"],
            category_of_need=data["category_of_need"],
            home_postcode=data["home_postcode"],
            acting_user=self.acting_user,
            **self.placement(),
        )


class CLAPlacementChangeForm(PlacementForm):
    field_order = [
        "changed_on",
        "same_carers",
        "reason_place_change",
        *PLACEMENT_FIELD_NAMES,
        "legal_status",
    ]

    changed_on = date_field("the child moved")
    same_carers = yes_no_field(
        "Is the child staying with the same carers?",
        error="Select whether the child is staying with the same carers",
        hint="For example, foster carers who move house with the child",
    )
    reason_place_change = choice_field(
        "Reason for the move",
        ReasonPlaceChange.choices,
        error="Select the reason for the move",
        required=False,
        hint="Leave this blank for a move out of a temporary placement (T0 to T4)",
    )
    legal_status = choice_field(
        "Legal status from the day of the move",
        LegalStatus.choices,
        error="Select the legal status",
        hint="Change this only if the legal status changed the same day",
    )

    def prepare(self) -> None:
        episode = _open_episode(self.child)
        self.initial_if_unset(changed_on=council_today())
        if episode is not None:
            self.fields["changed_on"].help_text = _date_hint(episode)
            self.initial_if_unset(legal_status=episode.legal_status)
        # Out of a temporary placement the child goes back to the normal one (rule 383).
        normal = episode.normal_placement() if episode is not None else None
        self.prefill_placement(normal or episode)

    def record(self) -> CLAEpisode:
        data = self.cleaned_data
        return services.cla_placement_change(
            child=self.child,
            changed_on=data["changed_on"],
            same_carers=data["same_carers"],
            reason_place_change=data["reason_place_change"] or "",
            legal_status=data["legal_status"],
            acting_user=self.acting_user,
            **self.placement(),
        )


class CLALegalStatusChangeForm(StepForm):
    changed_on = date_field("the legal status changed")
    legal_status = choice_field(
        "New legal status", LegalStatus.choices, error="Select the new legal status"
    )

    def prepare(self) -> None:
        episode = _open_episode(self.child)
        self.initial_if_unset(changed_on=council_today())
        if episode is not None:
            self.fields["changed_on"].help_text = _date_hint(episode)
            self.initial_if_unset(legal_status=episode.legal_status)

    def record(self) -> CLAEpisode:
        return services.cla_legal_status_change(
            child=self.child,
            changed_on=self.cleaned_data["changed_on"],
            legal_status=self.cleaned_data["legal_status"],
            acting_user=self.acting_user,
        )


class CLACeaseForm(StepForm):
    ended_on = date_field("the child stopped being looked after")
    reason_ceased = choice_field(
        "Why the child stopped being looked after",
        CEASED_CHOICES,
        error="Select why the child stopped being looked after",
    )

    def prepare(self) -> None:
        episode = _open_episode(self.child)
        self.initial_if_unset(ended_on=council_today())
        if episode is not None:
            self.fields["ended_on"].help_text = _date_hint(episode)

    def record(self) -> CLAEpisode:
        return services.cla_cease(
            child=self.child,
            ended_on=self.cleaned_data["ended_on"],
            reason_ceased=self.cleaned_data["reason_ceased"],
            acting_user=self.acting_user,
        )


# ---- while looked after ---------------------------------------------------------------------


class CLAReviewForm(StepForm):
    held_on = date_field("the review was held")
    participation = choice_field(
        "How the child took part",
        ReviewParticipation.choices,
        error="Select how the child took part",
    )
    chaired_by = forms.ChoiceField(label="Chaired by", required=False)

    def prepare(self) -> None:
        self.fields["chaired_by"].choices = [("", "Not recorded"), *worker_choices()]  # type: ignore[attr-defined]
        born = self.child.born_on
        under_4 = born is not None and age_on(born_on=born, on=council_today()) < 4
        self.initial_if_unset(
            held_on=council_today(),
            participation=ReviewParticipation.PN0 if under_4 else None,
        )

    def record(self) -> CLAReview:
        data = self.cleaned_data
        chair = data["chaired_by"]
        return services.cla_review_record(
            child=self.child,
            held_on=data["held_on"],
            participation=data["participation"],
            chaired_by=Worker.objects.get(staff_id=chair) if chair else None,
            acting_user=self.acting_user,
        )


class HealthCheckForm(StepForm):
    kind = choice_field("Kind of check", HealthCheckKind.choices, error="Select the kind of check")
    done_on = date_field("of the check")
    answer = choice_field(
        "Answer, for a yes or no item",
        YES_NO,
        error="Select yes or no",
        required=False,
        hint="For example, whether the child's immunisations are up to date",
    )
    sdq_score = forms.IntegerField(
        label="SDQ score",
        required=False,
        min_value=0,
        max_value=40,
        help_text="A whole number from 0 to 40",
        error_messages={
            "invalid": "The SDQ score must be a whole number, like 14",
            "min_value": "The SDQ score must be 0 or more",
            "max_value": "The SDQ score must be 40 or less",
        },
    )
    sdq_reason = choice_field(
        "Reason there is no SDQ score",
        SDQReason.choices,
        error="Select the reason there is no SDQ score",
        required=False,
    )

    def prepare(self) -> None:
        self.initial_if_unset(done_on=council_today())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sdq_score") is not None and data.get("answer"):
            self.add_error("answer", "Give either the SDQ score or a yes or no answer, not both")
        return data

    def record(self) -> HealthCheck:
        data = self.cleaned_data
        score = data["sdq_score"]
        if score is not None:
            value = str(score)
        else:
            value = {"yes": "1", "no": "0"}.get(data["answer"] or "", "")
        return services.health_check_record(
            child=self.child,
            kind=data["kind"],
            done_on=data["done_on"],
            value=value,
            sdq_reason=data["sdq_reason"] or "",
            acting_user=self.acting_user,
        )


class EducationPlanForm(StepForm):
    done_on = date_field("of the personal education plan")
    school_urn = text_field(
        "URN of the school", max_length=8, what="school URN", hint="For example, 100000"
    )
    school_ofsted_grade = choice_field(
        "The school's Ofsted grade",
        OfstedGrade.choices,
        error="Select the school's Ofsted grade",
        required=False,
    )

    def prepare(self) -> None:
        self.initial_if_unset(done_on=council_today())

    def clean_school_urn(self) -> str:
        urn = str(self.cleaned_data["school_urn"]).strip()
        if urn and not URN.match(urn):
            raise forms.ValidationError("The school URN must be a number of 6 digits or more")
        return urn

    def record(self) -> EducationPlan:
        data = self.cleaned_data
        return services.education_plan_record(
            child=self.child,
            done_on=data["done_on"],
            school_urn=data["school_urn"],
            school_ofsted_grade=data["school_ofsted_grade"] or "",
            acting_user=self.acting_user,
        )


# ---- missing and away -----------------------------------------------------------------------


class MissingEpisodeForm(StepForm):
    kind = choice_field(
        "Was the child missing or away?", MissingKind.choices, error="Select missing or away"
    )
    started_on = date_field("the child went missing")
    started_time = GovukTimeField(what="the child went missing", label="Time they went missing")
    ended_on = date_field(
        "the child returned", required=False, hint="Leave blank if the child has not returned"
    )
    ended_time = GovukTimeField(
        what="the child returned", label="Time they returned", required=False
    )

    def prepare(self) -> None:
        self.initial_if_unset(started_on=council_today())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["ended_at"] = _both(self, "ended_on", "ended_time", what="the child returned")
        return data

    def record(self) -> MissingEpisode:
        data = self.cleaned_data
        return services.missing_episode_record(
            child=self.child,
            kind=data["kind"],
            started_at=moment(data["started_on"], data["started_time"]),
            ended_at=data["ended_at"],
            acting_user=self.acting_user,
        )


class MissingChoiceForm(StepForm):
    missing_episode = key_choice("Which episode", error="Select the missing or away episode")

    def chosen_episode(self) -> MissingEpisode:
        episode = self.chosen(MissingEpisode.objects.filter(child=self.child), "missing_episode")
        assert episode is not None
        return episode


class MissingEndForm(MissingChoiceForm):
    ended_on = date_field("the child returned")
    ended_time = GovukTimeField(what="the child returned", label="Time they returned")

    def prepare(self) -> None:
        self.offer("missing_episode", _missing_open(self.child), missing_describe)
        self.initial_if_unset(ended_on=council_today())

    def record(self) -> MissingEpisode:
        data = self.cleaned_data
        return services.missing_episode_end(
            missing_episode=self.chosen_episode(),
            ended_at=moment(data["ended_on"], data["ended_time"]),
            acting_user=self.acting_user,
        )


class ReturnInterviewForm(MissingChoiceForm):
    offered = yes_no_field(
        "Was the child offered a return interview?",
        error="Select whether the child was offered a return interview",
    )
    accepted = choice_field(
        "Did the child accept it?",
        YES_NO,
        error="Select whether the child accepted the return interview",
        required=False,
        hint="Leave blank if it was not offered, or the child has not answered yet",
    )
    done_on = date_field(
        "the return interview was held", required=False, hint="Leave blank if it was not held"
    )
    done_time = GovukTimeField(
        what="the return interview was held", label="Time it was held", required=False
    )

    def prepare(self) -> None:
        returned = _missing_returned(self.child)
        self.offer("missing_episode", returned, missing_describe)
        latest = returned[0] if returned else None
        if latest is None or latest.return_interview_offered is None:
            return
        done = latest.return_interview_done_at
        local = timezone.localtime(done) if done else None
        self.initial_if_unset(
            offered=yes_no_initial(latest.return_interview_offered),
            accepted=yes_no_initial(latest.return_interview_accepted),
            done_on=local.date() if local else None,
            done_time=f"{local:%H:%M}" if local else None,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["done_at"] = _both(self, "done_on", "done_time", what="the return interview was held")
        return data

    def record(self) -> MissingEpisode:
        data = self.cleaned_data
        return services.missing_episode_return_interview(
            missing_episode=self.chosen_episode(),
            offered=data["offered"],
            accepted={"yes": True, "no": False}.get(data["accepted"] or ""),
            done_at=data["done_at"],
            acting_user=self.acting_user,
        )


# ---- youth justice --------------------------------------------------------------------------


class YouthJusticeForm(StepForm):
    kind = choice_field(
        "What the outcome was", YouthJusticeOutcomeKind.choices, error="Select what the outcome was"
    )
    outcome_on = date_field("the outcome was given", hint="The day of the conviction or caution")

    def record(self) -> YouthJusticeOutcome:
        return services.youth_justice_outcome_record(
            child=self.child,
            kind=self.cleaned_data["kind"],
            outcome_on=self.cleaned_data["outcome_on"],
            acting_user=self.acting_user,
        )


def _has_open_episode(child: Child) -> bool:
    return _open_episode(child) is not None


STEPS = (
    Step(
        slug="cla-start",
        title="Record that the child became looked after",
        stage=STAGE,
        form=CLAStartForm,
        done="Start of being looked after recorded",
        offered=lambda child: not _looked_after_today(child),
    ),
    Step(
        slug="cla-placement-change",
        title="Record a change of placement",
        stage=STAGE,
        form=CLAPlacementChangeForm,
        done="Change of placement recorded",
        offered=_has_open_episode,
        description="The placement details are those of the current placement: change what "
        "is different about the new one.",
    ),
    Step(
        slug="cla-legal-status-change",
        title="Record a change of legal status",
        stage=STAGE,
        form=CLALegalStatusChangeForm,
        done="Change of legal status recorded",
        offered=_has_open_episode,
        description="Use this when the child stays in the same placement; a change of legal "
        "status on the day of a move is recorded with the move.",
    ),
    Step(
        slug="cla-cease",
        title="Record that the child stopped being looked after",
        stage=STAGE,
        form=CLACeaseForm,
        done="End of being looked after recorded",
        offered=_has_open_episode,
    ),
    Step(
        slug="cla-review",
        title="Record a looked-after review",
        stage=STAGE,
        form=CLAReviewForm,
        done="Looked-after review recorded",
        offered=_looked_after_today,
    ),
    Step(
        slug="health-check",
        title="Record a health check",
        stage=STAGE,
        form=HealthCheckForm,
        done="Health check recorded",
        offered=_looked_after_today,
        description="A health assessment or dental check is recorded by its date; an SDQ by "
        "its score or the reason there is none; the other items by yes or no.",
    ),
    Step(
        slug="education-plan",
        title="Record a personal education plan",
        stage=STAGE,
        form=EducationPlanForm,
        done="Personal education plan recorded",
        offered=_looked_after_today,
    ),
    Step(
        slug="missing-episode",
        title="Record that the child went missing or away",
        stage=STAGE,
        form=MissingEpisodeForm,
        done="Missing or away episode recorded",
    ),
    Step(
        slug="missing-episode-end",
        title="Record that the child returned",
        stage=STAGE,
        form=MissingEndForm,
        done="Return recorded",
        offered=lambda child: bool(_missing_open(child)),
    ),
    Step(
        slug="return-interview",
        title="Record a return interview",
        stage=STAGE,
        form=ReturnInterviewForm,
        done="Return interview recorded",
        offered=lambda child: bool(_missing_returned(child)),
    ),
    Step(
        slug="youth-justice-outcome",
        title="Record a conviction or youth caution",
        stage=STAGE,
        form=YouthJusticeForm,
        done="Youth justice outcome recorded",
        offered=_aged_10_or_over,
    ),
)
