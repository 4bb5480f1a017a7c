"""The public home page: headline figures at 31 March, or how to load data."""

import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.journey.tests.scenarios import council_create, headline_scenario

pytestmark = pytest.mark.django_db


def page(client: Client, name: str) -> str:
    """The page's HTML, with typographic apostrophes and dashes made plain for matching."""
    response = client.get(reverse(name))
    assert response.status_code == 200
    html: str = response.content.decode()
    return html.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").replace("\N{EN DASH}", "-")


def card(html: str, slug: str) -> str:
    """The text of one headline card, tags stripped and spaces squeezed."""
    match = re.search(rf'data-headline="{slug}">(.*?)</dl>', html, re.S)
    assert match, f"no {slug} card"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_home_page_with_an_empty_database_explains_how_to_load_data(client: Client) -> None:
    html = page(client, "frontend:home")

    assert "No children's records have been loaded yet" in html
    assert "lineofsight synth --la Walsall --year 2017 --seed 1" in html
    assert "data-headline" not in html
    assert 'href="/accounts/sign-in/"' in html
    assert 'href="/about/"' in html


def test_home_page_with_a_council_but_no_children_still_explains(client: Client) -> None:
    council_create()

    html = page(client, "frontend:home")

    assert "No children's records have been loaded yet" in html
    assert "Synthetic data" in html  # the phase banner


def test_home_page_shows_counts_and_rates_at_31_march(client: Client) -> None:
    council_create(child_population=20_000)
    expected = headline_scenario()

    html = page(client, "frontend:home")

    assert "Children's social care at 31 March 2017" in html
    assert card(html, "children-in-need").startswith(
        "Children in need Number at 31 March 2017 "
        f"{expected.children_in_need} Rate per 10,000 children 1.5"
    )
    assert card(html, "child-protection-plans").startswith(
        "Children on child protection plans Number at 31 March 2017 1 Rate per 10,000 children 0.5"
    )
    assert card(html, "looked-after").startswith(
        "Children looked after Number at 31 March 2017 2 Rate per 10,000 children 1.0"
    )
    assert card(html, "care-leavers").startswith(
        "Care leavers Number at 31 March 2017 2 Rate per 10,000 children 1.0"
    )


def test_synthetic_council_shows_the_published_dfe_figures_beside(client: Client) -> None:
    """Walsall's published figures for 2016-17, read from the shared LAIT data."""
    council_create()
    headline_scenario()

    html = page(client, "frontend:home")

    assert "Published rate per 10,000 children 392.3" in card(html, "children-in-need")
    assert "Published number 333 Published rate per 10,000 children 50.4" in card(
        html, "child-protection-plans"
    )
    assert "Published number 645 Published rate per 10,000 children 97" in card(
        html, "looked-after"
    )
    assert "Published number aged 19 to 21 120" in card(html, "care-leavers")


def test_real_council_shows_no_published_figures_or_synthetic_banner(client: Client) -> None:
    council_create(is_synthetic=False)
    headline_scenario()

    html = page(client, "frontend:home")

    assert "Published" not in card(html, "children-in-need")
    assert "Synthetic data" not in html


def test_rate_is_not_known_without_a_child_population(client: Client) -> None:
    council_create(child_population=None)
    headline_scenario()

    html = page(client, "frontend:home")

    assert "Rate per 10,000 children Not known" in card(html, "children-in-need")


def test_page_is_a_gov_uk_page_in_british_english(client: Client) -> None:
    council_create()

    html = page(client, "frontend:home")

    assert '<html lang="en-GB" class="govuk-template">' in html
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert "govuk/govuk-frontend.min.css" in html
    assert "<title>Home - Line of Sight - Walsall</title>" in html
    headings = re.findall(r"<h([1-6])", html)
    assert headings[0] == "1"
    assert headings.count("1") == 1
    assert all(int(b) - int(a) <= 1 for a, b in itertools.pairwise(headings))
    assert "<script>" not in html  # no inline scripts: the CSP allows none


def test_about_page_describes_the_synthetic_council_and_sources(client: Client) -> None:
    council_create()

    html = page(client, "frontend:about")

    assert "Walsall in this service is a synthetic council" in html
    assert "Random seed" in html
    assert ">1<" in html
    assert "31 March 2017" in html
    assert "Local Authority Interactive Tool" in html
    assert "10,000</dd>" in html  # the child population


def test_about_page_without_data(client: Client) -> None:
    html = page(client, "frontend:about")

    assert "No data has been loaded yet" in html
