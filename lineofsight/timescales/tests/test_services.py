"""Materialising deadlines and caseloads, and a council's local settings, in the database."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditEvent
from lineofsight.journey.models import CINPlan, Referral, Visit
from lineofsight.people.models import Allocation, Child, Team, Worker
from lineofsight.timescales.models import AllowanceUnit, CaseloadEntry, Deadline
from lineofsight.timescales.selectors import deadlines_current
from lineofsight.timescales.services import (
    closure_day_add,
    closure_day_remove,
    deadlines_refresh,
    local_standard_set,
)

D = dt.date
AS_OF = D(2017, 12, 29)
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return User.objects.create_user("admin", role=Role.ADMINISTRATOR)


@pytest.fixture
def child_in_need():
    team = Team.objects.create(code="SAFE1", name="Safeguarding 1", service_area="safeguarding")
    worker = Worker.objects.create(
        staff_id="SW1",
        given_name="Ann",
        family_name="Lee",
        role="social_worker",
        started_on=D(2015, 1, 1),
    )
    child = Child.objects.create(
        child_id="C1",
        given_name="Sam",
        family_name="Green",
        sex="M",
        ethnicity="WBRI",
        born_on=D(2010, 5, 1),
    )
    referral = Referral.objects.create(
        key="R1", child=child, referred_on=D(2017, 11, 1), source="1A", team=team
    )
    CINPlan.objects.create(key="CIN1", referral=referral, started_on=D(2017, 12, 1))
    Visit.objects.create(key="V1", child=child, kind="cin", visited_on=D(2017, 12, 8))
    Allocation.objects.create(
        key="A1",
        child=child,
        worker=worker,
        team=team,
        role="social_worker",
        started_on=D(2017, 11, 2),
    )
    return child


def test_refresh_stores_every_obligation_and_the_open_case(child_in_need, admin):
    result = deadlines_refresh(acting_user=admin, as_of=AS_OF)
    assert result.cases == 1
    entry = CaseloadEntry.objects.get()
    assert (entry.child.child_id, entry.case_type, entry.holding) == ("C1", "cin", "allocated")
    assert entry.worker is not None
    assert entry.team is not None
    assert entry.worker.staff_id == "SW1"
    assert entry.team.code == "SAFE1"
    # T-07: 20 working days from the visit on Fri 8 Dec 2017 is Wed 10 Jan 2018 (25, 26 Dec
    # and 1 Jan are bank holidays), held by the allocated worker.
    visit_due = Deadline.objects.get(rule="T-07", start_key="V1")
    assert visit_due.due_on == D(2018, 1, 10)
    assert visit_due.status == "not_yet_due"
    assert visit_due.worker is not None
    assert visit_due.worker.staff_id == "SW1"
    assert Deadline.objects.filter(rule="T-07").count() == 2
    assert result.deadlines == Deadline.objects.count()
    event = AuditEvent.objects.get(record_type="deadlines")
    assert event.actor == admin
    assert event.detail["deadlines"] == result.deadlines


def test_refresh_replaces_what_was_stored(child_in_need, admin):
    deadlines_refresh(acting_user=admin, as_of=AS_OF)
    first = set(Deadline.objects.values_list("obligation_id", "status"))
    deadlines_refresh(acting_user=admin, as_of=AS_OF)
    assert set(Deadline.objects.values_list("obligation_id", "status")) == first
    later = deadlines_refresh(acting_user=admin, as_of=D(2018, 1, 11))
    assert Deadline.objects.get(rule="T-07", start_key="V1").status == "overdue"
    assert later.open_deadlines >= 1


def test_a_closure_day_lengthens_a_local_standard_and_can_be_removed(child_in_need, admin):
    deadlines_refresh(acting_user=admin, as_of=AS_OF)
    closure_day_add(on=D(2017, 12, 27), reason="Offices closed", acting_user=admin)
    # T-07 is a local standard: one more day. T-04 (statutory, from the referral) is not moved.
    assert Deadline.objects.get(rule="T-07", start_key="V1").due_on == D(2018, 1, 11)
    assert not Deadline.objects.filter(rule="T-04").exists()  # no assessment: no T-04 clock
    closure_day_remove(on=D(2017, 12, 27), acting_user=admin)
    assert Deadline.objects.get(rule="T-07", start_key="V1").due_on == D(2018, 1, 10)


def test_closure_days_refuse_weekends_repeats_and_blank_reasons(admin):
    with pytest.raises(ValidationError, match="weekend"):
        closure_day_add(on=D(2017, 12, 30), reason="x", acting_user=admin)
    with pytest.raises(ValidationError, match="why"):
        closure_day_add(on=D(2017, 12, 27), reason=" ", acting_user=admin)
    closure_day_add(on=D(2017, 12, 27), reason="Closed", acting_user=admin)
    with pytest.raises(ValidationError, match="already"):
        closure_day_add(on=D(2017, 12, 27), reason="Closed", acting_user=admin)
    with pytest.raises(ValidationError, match="not a closure day"):
        closure_day_remove(on=D(2017, 12, 28), acting_user=admin)


def test_a_local_standard_changes_the_interval_and_statutory_rules_refuse(child_in_need, admin):
    local_standard_set(
        rule="T-07",
        unit=AllowanceUnit.WORKING_DAYS,
        first=10,
        then=None,
        reason="Walsall practice standard 2017",
        acting_user=admin,
    )
    assert Deadline.objects.get(rule="T-07", start_key="V1").due_on == D(2017, 12, 22)
    with pytest.raises(ValidationError, match="statutory"):
        local_standard_set(
            rule="T-12",
            unit=AllowanceUnit.WORKING_DAYS,
            first=20,
            then=None,
            reason="x",
            acting_user=admin,
        )
    with pytest.raises(ValidationError, match="no timescale"):
        local_standard_set(
            rule="T-99",
            unit=AllowanceUnit.WEEKS,
            first=2,
            then=None,
            reason="x",
            acting_user=admin,
        )


def test_deadlines_are_current_until_data_is_loaded(child_in_need, admin):
    assert not deadlines_current(as_of=AS_OF)
    deadlines_refresh(acting_user=admin, as_of=AS_OF)
    assert deadlines_current(as_of=AS_OF)
    assert not deadlines_current(as_of=D(2018, 1, 1))
    AuditEvent.objects.create(action="loaded", record_type="journey_frames")
    assert not deadlines_current(as_of=AS_OF)
