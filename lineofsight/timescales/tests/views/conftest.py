"""Fixtures for the timescales pages: the service's today pinned, a fresh cache, a scenario."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_django.fixtures import Settings

from lineofsight.timescales.tests.scenarios import TODAY, Scenario, team_scenario


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """The Team page caches what it renders under the deadlines' version; test databases reuse
    row IDs, so one test's page must not be served to the next."""
    cache.clear()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


@pytest.fixture
def client_for(scenario: Scenario) -> Callable[[str], Client]:
    """A client signed in as one of the scenario's users (by name: "sam", "tina", …)."""

    def signed_in(name: str) -> Client:
        client = Client()
        client.force_login(scenario.user(name))
        return client

    return signed_in
