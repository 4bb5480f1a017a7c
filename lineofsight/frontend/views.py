"""Public pages: the council's headline figures and what the data is."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lineofsight.core.lait import LAIT_SOURCE
from lineofsight.core.selectors import council_get
from lineofsight.frontend.headlines import HeadlineCard, headline_cards
from lineofsight.journey.selectors import headline_figures

LOAD_COMMAND = "lineofsight synth --la Walsall --year 2017 --seed 1"
DEMO_USERS_COMMAND = "lineofsight demo-users"


def home(request: HttpRequest) -> HttpResponse:
    council = council_get()
    cards: list[HeadlineCard] = []
    if council is not None:
        figures = headline_figures(viewer=request.user, as_of=council.reference_date)
        if figures.children_on_record:
            cards = headline_cards(council=council, figures=figures)
    return render(
        request,
        "frontend/home.html",
        {
            "as_of": council.reference_date if council else None,
            "cards": cards,
            "load_command": LOAD_COMMAND,
            "demo_users_command": DEMO_USERS_COMMAND,
        },
    )


def about(request: HttpRequest) -> HttpResponse:
    council = council_get()
    population = council.child_population if council else None
    return render(
        request,
        "frontend/about.html",
        {
            "child_population": f"{population:,}" if population else "",
            "lait_source": LAIT_SOURCE,
            "load_command": LOAD_COMMAND,
        },
    )
