"""Recording steps (filled in by the stage it names)."""

from lineofsight.journey.steps.base import Step

STEPS: tuple[Step, ...] = ()
