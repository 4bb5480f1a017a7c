"""What the service tests check alike: a refused call writes nothing (every row of Line of
Sight's own tables compared, field by field), and the audit rows written since a mark."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.apps import apps
from django.db.models import Model, QuerySet

from lineofsight.core.models import AuditEvent
from lineofsight.journey.domain.sequence import SequenceError

Rows = dict[str, list[dict[str, Any]]]
AuditRow = tuple[str, str, str, dict[str, Any]]


def own_models() -> list[type[Model]]:
    """The models of Line of Sight's own apps (not Django's sessions or permissions)."""
    return [model for model in apps.get_models() if model.__module__.startswith("lineofsight.")]


def field_by_field(rows: QuerySet[Any]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows.order_by("pk").values()]


def rows(*models: type[Model]) -> Rows:
    """Every row of each table named (by default every table of our own apps), field by field."""
    return {
        model._meta.label: field_by_field(model._default_manager.all())
        for model in models or own_models()
    }


@contextmanager
def nothing_written(
    error: type[Exception] = SequenceError, message: str | None = None
) -> Iterator[None]:
    """The call inside raises `error` itself (with `message`, when given) and leaves every row
    as it was."""
    before = rows()
    with pytest.raises(error) as raised:
        yield
    assert raised.type is error, f"expected {error.__name__}, got {raised.type.__name__}"
    if message is not None:
        assert str(raised.value) == message
    assert rows() == before


def refused_and_nothing_written(message: str) -> AbstractContextManager[None]:
    """The call inside raises a SequenceError with `message` and writes nothing."""
    return nothing_written(SequenceError, message)


def audit_mark() -> int:
    """Where the audit log ends now, for `audit_since`."""
    last = AuditEvent.objects.order_by("-pk").first()
    return last.pk if last else 0


def audit_since(mark: int = 0) -> list[AuditRow]:
    """The audit rows written after `mark` (by default all of them), oldest first."""
    return [
        (event.action, event.record_type, event.record_key, event.detail)
        for event in AuditEvent.objects.filter(pk__gt=mark).order_by("pk")
    ]
