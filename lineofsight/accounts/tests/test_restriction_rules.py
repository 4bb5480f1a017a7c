"""The restriction rules over plain values (no database)."""

from __future__ import annotations

import pytest

from lineofsight.accounts.domain import restriction as rules
from lineofsight.journey.domain.sequence import SequenceError

REASONS = ("staff_connection", "sealed_adoption")


def test_a_record_not_restricted_may_be_restricted_naming_someone() -> None:
    rules.check_can_restrict(
        in_force=False, named_count=1, reason="sealed_adoption", reasons=REASONS
    )


@pytest.mark.parametrize(
    ("in_force", "named_count", "reason", "message"),
    [
        (True, 1, "sealed_adoption", rules.ALREADY_RESTRICTED),
        (False, 0, "sealed_adoption", rules.NOBODY_NAMED),
        (False, 1, "", rules.UNKNOWN_REASON),
    ],
)
def test_restricting_is_refused(
    in_force: bool, named_count: int, reason: str, message: str
) -> None:
    with pytest.raises(SequenceError, match=message):
        rules.check_can_restrict(
            in_force=in_force, named_count=named_count, reason=reason, reasons=REASONS
        )


def test_lifting_needs_a_restriction_in_force() -> None:
    rules.check_can_lift(in_force=True)
    with pytest.raises(SequenceError, match=rules.NOT_RESTRICTED):
        rules.check_can_lift(in_force=False)


def test_naming_someone_new_on_a_restriction_in_force() -> None:
    rules.check_can_name(in_force=True, already_named=False, naming_oneself=False)


@pytest.mark.parametrize(
    ("in_force", "already_named", "naming_oneself", "message"),
    [
        (False, False, False, rules.NOT_RESTRICTED),
        (True, False, True, rules.NAMING_ONESELF),
        (True, True, False, rules.ALREADY_NAMED),
    ],
)
def test_naming_is_refused(
    in_force: bool, already_named: bool, naming_oneself: bool, message: str
) -> None:
    with pytest.raises(SequenceError, match=message):
        rules.check_can_name(
            in_force=in_force, already_named=already_named, naming_oneself=naming_oneself
        )


def test_only_roles_that_open_records_are_named() -> None:
    rules.check_named_role(role="social_worker", record_roles={"social_worker"})
    with pytest.raises(SequenceError, match=rules.ROLE_SEES_NO_RECORDS):
        rules.check_named_role(role="elected_member", record_roles={"social_worker"})
