"""Recording the child's family and relationships: a family member or other significant
person and how they are related to the child, and the day the child stopped living with
someone they lived with."""

from __future__ import annotations

from lineofsight.core.selectors import council_today
from lineofsight.journey.steps.base import Step, StepForm, key_choice, per_child
from lineofsight.journey.steps.fields import choice_field, date_field, text_field, yes_no_field
from lineofsight.people import services_family as services
from lineofsight.people.constants import RelationshipType, Sex
from lineofsight.people.models import Child, Relationship

STAGE = "Family and relationships"


@per_child
def living_with(child: Child) -> list[Relationship]:
    """The child's relationships with the people they live with now, newest first."""
    return list(
        Relationship.objects.filter(
            child=child, lives_with_child_from__isnull=False, lives_with_child_to__isnull=True
        )
        .select_related("person")
        .order_by("-lives_with_child_from", "-pk")
    )


def relationship_describe(relationship: Relationship) -> str:
    person = relationship.person
    since = relationship.lives_with_child_from
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


class StoppedLivingWithForm(StepForm):
    relationship = key_choice(
        "Who the child stopped living with", error="Select who the child stopped living with"
    )
    lives_with_child_to = date_field("the child stopped living with them")

    def prepare(self) -> None:
        self.offer("relationship", living_with(self.child), relationship_describe)
        self.initial_if_unset(lives_with_child_to=council_today())

    def record(self) -> Relationship:
        relationship = self.chosen(Relationship.objects.filter(child=self.child), "relationship")
        assert relationship is not None
        return services.relationship_end(
            relationship=relationship,
            lives_with_child_to=self.cleaned_data["lives_with_child_to"],
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
        slug="stopped-living-with",
        title="Record that the child stopped living with someone",
        stage=STAGE,
        form=StoppedLivingWithForm,
        done="Recorded that the child stopped living with them",
        offered=lambda child: bool(living_with(child)),
    ),
)
