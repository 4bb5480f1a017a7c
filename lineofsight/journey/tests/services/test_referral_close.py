"""Closing a case: once, with its work ended, audited; refused to a worker of another team."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey import services
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.journey.models import Referral
from lineofsight.journey.tests.builders import (
    Case,
    D,
    social_worker_create,
    team_create,
)

pytestmark = pytest.mark.django_db


def referral_made(case: Case) -> Referral:
    return services.referral_create(
        child=case.child, referred_on=D(2017, 4, 3), source="2B", acting_user=case.user
    )


def test_a_case_closes_with_its_reason_and_an_audit_row(case: Case) -> None:
    referral = referral_made(case)

    services.referral_close(
        referral=referral, closed_on=D(2017, 5, 2), closure_reason="RC7", acting_user=case.user
    )

    referral.refresh_from_db()
    assert (referral.closed_on, referral.closure_reason) == (D(2017, 5, 2), "RC7")
    event = AuditEvent.objects.filter(action=AuditAction.CHANGED).get()
    assert (event.record_type, event.record_key) == ("referral", referral.key)
    assert event.detail == {"fields": ["closed_on", "closure_reason"]}


def test_a_case_with_an_open_enquiry_does_not_close(case: Case) -> None:
    referral = referral_made(case)
    discussion = services.strategy_discussion_record(
        referral=referral, held_on=D(2017, 4, 4), decision="s47", acting_user=case.user
    )
    services.section47_enquiry_start(
        referral=referral,
        strategy_discussion=discussion,
        started_on=D(2017, 4, 4),
        acting_user=case.user,
    )
    before = AuditEvent.objects.count()

    with pytest.raises(SequenceError, match="still has a section 47 enquiry open"):
        services.referral_close(
            referral=referral, closed_on=D(2017, 5, 2), closure_reason="RC7", acting_user=case.user
        )
    referral.refresh_from_db()
    assert referral.closed_on is None
    assert AuditEvent.objects.count() == before


def test_a_closed_case_does_not_close_again(case: Case) -> None:
    referral = referral_made(case)
    services.referral_close(
        referral=referral, closed_on=D(2017, 5, 2), closure_reason="RC7", acting_user=case.user
    )

    with pytest.raises(SequenceError, match=rules.REFERRAL_ALREADY_CLOSED):
        services.referral_close(
            referral=referral, closed_on=D(2017, 6, 2), closure_reason="RC8", acting_user=case.user
        )
    assert Referral.objects.get().closed_on == D(2017, 5, 2)


def test_a_worker_of_another_team_may_not_close_it(case: Case) -> None:
    referral = referral_made(case)
    outsider = social_worker_create("SW900", team_create("SAFE9"), "outsider.sw")

    with pytest.raises(PermissionDenied):
        services.referral_close(
            referral=referral, closed_on=D(2017, 5, 2), closure_reason="RC7", acting_user=outsider
        )
    assert Referral.objects.get().closed_on is None
