"""Forms for workers, teams and team memberships: input shape and GOV.UK error messages only.

The rules (a staff ID or team code not taken, a membership that does not overlap or end before
it starts, no date in the future) are the services' own: the views show their refusals as the
form's non-field errors.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import RegexValidator

from lineofsight.journey.steps.fields import choice_field, date_field, yes_no_field
from lineofsight.people.constants import ServiceArea, WorkerRole
from lineofsight.people.models import Team, TeamMembership, Worker

ENTER_STAFF_ID = "Enter the worker's staff ID"
STAFF_ID_TOO_LONG = "The worker's staff ID must be 20 characters or fewer"
ENTER_GIVEN_NAME = "Enter the worker's given name"
GIVEN_NAME_TOO_LONG = "The worker's given name must be 100 characters or fewer"
ENTER_FAMILY_NAME = "Enter the worker's family name"
FAMILY_NAME_TOO_LONG = "The worker's family name must be 100 characters or fewer"
CHOOSE_WORKER_ROLE = "Select the worker's role"
CHOOSE_QUALIFIED = "Select yes if the worker is a qualified social worker"
CHOOSE_AGENCY = "Select yes if the worker is employed through an agency"
FTE_NOT_NUMBER = "The worker's full-time equivalent must be a number, like 0.8"
FTE_TOO_PRECISE = "The worker's full-time equivalent must have no more than 2 decimal places"
ENTER_TEAM_CODE = "Enter the team's code"
TEAM_CODE_TOO_LONG = "The team's code must be 20 characters or fewer"
TEAM_CODE_CHARACTERS = "The team's code must use only letters, numbers, hyphens and underscores"
TEAM_CODE_RESERVED = "The team's code cannot be 'new'"
ENTER_TEAM_NAME = "Enter the team's name"
TEAM_NAME_TOO_LONG = "The team's name must be 100 characters or fewer"
CHOOSE_SERVICE_AREA = "Select the team's service area"
CHOOSE_PARENT_TEAM = "Select the team this team is part of"
CHOOSE_JOINING_WORKER = "Select the worker who is joining the team"
CHOOSE_LEAVING_MEMBER = "Select the member who is leaving the team"

# A team's page is `people/teams/<code>/`, beside `people/teams/new/`.
RESERVED_TEAM_CODES = frozenset({"new"})


def _text(label: str, *, max_length: int, required: str, too_long: str, **kwargs: Any) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={"required": required, "max_length": too_long},
        **kwargs,
    )


class WorkerCreateForm(forms.Form):
    staff_id = _text(
        "Staff ID",
        max_length=20,
        required=ENTER_STAFF_ID,
        too_long=STAFF_ID_TOO_LONG,
        help_text="The worker's ID in the council's HR system",
    )
    given_name = _text(
        "Given name", max_length=100, required=ENTER_GIVEN_NAME, too_long=GIVEN_NAME_TOO_LONG
    )
    family_name = _text(
        "Family name", max_length=100, required=ENTER_FAMILY_NAME, too_long=FAMILY_NAME_TOO_LONG
    )
    role = choice_field("Role", WorkerRole.choices, error=CHOOSE_WORKER_ROLE)
    started_on = date_field("the worker started working for the service")
    is_qualified = yes_no_field("Is the worker a qualified social worker?", error=CHOOSE_QUALIFIED)
    is_agency = yes_no_field("Is the worker employed through an agency?", error=CHOOSE_AGENCY)
    fte = forms.DecimalField(
        label="Full-time equivalent",
        required=False,
        max_digits=3,
        decimal_places=2,
        widget=forms.TextInput,
        help_text="For example, 0.8 for four days a week. Leave it blank for full time.",
        error_messages={
            "invalid": FTE_NOT_NUMBER,
            "max_digits": FTE_NOT_NUMBER,
            "max_whole_digits": FTE_NOT_NUMBER,
            "max_decimal_places": FTE_TOO_PRECISE,
        },
    )

    def clean_fte(self) -> Decimal:
        fte: Decimal | None = self.cleaned_data["fte"]
        return Decimal(1) if fte is None else fte


class TeamCreateForm(forms.Form):
    code = _text(
        "Team code",
        max_length=20,
        required=ENTER_TEAM_CODE,
        too_long=TEAM_CODE_TOO_LONG,
        help_text="A short code, for example SAFE3. It is part of the team's web address.",
        validators=[RegexValidator(r"^[A-Za-z0-9_-]+$", TEAM_CODE_CHARACTERS)],
    )
    name = _text("Team name", max_length=100, required=ENTER_TEAM_NAME, too_long=TEAM_NAME_TOO_LONG)
    service_area = choice_field("Service area", ServiceArea.choices, error=CHOOSE_SERVICE_AREA)
    parent = forms.ModelChoiceField(
        label="Part of another team",
        queryset=Team.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="Not part of another team",
        error_messages={"invalid_choice": CHOOSE_PARENT_TEAM},
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if code.lower() in RESERVED_TEAM_CODES:
            raise forms.ValidationError(TEAM_CODE_RESERVED)
        return code


class _WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Worker) -> str:
        return f"{obj} ({obj.staff_id}), {obj.get_role_display().lower()}"


class _MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: TeamMembership) -> str:
        label = f"{obj.worker} ({obj.worker.staff_id}), a member since "
        return f"{label}{obj.started_on.day} {obj.started_on:%B %Y}"


class MembershipStartForm(forms.Form):
    """A worker joining the team; offered from the workers who are not current members."""

    worker = _WorkerChoiceField(
        label="Worker",
        queryset=Worker.objects.none(),
        to_field_name="staff_id",
        empty_label="Select one",
        error_messages={"required": CHOOSE_JOINING_WORKER, "invalid_choice": CHOOSE_JOINING_WORKER},
    )
    started_on = date_field("the worker joined the team")

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers  # type: ignore[attr-defined]


class MembershipEndForm(forms.Form):
    """A member leaving the team; offered from its current members."""

    membership = _MembershipChoiceField(
        label="Member",
        queryset=TeamMembership.objects.none(),
        to_field_name="key",
        empty_label="Select one",
        error_messages={"required": CHOOSE_LEAVING_MEMBER, "invalid_choice": CHOOSE_LEAVING_MEMBER},
    )
    ended_on = date_field("the worker left the team")

    def __init__(self, *args: Any, memberships: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships  # type: ignore[attr-defined]
