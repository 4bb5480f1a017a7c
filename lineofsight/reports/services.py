"""The only writers of board pack records: commentary and snapshots, each audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from lineofsight.accounts.access import scorecard_commentary_allowed, scorecards_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.indicators.domain.periods import period_parse
from lineofsight.indicators.models import IndicatorValue, OrgUnitLevel
from lineofsight.reports.domain.scorecard import Scorecard
from lineofsight.reports.models import ScorecardCommentary, ScorecardSnapshot

COMMENTARY_MAX_LENGTH = 5000
COMMENTARY_EMPTY = "Enter the commentary"
COMMENTARY_TOO_LONG = f"Commentary must be {COMMENTARY_MAX_LENGTH:,} characters or fewer"


@transaction.atomic
def scorecard_commentary_record(
    *, board: str, period: str, team: str | None, key: str, text: str, acting_user: User
) -> ScorecardCommentary:
    """Add a commentary (the previous ones stay, as its history)."""
    if not scorecard_commentary_allowed(acting_user, team_code=team):
        raise PermissionDenied("You cannot write commentary on this board pack")
    text = text.strip()
    if not text:
        raise ValidationError({"text": COMMENTARY_EMPTY})
    if len(text) > COMMENTARY_MAX_LENGTH:
        raise ValidationError({"text": COMMENTARY_TOO_LONG})
    commentary = ScorecardCommentary.objects.create(
        board=board, period=period, team=team or "", key=key, text=text, author=acting_user
    )
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CREATED,
        record_type="scorecard_commentary",
        record_key=str(commentary.pk),
        detail={"board": board, "period": period, "team": team or "", "key": key},
    )
    return commentary


@transaction.atomic
def scorecard_snapshot_create(
    *, card: Scorecard, document: Mapping[str, Any], acting_user: User | None
) -> ScorecardSnapshot:
    """Store the pack as presented: its document, and each indicator's value for the period
    and every trend point with the code version, in one transaction. `acting_user` is None
    only for the command line."""
    if acting_user is not None and not scorecards_allowed(acting_user):
        raise PermissionDenied("You cannot store board packs")
    snapshot = ScorecardSnapshot.objects.create(
        board=card.board,
        period=card.period.label,
        period_start=card.period.start,
        period_end=card.period.end,
        team=card.team or "",
        council=card.council,
        source=card.source[:300],
        code_version=card.code_version,
        created_by=acting_user,
        document=dict(document),
    )
    level = OrgUnitLevel.TEAM if card.team else OrgUnitLevel.LA
    unit = card.team or card.council or "council"
    values = []
    # A value is kept once per indicator and dates: two labels can name the same dates (the
    # financial year 2016-17 is also the twelve months to 2017-03 of a rolling trend), and an
    # indicator may sit on more than one section of a pack.
    seen: set[tuple[str, dt.date, dt.date]] = set()
    for line in card.lines:
        points = [(card.period.label, line.numerator, line.denominator, line.value)]
        rows = card.values.filter(card.values["code"] == line.code)
        points.extend(
            (label, num, den, value)
            for _, label, num, den, value in rows.select(
                "code", "period", "numerator", "denominator", "value"
            ).iter_rows()
        )
        for label, num, den, value in points:
            period = period_parse(label)
            if (line.code, period.start, period.end) in seen:
                continue
            seen.add((line.code, period.start, period.end))
            values.append(
                IndicatorValue(
                    snapshot=snapshot,
                    code=line.code,
                    version=line.version,
                    code_version=card.code_version[:40],
                    period_start=period.start,
                    period_end=period.end,
                    org_unit_level=level,
                    org_unit=unit[:40],
                    numerator=num,
                    denominator=den,
                    value=value,
                )
            )
    IndicatorValue.objects.bulk_create(values)
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CREATED,
        record_type="scorecard_snapshot",
        record_key=str(snapshot.pk),
        detail={"board": card.board, "period": card.period.label, "values": len(values)},
    )
    return snapshot
