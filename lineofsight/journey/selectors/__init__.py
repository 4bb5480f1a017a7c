"""Reads of the child's journey for pages; every public selector takes the viewer."""

from dataclasses import dataclass
from datetime import date

import polars as pl
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from lineofsight.accounts.models import User
from lineofsight.journey.constants import LegalStatus
from lineofsight.journey.domain.headline import care_leavers_on
from lineofsight.journey.models import ChildProtectionPlan, CLAEpisode, Referral
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

    The definitions are those of `journey.domain.headline` (the engines' counts over
    frames): open on the date means started on or before it and not ended by it; children
    looked after exclude short breaks (V3/V4); care leavers are former relevant young people
    aged 18 to 21, counted by the same pure function over a small extract of their episodes.

    The figures are counts of children, with no personal data, so every viewer (signed in or
    not) sees the same numbers.
    """
    del viewer  # aggregate counts only: nothing here is restricted
    looked_after = (
        CLAEpisode.objects.filter(_open_on("started_on", "ended_on", as_of))
        .exclude(legal_status__in=SHORT_BREAK_LEGAL_STATUSES)
        .values("child_id")
    )
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
        care_leavers=_care_leavers(as_of),
    )


def _care_leavers(as_of: date) -> int:
    """Young people of leaving-care age and their episodes, counted by the domain rule."""
    oldest = _years_before(as_of, 22)
    youngest = _years_before(as_of, 18)
    children = list(
        Child.objects.filter(born_on__gt=oldest, born_on__lte=youngest).values_list(
            "child_id", "born_on", "died_on"
        )
    )
    episodes = list(
        CLAEpisode.objects.filter(
            child__born_on__gt=oldest, child__born_on__lte=youngest
        ).values_list("child__child_id", "started_on", "ended_on", "legal_status")
    )
    child_frame = pl.DataFrame(
        children,
        schema={"child_id": pl.String, "born_on": pl.Date, "died_on": pl.Date},
        orient="row",
    )
    episode_frame = pl.DataFrame(
        episodes,
        schema={
            "child_id": pl.String,
            "started_on": pl.Date,
            "ended_on": pl.Date,
            "legal_status": pl.String,
        },
        orient="row",
    )
    return care_leavers_on(child_frame, episode_frame, as_of)


def _years_before(day: date, years: int) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - years, 2, 28)
    return day.replace(year=day.year - years)


def _open_on(start: str, end: str, as_of: date) -> Q:
    return Q(**{f"{start}__lte": as_of}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": as_of})
    )


# The child's chronology lives in its own module; re-exported so callers import selectors alike.
from lineofsight.journey.selectors.chronology import (  # noqa: E402
    chronology_export,
    chronology_list,
    chronology_of_child,
)

__all__ = [
    "HeadlineFigures",
    "chronology_export",
    "chronology_list",
    "chronology_of_child",
    "headline_figures",
]
