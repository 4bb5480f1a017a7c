"""Every recording step, by its address (`children/<id>/record/<slug>/`), in journey order."""

from lineofsight.accounts.models import User
from lineofsight.journey.steps import (
    children_in_need,
    family,
    front_door,
    looked_after,
    oversight,
    plans_and_permanence,
    protection,
)
from lineofsight.journey.steps.base import Step, StepForm
from lineofsight.people.models import Child

# In the order the record page offers them.
STAGES = (
    front_door,
    children_in_need,
    protection,
    plans_and_permanence,
    looked_after,
    family,
    oversight,
)
STEPS: dict[str, Step] = {step.slug: step for stage in STAGES for step in stage.STEPS}

__all__ = ["STEPS", "Step", "StepForm", "steps_offered"]


def steps_offered(child: Child, user: User) -> list[tuple[str, list[Step]]]:
    """The steps the user can record for the child now, by stage in journey order."""
    stages: dict[str, list[Step]] = {}
    for step in STEPS.values():
        if step.allowed(user) and step.offered(child):
            stages.setdefault(step.stage, []).append(step)
    return list(stages.items())
