"""Reads for board pack pages: the computed pack, its commentary, and the children behind a
number (only those the viewer may see, and each list audited)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import polars as pl
from django.core.exceptions import PermissionDenied
from django.db.models import Max

from lineofsight.accounts.access import (
    child_ids_restricted_from,
    child_lists_pseudonymised,
    children_visible_among,
    scorecard_team_allowed,
    scorecards_allowed,
)
from lineofsight.accounts.models import User
from lineofsight.accounts.pseudonyms import child_pseudonym
from lineofsight.core.domain.published import CouncilInfo, UnknownCouncilError, find_council
from lineofsight.core.models import AuditAction, AuditEvent, Council
from lineofsight.core.selectors import council_get
from lineofsight.indicators.domain.engine import children_counted
from lineofsight.indicators.domain.periods import Period
from lineofsight.reports.domain.packs import Pack
from lineofsight.reports.domain.scorecard import Scorecard, scorecard_build
from lineofsight.reports.models import ScorecardCommentary, ScorecardSnapshot
from lineofsight.reports.outputs.commentary import Commentary
from lineofsight.reports.sources import frames_from_database
from lineofsight.reports.versions import code_version

_CACHE: OrderedDict[tuple[object, ...], Scorecard] = OrderedDict()
_CACHE_SIZE = 16
_LOCK = threading.Lock()


def council_info(council: Council | None = None) -> CouncilInfo | None:
    """The installation's council as DfE's tables know it (for comparators and population)."""
    council = council or council_get()
    if council is None:
        return None
    if council.la_number:
        return CouncilInfo(
            name=council.name,
            la_number=council.la_number,
            la_code=council.la_code,
            region=council.region,
        )
    try:
        return find_council(council.name)
    except (UnknownCouncilError, FileNotFoundError):
        return None


# Audited events that change no record a pack is computed from: reading and downloading,
# signing in, and the packs' own commentary and snapshots (read beside the pack, not into it).
_NOT_RECORD_CHANGES = (
    AuditAction.VIEWED,
    AuditAction.EXPORTED,
    AuditAction.SIGNED_IN,
    AuditAction.SIGN_IN_FAILED,
)
_PACK_RECORD_TYPES = ("scorecard_commentary", "scorecard_snapshot")


def _data_version() -> tuple[object, ...]:
    """Changes whenever the records do (every write is audited), so a cached pack is never
    older than the records it was computed from; saving commentary or downloading a pack
    does not throw the computed pack away."""
    latest = (
        AuditEvent.objects.exclude(action__in=_NOT_RECORD_CHANGES)
        .exclude(record_type__in=_PACK_RECORD_TYPES)
        .aggregate(Max("id"))
    )
    return (latest["id__max"],)


def scorecard_get(
    viewer: User, *, pack: Pack, period: Period, team: str | None = None
) -> Scorecard:
    """The pack computed from the records for the period (and team)."""
    if not scorecards_allowed(viewer):
        raise PermissionDenied("You cannot see board scorecards")
    if team is not None and not scorecard_team_allowed(viewer, team):
        raise PermissionDenied("You cannot see this team's scorecard")
    key = (pack.code, period, team, *_data_version())
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    card = scorecard_build(
        pack=pack,
        period=period,
        frames=frames_from_database(),
        council=council_info(),
        source="Line of Sight records",
        code_version=code_version(),
        team=team,
    )
    with _LOCK:
        _CACHE[key] = card
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return card


def scorecard_cache_clear() -> None:
    with _LOCK:
        _CACHE.clear()


def commentary_latest(*, board: str, period: str, team: str | None) -> dict[str, Commentary]:
    """The latest commentary for each key of the pack and period."""
    latest: dict[str, Commentary] = {}
    rows = ScorecardCommentary.objects.filter(
        board=board, period=period, team=team or ""
    ).select_related("author")
    for row in rows:  # newest first
        if row.key not in latest:
            latest[row.key] = Commentary(
                text=row.text,
                author=row.author.get_full_name() or row.author.username,
                written_at=row.written_at,
            )
    return latest


def commentary_history(
    *, board: str, period: str, team: str | None, key: str
) -> list[ScorecardCommentary]:
    return list(
        ScorecardCommentary.objects.filter(
            board=board, period=period, team=team or "", key=key
        ).select_related("author")
    )


def snapshots_list(*, board: str | None = None) -> list[ScorecardSnapshot]:
    rows = ScorecardSnapshot.objects.all()
    if board:
        rows = rows.filter(board=board)
    return list(rows.defer("document")[:50])


def children_behind(
    viewer: User, card: Scorecard, *, code: str, period: str, limit: int | None = None
) -> tuple[pl.DataFrame, int]:
    """The counted rows behind one number that the viewer may see, the first `limit` of them
    (and how many rows are of children hidden from them); the list is audited naming every
    child it shows, as an opened record would be, and only those.

    An analyst sees every child's rows but pseudonymised (`accounts.pseudonyms`): the child's
    ID replaced, the record's key left out; restricted children not naming them are hidden."""
    rows = children_counted(card.rows, code=code, period=period)
    child_ids = [c for c in rows["child_id"].unique().to_list() if c]
    pseudonymised = child_lists_pseudonymised(viewer)
    if pseudonymised:
        visible = set(child_ids) - set(child_ids_restricted_from(viewer))
    else:
        visible = children_visible_among(viewer, child_ids)
    shown = rows.filter(pl.col("child_id").is_in(sorted(visible)))
    hidden = rows.filter(pl.col("child_id").is_not_null()).height - shown.height
    if limit is not None:
        shown = shown.head(limit)
    if shown.height:
        AuditEvent.objects.create(
            actor=viewer,
            action=AuditAction.VIEWED,
            record_type="indicator_children",
            record_key=f"{card.board}/{code}/{period}"[:60],
            detail={
                "child_ids": sorted(set(shown["child_id"].to_list())),
                "team": card.team or "",
                **({"pseudonymised": True} if pseudonymised else {}),
            },
        )
    if pseudonymised:
        shown = shown.with_columns(
            pl.col("child_id").map_elements(child_pseudonym, return_dtype=pl.String),
            pl.lit("").alias("item"),
        )
    return shown, hidden
