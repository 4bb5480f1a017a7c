"""What the top of the child's record says: where the child is on the journey today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied

from lineofsight.accounts.access import child_access_allowed
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.journey.models import (
    CareLeaverStatus,
    ChildProtectionPlan,
    CINPlan,
    CLAEpisode,
    Decision,
    Referral,
)
from lineofsight.journey.selectors import _open_on
from lineofsight.people.models import Child, Relationship
from lineofsight.timescales.models import OPEN_STATUSES, Deadline, DeadlineStatus

RECENT_DECISIONS = 5
NO_ACCESS = "You cannot see this child's record"


@dataclass(frozen=True)
class JourneySummary:
    today: date
    referral: Referral | None
    cin_plan: CINPlan | None
    cp_plan: ChildProtectionPlan | None
    cla_episode: CLAEpisode | None
    care_leaver: CareLeaverStatus | None
    next_due: list[Deadline]  # the soonest open deadlines not yet overdue
    overdue: int
    decisions: list[Decision]
    relationships: list[Relationship]

    @property
    def statuses(self) -> list[str]:
        """The child's statuses today, most protective first (a child on a plan is also in
        need; a care leaver no longer looked after)."""
        found = []
        if self.cla_episode is not None:
            found.append("Looked after")
        if self.cp_plan is not None:
            found.append("Child protection plan")
        if self.referral is not None:
            found.append("Child in need")
        if self.care_leaver is not None and self.cla_episode is None:
            found.append("Care leaver")
        return found


def child_journey_summary(*, viewer: User, child: Child) -> JourneySummary:
    """The child's open referral, plans and episode today, what falls due next, the latest
    decisions and the people in the child's life. The child's record page has already opened
    (and audited) the record; this reads it only for a viewer who may."""
    if not child_access_allowed(viewer, child):
        raise PermissionDenied(NO_ACCESS)
    today = council_today()
    return JourneySummary(
        today=today,
        referral=child.referrals.filter(_open_on("referred_on", "closed_on", today))
        .order_by("-referred_on")
        .first(),
        cin_plan=CINPlan.objects.filter(referral__child=child)
        .filter(_open_on("started_on", "ended_on", today))
        .order_by("-started_on")
        .first(),
        cp_plan=ChildProtectionPlan.objects.filter(referral__child=child)
        .filter(_open_on("started_on", "ended_on", today))
        .order_by("-started_on")
        .first(),
        cla_episode=CLAEpisode.objects.filter(child=child)
        .filter(_open_on("started_on", "ended_on", today))
        .order_by("-started_on")
        .first(),
        care_leaver=CareLeaverStatus.objects.filter(child=child, as_of__lte=today)
        .order_by("-as_of")
        .first(),
        next_due=list(
            Deadline.objects.filter(child=child, status__in=OPEN_STATUSES)
            .exclude(status=DeadlineStatus.OVERDUE)
            .select_related("worker")
            .order_by("due_on")[:3]
        ),
        overdue=Deadline.objects.filter(child=child, status=DeadlineStatus.OVERDUE).count(),
        decisions=list(
            Decision.objects.filter(child=child)
            .select_related("made_by")
            .order_by("-made_at")[:RECENT_DECISIONS]
        ),
        relationships=list(
            Relationship.objects.filter(child=child)
            .select_related("person")
            .prefetch_related("household_periods")
            .order_by("relationship_type", "person__family_name")
        ),
    )
