"""The sign-in form, and the forms restricting a record: GOV.UK error messages, with the checking
done by the services."""

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from lineofsight.accounts.models import RestrictionReason
from lineofsight.accounts.services import (
    SignInRefusal,
    sign_in_attempt,
    sign_in_lockout,
    sign_in_max_failures,
)
from lineofsight.people.models import Child

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


# ---- restricted records ------------------------------------------------------------------------

ENTER_CHILD_ID = "Enter the child's ID"
NO_SUCH_CHILD = "No child has that ID"
CHOOSE_REASON = "Select why the record is restricted"
CHOOSE_PEOPLE = "Select the people who may still see the record"
CHOOSE_PERSON = "Select the person to name"


def _user_choices(users: list[Any]) -> list[tuple[str, str]]:
    return [
        (str(user.pk), f"{user.get_full_name() or user.username} ({user.get_role_display()})")
        for user in users
    ]


class RestrictForm(forms.Form):
    child_id = forms.CharField(
        label="Child ID", max_length=20, error_messages={"required": ENTER_CHILD_ID}
    )
    reason = forms.ChoiceField(
        label="Why the record is restricted",
        choices=RestrictionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_REASON, "invalid_choice": CHOOSE_REASON},
    )
    note = forms.CharField(
        label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    viewers = forms.MultipleChoiceField(
        label="Who may still see the record",
        help_text="Only the people named see it, a head of service too; each still needs their "
        "own access to the child (an allocation, their team)",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CHOOSE_PEOPLE, "invalid_choice": CHOOSE_PEOPLE},
    )

    def __init__(self, *args: Any, nameable: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["viewers"].choices = _user_choices(nameable)  # type: ignore[attr-defined]

    def clean_child_id(self) -> str:
        child_id = str(self.cleaned_data["child_id"]).strip()
        if not Child.objects.filter(child_id=child_id).exists():
            raise forms.ValidationError(NO_SUCH_CHILD)
        return child_id


class NameViewerForm(forms.Form):
    viewer = forms.ChoiceField(
        label="Name another person",
        error_messages={"required": CHOOSE_PERSON, "invalid_choice": CHOOSE_PERSON},
    )

    def __init__(self, *args: Any, nameable: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["viewer"].choices = [("", "Select one"), *_user_choices(nameable)]  # type: ignore[attr-defined]
