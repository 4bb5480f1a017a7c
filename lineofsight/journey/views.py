"""The recording pages and the child's chronology. Thin: each finds the child through the
access check, hands the form to its step and the step to its service, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lineofsight.accounts.access import child_get_for_viewer
from lineofsight.accounts.models import User
from lineofsight.accounts.selectors_audit import child_access_log
from lineofsight.journey.domain.chronology import KINDS
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.journey.selectors import chronology_export, chronology_of_child
from lineofsight.journey.steps import STEPS

STEP_NOT_YOURS = "Your role does not record this"


def _viewer(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required ran first
    return request.user


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def step_record(request: HttpRequest, child_id: str, slug: str) -> HttpResponse:
    step = STEPS.get(slug)
    if step is None:
        raise Http404("No such recording page")
    viewer = _viewer(request)
    if not step.allowed(viewer):
        raise PermissionDenied(STEP_NOT_YOURS)
    child = child_get_for_viewer(viewer, child_id)
    data = request.POST if request.method == "POST" else None
    form = step.form(data, child=child, acting_user=viewer)
    if data is not None and form.is_valid():
        try:
            form.record()
        except SequenceError as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, step.done)
            return redirect(reverse("timescales:child", args=[child.child_id]) + "#journey")
    context = {
        "step": step,
        "form": form,
        "child": child,
        "first_field": next(iter(form), None),
    }
    return render(request, "journey/step.html", context)


@never_cache
@login_required
def chronology(request: HttpRequest, child_id: str) -> HttpResponse:
    viewer = _viewer(request)
    chosen = [kind for kind in request.GET.getlist("kind") if kind]
    unknown = set(chosen) - set(KINDS)
    if unknown:
        raise Http404("No such kind of event")
    if request.GET.get("format") == "csv":
        text = chronology_export(viewer=viewer, child_id=child_id, kinds=chosen or None)
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="chronology-{child_id}.csv"'
        return response
    child, entries = chronology_of_child(viewer=viewer, child_id=child_id, kinds=chosen or None)
    context = {
        "child": child,
        "entries": entries,
        "kinds": [(kind, label, kind in chosen) for kind, label in KINDS.items()],
        "chosen": chosen,
        "query": request.GET.urlencode(),
    }
    return render(request, "journey/chronology.html", context)


# The newest entries the page lists; the rest are counted.
ACCESS_LOG_SHOWN = 500


@never_cache
@login_required
def who_viewed(request: HttpRequest, child_id: str) -> HttpResponse:
    viewer = _viewer(request)
    child = child_get_for_viewer(viewer, child_id)
    entries = child_access_log(viewer=viewer, child=child)
    context = {
        "child": child,
        "entries": entries[:ACCESS_LOG_SHOWN],
        "total": len(entries),
        "people": len({entry.username for entry in entries if entry.username}),
    }
    return render(request, "journey/who_viewed.html", context)
