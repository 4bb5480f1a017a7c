"""Adoption, previous permanence, care leavers and private fostering (model §4)."""

from django.db import models
from django.db.models import Q

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    AdopterHouseholdStage,
    AdopterLegalStatus,
    AdopterSex,
    CareLeaverAccommodation,
    CareLeaverActivity,
    CareLeaverEligibility,
    InTouch,
    PreviousPermanenceKind,
    ReasonPlacedCeased,
)
from lineofsight.people.models import Child, Worker, ends_after_starts, reason_with_date


class Adoption(Record):
    """The adoption journey from the 'should be placed' decision to the order."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="adoptions")
    decision_on = models.DateField()
    placement_order_on = models.DateField(null=True, blank=True)
    matched_on = models.DateField(null=True, blank=True)
    placed_on = models.DateField(null=True, blank=True)
    adoption_order_on = models.DateField(null=True, blank=True)
    ceased_on = models.DateField(null=True, blank=True)
    ceased_reason = models.CharField(max_length=3, blank=True, choices=ReasonPlacedCeased.choices)
    is_foster_for_adoption = models.BooleanField(default=False)
    adopted_by_foster_carer = models.BooleanField(null=True, blank=True)
    adopter_count = models.PositiveSmallIntegerField(null=True, blank=True)
    adopter_sex = models.CharField(max_length=2, blank=True, choices=AdopterSex.choices)
    adopter_legal_status = models.CharField(
        max_length=3, blank=True, choices=AdopterLegalStatus.choices
    )

    class Meta:
        constraints = [
            # SSDA903 333/331: decision <= match <= placement.
            ends_after_starts("decision_on", "matched_on", "adoption_match_after_decision"),
            ends_after_starts("matched_on", "placed_on", "adoption_placed_after_match"),
            ends_after_starts("placed_on", "adoption_order_on", "adoption_order_after_placed"),
            ends_after_starts("decision_on", "ceased_on", "adoption_ceased_after_decision"),
            # SSDA903 119: a reason exactly when the decision ceased.
            reason_with_date("ceased_on", "ceased_reason", "adoption_ceased_reason_with_date"),
            models.CheckConstraint(
                condition=Q(adopter_count__isnull=True) | Q(adopter_count__in=[1, 2]),
                name="adopter_count_one_or_two",
            ),
        ]


class AdopterHousehold(Record):
    enquiry_on = models.DateField()
    stage_1_started_on = models.DateField(null=True, blank=True)
    stage_2_started_on = models.DateField(null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    matched_on = models.DateField(null=True, blank=True)
    placed_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    stage = models.CharField(max_length=10, choices=AdopterHouseholdStage.choices)
    adopter_count = models.PositiveSmallIntegerField(default=2)

    class Meta:
        constraints = [
            ends_after_starts("enquiry_on", "approved_on", "adopter_approved_after_enquiry"),
            ends_after_starts("approved_on", "matched_on", "adopter_matched_after_approval"),
        ]


class PreviousPermanence(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="previous_permanence")
    kind = models.CharField(max_length=2, choices=PreviousPermanenceKind.choices)
    order_on = models.DateField(null=True, blank=True)
    order_date_text = models.CharField(max_length=10, blank=True)  # 903 accepts ZZ/ZZ/2012
    la_code = models.CharField(max_length=3, blank=True)

    class Meta:
        constraints = [
            # SSDA903 635: no LA when there was no previous permanence.
            models.CheckConstraint(
                condition=~Q(kind=PreviousPermanenceKind.Z1) | Q(la_code=""),
                name="no_permanence_no_la",
            )
        ]


class CareLeaverStatus(Record):
    """What a care leaver was doing and where they lived, around a birthday or contact."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="care_leaver_statuses")
    as_of = models.DateField()
    eligibility = models.CharField(max_length=20, choices=CareLeaverEligibility.choices)
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    activity = models.CharField(max_length=2, choices=CareLeaverActivity.choices)
    accommodation = models.CharField(max_length=1, choices=CareLeaverAccommodation.choices)
    accommodation_suitable = models.BooleanField(null=True, blank=True)
    staying_put = models.BooleanField(default=False)
    personal_adviser = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pathway_plan_reviewed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "as_of"], name="one_care_leaver_status_a_day")
        ]


class PrivateFosteringArrangement(Record):
    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="private_fostering_arrangements"
    )
    notified_on = models.DateField()
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [ends_after_starts("started_on", "ended_on", "pf_ends_after_start")]
