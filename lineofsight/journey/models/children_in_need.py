"""Referrals (CIN episodes), assessments, CIN plans and visits (model §3)."""

from django.db import models
from django.db.models import Q

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    AssessmentFactor,
    AssessmentOutcome,
    ClosureReason,
    PrimaryNeed,
    ReferralSource,
    VisitKind,
)
from lineofsight.people.models import Child, Team, Worker, ends_after_starts, reason_with_date


class Referral(Record):
    """One CIN episode: from the referral to its closure."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="referrals")
    contact = models.ForeignKey(
        "journey.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_on = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, blank=True, choices=PrimaryNeed.choices)
    is_nfa = models.BooleanField(default=False)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, blank=True, choices=ClosureReason.choices)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    worker = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            ends_after_starts("referred_on", "closed_on", "referral_closes_after_start"),
            # CIN census 8805/8810: a closure reason exactly when there is a closure date.
            reason_with_date("closed_on", "closure_reason", "referral_closure_reason_with_date"),
            models.UniqueConstraint(fields=["child", "referred_on"], name="one_referral_a_day"),
        ]


class Assessment(Record):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="assessments")
    started_on = models.DateField()
    child_seen_on = models.DateField(null=True, blank=True)
    authorised_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=AssessmentOutcome.choices)
    assessed_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            ends_after_starts("started_on", "authorised_on", "assessment_authorised_after_start")
        ]


class AssessmentFactorRecord(Record):
    """A factor identified at the end of an assessment (CIN AssessmentFactors)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factors")
    factor = models.CharField(max_length=3, choices=AssessmentFactor.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "factor"], name="assessment_factor_once")
        ]


class CINPlan(Record):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="cin_plans")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [ends_after_starts("started_on", "ended_on", "cin_plan_dates_in_order")]


class CINPlanReview(Record):
    cin_plan = models.ForeignKey(CINPlan, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()


class Visit(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="visits")
    kind = models.CharField(max_length=20, choices=VisitKind.choices)
    visited_on = models.DateField()
    child_seen = models.BooleanField(default=True)
    child_seen_alone = models.BooleanField(default=False)
    bedroom_seen = models.BooleanField(null=True, blank=True)
    worker = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            # Seen alone implies seen.
            models.CheckConstraint(
                condition=Q(child_seen=True) | Q(child_seen_alone=False),
                name="visit_seen_alone_implies_seen",
            )
        ]
