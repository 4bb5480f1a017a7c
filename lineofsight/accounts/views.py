"""Signing in and out, and the signed-in user's account page."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lineofsight.accounts.forms import SignInForm
from lineofsight.accounts.models import User
from lineofsight.accounts.selectors import user_account_get


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
