"""Reads for the validation page: the records' census validated for a year, each failure with
the team and worker who hold the child now, filtered as the viewer asks."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.core.exceptions import PermissionDenied

from lineofsight.accounts.access import (
    child_access_allowed,
    child_ids_restricted_from,
    validation_allowed,
)
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.people.models import Child
from lineofsight.timescales.models import CaseloadEntry
from lineofsight.validation.engine.run import Validation, summary_by_rule
from lineofsight.validation.files import database_census_validated
from lineofsight.validation.models import ValidationFailure


@dataclass(frozen=True)
class ValidationPage:
    year: int
    validation: Validation
    by_rule: list[dict[str, object]]
    failures: pl.DataFrame  # filtered, with team and worker
    teams: list[str]
    workers: list[str]
    restricted_hidden: int = 0  # failures of restricted records not naming the viewer


def _holders() -> pl.DataFrame:
    rows = CaseloadEntry.objects.values_list(
        "child__child_id", "team__name", "worker__given_name", "worker__family_name"
    )
    return pl.DataFrame(
        [
            (child, team or "", " ".join(part for part in (given, family) if part))
            for child, team, given, family in rows
        ],
        schema={"child_id": pl.String, "team": pl.String, "worker": pl.String},
        orient="row",
    )


def validation_page(
    *, viewer: User, year: int, rule: str = "", team: str = "", worker: str = ""
) -> ValidationPage:
    """The census the records make for `year` under DfE's rules; who may see it is checked
    and the viewing audited (the failures name children)."""
    if not validation_allowed(viewer):
        raise PermissionDenied("Only analysts and managers may see the council's validation")
    _, validation = database_census_validated(year=year)
    failures = validation.failures.join(_holders(), on="child_id", how="left").with_columns(
        pl.col("team").fill_null(""), pl.col("worker").fill_null("")
    )
    # A restricted record's failures still count, but are not listed to those not named on it.
    hidden = list(child_ids_restricted_from(viewer))
    listed = failures.filter(~pl.col("child_id").is_in(hidden)) if hidden else failures
    restricted_hidden = failures.height - listed.height
    failures = listed
    teams = sorted(t for t in failures["team"].unique().to_list() if t)
    workers = sorted(w for w in failures["worker"].unique().to_list() if w)
    for column, wanted in (("rule", rule), ("team", team), ("worker", worker)):
        if wanted:
            failures = failures.filter(pl.col(column) == wanted)
    AuditEvent.objects.create(
        actor=viewer,
        action=AuditAction.VIEWED,
        record_type="validation",
        detail={"year": year, "rule": rule, "team": team, "worker": worker},
    )
    return ValidationPage(
        year=year,
        validation=validation,
        by_rule=summary_by_rule(validation.failures).to_dicts(),
        failures=failures,
        teams=teams,
        workers=workers,
        restricted_hidden=restricted_hidden,
    )


def child_failures(*, viewer: User, child: Child) -> list[ValidationFailure]:
    """The child's stored validation failures (as of the last refresh), errors first."""
    if not child_access_allowed(viewer, child):
        raise PermissionDenied("You cannot see this child's record")
    return list(
        ValidationFailure.objects.filter(child=child).order_by("-severity", "return_name", "rule")
    )
