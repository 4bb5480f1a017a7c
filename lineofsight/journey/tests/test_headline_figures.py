"""headline_figures counts each child once, on the rules its docstring states."""

from dataclasses import asdict
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from lineofsight.journey.selectors import headline_figures
from lineofsight.journey.tests.scenarios import REFERENCE_DATE, headline_scenario

pytestmark = pytest.mark.django_db


def test_empty_database_counts_nothing() -> None:
    figures = headline_figures(viewer=AnonymousUser(), as_of=REFERENCE_DATE)

    assert asdict(figures) == {
        "as_of": REFERENCE_DATE,
        "children_on_record": 0,
        "children_in_need": 0,
        "on_child_protection_plan": 0,
        "looked_after": 0,
        "care_leavers": 0,
    }


def test_counts_children_open_on_the_date() -> None:
    expected = headline_scenario()

    figures = headline_figures(viewer=AnonymousUser(), as_of=REFERENCE_DATE)

    assert asdict(figures) == {"as_of": REFERENCE_DATE, **asdict(expected)}


def test_counts_move_with_the_date() -> None:
    """A year later the 2016 referrals and plans are still open; the short breaks still aren't."""
    headline_scenario()

    figures = headline_figures(viewer=AnonymousUser(), as_of=date(2017, 4, 3))

    assert figures.children_in_need == 4  # child 6 was referred on 3 April
    assert figures.on_child_protection_plan == 2  # child 1's plan started on 1 April
    assert figures.looked_after == 2
    assert figures.care_leavers == 2


def test_care_leaver_ages_handle_29_february() -> None:
    """On 29 February 2016 children 13 (18) and 16 (21) count; child 17 is still 17."""
    headline_scenario()

    figures = headline_figures(viewer=AnonymousUser(), as_of=date(2016, 2, 29))

    assert figures.care_leavers == 2
