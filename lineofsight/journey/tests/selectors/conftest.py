"""The selector tests' shared fixtures: today pinned and the usual case."""

from lineofsight.journey.tests.more_builders import _today, case  # noqa: F401 (fixtures)
