"""Board scorecard pages: the pack, one indicator with its breakdowns and children, downloads,
commentary and snapshots. Thin: the selectors compute, the services write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lineofsight.accounts.access import (
    child_lists_pseudonymised,
    scorecard_commentary_allowed,
    scorecard_team_allowed,
    scorecard_teams_visible_to,
    scorecards_allowed,
)
from lineofsight.accounts.models import Role, User
from lineofsight.core.selectors import council_get, council_today
from lineofsight.core.services import list_export
from lineofsight.indicators.domain.engine import BREAKDOWN_TITLES, indicator_values
from lineofsight.indicators.domain.periods import Period, PeriodError, financial_year, period_parse
from lineofsight.people.models import Team
from lineofsight.reports.domain.charts import trend_chart_svg
from lineofsight.reports.domain.packs import Pack, PackError, packs_load
from lineofsight.reports.domain.scorecard import Line, Scorecard
from lineofsight.reports.outputs.document import scorecard_pdf
from lineofsight.reports.outputs.json_out import scorecard_json
from lineofsight.reports.outputs.xlsx import scorecard_xlsx
from lineofsight.reports.selectors import (
    children_behind,
    commentary_history,
    commentary_latest,
    scorecard_get,
    snapshots_list,
)
from lineofsight.reports.services import scorecard_commentary_record, scorecard_snapshot_create

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
CHILDREN_SHOWN = 500
PERIOD_HINT = "Enter a period like 2016-17, 2016-17 Q3, 2017-03 or 12 months to 2017-03"


def _viewer(request: HttpRequest) -> User:
    viewer = request.user
    assert isinstance(viewer, User)
    if not scorecards_allowed(viewer):
        raise PermissionDenied("You cannot see board scorecards")
    return viewer


def _pack(code: str) -> Pack:
    try:
        packs = packs_load()
    except PackError as error:
        raise Http404(str(error)) from error
    if code not in packs:
        raise Http404("No such board")
    return packs[code]


def _default_period() -> Period:
    council = council_get()
    reference = council.reference_date if council else council_today()
    ending = reference.year + 1 if reference.month >= 4 else reference.year
    return financial_year(ending)


def _period(request: HttpRequest) -> tuple[Period, str | None]:
    label = request.GET.get("period", "").strip()
    if not label:
        return _default_period(), None
    try:
        return period_parse(label), None
    except PeriodError:
        return _default_period(), PERIOD_HINT


def _period_or_400(request: HttpRequest) -> Period:
    """The period a download, commentary or snapshot is for. Not the default in place of a
    mistyped one: a comment or a stored pack would silently land on another period."""
    period, error = _period(request)
    if error:
        raise BadRequest(error)
    return period


def _team(request: HttpRequest, viewer: User, pack: Pack) -> str | None:
    """The team of a team pack: the one asked for, or the first the viewer may see."""
    if not pack.per_team:
        return None
    team = request.GET.get("team", "").strip()
    if team:
        if not scorecard_team_allowed(viewer, team):
            raise PermissionDenied("You cannot see this team's scorecard")
        if not Team.objects.filter(code=team).exists():
            raise Http404("No such team")
        return team
    first = scorecard_teams_visible_to(viewer).order_by("name").first()
    if first is None:
        raise PermissionDenied("You have no team to see a team pack for")
    return str(first.code)


def _store_allowed(viewer: User, team: str | None) -> bool:
    """Who may store a pack as presented: whoever may write its commentary, and analysts and
    administrators (who prepare the packs)."""
    return scorecard_commentary_allowed(viewer, team_code=team) or viewer.role in {
        Role.PERFORMANCE_ANALYST,
        Role.ADMINISTRATOR,
    }


def _query(period: Period, team: str | None) -> str:
    from urllib.parse import urlencode

    params = {"period": period.label}
    if team:
        params["team"] = team
    return urlencode(params)


@never_cache
@login_required
def boards(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    packs = [
        p for p in packs_load().values() if not p.per_team or viewer.role != Role.ELECTED_MEMBER
    ]
    return render(
        request,
        "reports/boards.html",
        {"packs": packs, "snapshots": snapshots_list(), "period": _default_period()},
    )


def _line_views(card: Scorecard, commentary: dict[str, Any]) -> list[dict[str, Any]]:
    sections = []
    for section in card.sections:
        lines = []
        for line in section.lines:
            lines.append(
                {
                    "line": line,
                    "chart": mark_safe(  # noqa: S308 (built from escaped values)
                        trend_chart_svg(line, width=560, height=200, council=card.council)
                    ),
                    "commentary": commentary.get(f"{section.key}/{line.code}"),
                    "key": f"{section.key}/{line.code}",
                }
            )
        sections.append(
            {"section": section, "lines": lines, "commentary": commentary.get(section.key)}
        )
    return sections


@never_cache
@login_required
def board(request: HttpRequest, board: str) -> HttpResponse:
    viewer = _viewer(request)
    pack = _pack(board)
    period, period_error = _period(request)
    team = _team(request, viewer, pack)
    card = scorecard_get(viewer, pack=pack, period=period, team=team)
    commentary = commentary_latest(board=pack.code, period=period.label, team=team)
    rag = {"green": 0, "amber": 0, "red": 0}
    for line in card.lines:
        if line.rag:
            rag[line.rag] += 1
    teams = list(scorecard_teams_visible_to(viewer).order_by("name")) if pack.per_team else []
    return render(
        request,
        "reports/board.html",
        {
            "pack": pack,
            "card": card,
            # Not "sections": the navigation reads that name (sections_visible_to).
            "blocks": _line_views(card, commentary),
            "rag": rag,
            "period_error": period_error,
            "query": _query(period, team),
            "team": team,
            "teams": teams,
            "can_comment": scorecard_commentary_allowed(viewer, team_code=team),
            "can_store": _store_allowed(viewer, team),
            # What was typed stays in the box when it is not a period.
            "period_entered": request.GET.get("period", "").strip()
            if period_error
            else card.period.label,
        },
    )


def _find_line(card: Scorecard, code: str) -> tuple[str, Line]:
    for section in card.sections:
        for line in section.lines:
            if line.code == code:
                return section.key, line
    raise Http404("That indicator is not on this board")


@never_cache
@login_required
def indicator(request: HttpRequest, board: str, code: str) -> HttpResponse:
    viewer = _viewer(request)
    pack = _pack(board)
    period, period_error = _period(request)
    team = _team(request, viewer, pack)
    card = scorecard_get(viewer, pack=pack, period=period, team=team)
    section_key, line = _find_line(card, code)
    definition = next(d for d in pack.definitions if d.code == code)
    current = card.rows.filter((card.rows["code"] == code) & (card.rows["period"] == period.label))
    breakdowns = []
    for name, title in BREAKDOWN_TITLES.items():
        if name == "worker" and not pack.drill_down:
            continue
        values = indicator_values(current, [definition], by=(name,))
        breakdowns.append({"name": name, "title": title, "rows": values.rows(named=True)})
    children = None
    hidden = 0
    pseudonymised = child_lists_pseudonymised(viewer)
    if pack.drill_down and (
        pseudonymised or viewer.role in {Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER}
    ):
        shown, hidden = children_behind(
            viewer, card, code=code, period=period.label, limit=CHILDREN_SHOWN
        )
        children = shown.rows(named=True)
    return render(
        request,
        "reports/indicator.html",
        {
            "pack": pack,
            "card": card,
            "line": line,
            "definition": definition,
            "chart": mark_safe(  # noqa: S308 (built from escaped values)
                trend_chart_svg(line, width=720, height=260, council=card.council)
            ),
            "breakdowns": breakdowns,
            "children": children,
            "pseudonymised": pseudonymised,
            "children_total": current.filter(current["child_id"].is_not_null()).height,
            "hidden": hidden,
            "shown_limit": CHILDREN_SHOWN,
            "period_error": period_error,
            "query": _query(period, team),
            "history": commentary_history(
                board=pack.code, period=period.label, team=team, key=f"{section_key}/{code}"
            ),
        },
    )


@never_cache
@login_required
def download(request: HttpRequest, board: str, file_format: str) -> HttpResponse:
    viewer = _viewer(request)
    if file_format not in CONTENT_TYPES:
        raise Http404("No such format")
    pack = _pack(board)
    period = _period_or_400(request)
    team = _team(request, viewer, pack)
    card = scorecard_get(viewer, pack=pack, period=period, team=team)
    commentary = commentary_latest(board=pack.code, period=period.label, team=team)
    if file_format == "pdf":
        body: bytes = scorecard_pdf(card, commentary)
    elif file_format == "xlsx":
        body = scorecard_xlsx(card, commentary)
    else:
        import json

        body = json.dumps(scorecard_json(card, commentary), indent=2).encode()
    # A pack names no child, but leaving the service as a file is still recorded.
    list_export(
        acting_user=viewer,
        record_type="scorecard",
        record_key="/".join(part for part in (pack.code, period.label, team) if part)[:60],
        file_format=file_format,
        rows=len(card.lines),
    )
    name = f"{pack.code}-{period.label.replace(' ', '-')}{'-' + team if team else ''}"
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@never_cache
@login_required
def commentary(request: HttpRequest, board: str) -> HttpResponse:
    viewer = _viewer(request)
    pack = _pack(board)
    period = _period_or_400(request)
    team = _team(request, viewer, pack)
    if not scorecard_commentary_allowed(viewer, team_code=team):
        raise PermissionDenied("You cannot write commentary on this board pack")
    key = request.GET.get("key", "") or request.POST.get("key", "")
    titles = {s.key: s.title for s in pack.sections}
    titles.update(
        {
            f"{s.key}/{ln.indicator.code}": ln.indicator.title
            for s in pack.sections
            for ln in s.lines
        }
    )
    if key not in titles:
        raise Http404("No such section or indicator on this board")
    errors: dict[str, str] = {}
    text = ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            scorecard_commentary_record(
                board=pack.code,
                period=period.label,
                team=team,
                key=key,
                text=text,
                acting_user=viewer,
            )
        except ValidationError as error:
            errors = {field: "; ".join(msgs) for field, msgs in error.message_dict.items()}
        else:
            messages.success(request, "Commentary saved")
            return redirect(f"{reverse('reports:board', args=[pack.code])}?{_query(period, team)}")
    latest = commentary_latest(board=pack.code, period=period.label, team=team).get(key)
    return render(
        request,
        "reports/commentary.html",
        {
            "pack": pack,
            "period": period,
            "key": key,
            "title": titles[key],
            "text": text or (latest.text if latest else ""),
            "errors": errors,
            "query": _query(period, team),
            "history": commentary_history(board=pack.code, period=period.label, team=team, key=key),
        },
        status=400 if errors else 200,
    )


@require_POST
@login_required
def snapshot(request: HttpRequest, board: str) -> HttpResponse:
    viewer = _viewer(request)
    pack = _pack(board)
    period = _period_or_400(request)
    team = _team(request, viewer, pack)
    if not _store_allowed(viewer, team):
        raise PermissionDenied("You cannot store board packs")
    card = scorecard_get(viewer, pack=pack, period=period, team=team)
    commentary = commentary_latest(board=pack.code, period=period.label, team=team)
    stored = scorecard_snapshot_create(
        card=card, document=scorecard_json(card, commentary), acting_user=viewer
    )
    messages.success(
        request,
        f"Stored as snapshot {stored.pk} on {dt.datetime.now(tz=dt.UTC):%d %B %Y}: "
        f"`lineofsight scorecard --snapshot-id {stored.pk}` produces it again exactly",
    )
    return redirect(f"{reverse('reports:board', args=[pack.code])}?{_query(period, team)}")
