"""Recording at the front door: a contact, and the decision on it."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import ContactOutcome, ReferralSource, ThresholdLevel
from lineofsight.journey.models import Contact
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.fields import GovukTimeField, choice_field, date_field, moment
from lineofsight.people.models import Child

STAGE = "Front door"


@per_child
def _undecided(child: Child) -> list[Contact]:
    return list(child.contacts.filter(decision_at__isnull=True).order_by("-received_at"))


def contact_describe(contact: Contact) -> str:
    received = timezone.localtime(contact.received_at)
    return f"Received {received:%-d %B %Y at %H:%M} from {contact.get_source_display().lower()}"


class ContactForm(StepForm):
    received_on = date_field("the contact was received")
    received_time = GovukTimeField(what="the contact was received", label="Time received")
    source = choice_field(
        "Who made the contact", ReferralSource.choices, error="Select who made the contact"
    )
    concerns = forms.CharField(
        label="What the concerns are",
        max_length=200,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The concerns must be 200 characters or fewer"},
    )
    threshold_level = choice_field(
        "Level of need, if known",
        ThresholdLevel.choices,
        error="Select the level of need",
        required=False,
    )
    is_mash = forms.BooleanField(label="Received through the MASH", required=False)

    def prepare(self) -> None:
        self.initial_if_unset(received_on=council_today())

    def record(self) -> Contact:
        data = self.cleaned_data
        return services.contact_record(
            child=self.child,
            received_at=moment(data["received_on"], data["received_time"]),
            source=data["source"],
            concerns=data["concerns"],
            threshold_level=data["threshold_level"] or "",
            is_mash=data["is_mash"],
            acting_user=self.acting_user,
        )


class ContactDecisionForm(StepForm):
    contact = key_choice("Which contact", error="Select the contact decided on")
    decided_on = date_field("of the decision")
    decided_time = GovukTimeField(what="of the decision", label="Time of the decision")
    outcome = choice_field(
        "What was decided", ContactOutcome.choices, error="Select what was decided"
    )
    threshold_level = choice_field(
        "Level of need", ThresholdLevel.choices, error="Select the level of need", required=False
    )

    def prepare(self) -> None:
        self.offer("contact", _undecided(self.child), contact_describe)
        self.initial_if_unset(decided_on=council_today())

    def record(self) -> Contact:
        data = self.cleaned_data
        contact = self.chosen(Contact.objects.filter(child=self.child), "contact")
        assert contact is not None
        return services.contact_decide(
            contact=contact,
            decision_at=moment(data["decided_on"], data["decided_time"]),
            outcome=data["outcome"],
            threshold_level=data["threshold_level"] or None,
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="contact",
        title="Record a contact",
        stage=STAGE,
        form=ContactForm,
        done="Contact recorded",
    ),
    Step(
        slug="contact-decision",
        title="Record the decision on a contact",
        stage=STAGE,
        form=ContactDecisionForm,
        done="Decision on the contact recorded",
        offered=lambda child: bool(_undecided(child)),
    ),
)
