"""A restricted child is left out of My work and the Team page for anyone not named, and
two viewers hidden different children never share a cached Team page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts import services
from lineofsight.accounts.models import RestrictionReason
from lineofsight.timescales.tests.scenarios import Scenario

pytestmark = pytest.mark.django_db

TEAM_A = reverse("timescales:team", args=["SFSA"])


def children_listed(html: str) -> set[str]:
    return set(re.findall(r'data-child="([^"]+)"', html))


def restrict_c1_naming(scenario: Scenario, *names: str) -> None:
    services.child_record_restrict(
        child=scenario.child("C1"),
        reason=RestrictionReason.STAFF_CONNECTION,
        viewers=[scenario.user(name) for name in names],
        acting_user=scenario.user("hana"),
    )


def test_my_work_leaves_out_a_restricted_child_the_worker_is_not_named_for(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    assert "C1" in children_listed(
        client_for("sam").get(reverse("timescales:my_work")).content.decode()
    )
    restrict_c1_naming(scenario, "tina")

    listed = children_listed(client_for("sam").get(reverse("timescales:my_work")).content.decode())
    assert "C1" not in listed
    assert "C2" in listed


def test_the_team_page_hides_the_child_from_those_not_named_only(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    # The unrestricted page is rendered and cached first: the restricted views must not reuse it.
    assert "C1" in children_listed(client_for("hana").get(TEAM_A).content.decode())
    restrict_c1_naming(scenario, "tina")

    assert "C1" not in children_listed(client_for("hana").get(TEAM_A).content.decode())
    assert "C1" in children_listed(client_for("tina").get(TEAM_A).content.decode())
    assert "C1" not in children_listed(client_for("hana").get(TEAM_A).content.decode())
