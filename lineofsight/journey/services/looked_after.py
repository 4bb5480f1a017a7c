"""Writes for children looked after: episodes of care (derived from what happened), reviews,
health checks, PEPs, missing episodes and youth justice outcomes.

A worker records that the child started to be looked after, moved, had their legal status
changed or left care; the SSDA903 episodes follow from that (see
`journey.domain.sequence_looked_after`): a change closes the open episode with X1 on the day
of the change and opens the next one that day, its reason for new episode saying what changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.journey.constants import (
    TEMPORARY_PLACEMENTS,
    HealthCheckKind,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_looked_after as care_rules
from lineofsight.journey.domain.sequence import BirthTiming, Period
from lineofsight.journey.domain.sequence_looked_after import HealthValue
from lineofsight.journey.models import (
    CLAEpisode,
    CLAReview,
    EducationPlan,
    HealthCheck,
    MissingEpisode,
    YouthJusticeOutcome,
)
from lineofsight.journey.services._steps import (
    check_dated,
    child_for_write,
    record_changed,
    record_created,
)
from lineofsight.people.models import Child, Worker

# What makes a placement another placement (SSDA903 rules 434 to 436); its LA, location and
# distance follow from its postcode.
PLACEMENT_IDENTITY = ("placement_type", "placement_provider", "placement_postcode", "urn")
PLACEMENT_FIELDS = (*PLACEMENT_IDENTITY, "placement_la", "placement_location", "distance_miles")
HEALTH_VALUES: dict[str, HealthValue] = {
    HealthCheckKind.SDQ: HealthValue.SDQ,
    HealthCheckKind.IMMUNISATIONS: HealthValue.YES_NO,
    HealthCheckKind.DEVELOPMENT_CHECK: HealthValue.YES_NO,
    HealthCheckKind.SUBSTANCE_MISUSE: HealthValue.YES_NO,
    HealthCheckKind.INTERVENTION_RECEIVED: HealthValue.YES_NO,
    HealthCheckKind.INTERVENTION_OFFERED: HealthValue.YES_NO,
}


def _placement(
    *,
    placement_type: str,
    placement_provider: str,
    placement_postcode: str,
    urn: str,
    placement_la: str,
    placement_location: str,
    distance_miles: float | None,
) -> dict[str, Any]:
    """The placement details as the episode holds them (`PLACEMENT_FIELDS`)."""
    return {
        "placement_type": placement_type,
        "placement_provider": placement_provider,
        "placement_postcode": placement_postcode,
        "urn": urn,
        "placement_la": placement_la,
        "placement_location": placement_location,
        "distance_miles": distance_miles,
    }


def _episodes_of(child: Child) -> list[Period]:
    return list(child.cla_episodes.values_list("started_on", "ended_on"))


def _open_missing_from(child: Child) -> list[dt.date]:
    """The days the child's missing or away episodes not yet ended began (the council's day)."""
    return [
        timezone.localdate(started_at)
        for started_at in child.missing_episodes.filter(ended_at__isnull=True).values_list(
            "started_at", flat=True
        )
    ]


def _check_youth_justice_status(child: Child, legal_status: str, on: dt.date) -> None:
    if child.born_on is not None:
        care_rules.check_youth_justice_status_age(
            legal_status=legal_status, on=on, born_on=child.born_on
        )


def _open_episode(child: Child, on: dt.date) -> CLAEpisode:
    """The child's open episode, locked, once a change or end on `on` may be written to it."""
    episode = (
        CLAEpisode.objects.select_for_update()
        .filter(child=child, ended_on__isnull=True)
        .order_by("-started_on")
        .first()
    )
    care_rules.check_has_open_episode(open_started_on=episode.started_on if episode else None)
    assert episode is not None  # for the type checker: the rule above refused None
    care_rules.check_after_episode_start(on=on, episode_started_on=episode.started_on)
    check_dated(child, on, BirthTiming.AFTER_BIRTH)
    return episode


def _episode_follow(
    *,
    child: Child,
    episode: CLAEpisode,
    changed_on: dt.date,
    reason_new: str,
    legal_status: str,
    placement: dict[str, Any],
    reason_place_change: str,
    acting_user: User,
) -> CLAEpisode:
    """Close the open episode with X1 on the day of the change and open the next that day; the
    category of need and home postcode carry on through the period of care."""
    care_rules.check_no_missing_open_as_episode_ends(
        episode_started_on=episode.started_on,
        ends_on=changed_on,
        open_missing_from=_open_missing_from(child),
    )
    _check_youth_justice_status(child, legal_status, changed_on)
    record_changed(
        episode,
        child=child,
        acting_user=acting_user,
        ended_on=changed_on,
        reason_ceased=ReasonEpisodeCeased.X1,
        reason_place_change=reason_place_change,
    )
    return record_created(
        CLAEpisode,
        child=child,
        acting_user=acting_user,
        prefix="EPI",
        started_on=changed_on,
        reason_new=reason_new,
        legal_status=legal_status,
        category_of_need=episode.category_of_need,
        home_postcode=episode.home_postcode,
        **placement,
    )


@transaction.atomic
def cla_start(
    *,
    child: Child,
    started_on: dt.date,
    legal_status: str,
    category_of_need: str,
    placement_type: str,
    placement_provider: str = "",
    placement_postcode: str = "",
    urn: str = "",
    placement_la: str = "",
    placement_location: str = "",
    distance_miles: float | None = None,
    home_postcode: str | None = None,
    acting_user: User,
) -> CLAEpisode:
    """The child starts to be looked after: the first episode of a period of care (RNE S). The
    home postcode is the child's own unless another is given."""
    child = child_for_write(child, acting_user)
    check_dated(child, started_on, BirthTiming.AFTER_BIRTH)
    care_rules.check_starts_under_18(started_on=started_on, born_on=child.born_on)
    care_rules.check_can_start_care(started_on=started_on, episodes=_episodes_of(child))
    care_rules.check_not_temporary_start(temporary=placement_type in TEMPORARY_PLACEMENTS)
    _check_youth_justice_status(child, legal_status, started_on)
    return record_created(
        CLAEpisode,
        child=child,
        acting_user=acting_user,
        prefix="EPI",
        started_on=started_on,
        reason_new=ReasonNewEpisode.S,
        legal_status=legal_status,
        category_of_need=category_of_need,
        home_postcode=child.home_postcode if home_postcode is None else home_postcode,
        **_placement(
            placement_type=placement_type,
            placement_provider=placement_provider,
            placement_postcode=placement_postcode,
            urn=urn,
            placement_la=placement_la,
            placement_location=placement_location,
            distance_miles=distance_miles,
        ),
    )


@transaction.atomic
def cla_placement_change(
    *,
    child: Child,
    changed_on: dt.date,
    placement_type: str,
    reason_place_change: str = "",
    same_carers: bool = False,
    legal_status: str | None = None,
    placement_provider: str = "",
    placement_postcode: str = "",
    urn: str = "",
    placement_la: str = "",
    placement_location: str = "",
    distance_miles: float | None = None,
    acting_user: User,
) -> CLAEpisode:
    """The child moves: a new episode with RNE P (new carers) or T (same carers), or B or U
    when the legal status changes the same day (`legal_status` given and different). Returns
    the new episode; the reason for the move goes on the episode it ends."""
    child = child_for_write(child, acting_user)
    episode = _open_episode(child, changed_on)
    placement = _placement(
        placement_type=placement_type,
        placement_provider=placement_provider,
        placement_postcode=placement_postcode,
        urn=urn,
        placement_la=placement_la,
        placement_location=placement_location,
        distance_miles=distance_miles,
    )
    placement_changed = any(getattr(episode, f) != placement[f] for f in PLACEMENT_IDENTITY)
    care_rules.check_placement_changes(placement_changed=placement_changed)
    new_status = episode.legal_status if legal_status is None else legal_status
    reason_new = care_rules.reason_new_episode(
        legal_status_changed=new_status != episode.legal_status,
        placement_changed=placement_changed,
        same_carers=same_carers,
    )
    normal = episode.normal_placement()
    care_rules.check_return_from_temporary(
        normal_placement_type=normal.placement_type if normal else None,
        new_placement_type=placement_type,
        new_is_temporary=placement_type in TEMPORARY_PLACEMENTS,
    )
    care_rules.check_place_change_reason(
        leaving_temporary=episode.placement_type in TEMPORARY_PLACEMENTS,
        reason_given=bool(reason_place_change),
    )
    return _episode_follow(
        child=child,
        episode=episode,
        changed_on=changed_on,
        reason_new=reason_new,
        legal_status=new_status,
        placement=placement,
        reason_place_change=reason_place_change,
        acting_user=acting_user,
    )


@transaction.atomic
def cla_legal_status_change(
    *, child: Child, changed_on: dt.date, legal_status: str, acting_user: User
) -> CLAEpisode:
    """The child's legal status changes in the same placement: a new episode with RNE L.
    (A change with a move is `cla_placement_change` with `legal_status`.)"""
    child = child_for_write(child, acting_user)
    episode = _open_episode(child, changed_on)
    legal_status_changed = legal_status != episode.legal_status
    care_rules.check_legal_status_changes(legal_status_changed=legal_status_changed)
    reason_new = care_rules.reason_new_episode(
        legal_status_changed=legal_status_changed, placement_changed=False, same_carers=True
    )
    placement = {field: getattr(episode, field) for field in PLACEMENT_FIELDS}
    return _episode_follow(
        child=child,
        episode=episode,
        changed_on=changed_on,
        reason_new=reason_new,
        legal_status=legal_status,
        placement=placement,
        reason_place_change="",
        acting_user=acting_user,
    )


@transaction.atomic
def cla_cease(
    *, child: Child, ended_on: dt.date, reason_ceased: str, acting_user: User
) -> CLAEpisode:
    """The child stops being looked after: the open episode ends with the reason given (any
    but X1, which is a change of placement or legal status)."""
    child = child_for_write(child, acting_user)
    episode = _open_episode(child, ended_on)
    care_rules.check_cease(
        ended_on=ended_on,
        episode_started_on=episode.started_on,
        is_x1=reason_ceased == ReasonEpisodeCeased.X1,
        temporary=episode.placement_type in TEMPORARY_PLACEMENTS,
    )
    care_rules.check_no_missing_open_as_care_ends(
        ended_on=ended_on, open_missing_from=_open_missing_from(child)
    )
    return record_changed(
        episode,
        child=child,
        acting_user=acting_user,
        ended_on=ended_on,
        reason_ceased=reason_ceased,
    )


@transaction.atomic
def cla_review_record(
    *,
    child: Child,
    held_on: dt.date,
    participation: str,
    chaired_by: Worker | None = None,
    acting_user: User,
) -> CLAReview:
    child = child_for_write(child, acting_user)
    check_dated(child, held_on, BirthTiming.AFTER_BIRTH)
    assert child.born_on is not None  # for the type checker: check_dated refused the unborn
    care_rules.check_looked_after_on(on=held_on, episodes=_episodes_of(child))
    care_rules.check_review(
        held_on=held_on,
        born_on=child.born_on,
        participation_under_4=participation == ReviewParticipation.PN0,
        review_dates=child.cla_reviews.values_list("held_on", flat=True),
    )
    return record_created(
        CLAReview,
        child=child,
        acting_user=acting_user,
        prefix="CLR",
        held_on=held_on,
        participation=participation,
        chaired_by=chaired_by,
    )


@transaction.atomic
def health_check_record(
    *,
    child: Child,
    kind: str,
    done_on: dt.date,
    value: str = "",
    sdq_reason: str = "",
    acting_user: User,
) -> HealthCheck:
    """A health assessment, dental check or outcome item (SSDA903 OC2) done while the child was
    looked after. An SDQ holds its score or why there is none; a yes/no item holds 1 or 0."""
    child = child_for_write(child, acting_user)
    care_rules.check_health_value(
        takes=HEALTH_VALUES.get(kind, HealthValue.NONE),
        value=value,
        sdq_reason=sdq_reason,
    )
    check_dated(child, done_on, BirthTiming.AFTER_BIRTH)
    care_rules.check_looked_after_on(on=done_on, episodes=_episodes_of(child))
    return record_created(
        HealthCheck,
        child=child,
        acting_user=acting_user,
        prefix="HC",
        kind=kind,
        done_on=done_on,
        value=value,
        sdq_reason=sdq_reason,
    )


@transaction.atomic
def education_plan_record(
    *,
    child: Child,
    done_on: dt.date,
    school_urn: str = "",
    school_ofsted_grade: str = "",
    acting_user: User,
) -> EducationPlan:
    """A personal education plan (PEP), made while the child was looked after."""
    child = child_for_write(child, acting_user)
    check_dated(child, done_on, BirthTiming.AFTER_BIRTH)
    care_rules.check_looked_after_on(on=done_on, episodes=_episodes_of(child))
    return record_created(
        EducationPlan,
        child=child,
        acting_user=acting_user,
        prefix="PEP",
        done_on=done_on,
        school_urn=school_urn,
        school_ofsted_grade=school_ofsted_grade,
    )


def _check_time(child: Child, at: dt.datetime | None) -> None:
    if at is not None:
        check_dated(child, timezone.localdate(at), BirthTiming.AFTER_BIRTH)


@transaction.atomic
def missing_episode_record(
    *,
    child: Child,
    kind: str,
    started_at: dt.datetime,
    ended_at: dt.datetime | None = None,
    acting_user: User,
) -> MissingEpisode:
    """The child went missing or away from placement (a child in need or looked after); the
    end is left open while they have not returned."""
    child = child_for_write(child, acting_user)
    _check_time(child, started_at)
    _check_time(child, ended_at)
    rules.check_end_not_before_start(started_on=started_at, ended_on=ended_at)
    care_rules.check_no_missing_overlap(
        started_at=started_at,
        ended_at=ended_at,
        others=child.missing_episodes.values_list("started_at", "ended_at"),
    )
    care_rules.check_open_missing_in_open_care(
        started_on=timezone.localdate(started_at),
        ended=ended_at is not None,
        episodes=_episodes_of(child),
    )
    return record_created(
        MissingEpisode,
        child=child,
        acting_user=acting_user,
        prefix="MIS",
        kind=kind,
        started_at=started_at,
        ended_at=ended_at,
    )


@transaction.atomic
def missing_episode_end(
    *, missing_episode: MissingEpisode, ended_at: dt.datetime, acting_user: User
) -> MissingEpisode:
    """The child returned (or was found). An episode still open overlaps nothing later, so its
    end can overlap nothing either."""
    child = child_for_write(missing_episode.child, acting_user)
    episode = MissingEpisode.objects.select_for_update().get(pk=missing_episode.pk)
    care_rules.check_missing_end(already_ended=episode.ended_at is not None)
    _check_time(child, ended_at)
    rules.check_end_not_before_start(started_on=episode.started_at, ended_on=ended_at)
    return record_changed(episode, child=child, acting_user=acting_user, ended_at=ended_at)


@transaction.atomic
def missing_episode_return_interview(
    *,
    missing_episode: MissingEpisode,
    offered: bool,
    done_at: dt.datetime | None = None,
    accepted: bool | None = None,
    acting_user: User,
) -> MissingEpisode:
    """Whether a return interview was offered after the child returned, accepted and when it
    was held; recording it again (say, once held) replaces what was recorded."""
    child = child_for_write(missing_episode.child, acting_user)
    episode = MissingEpisode.objects.select_for_update().get(pk=missing_episode.pk)
    care_rules.check_return_interview(
        returned_at=episode.ended_at, offered=offered, done_at=done_at, accepted=accepted
    )
    if done_at is not None:
        rules.check_not_in_future(on=timezone.localdate(done_at), today=council_today())
    return record_changed(
        episode,
        child=child,
        acting_user=acting_user,
        return_interview_offered=offered,
        return_interview_done_at=done_at,
        return_interview_accepted=accepted,
    )


@transaction.atomic
def youth_justice_outcome_record(
    *, child: Child, kind: str, outcome_on: dt.date, acting_user: User
) -> YouthJusticeOutcome:
    """A conviction or youth caution, on the day it was given (for a child of 10 or over)."""
    child = child_for_write(child, acting_user)
    check_dated(child, outcome_on, BirthTiming.AFTER_BIRTH)
    assert child.born_on is not None  # for the type checker: check_dated refused the unborn
    care_rules.check_youth_justice_age(outcome_on=outcome_on, born_on=child.born_on)
    return record_created(
        YouthJusticeOutcome,
        child=child,
        acting_user=acting_user,
        prefix="YJO",
        kind=kind,
        outcome_on=outcome_on,
    )
