"""Which Django model is which journey frame, and how a model's fields become columns.

This is the one place that ties the declaration (the Django models) to the frames;
`domain/frame_schema.py` is generated from it.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from lineofsight.journey import models as journey
from lineofsight.journey.domain.frames import Column, TableSchema
from lineofsight.people import models as people

# Parents before children, so frames load in this order.
FRAME_MODELS: tuple[tuple[str, type[models.Model]], ...] = (
    ("team", people.Team),
    ("worker", people.Worker),
    ("team_membership", people.TeamMembership),
    ("child", people.Child),
    ("child_disability", people.ChildDisability),
    ("person", people.Person),
    ("relationship", people.Relationship),
    ("household_period", people.HouseholdPeriod),
    ("allocation", people.Allocation),
    ("contact", journey.Contact),
    ("referral", journey.Referral),
    ("early_help_episode", journey.EarlyHelpEpisode),
    ("assessment", journey.Assessment),
    ("assessment_factor", journey.AssessmentFactorRecord),
    ("cin_plan", journey.CINPlan),
    ("cin_plan_review", journey.CINPlanReview),
    ("strategy_discussion", journey.StrategyDiscussion),
    ("section47_enquiry", journey.Section47Enquiry),
    ("cp_plan", journey.ChildProtectionPlan),
    ("conference", journey.Conference),
    ("core_group", journey.CoreGroup),
    ("visit", journey.Visit),
    ("cla_episode", journey.CLAEpisode),
    ("cla_review", journey.CLAReview),
    ("health_check", journey.HealthCheck),
    ("education_plan", journey.EducationPlan),
    ("missing_episode", journey.MissingEpisode),
    ("legal_proceeding", journey.LegalProceeding),
    ("youth_justice_outcome", journey.YouthJusticeOutcome),
    ("adoption", journey.Adoption),
    ("adopter_household", journey.AdopterHousehold),
    ("previous_permanence", journey.PreviousPermanence),
    ("care_leaver_status", journey.CareLeaverStatus),
    ("private_fostering_arrangement", journey.PrivateFosteringArrangement),
    ("supervision", journey.Supervision),
    ("supervision_discussion", journey.SupervisionDiscussion),
    ("decision", journey.Decision),
    ("case_note", journey.CaseNote),
    ("case_audit", journey.CaseAudit),
    ("complaint", journey.Complaint),
)

NATURAL_KEYS: dict[type[models.Model], str] = {
    people.Child: "child_id",
    people.Worker: "staff_id",
    people.Team: "code",
}
BOOKKEEPING = {"id", "created_at", "updated_at"}

_DTYPES: tuple[tuple[type[models.Field[Any, Any]], str], ...] = (
    (models.DateTimeField, "Datetime"),
    (models.DateField, "Date"),
    (models.BooleanField, "Boolean"),
    (models.IntegerField, "Int64"),
    (models.DecimalField, "Float64"),
    (models.FloatField, "Float64"),
    (models.CharField, "String"),
    (models.TextField, "String"),
)


def natural_key(model: type[models.Model]) -> str:
    return NATURAL_KEYS.get(model, "key")


def table_name(model: type[models.Model]) -> str:
    for name, candidate in FRAME_MODELS:
        if candidate is model:
            return name
    raise KeyError(f"{model.__name__} is not a journey frame")


def frame_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f.name not in BOOKKEEPING]


def column_for(field: models.Field[Any, Any]) -> Column:
    if isinstance(field, models.ForeignKey):
        return Column(
            name=f"{field.name}_id",
            dtype="String",
            nullable=field.null,
            references=table_name(field.related_model),
        )
    for django_type, dtype in _DTYPES:
        if isinstance(field, django_type):
            codes = tuple(str(value) for value, _ in field.choices) if field.choices else None
            # Blank text is held as null in frames, so optional text columns are nullable.
            nullable = field.null or (dtype == "String" and field.blank)
            # Code columns are checked against their codes; other text against its length,
            # which SQLite would not enforce but PostgreSQL does.
            limit = (
                field.max_length if codes is None and isinstance(field, models.CharField) else None
            )
            return Column(
                name=field.name, dtype=dtype, nullable=nullable, codes=codes, max_length=limit
            )
    raise TypeError(
        f"{field.model.__name__}.{field.name}: no frame type for {type(field).__name__}"
    )


def schemas_from_models() -> dict[str, TableSchema]:
    return {
        name: TableSchema(
            name=name,
            key=natural_key(model),
            columns=tuple(column_for(field) for field in frame_fields(model)),
        )
        for name, model in FRAME_MODELS
    }


def render_schema_module() -> str:
    lines = [
        '"""Journey frame tables. GENERATED from the Django models by',
        "`lineofsight frames-schema --write`; do not edit by hand.",
        '"""',
        "",
        "from lineofsight.journey.domain.frames import Column, TableSchema",
        "",
        "TABLES: dict[str, TableSchema] = {",
    ]
    for name, table in schemas_from_models().items():
        lines.append(f"    {name!r}: TableSchema(")
        lines.append(f"        name={name!r},")
        lines.append(f"        key={table.key!r},")
        lines.append("        columns=(")
        for c in table.columns:
            args = [f"name={c.name!r}", f"dtype={c.dtype!r}", f"nullable={c.nullable}"]
            if c.codes is not None:
                args.append(f"codes={c.codes!r}")
            if c.references is not None:
                args.append(f"references={c.references!r}")
            if c.max_length is not None:
                args.append(f"max_length={c.max_length}")
            lines.append(f"            Column({', '.join(args)}),")
        lines.append("        ),")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"
