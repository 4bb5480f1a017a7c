"""The frame schema is generated from the Django models and agrees with them."""

from django.apps import apps

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.frame_tables import (
    FRAME_MODELS,
    render_schema_module,
    schemas_from_models,
)
from lineofsight.journey.management.commands.frames_schema import TARGET

# Models that are not part of the child's journey frames: governance, accounts, audit.
NOT_FRAMES = {
    "core.auditevent",
    "core.council",
    "accounts.user",
    "accounts.signinthrottle",
    # who may see a restricted record: access control, not the child's journey
    "accounts.restrictedrecord",
    "accounts.restrictedviewer",
    "indicators.indicatorvalue",
    "indicators.benchmarkvalue",
    "reports.improvementaction",
    # board packs as presented, and managers' commentary on them
    "reports.scorecardsnapshot",
    "reports.scorecardcommentary",
    # the timescale engine's output and a council's settings, not journey records
    "timescales.deadline",
    "timescales.caseloadentry",
    "timescales.closureday",
    "timescales.localstandardsetting",
    # the validation engine's output, stored for the pages
    "validation.validationfailure",
}


def test_generated_schema_module_is_current():
    assert TARGET.read_text() == render_schema_module()


def test_generated_schema_equals_the_models():
    assert schemas_from_models() == TABLES


def test_every_journey_model_is_a_frame():
    framed = {model._meta.label_lower for _, model in FRAME_MODELS}
    ours = {
        m._meta.label_lower
        for m in apps.get_models()
        if m.__module__.startswith("lineofsight.") and m._meta.label_lower not in NOT_FRAMES
    }
    assert ours - framed == set(), "add the model to FRAME_MODELS or NOT_FRAMES"


def test_references_point_at_tables_loaded_earlier_or_themselves():
    order = list(TABLES)
    for position, (name, table) in enumerate(TABLES.items()):
        for column in table.columns:
            if column.references:
                assert order.index(column.references) <= position, (name, column.name)


def test_canonical_names_from_the_journey_model():
    assert TABLES["referral"].column("referred_on").dtype == "Date"
    assert TABLES["cp_plan"].column("started_on").dtype == "Date"
    assert "E11" in TABLES["cla_episode"].column("reason_ceased").codes
    assert TABLES["missing_episode"].column("started_at").dtype == "Datetime"
    assert TABLES["assessment"].column("referral_id").references == "referral"
