"""The pages that manage the organisation around the children: teams and their members, and
new workers and teams.

Thin: each checks the viewer's access, hands the form's answers to the service and renders. A
service's refusal (a `SequenceError` or `ValidationError`) shows as the form's own error and
writes nothing; a `PermissionDenied` is a 403.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.accounts.access import current_on
from lineofsight.accounts.access_people import (
    NOT_PEOPLE_MANAGER,
    NOT_YOUR_TEAM,
    people_manage_allowed,
    team_people_manage_allowed,
)
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.people.forms import (
    MembershipEndForm,
    MembershipStartForm,
    TeamCreateForm,
    WorkerCreateForm,
)
from lineofsight.people.models import Team, TeamMembership, Worker
from lineofsight.people.services import (
    team_create,
    team_membership_end,
    team_membership_start,
    worker_create,
)

MEMBER_ORDER = ("worker__family_name", "worker__given_name", "worker__staff_id")


def _viewer(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required ran first
    return request.user


def _check_manages_people(viewer: User) -> None:
    if not people_manage_allowed(viewer):
        raise PermissionDenied(NOT_PEOPLE_MANAGER)


def _written(form: Form, write: Callable[[], object]) -> bool:
    """Run the service; its refusal becomes the form's error (the service wrote nothing)."""
    try:
        write()
    except SequenceError as refusal:
        form.add_error(None, str(refusal))
    except ValidationError as refusal:
        form.add_error(None, refusal)
    else:
        return True
    return False


def _current_memberships(team: Team) -> QuerySet[TeamMembership]:
    return (
        TeamMembership.objects.filter(current_on(council_today()), team=team)
        .select_related("worker")
        .order_by(*MEMBER_ORDER)
    )


def _workers_who_may_join(team: Team) -> QuerySet[Worker]:
    """Workers still in post who are not current members of the team."""
    today = council_today()
    members = TeamMembership.objects.filter(current_on(today), team=team).values("worker_id")
    return (
        Worker.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
        .exclude(pk__in=members)
        .order_by("family_name", "given_name", "staff_id")
    )


@never_cache
@login_required
@require_GET
def team_list(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    _check_manages_people(viewer)
    current = Prefetch(
        "memberships",
        queryset=TeamMembership.objects.filter(current_on(council_today()))
        .select_related("worker")
        .order_by(*MEMBER_ORDER),
        to_attr="current_members",
    )
    teams = [
        team
        for team in Team.objects.order_by("name", "code").prefetch_related(current)
        if team_people_manage_allowed(viewer, team)
    ]
    return render(request, "people/teams.html", {"teams": teams})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def team_members(request: HttpRequest, code: str) -> HttpResponse:
    viewer = _viewer(request)
    _check_manages_people(viewer)
    team = get_object_or_404(Team, code=code)
    if not team_people_manage_allowed(viewer, team):
        raise PermissionDenied(NOT_YOUR_TEAM)
    action = request.POST.get("action") if request.method == "POST" else None
    memberships = _current_memberships(team)
    joinable = _workers_who_may_join(team)
    start = MembershipStartForm(
        request.POST if action == "start" else None, prefix="start", workers=joinable
    )
    end = MembershipEndForm(
        request.POST if action == "end" else None, prefix="end", memberships=memberships
    )
    if action == "start" and start.is_valid():
        joining = start.cleaned_data["worker"]
        if _written(
            start,
            lambda: team_membership_start(
                worker=joining,
                team=team,
                started_on=start.cleaned_data["started_on"],
                acting_user=viewer,
            ),
        ):
            messages.success(request, f"{joining} is now a member of {team.name}")
            return redirect("people:team", code=team.code)
    if action == "end" and end.is_valid():
        leaving = end.cleaned_data["membership"]
        if _written(
            end,
            lambda: team_membership_end(
                membership=leaving, ended_on=end.cleaned_data["ended_on"], acting_user=viewer
            ),
        ):
            messages.success(request, f"{leaving.worker}'s membership of {team.name} has ended")
            return redirect("people:team", code=team.code)
    context = {
        "team": team,
        "memberships": memberships,
        "start": start,
        "joinable": joinable.exists(),
        "end": end,
        "start_first": next(iter(start), None),
        "end_first": next(iter(end), None),
    }
    return render(request, "people/team.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def team_add(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    _check_manages_people(viewer)
    form = TeamCreateForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and _written(
        form, lambda: team_create(**form.cleaned_data, acting_user=viewer)
    ):
        messages.success(request, f"{form.cleaned_data['name'].strip()} added")
        return redirect("people:team", code=form.cleaned_data["code"])
    return _add_page(request, form, title="Add a team", what="team")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def worker_add(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    _check_manages_people(viewer)
    form = WorkerCreateForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and _written(
        form, lambda: worker_create(**form.cleaned_data, acting_user=viewer)
    ):
        name = f"{form.cleaned_data['given_name']} {form.cleaned_data['family_name']}"
        messages.success(request, f"{name.strip()} added as a worker")
        return redirect("people:teams")
    return _add_page(request, form, title="Add a worker", what="worker")


def _add_page(request: HttpRequest, form: Form, *, title: str, what: str) -> HttpResponse:
    context = {"form": form, "title": title, "what": what, "first_field": next(iter(form), None)}
    return render(request, "people/add.html", context)
