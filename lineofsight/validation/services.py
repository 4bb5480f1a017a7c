"""Writes for validation: the stored failures, replaced whole from the records."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.people.models import Child
from lineofsight.validation.engine.run import Validation
from lineofsight.validation.files import database_census_validated, database_ssda903_validated
from lineofsight.validation.models import ValidationFailure

FIRST_YEAR, LAST_YEAR = 2017, 2026


@dataclass(frozen=True)
class ValidationRefreshed:
    year: int
    errors: int
    queries: int


def current_collection_year() -> int:
    """The collection year the service is in: the one ending on the next 31 March."""
    today = council_today()
    year = today.year + 1 if (today.month, today.day) > (3, 31) else today.year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


def _rows(return_name: str, year: int, validation: Validation, ids: dict[str, int]) -> list:
    now = timezone.now()
    return [
        ValidationFailure(
            return_name=return_name,
            year=year,
            rule=row["rule"],
            severity=row["severity"],
            child_id=ids.get(row["child_id"] or ""),
            table=row["table"],
            row=row["row"],
            values=row["values"] or "",
            message=row["message"],
            computed_at=now,
        )
        for row in validation.failures.iter_rows(named=True)
    ]


def validation_refresh(*, acting_user: User | None, year: int | None = None) -> ValidationRefreshed:
    """Validate the CIN census and SSDA903 return the records make for the collection year
    (the current one by default) and replace the stored failures, in one transaction."""
    year = year or current_collection_year()
    _, census = database_census_validated(year=year)
    _, ssda903 = database_ssda903_validated(year=year)
    ids = dict(Child.objects.values_list("child_id", "id"))
    rows = _rows("cin_census", year, census, ids) + _rows("ssda903", year, ssda903, ids)
    with transaction.atomic():
        ValidationFailure.objects.all().delete()
        ValidationFailure.objects.bulk_create(rows, batch_size=5000)
        AuditEvent.objects.create(
            actor=acting_user,
            action=AuditAction.CHANGED,
            record_type="validation_failures",
            detail={"year": year, "failures": len(rows)},
        )
    failures = pl.concat([census.failures, ssda903.failures])
    return ValidationRefreshed(
        year=year,
        errors=failures.filter(pl.col("severity") == "error").height,
        queries=failures.filter(pl.col("severity") == "query").height,
    )
