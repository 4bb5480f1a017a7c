"""The returns pages: download a whole statutory return, and import returns."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lineofsight.accounts.access import returns_export_allowed, returns_import_allowed
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.forms import ImportForm, ReturnForm
from lineofsight.returns.services import return_export, returns_import
from lineofsight.returns.uploads import uploads_saved


@never_cache
@login_required
def returns(request: HttpRequest) -> HttpResponse:
    viewer = request.user
    assert isinstance(viewer, User)
    if not returns_export_allowed(viewer):
        raise PermissionDenied("Only analysts and managers may download whole returns")
    today = council_today()
    if "name" not in request.GET:
        # The latest collection year that has ended: it ends on 31 March.
        ended = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
        form = ReturnForm(initial={"year": min(max(ended, 2017), 2026), "as_of": today})
        context = {"form": form, "today": today, "may_import": returns_import_allowed(viewer)}
        return render(request, "returns/returns.html", context)
    form = ReturnForm(request.GET)
    problem = ""
    if form.is_valid():
        try:
            made = return_export(
                name=form.cleaned_data["name"],
                year=form.cleaned_data.get("year"),
                as_of=form.cleaned_data.get("as_of"),
                acting_user=viewer,
            )
        except ReturnError as error:
            problem = str(error)
        else:
            response = HttpResponse(made.content, content_type=made.content_type)
            response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
            return response
    context = {"form": form, "today": today, "problem": problem}
    return render(request, "returns/returns.html", context, status=400)


@never_cache
@login_required
def returns_import_page(request: HttpRequest) -> HttpResponse:
    """Upload statutory returns: check them, or check and load them, all or nothing."""
    viewer = request.user
    assert isinstance(viewer, User)
    if not returns_import_allowed(viewer):
        raise PermissionDenied("Only analysts and administrators may import returns")
    if request.method != "POST":
        return render(request, "returns/import.html", {"form": ImportForm()})
    form = ImportForm(request.POST, request.FILES)
    context: dict[str, object] = {"form": form}
    if not form.is_valid():
        return render(request, "returns/import.html", context, status=400)
    dry_run = request.POST.get("action") != "load"
    try:
        with uploads_saved(form.cleaned_data["uploads"]) as paths:
            report = returns_import(
                paths=paths, year=form.cleaned_data["year"], dry_run=dry_run, acting_user=viewer
            )
    except ReturnError as error:
        context["problem"] = str(error)
        return render(request, "returns/import.html", context, status=400)
    context.update({"report": report, "form": ImportForm()})
    return render(request, "returns/import.html", context)
