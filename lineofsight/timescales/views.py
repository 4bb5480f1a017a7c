"""My work, Team, Service, the child's record and the timescale settings.

Thin: each page calls one selector (which checks the viewer's access) and renders it; with
`?format=csv` or `?format=xlsx` (and `list=` on a page with more than one list) it returns the
same rows as a file instead, and records the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lineofsight.accounts.access import (
    child_access_log_allowed,
    timescale_settings_change_allowed,
)
from lineofsight.accounts.models import User
from lineofsight.core.services import list_export
from lineofsight.frontend.downloads import FORMATS, DownloadTable, download_response
from lineofsight.journey.selectors.summary import child_journey_summary
from lineofsight.journey.steps import steps_offered
from lineofsight.timescales import tables
from lineofsight.timescales.forms import (
    ClosureDayAddForm,
    ClosureDayRemoveForm,
    LocalStandardForm,
)
from lineofsight.timescales.models import AllowanceUnit
from lineofsight.timescales.selectors import (
    MY_WORK_SOON_DAYS,
    TeamOverview,
    child_deadlines_list,
    child_record_get,
    my_work_list,
    service_overview,
    team_overview,
    teams_list,
    timescale_settings_get,
)
from lineofsight.timescales.services import (
    closure_day_add,
    closure_day_remove,
    local_standard_set,
)
from lineofsight.validation.selectors import child_failures

REFRESH_COMMAND = "lineofsight deadlines-refresh"
# How long a rendered Team page body is reused. Its key holds the deadlines' version, so a
# refresh shows at once; this bounds how long a change to a name or a membership takes to show.
TEAM_PAGE_CACHE_SECONDS = 60


def _viewer(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required ran first
    return request.user


def _stamp(on: dt.date | None) -> str:
    return on.isoformat() if on else "not-computed"


def _download(
    request: HttpRequest,
    lists: Mapping[str, DownloadTable[Any]],
    *,
    record_type: str,
    record_key: str = "",
    child_id: str = "",
) -> HttpResponse | None:
    """The requested list as a file (and an `exported` audit event), or None for the page."""
    file_format = request.GET.get("format")
    if file_format is None:
        return None
    name = request.GET.get("list", next(iter(lists)))
    if file_format not in FORMATS or name not in lists:
        raise Http404("There is no such download")
    table = lists[name]
    list_export(
        acting_user=_viewer(request),
        record_type=f"{record_type}_{name}",
        record_key=record_key,
        child_id=child_id,
        file_format=file_format,
        rows=len(table.rows),
        child_ids=table.child_ids(),
    )
    return download_response(table, file_format)


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, {"refresh_command": REFRESH_COMMAND, **context})


def _long_date(on: dt.date) -> str:
    return f"{on.day} {on:%B %Y}"


@never_cache
@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    work = my_work_list(viewer=_viewer(request), soon_days=None if show_all else MY_WORK_SOON_DAYS)
    deadlines = DownloadTable(
        title="My work",
        filename=f"my-work-{_stamp(work.computed_on)}",
        columns=tables.MY_WORK_COLUMNS,
        rows=work.deadlines,
        child_id=lambda deadline: deadline.child_id,
    )
    if response := _download(request, {"deadlines": deadlines}, record_type="my_work"):
        return response
    return _page(
        request,
        "timescales/my_work.html",
        {"work": work, "show_all": show_all, "soon_days": MY_WORK_SOON_DAYS},
    )


@never_cache
@login_required
def teams(request: HttpRequest) -> HttpResponse:
    found = teams_list(viewer=_viewer(request))
    table = DownloadTable(
        title="Teams",
        filename=f"teams-{_stamp(found.computed_on)}",
        columns=tables.TEAMS_COLUMNS,
        rows=found.teams,
    )
    if response := _download(request, {"teams": table}, record_type="teams"):
        return response
    return _page(request, "timescales/teams.html", {"found": found})


@never_cache
@login_required
def team(request: HttpRequest, code: str) -> HttpResponse:
    overview = team_overview(viewer=_viewer(request), team_code=code)
    if "format" in request.GET:  # the page itself may come from the cache: no lists read
        response = _download(
            request, _team_downloads(overview), record_type="team", record_key=code
        )
        assert response is not None
        return response
    return _page(
        request,
        "timescales/team.html",
        {"overview": overview, "cache_seconds": TEAM_PAGE_CACHE_SECONDS},
    )


def _team_downloads(overview: TeamOverview) -> dict[str, DownloadTable[Any]]:
    code, stamp = overview.team.code, _stamp(overview.computed_on)
    return {
        "children": DownloadTable(
            title=f"{code} children",
            filename=f"team-{code}-children-{stamp}",
            columns=tables.TEAM_CHILDREN_COLUMNS,
            rows=overview.lists.children,
            child_id=lambda child: child.child_id,
        ),
        "deadlines": DownloadTable(
            title=f"{code} deadlines",
            filename=f"team-{code}-deadlines-{stamp}",
            columns=tables.TEAM_DEADLINE_COLUMNS,
            rows=overview.lists.deadlines,
            child_id=lambda deadline: deadline.child_id,
        ),
        "caseloads": DownloadTable(
            title=f"{code} caseloads",
            filename=f"team-{code}-caseloads-{stamp}",
            columns=tables.CASELOAD_COLUMNS,
            rows=overview.lists.caseloads,
        ),
        "waiting": DownloadTable(
            title=f"{code} waiting",
            filename=f"team-{code}-waiting-{stamp}",
            columns=tables.WAITING_COLUMNS,
            rows=overview.lists.waiting,
            child_id=lambda case: case.child_id,
        ),
    }


@never_cache
@login_required
def service(request: HttpRequest) -> HttpResponse:
    overview = service_overview(viewer=_viewer(request))
    table = DownloadTable(
        title="Service",
        filename=f"service-{_stamp(overview.computed_on)}",
        columns=tables.SERVICE_COLUMNS,
        rows=[*overview.teams, overview.total],
    )
    if response := _download(request, {"teams": table}, record_type="service"):
        return response
    return _page(request, "timescales/service.html", {"overview": overview})


@never_cache
@login_required
def child(request: HttpRequest, child_id: str) -> HttpResponse:
    viewer = _viewer(request)
    if "format" in request.GET:
        timeline = DownloadTable(
            title=f"{child_id} deadlines",
            filename=f"child-{child_id}-deadlines",
            columns=tables.TIMELINE_COLUMNS,
            rows=child_deadlines_list(viewer=viewer, child_id=child_id),
        )
        response = _download(
            request,
            {"deadlines": timeline},
            record_type="child",
            record_key=child_id,
            child_id=child_id,
        )
        assert response is not None
        return response
    record = child_record_get(viewer=viewer, child_id=child_id)
    failures = child_failures(viewer=viewer, child=record.child)
    summary = child_journey_summary(viewer=viewer, child=record.child)
    referer = request.headers.get("referer", "")
    back = (
        referer
        if referer
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        else ""
    )
    context = {
        "record": record,
        "back": back,
        "failures": failures,
        "summary": summary,
        "steps": steps_offered(record.child, viewer),
        "access_log_allowed": child_access_log_allowed(viewer, record.child),
    }
    return _page(request, "timescales/child.html", context)


SETTINGS_FORMS = {
    "add_closure": ClosureDayAddForm,
    "remove_closure": ClosureDayRemoveForm,
    "set_standard": LocalStandardForm,
}


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def timescale_settings(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    forms: dict[str, Form] = {
        "add_closure": ClosureDayAddForm(),
        "set_standard": LocalStandardForm(initial={"unit": AllowanceUnit.WORKING_DAYS}),
    }
    failed = ""
    if request.method == "POST":
        if not timescale_settings_change_allowed(viewer):
            raise PermissionDenied("Only an administrator can change the timescale settings")
        action = request.POST.get("action", "")
        if action not in SETTINGS_FORMS:
            raise Http404("There is no such change")
        form = SETTINGS_FORMS[action](request.POST)
        if form.is_valid() and _settings_change(request, action, form, viewer):
            return redirect("timescales:settings")
        forms[action] = form
        failed = action
    settings = timescale_settings_get(viewer=viewer)
    lists = {
        "rules": DownloadTable(
            title="Timescales",
            filename="timescale-rules",
            columns=tables.RULE_COLUMNS,
            rows=settings.rules,
        )
    }
    if response := _download(request, lists, record_type="timescales"):
        return response
    return _page(
        request,
        "timescales/settings.html",
        {"settings": settings, "forms": forms, "failed_form": forms.get(failed)},
    )


def _settings_change(request: HttpRequest, action: str, form: Form, viewer: User) -> bool:
    """Call the service for `action`; True when it succeeded, else its errors are on `form`."""
    data = form.cleaned_data
    try:
        if action == "add_closure":
            day = closure_day_add(on=data["on"], reason=data["reason"], acting_user=viewer)
            messages.success(request, f"{_long_date(day.on)} is now a closure day.")
        elif action == "remove_closure":
            closure_day_remove(on=data["on"], acting_user=viewer)
            messages.success(request, f"{_long_date(data['on'])} is no longer a closure day.")
        else:
            setting = local_standard_set(
                rule=data["rule"],
                unit=AllowanceUnit(data["unit"]),
                first=data["first"],
                then=data["then"],
                reason=data["reason"],
                acting_user=viewer,
            )
            messages.success(request, f"{setting.rule} now uses the council's own standard.")
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True
