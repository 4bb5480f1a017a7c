"""Recording the child's family and relationships: a family member or other significant
person and how they are related to the child, and the days the child started and stopped
living with someone (again, when a child goes home to a parent they lived with before)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from lineofsight.core.selectors import council_today
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.fields import choice_field, date_field, text_field, yes_no_field
from lineofsight.people import services_family as services
from lineofsight.people.constants import RelationshipType, Sex
from lineofsight.people.models import Child, HouseholdPeriod, Relationship

STAGE = "Family and relationships"


def _relationships(child: Child, *, living_with_now: bool) -> list[Relationship]:
    open_period = HouseholdPeriod.objects.filter(relationship=OuterRef("pk"), ended_on__isnull=True)
    return list(
        Relationship.objects.filter(child=child)
        .filter(Exists(open_period) if living_with_now else ~Exists(open_period))
        .select_related("person")
        .prefetch_related("household_periods")
        .order_by("person__family_name", "person__given_name", "pk")
    )


@per_child
def living_with(child: Child) -> list[Relationship]:
    """The child's relationships with the people they live with now."""
    return _relationships(child, living_with_now=True)


@per_child
def not_living_with(child: Child) -> list[Relationship]:
    """The child's relationships with the people they do not live with now."""
    return _relationships(child, living_with_now=False)


def relationship_describe(relationship: Relationship) -> str:
    person = relationship.person
    since = relationship.living_with_since
    living = f", living with the child since {since:%-d %B %Y}" if since else ""
    return (
        f"{person.given_name} {person.family_name} "
        f"({relationship.get_relationship_type_display()}){living}"
    )


class PersonAddForm(StepForm):
    relationship_type = choice_field(
        "How they are related to the child",
        RelationshipType.choices,
        error="Select how the person is related to the child",
    )
    given_name = text_field(
        "Given name", max_length=100, what="given name", error="Enter the person's given name"
    )
    family_name = text_field(
        "Family name", max_length=100, what="family name", error="Enter the person's family name"
    )
    born_on = date_field("of birth", required=False)
    sex = choice_field("Sex", Sex.choices, error="Select the person's sex")
    address = text_field(
        "Address",
        max_length=200,
        what="address",
        hint="Filled in with the child's address: change it if they live somewhere else",
    )
    postcode = text_field("Postcode", max_length=8, what="postcode")
    has_parental_responsibility = yes_no_field(
        "Do they have parental responsibility for the child",
        error="Select whether the person has parental responsibility for the child",
    )
    lives_with_child_from = date_field(
        "the child started living with them",
        required=False,
        hint="Leave this blank if the child does not live with them. For example, 17 5 2010",
    )

    def prepare(self) -> None:
        self.initial_if_unset(
            family_name=self.child.family_name or None,
            address=self.child.address or None,
            postcode=self.child.home_postcode or None,
            sex=Sex.UNKNOWN,
        )

    def record(self) -> Relationship:
        data = self.cleaned_data
        return services.relationship_record(
            child=self.child,
            relationship_type=data["relationship_type"],
            new_person=services.NewPerson(
                given_name=data["given_name"],
                family_name=data["family_name"],
                born_on=data["born_on"],
                sex=data["sex"],
                address=data["address"],
                postcode=data["postcode"],
            ),
            has_parental_responsibility=data["has_parental_responsibility"],
            lives_with_child_from=data["lives_with_child_from"],
            acting_user=self.acting_user,
        )


class StartedLivingWithForm(StepForm):
    relationship = key_choice(
        "Who the child started living with", error="Select who the child started living with"
    )
    started_on = date_field(
        "the child started living with them",
        hint="For a child going home, the day they went home. For example, 27 3 2017",
    )

    def prepare(self) -> None:
        self.offer("relationship", not_living_with(self.child), relationship_describe)
        self.initial_if_unset(started_on=council_today())

    def record(self) -> HouseholdPeriod:
        relationship = self.chosen(Relationship.objects.filter(child=self.child), "relationship")
        assert relationship is not None
        return services.household_period_start(
            relationship=relationship,
            started_on=self.cleaned_data["started_on"],
            acting_user=self.acting_user,
        )


class StoppedLivingWithForm(StepForm):
    relationship = key_choice(
        "Who the child stopped living with", error="Select who the child stopped living with"
    )
    lives_with_child_to = date_field("the child stopped living with them")

    def prepare(self) -> None:
        self.offer("relationship", living_with(self.child), relationship_describe)
        self.initial_if_unset(lives_with_child_to=council_today())

    def record(self) -> HouseholdPeriod:
        relationship = self.chosen(Relationship.objects.filter(child=self.child), "relationship")
        assert relationship is not None
        return services.household_period_end(
            relationship=relationship,
            ended_on=self.cleaned_data["lives_with_child_to"],
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="family-member-add",
        title="Add a family member or other person",
        stage=STAGE,
        form=PersonAddForm,
        done="Person added to the child's family and relationships",
        description="A parent, carer, sibling or other significant person, and how they are "
        "related to the child.",
    ),
    Step(
        slug="started-living-with",
        title="Record that the child started living with someone",
        stage=STAGE,
        form=StartedLivingWithForm,
        done="Recorded that the child started living with them",
        offered=lambda child: bool(not_living_with(child)),
        description="Someone already in the child's family and relationships: for the first "
        "time, or again (a child going home from care).",
    ),
    Step(
        slug="stopped-living-with",
        title="Record that the child stopped living with someone",
        stage=STAGE,
        form=StoppedLivingWithForm,
        done="Recorded that the child stopped living with them",
        offered=lambda child: bool(living_with(child)),
    ),
)
