"""Strategy discussions, section 47 enquiries, conferences, CP plans (model §3)."""

from django.db import models
from django.db.models import F, Q

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    CategoryOfAbuse,
    ConferenceKind,
    ConferenceOutcome,
    CPPlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from lineofsight.people.models import Worker, ends_after_starts


class StrategyDiscussion(Record):
    referral = models.ForeignKey(
        "journey.Referral", on_delete=models.CASCADE, related_name="strategy_discussions"
    )
    held_on = models.DateField()
    # Attendance is unknown (null) for a discussion loaded from a statutory return.
    police_attended = models.BooleanField(null=True, default=True)
    health_attended = models.BooleanField(null=True, default=True)
    education_attended = models.BooleanField(null=True, default=False)
    other_attended = models.BooleanField(null=True, default=False)
    decision = models.CharField(max_length=10, choices=StrategyDecision.choices)
    chaired_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class Section47Enquiry(Record):
    referral = models.ForeignKey(
        "journey.Referral", on_delete=models.CASCADE, related_name="section47_enquiries"
    )
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_on = models.DateField()
    outcome = models.CharField(max_length=20, blank=True, choices=Section47Outcome.choices)
    icpc_not_required = models.BooleanField(default=False)
    icpc_target_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            ends_after_starts("started_on", "completed_on", "s47_completed_after_start"),
            ends_after_starts("started_on", "icpc_target_on", "s47_target_after_start"),
        ]


class Conference(Record):
    referral = models.ForeignKey(
        "journey.Referral", on_delete=models.CASCADE, related_name="conferences"
    )
    section47_enquiry = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cp_plan = models.ForeignKey(
        "journey.ChildProtectionPlan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_conferences",
    )
    kind = models.CharField(max_length=20, choices=ConferenceKind.choices)
    held_on = models.DateField()
    # Attendance is unknown (null) for a conference loaded from a statutory return.
    police_attended = models.BooleanField(null=True, default=True)
    health_attended = models.BooleanField(null=True, default=True)
    education_attended = models.BooleanField(null=True, default=True)
    outcome = models.CharField(max_length=20, choices=ConferenceOutcome.choices)
    chaired_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes_distributed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            ends_after_starts("held_on", "minutes_distributed_on", "minutes_after_conference"),
        ]


class ChildProtectionPlan(Record):
    referral = models.ForeignKey(
        "journey.Referral", on_delete=models.CASCADE, related_name="cp_plans"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    previous_plans_count = models.PositiveSmallIntegerField(default=0)
    end_reason = models.CharField(max_length=20, blank=True, choices=CPPlanEndReason.choices)

    class Meta:
        db_table = "journey_cp_plan"
        constraints = [
            # CIN census 8840: a plan cannot start and end on the same day.
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=F("started_on")),
                name="cp_plan_ends_after_start",
            ),
        ]


class CoreGroup(Record):
    cp_plan = models.ForeignKey(
        ChildProtectionPlan, on_delete=models.CASCADE, related_name="core_groups"
    )
    held_on = models.DateField()
    attended_by_agencies = models.PositiveSmallIntegerField(default=3)
