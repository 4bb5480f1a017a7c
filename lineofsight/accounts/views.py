"""Signing in and out, the signed-in user's account page, and restricted records."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lineofsight.accounts.forms import NameViewerForm, RestrictForm, SignInForm
from lineofsight.accounts.models import RestrictedRecord, User
from lineofsight.accounts.selectors import restrictions_list, user_account_get
from lineofsight.accounts.services import (
    child_record_restrict,
    child_record_restriction_lift,
    restricted_record_name_viewer,
)
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.people.models import Child


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django refuses GET), so a link cannot sign someone out."""


@never_cache
@login_required
def account(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    return render(
        request, "accounts/account.html", {"account": user_account_get(viewer=request.user)}
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def restricted_records(request: HttpRequest) -> HttpResponse:
    """Restrict a record, name another person on one, or lift one; the list of those in force."""
    assert isinstance(request.user, User)
    viewer = request.user
    page = restrictions_list(viewer=viewer)
    restrict = RestrictForm(nameable=page.nameable)
    failed: dict[str, Any] = {}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "restrict":
        restrict = RestrictForm(request.POST, nameable=page.nameable)
        if restrict.is_valid() and _done(restrict, lambda: _restrict(restrict, viewer)):
            return _saved(request, f"{restrict.cleaned_data['child_id']} is restricted")
    elif action in {"lift", "name"}:
        restriction = _restriction_chosen(page.restrictions, request.POST.get("key"))
        child = restriction.child
        form = NameViewerForm(request.POST if action == "name" else None, nameable=page.nameable)
        failed = {"key": restriction.key, "form": form}
        if action == "lift" and _done(
            form, lambda: child_record_restriction_lift(child=child, acting_user=viewer)
        ):
            return _saved(request, f"The restriction on {child.child_id} is lifted")
        if action == "name" and form.is_valid():
            named = User.objects.get(pk=form.cleaned_data["viewer"])
            if _done(
                form,
                lambda: restricted_record_name_viewer(
                    child=child, viewer=named, acting_user=viewer
                ),
            ):
                return _saved(request, f"Another person is named on {child.child_id}")
    context = {
        "page": page,
        "restrict": restrict,
        "failed": failed,
        "name_form": NameViewerForm(nameable=page.nameable),
    }
    return render(request, "accounts/restricted_records.html", context)


def _done(form: Form, write: Callable[[], object]) -> bool:
    """Run the service; a refusal becomes the form's error, and nothing is written."""
    try:
        write()
    except SequenceError as refusal:
        form.add_error(None, str(refusal))
        return False
    return True


def _saved(request: HttpRequest, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("accounts:restricted_records")


def _restrict(form: RestrictForm, viewer: User) -> None:
    data = form.cleaned_data
    child_record_restrict(
        child=Child.objects.get(child_id=data["child_id"]),
        reason=data["reason"],
        viewers=list(User.objects.filter(pk__in=data["viewers"])),
        note=data["note"],
        acting_user=viewer,
    )


def _restriction_chosen(restrictions: list[RestrictedRecord], key: str | None) -> RestrictedRecord:
    for restriction in restrictions:
        if restriction.key == key:
            return restriction
    raise Http404("No restriction in force has that key")
