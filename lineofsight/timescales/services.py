"""Writes for timescales: materialise deadlines and caseloads; a council's local settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import UTC

import polars as pl
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from lineofsight.accounts.models import User
from lineofsight.core.bulk import rows_insert
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.journey.frames_db import Frames, frames_extract, frames_extract_for_child
from lineofsight.people.models import Child, Team, Worker
from lineofsight.timescales.config import timescale_config
from lineofsight.timescales.domain.caseload import caseload
from lineofsight.timescales.domain.engine import INPUT_TABLES, obligations
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.models import (
    AllowanceUnit,
    CaseloadEntry,
    ClosureDay,
    Deadline,
    LocalStandardSetting,
)

# What the engine and the caseload read: a child's recalculation reads no other table (the
# council's people and supervisions are most of its rows).
_RECALCULATION_TABLES = frozenset(
    {*INPUT_TABLES, "allocation", "child", "cla_episode", "cp_plan", "referral"}
)


@dataclass(frozen=True)
class RefreshResult:
    as_of: dt.date
    deadlines: int
    open_deadlines: int
    cases: int


@transaction.atomic
def deadlines_refresh(
    *, acting_user: User | None, as_of: dt.date | None = None, frames: Frames | None = None
) -> RefreshResult:
    """Recompute every obligation and open case on `as_of` (the service's today by default)
    from the database's journey records, and replace the stored ones in one transaction."""
    as_of = as_of or council_today()
    frames = frames if frames is not None else frames_extract()
    children = _id_map(Child.objects.values_list("child_id", "pk"), "child_id", "child")
    Deadline.objects.all().delete()
    CaseloadEntry.objects.all().delete()
    result = _store(frames, as_of=as_of, children=children)
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CHANGED,
        record_type="deadlines",
        detail={
            "as_of": as_of.isoformat(),
            "deadlines": result.deadlines,
            "open": result.open_deadlines,
            "cases": result.cases,
        },
    )
    return result


@transaction.atomic
def deadlines_recalculate(
    *, child: Child, acting_user: User | None, as_of: dt.date | None = None
) -> RefreshResult | None:
    """Recompute one child's obligations and open case after a change to its record, for the
    date the stored deadlines were computed for, so its rows agree with everyone else's.

    Does nothing (None) before the first whole refresh: there is nothing to keep current. Not
    audited on its own: the journey write that called for it is."""
    computed_on = _computed_on()
    if computed_on is None:
        return None
    as_of = as_of or computed_on
    # Locked, so two writes to one child recalculate one after the other.
    child = Child.objects.select_for_update().get(pk=child.pk)
    frames = frames_extract_for_child(child, tables=_RECALCULATION_TABLES)
    children = _id_map([(child.child_id, child.pk)], "child_id", "child")
    Deadline.objects.filter(child=child).delete()
    CaseloadEntry.objects.filter(child=child).delete()
    return _store(frames, as_of=as_of, children=children)


def _computed_on() -> dt.date | None:
    """The date the stored rows were computed for, as `selectors.deadlines_computed_on` reads
    it (a service may not import a selector)."""
    for model in (Deadline, CaseloadEntry):
        first = model.objects.order_by("pk").values_list("computed_as_of", flat=True).first()
        if first is not None:
            return first
    return None


def _store(frames: Frames, *, as_of: dt.date, children: pl.DataFrame) -> RefreshResult:
    """Compute the obligations and cases in `frames` and insert those of `children`."""
    config = timescale_config()
    found = obligations(frames, as_of=as_of, config=config)
    cases = caseload(frames, as_of=as_of)
    workers = _id_map(Worker.objects.values_list("staff_id", "pk"), "worker_id", "worker")
    teams = _id_map(Team.objects.values_list("code", "pk"), "team_id", "team")
    deadline_rows = (
        found.join(children, on="child_id", how="inner")
        .join(workers, on="worker_id", how="left")
        .join(teams, on="team_id", how="left")
        .with_columns(pl.lit(as_of).alias("computed_as_of"))
    )
    _insert(Deadline, deadline_rows)
    case_rows = (
        cases.join(children, on="child_id", how="inner")
        .join(workers, on="worker_id", how="left")
        .join(teams, on="team_id", how="left")
        .with_columns(pl.lit(as_of).alias("computed_as_of"))
    )
    _insert(CaseloadEntry, case_rows)
    open_count = deadline_rows.filter(
        pl.col("status").is_in(["overdue", "due_soon", "not_yet_due"])
    ).height
    return RefreshResult(as_of, deadline_rows.height, open_count, case_rows.height)


def _id_map(pairs: object, natural: str, field: str) -> pl.DataFrame:
    rows = list(pairs)  # type: ignore[call-overload]
    return pl.DataFrame(rows, schema={natural: pl.String, f"{field}__pk": pl.Int64}, orient="row")


def _insert(model: type[Deadline] | type[CaseloadEntry], frame: pl.DataFrame) -> None:
    """Write the frame's columns named like the model's fields (FKs from `<name>__pk`)."""
    columns: list[str] = []
    exprs: list[pl.Expr] = []
    sqlite = connection.vendor == "sqlite"
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        source = f"{field.name}__pk" if field.is_relation else field.name
        expr = pl.col(source)
        dtype = frame.schema[source]
        if field.get_internal_type() in {"CharField"}:
            expr = expr.fill_null("")
        if sqlite and dtype == pl.Date:
            expr = expr.dt.strftime("%Y-%m-%d")
        elif sqlite and isinstance(dtype, pl.Datetime):
            expr = _utc(expr, dtype).dt.strftime("%Y-%m-%d %H:%M:%S%.6f")
        elif isinstance(dtype, pl.Datetime):
            expr = _utc(expr, dtype).dt.replace_time_zone("UTC")
        columns.append(str(field.column))
        exprs.append(expr.alias(str(field.column)))
    rows_insert(table=model._meta.db_table, columns=columns, rows=frame.select(exprs).rows())


def _utc(expr: pl.Expr, dtype: pl.Datetime) -> pl.Expr:
    """Naive UTC: frames hold aware times (or naive ones meaning UTC)."""
    if dtype.time_zone:
        return expr.dt.convert_time_zone(str(UTC)).dt.replace_time_zone(None)
    return expr


def _local_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValidationError({"rule": f"There is no timescale {rule}"})
    if not RULES[rule].is_local:
        raise ValidationError(
            {"rule": f"{rule} is a statutory timescale; only local standards can be changed"}
        )


@transaction.atomic
def local_standard_set(
    *,
    rule: str,
    unit: AllowanceUnit,
    first: int,
    then: int | None,
    reason: str,
    acting_user: User,
) -> LocalStandardSetting:
    """Set a council's own value for a local timescale, with the reason, and recompute."""
    _local_rule(rule)
    if first < 1 or (then is not None and then < 1):
        raise ValidationError({"first": "A timescale must allow at least 1 day, week or month"})
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the council uses this standard"})
    setting, _ = LocalStandardSetting.objects.update_or_create(
        rule=rule,
        defaults={
            "unit": unit,
            "first": first,
            "then": then,
            "reason": reason.strip(),
            "changed_by": acting_user,
        },
    )
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CHANGED,
        record_type="local_standard",
        record_key=rule,
        detail={"unit": unit, "first": first, "then": then, "reason": reason.strip()},
    )
    deadlines_refresh(acting_user=acting_user)
    return setting


@transaction.atomic
def closure_day_add(*, on: dt.date, reason: str, acting_user: User) -> ClosureDay:
    """Add a local closure day (lengthens local standards only) and recompute."""
    if on.weekday() >= 5:
        raise ValidationError({"on": "That date is a weekend: it is never a working day"})
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the offices are closed"})
    if ClosureDay.objects.filter(on=on).exists():
        raise ValidationError({"on": f"{on:%d %B %Y} is already a closure day"})
    day = ClosureDay.objects.create(on=on, reason=reason.strip(), created_by=acting_user)
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CREATED,
        record_type="closure_day",
        record_key=on.isoformat(),
        detail={"reason": day.reason},
    )
    deadlines_refresh(acting_user=acting_user)
    return day


@transaction.atomic
def closure_day_remove(*, on: dt.date, acting_user: User) -> None:
    deleted, _ = ClosureDay.objects.filter(on=on).delete()
    if not deleted:
        raise ValidationError({"on": f"{on:%d %B %Y} is not a closure day"})
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CHANGED,
        record_type="closure_day",
        record_key=on.isoformat(),
        detail={"removed": True},
    )
    deadlines_refresh(acting_user=acting_user)
