"""The returns page: download a whole statutory return from the database."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lineofsight.accounts.access import returns_export_allowed
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.forms import ReturnForm
from lineofsight.returns.services import return_export


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
        return render(request, "returns/returns.html", {"form": form, "today": today})
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
