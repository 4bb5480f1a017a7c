"""The recording-page tests' shared fixtures: today pinned, the usual case and its social
worker signed in."""

from lineofsight.journey.tests.more_builders import _today, case  # noqa: F401 (fixtures)
from lineofsight.journey.tests.views.pages import worker  # noqa: F401 (a fixture)
