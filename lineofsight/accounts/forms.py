"""The sign-in form: GOV.UK error messages, with the checking done by the sign-in service."""

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from lineofsight.accounts.services import (
    SignInRefusal,
    sign_in_attempt,
    sign_in_lockout,
    sign_in_max_failures,
)

ENTER_USERNAME = "Enter your username"
ENTER_PASSWORD = "Enter your password"  # noqa: S105 (an error message)
WRONG_USERNAME_OR_PASSWORD = "The username or password is not correct"  # noqa: S105
LOCKED_OUT = (
    "You cannot sign in for {minutes} minutes because the password was wrong {failures} times"
    " in a row. Try again after {time}."
)


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": WRONG_USERNAME_OR_PASSWORD,
        "inactive": WRONG_USERNAME_OR_PASSWORD,
        "locked_out": LOCKED_OUT,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = ENTER_USERNAME
        self.fields["password"].error_messages["required"] = ENTER_PASSWORD

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data  # the missing field has its own error
        result = sign_in_attempt(request=self.request, username=username, password=password)
        if result.refusal == SignInRefusal.LOCKED_OUT and result.locked_until is not None:
            raise forms.ValidationError(
                LOCKED_OUT.format(
                    minutes=int(sign_in_lockout().total_seconds() // 60),
                    failures=sign_in_max_failures(),
                    time=_clock_time(result.locked_until),
                ),
                code="locked_out",
            )
        if result.user is None:
            raise forms.ValidationError(WRONG_USERNAME_OR_PASSWORD, code="invalid_login")
        self.user_cache = result.user
        return self.cleaned_data


def _clock_time(moment: datetime) -> str:
    """GOV.UK style: 9:05am, 12:30pm."""
    local = timezone.localtime(moment)
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"
