"""The top of the child's record: the child's statuses today, what is overdue and due next,
and who may read it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.journey.constants import CareLeaverEligibility
from lineofsight.journey.models import CareLeaverStatus, CLAEpisode, Referral
from lineofsight.journey.selectors.summary import child_journey_summary
from lineofsight.journey.tests.builders import (
    Case,
    D,
    social_worker_create,
    team_create,
)
from lineofsight.timescales.tests.scenarios import deadline_create

pytestmark = pytest.mark.django_db


def referral(case: Case, **dates: object) -> Referral:
    return Referral.objects.create(
        key="REF-1", child=case.child, referred_on=D(2017, 4, 3), source="2B", **dates
    )


def episode(case: Case, **fields: object) -> CLAEpisode:
    values: dict[str, object] = {
        "key": "EPI-1",
        "child": case.child,
        "started_on": D(2017, 5, 1),
        "reason_new": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U4",
    }
    return CLAEpisode.objects.create(**(values | fields))


def test_a_child_with_nothing_open_has_no_status(case: Case) -> None:
    summary = child_journey_summary(viewer=case.user, child=case.child)

    assert summary.statuses == []
    assert summary.overdue == 0
    assert summary.next_due == []


def test_an_open_referral_and_a_placement_today(case: Case) -> None:
    referral(case)
    episode(case)

    summary = child_journey_summary(viewer=case.user, child=case.child)

    assert summary.statuses == ["Looked after", "Child in need"]
    assert summary.cla_episode is not None
    assert summary.cla_episode.legal_status == "C2"


def test_what_ended_before_today_is_no_status(case: Case) -> None:
    referral(case, closed_on=D(2017, 6, 1), closure_reason="RC1")
    episode(case, ended_on=D(2017, 8, 1), reason_ceased="E11")
    CareLeaverStatus.objects.create(
        key="CLS-1",
        child=case.child,
        as_of=D(2017, 9, 1),
        eligibility=CareLeaverEligibility.choices[0][0],
        in_touch="YES",
        activity="F1",
        accommodation="B",
    )

    summary = child_journey_summary(viewer=case.user, child=case.child)

    assert summary.statuses == ["Care leaver"]
    assert summary.referral is None


def test_overdue_deadlines_are_counted_and_the_soonest_others_listed(case: Case) -> None:
    for due, status in [
        (D(2016, 1, 1), "overdue"),
        (D(2017, 9, 1), "overdue"),
        (D(2017, 12, 1), "not_yet_due"),
        (D(2017, 10, 5), "due_soon"),
        (D(2017, 8, 1), "met_on_time"),
    ]:
        deadline_create(
            case.child, rule="T-07", due_on=due, status=status, worker=case.worker, team=case.team
        )

    summary = child_journey_summary(viewer=case.user, child=case.child)

    assert summary.overdue == 2
    assert [d.due_on for d in summary.next_due] == [D(2017, 10, 5), D(2017, 12, 1)]


def test_a_worker_of_another_team_may_not_read_it(case: Case) -> None:
    outsider = social_worker_create("SW900", team_create("SAFE9"), "outsider.sw")

    with pytest.raises(PermissionDenied):
        child_journey_summary(viewer=outsider, child=case.child)
