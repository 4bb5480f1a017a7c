"""Front door and early help (model §2)."""

from django.db import models

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    ContactOutcome,
    EarlyHelpOutcome,
    ReferralSource,
    ThresholdLevel,
)
from lineofsight.people.models import Child, Team, Worker, ends_after_starts


class Contact(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="contacts")
    received_at = models.DateTimeField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    concerns = models.CharField(max_length=200, blank=True)
    threshold_level = models.CharField(max_length=1, blank=True, choices=ThresholdLevel.choices)
    decision_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=ContactOutcome.choices)
    is_mash = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [ends_after_starts("received_at", "decision_at", "contact_decided_after")]


class EarlyHelpEpisode(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="early_help_episodes")
    started_on = models.DateField()
    assessment_started_on = models.DateField(null=True, blank=True)
    assessment_completed_on = models.DateField(null=True, blank=True)
    lead_agency = models.CharField(max_length=60, blank=True)
    plan_started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=EarlyHelpOutcome.choices)
    stepped_down_from = models.ForeignKey(
        "journey.Referral", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            ends_after_starts("started_on", "ended_on", "early_help_dates_in_order"),
            ends_after_starts(
                "assessment_started_on", "assessment_completed_on", "eh_assessment_in_order"
            ),
        ]
