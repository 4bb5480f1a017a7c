"""Children looked after: episodes, reviews, health, education, missing, courts, youth
justice (model §4)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    TEMPORARY_PLACEMENTS,
    CLACategoryOfNeed,
    HealthCheckKind,
    LegalProceedingKind,
    LegalProceedingOutcome,
    LegalStatus,
    MissingKind,
    OfstedGrade,
    PlacementLocation,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
    SDQReason,
    YouthJusticeOutcomeKind,
)
from lineofsight.people.models import Child, Worker, ends_after_starts, reason_with_date


class CLAEpisode(Record):
    """One SSDA903 episode: a stretch with unchanged legal status, placement and carer."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="cla_episodes")
    started_on = models.DateField()
    reason_new = models.CharField(max_length=1, choices=ReasonNewEpisode.choices)
    legal_status = models.CharField(max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField(max_length=2, choices=CLACategoryOfNeed.choices)
    placement_type = models.CharField(max_length=3, choices=PlacementType.choices)
    placement_provider = models.CharField(
        max_length=3, blank=True, choices=PlacementProvider.choices
    )
    placement_postcode = models.CharField(max_length=8, blank=True)
    home_postcode = models.CharField(max_length=8, blank=True)
    urn = models.CharField(max_length=8, blank=True)
    placement_la = models.CharField(max_length=9, blank=True)
    placement_location = models.CharField(
        max_length=3, blank=True, choices=PlacementLocation.choices
    )
    distance_miles = models.FloatField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, blank=True, choices=ReasonEpisodeCeased.choices)
    reason_place_change = models.CharField(
        max_length=6, blank=True, choices=ReasonPlaceChange.choices
    )

    class Meta:
        db_table = "journey_cla_episode"
        constraints = [
            ends_after_starts("started_on", "ended_on", "cla_episode_ends_after_start"),
            # SSDA903 rule 148: DEC and REC both present or both blank.
            reason_with_date("ended_on", "reason_ceased", "cla_episode_reason_ceased_with_end"),
            models.UniqueConstraint(fields=["child", "started_on"], name="one_episode_start_a_day"),
            models.CheckConstraint(
                condition=Q(distance_miles__isnull=True) | Q(distance_miles__gte=0),
                name="cla_distance_not_negative",
            ),
        ]

    def normal_placement(self) -> CLAEpisode | None:
        """While this episode is a temporary placement, the episode of the placement the child
        was in before it (back through any run of temporary ones, in the same period of care):
        the one they return to (SSDA903 rule 383). None for an episode that is not temporary."""
        if self.placement_type not in TEMPORARY_PLACEMENTS:
            return None
        starts = self.started_on
        earlier = CLAEpisode.objects.filter(child_id=self.child_id, started_on__lt=starts)
        for previous in earlier.order_by("-started_on"):
            if previous.ended_on != starts:
                return None  # a gap: the period of care began here
            if previous.placement_type not in TEMPORARY_PLACEMENTS:
                return previous
            starts = previous.started_on
        return None


class CLAReview(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="cla_reviews")
    held_on = models.DateField()
    participation = models.CharField(max_length=3, choices=ReviewParticipation.choices)
    chaired_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "journey_cla_review"
        constraints = [
            models.UniqueConstraint(fields=["child", "held_on"], name="one_cla_review_a_day")
        ]


class HealthCheck(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="health_checks")
    kind = models.CharField(max_length=25, choices=HealthCheckKind.choices)
    done_on = models.DateField()
    value = models.CharField(max_length=20, blank=True)  # e.g. the SDQ score, or Y/N
    sdq_reason = models.CharField(max_length=4, blank=True, choices=SDQReason.choices)


class EducationPlan(Record):
    """A personal education plan (PEP)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="education_plans")
    done_on = models.DateField()
    school_urn = models.CharField(max_length=8, blank=True)
    school_ofsted_grade = models.CharField(max_length=1, blank=True, choices=OfstedGrade.choices)


class MissingEpisode(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="missing_episodes")
    kind = models.CharField(max_length=1, choices=MissingKind.choices)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    return_interview_offered = models.BooleanField(null=True, blank=True)
    return_interview_done_at = models.DateTimeField(null=True, blank=True)
    return_interview_accepted = models.BooleanField(null=True, blank=True)

    class Meta:
        constraints = [
            ends_after_starts("started_at", "ended_at", "missing_ends_after_start"),
            ends_after_starts("started_at", "return_interview_done_at", "interview_after_start"),
        ]


class LegalProceeding(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="legal_proceedings")
    kind = models.CharField(max_length=20, choices=LegalProceedingKind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=LegalProceedingOutcome.choices)
    # Where an application was issued (pre-proceedings have neither).
    court = models.CharField(max_length=100, blank=True)
    case_number = models.CharField(max_length=30, blank=True)

    class Meta:
        constraints = [
            ends_after_starts("started_on", "ended_on", "proceedings_end_after_start"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(outcome=""),
                name="ended_proceedings_have_outcome",
            ),
        ]


class YouthJusticeOutcome(Record):
    """A conviction, youth caution or youth conditional caution, on the day it was given
    (SSDA903 OC2 CONVICTED: any in the collection year, for children aged 10 or over)."""

    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="youth_justice_outcomes"
    )
    kind = models.CharField(max_length=25, choices=YouthJusticeOutcomeKind.choices)
    outcome_on = models.DateField()
