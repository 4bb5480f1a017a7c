"""One child's deadlines and open case recalculated after a journey write, agreeing with a
whole-council refresh.

Synthetic Rutland's records and deadlines are committed once for the module; each test runs in
its own rolled-back transaction, so what one test writes the next does not see."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from pytest_django import DjangoDbBlocker
from pytest_django.fixtures import Settings

from lineofsight.accounts.models import Role, User
from lineofsight.conftest import council
from lineofsight.core.models import AuditEvent
from lineofsight.journey.constants import VisitKind
from lineofsight.journey.domain.sequence import VISIT_SEEN_ALONE_NOT_SEEN, SequenceError
from lineofsight.journey.frames_db import frames_load
from lineofsight.journey.models import CINPlan
from lineofsight.journey.services import visit_record
from lineofsight.people.models import Child
from lineofsight.timescales.models import CaseloadEntry, Deadline
from lineofsight.timescales.selectors import deadlines_computed_on, deadlines_version
from lineofsight.timescales.services import deadlines_recalculate, deadlines_refresh
from lineofsight.timescales.tests.scenarios import D, user_create

pytestmark = pytest.mark.django_db
TODAY = D(2017, 3, 31)  # the synthetic council's reference date


@pytest.fixture(scope="module")
def rutland(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Synthetic Rutland's records and its deadlines computed for TODAY; removed afterwards."""
    with django_db_blocker.unblock():
        frames_load(frames=council("Rutland").frames, reason="deadline recalculation tests")
        deadlines_refresh(acting_user=None, as_of=TODAY)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def head(rutland: None) -> User:
    return user_create("head", Role.HEAD_OF_SERVICE)


@pytest.fixture
def child_in_need(rutland: None) -> Child:
    """A child on an open child in need plan on TODAY, so a visit starts a new timescale."""
    plan = (
        CINPlan.objects.filter(started_on__lte=TODAY, ended_on__isnull=True)
        .exclude(referral__child__born_on__isnull=True)
        .order_by("key")
        .select_related("referral__child")
        .first()
    )
    assert plan is not None
    return plan.referral.child


def stored(child: Child) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The child's stored deadlines and open case, without their row IDs."""

    def rows(model: type[Deadline] | type[CaseloadEntry]) -> list[dict[str, Any]]:
        fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        return sorted(
            model.objects.filter(child=child).values(*fields), key=lambda row: str(sorted(row))
        )

    deadlines = sorted(rows(Deadline), key=lambda row: row["obligation_id"])
    return deadlines, rows(CaseloadEntry)


def busy_children(how_many: int) -> list[Child]:
    """Children with the most stored deadlines, and so the most records behind them."""
    counts: dict[int, int] = {}
    for child_pk in Deadline.objects.values_list("child_id", flat=True):
        counts[child_pk] = counts.get(child_pk, 0) + 1
    busiest = sorted(counts, key=lambda pk: (-counts[pk], pk))[:how_many]
    return list(Child.objects.filter(pk__in=busiest).order_by("pk"))


def test_recalculating_unchanged_children_gives_the_rows_they_had(rutland):
    children = busy_children(6)
    before = {child.pk: stored(child) for child in children}
    for child in children:
        result = deadlines_recalculate(child=child, acting_user=None)
        assert result is not None
        assert result.as_of == TODAY
        assert result.deadlines == len(before[child.pk][0])
    assert {child.pk: stored(child) for child in children} == before


def test_after_a_visit_the_childs_rows_are_those_of_a_whole_refresh(child_in_need, head):
    with transaction.atomic():  # the write's own commit; its on-commit callback is not run
        visit = visit_record(
            child=child_in_need,
            kind=VisitKind.CIN,
            visited_on=D(2017, 3, 30),
            child_seen=True,
            child_seen_alone=True,
            acting_user=head,
        )
    before = stored(child_in_need)
    assert not any(row["start_key"] == visit.key for row in before[0])
    deadlines_recalculate(child=child_in_need, acting_user=head)
    recalculated = stored(child_in_need)
    assert any(row["start_key"] == visit.key for row in recalculated[0])
    deadlines_refresh(acting_user=None, as_of=TODAY)
    assert stored(child_in_need) == recalculated


def test_a_recalculation_keeps_the_date_the_deadlines_were_computed_for(rutland):
    deadlines_refresh(acting_user=None, as_of=D(2017, 3, 1))
    child = busy_children(1)[0]
    deadlines_recalculate(child=child, acting_user=None)
    assert set(Deadline.objects.values_list("computed_as_of", flat=True)) == {D(2017, 3, 1)}
    assert deadlines_computed_on() == D(2017, 3, 1)


def test_a_recalculation_changes_the_deadlines_version_but_writes_no_audit_row(rutland):
    version = deadlines_version()
    audited = AuditEvent.objects.count()
    deadlines_recalculate(child=busy_children(1)[0], acting_user=None)
    assert deadlines_version()[1] != version[1]
    assert deadlines_version()[0] == version[0]
    assert AuditEvent.objects.count() == audited


def test_the_whole_refresh_is_still_audited(rutland):
    deadlines_refresh(acting_user=None, as_of=TODAY)
    event = AuditEvent.objects.filter(record_type="deadlines").latest("occurred_at")
    assert event.detail["as_of"] == TODAY.isoformat()
    assert event.detail["deadlines"] == Deadline.objects.count()
    assert event.detail["cases"] == CaseloadEntry.objects.count()


def test_before_any_refresh_a_recalculation_writes_nothing(rutland):
    Deadline.objects.all().delete()
    CaseloadEntry.objects.all().delete()
    child = Child.objects.order_by("pk").first()
    assert child is not None
    assert deadlines_recalculate(child=child, acting_user=None) is None
    assert not Deadline.objects.exists()
    assert not CaseloadEntry.objects.exists()


# --- The hook: every journey write recalculates its child once it commits -------------------


def test_a_journey_write_recalculates_the_childs_deadlines_once_it_commits(
    child_in_need, head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        visit = visit_record(
            child=child_in_need,
            kind=VisitKind.CIN,
            visited_on=D(2017, 3, 30),
            child_seen=True,
            child_seen_alone=False,
            acting_user=head,
        )
    assert len(callbacks) == 1
    deadlines = Deadline.objects.filter(child=child_in_need, start_key=visit.key)
    assert deadlines.exists()
    assert {d.computed_as_of for d in deadlines} == {TODAY}


def test_two_writes_in_one_transaction_recalculate_once(
    child_in_need, head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for day in (D(2017, 3, 29), D(2017, 3, 30)):
            visit_record(
                child=child_in_need,
                kind=VisitKind.CIN,
                visited_on=day,
                child_seen=True,
                child_seen_alone=False,
                acting_user=head,
            )
    assert len(callbacks) == 1
    assert Deadline.objects.filter(child=child_in_need, start_on=D(2017, 3, 30)).exists()


def test_a_refused_write_recalculates_nothing(
    child_in_need, head, django_capture_on_commit_callbacks
):
    before = stored(child_in_need)
    version = deadlines_version()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(SequenceError, match=VISIT_SEEN_ALONE_NOT_SEEN),
    ):
        visit_record(
            child=child_in_need,
            kind=VisitKind.CIN,
            visited_on=D(2017, 3, 30),
            child_seen=False,
            child_seen_alone=True,
            acting_user=head,
        )
    assert callbacks == []
    assert stored(child_in_need) == before
    assert deadlines_version() == version
