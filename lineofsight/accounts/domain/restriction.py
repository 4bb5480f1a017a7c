"""Rules for restricting a child's record, over plain values (no database).

Each rule returns None when the change can be made and raises `SequenceError` otherwise, with
one of the messages below, before the service writes anything.
"""

from __future__ import annotations

from collections.abc import Collection

from lineofsight.journey.domain.sequence import SequenceError

ALREADY_RESTRICTED = "The child's record is already restricted."
NOT_RESTRICTED = "The child's record is not restricted."
NOBODY_NAMED = "Name at least one person who may still see the record."
ROLE_SEES_NO_RECORDS = "That person's role opens no child's record, restricted or not."
ALREADY_NAMED = "That person is already named on the restriction."
NAMING_ONESELF = "You cannot name yourself on a restriction in force: ask another manager."
UNKNOWN_REASON = "Choose a reason for the restriction."


def check_can_restrict(
    *, in_force: bool, named_count: int, reason: str, reasons: Collection[str]
) -> None:
    if in_force:
        raise SequenceError(ALREADY_RESTRICTED)
    if reason not in reasons:
        raise SequenceError(UNKNOWN_REASON)
    if named_count < 1:
        raise SequenceError(NOBODY_NAMED)


def check_can_lift(*, in_force: bool) -> None:
    if not in_force:
        raise SequenceError(NOT_RESTRICTED)


def check_can_name(*, in_force: bool, already_named: bool, naming_oneself: bool) -> None:
    """Naming oneself once a restriction is in force would let a manager grant themselves a
    record the restriction closed to them; at restricting they saw it already, so it is allowed
    there (`check_can_restrict`)."""
    if not in_force:
        raise SequenceError(NOT_RESTRICTED)
    if naming_oneself:
        raise SequenceError(NAMING_ONESELF)
    if already_named:
        raise SequenceError(ALREADY_NAMED)


def check_named_role(*, role: str, record_roles: Collection[str]) -> None:
    """Naming someone whose role opens no record would look like access and give none."""
    if role not in record_roles:
        raise SequenceError(ROLE_SEES_NO_RECORDS)
