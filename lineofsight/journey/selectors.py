"""Reads of the child's journey for pages; every public selector takes the viewer."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from lineofsight.accounts.models import User
from lineofsight.journey.constants import LegalStatus
from lineofsight.journey.models import CareLeaverStatus, ChildProtectionPlan, CLAEpisode, Referral
from lineofsight.people.models import Child

# Agreed series of short breaks: looked after in law, but not counted among the children looked
# after at 31 March in the DfE statistics (SSDA903 guidance).
SHORT_BREAK_LEGAL_STATUSES = (LegalStatus.V3, LegalStatus.V4)


@dataclass(frozen=True, kw_only=True)
class HeadlineFigures:
    """Distinct children in each group on one date."""

    as_of: date
    children_on_record: int
    children_in_need: int
    on_child_protection_plan: int
    looked_after: int
    care_leavers: int


def headline_figures(*, viewer: User | AnonymousUser, as_of: date) -> HeadlineFigures:
    """The council's headline counts of children on `as_of` (normally 31 March).

    * Children in need: a referral (CIN episode) open on the date: referred on or before it
      and not closed, or closed after it.
    * On a child protection plan: a plan started on or before the date and not ended by it.
    * Looked after: a CLA episode started on or before the date and not ended by it, other
      than the short-break legal statuses V3 and V4.
    * Care leavers: a care-leaver status recorded in the 12 months to the date (after the
      same day a year before, up to and including the date), and not looked after on it.

    The figures are counts of children, with no personal data, so every viewer (signed in or
    not) sees the same numbers.
    """
    del viewer  # aggregate counts only: nothing here is restricted
    looked_after = (
        CLAEpisode.objects.filter(_open_on("started_on", "ended_on", as_of))
        .exclude(legal_status__in=SHORT_BREAK_LEGAL_STATUSES)
        .values("child_id")
    )
    year_before = _same_day_a_year_before(as_of)
    return HeadlineFigures(
        as_of=as_of,
        children_on_record=Child.objects.count(),
        children_in_need=Referral.objects.filter(_open_on("referred_on", "closed_on", as_of))
        .values("child_id")
        .distinct()
        .count(),
        on_child_protection_plan=ChildProtectionPlan.objects.filter(
            _open_on("started_on", "ended_on", as_of)
        )
        .values("referral__child_id")
        .distinct()
        .count(),
        looked_after=looked_after.distinct().count(),
        care_leavers=CareLeaverStatus.objects.filter(as_of__gt=year_before, as_of__lte=as_of)
        .exclude(child_id__in=looked_after)
        .values("child_id")
        .distinct()
        .count(),
    )


def _open_on(start: str, end: str, as_of: date) -> Q:
    return Q(**{f"{start}__lte": as_of}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": as_of})
    )


def _same_day_a_year_before(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
