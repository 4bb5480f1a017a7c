"""The home page's headline figures, ready to show: counts, rates and published comparators."""

from dataclasses import dataclass

from lineofsight.core.domain.rates import rate_per_10k
from lineofsight.core.lait import lait_value
from lineofsight.core.models import Council
from lineofsight.journey.selectors import HeadlineFigures


@dataclass(frozen=True, kw_only=True)
class PublishedFigure:
    label: str
    value: str


@dataclass(frozen=True, kw_only=True)
class HeadlineCard:
    slug: str
    title: str
    count: str
    rate: str
    published: tuple[PublishedFigure, ...]


@dataclass(frozen=True, kw_only=True)
class _Headline:
    slug: str
    title: str
    field: str  # on HeadlineFigures
    published_count: str = ""  # LAIT measure codes
    published_rate: str = ""
    published_count_label: str = "Published number"


HEADLINES = (
    _Headline(
        slug="children-in-need",
        title="Children in need",
        field="children_in_need",
        published_rate="CIN",
    ),
    _Headline(
        slug="child-protection-plans",
        title="Children on child protection plans",
        field="on_child_protection_plan",
        published_count="CPP_Num",
        published_rate="CPP_rate",
    ),
    _Headline(
        slug="looked-after",
        title="Children looked after",
        field="looked_after",
        published_count="LACnum",
        published_rate="LAC",
    ),
    _Headline(
        slug="care-leavers",
        title="Care leavers",
        field="care_leavers",
        published_count="NoCareLeavers",
        published_count_label="Published number aged 19 to 21",
    ),
)


def headline_cards(*, council: Council, figures: HeadlineFigures) -> list[HeadlineCard]:
    """One card per headline, with the DfE's published figures beside a synthetic council's."""
    cards = []
    for headline in HEADLINES:
        count: int = getattr(figures, headline.field)
        rate = rate_per_10k(count, council.child_population)
        cards.append(
            HeadlineCard(
                slug=headline.slug,
                title=headline.title,
                count=f"{count:,}",
                rate="Not known" if rate is None else f"{rate:,.1f}",
                published=_published(council, headline) if council.is_synthetic else (),
            )
        )
    return cards


def _published(council: Council, headline: _Headline) -> tuple[PublishedFigure, ...]:
    shown = []
    for code, label in (
        (headline.published_count, headline.published_count_label),
        (headline.published_rate, "Published rate per 10,000 children"),
    ):
        if not code:
            continue
        value = lait_value(
            la_number=council.la_number,
            la_name=council.name,
            year=council.reference_date.year,
            measure=code,
        )
        shown.append(
            PublishedFigure(label=label, value="Not published" if value is None else _number(value))
        )
    return tuple(shown)


def _number(value: float) -> str:
    """As published: whole numbers without a decimal point, rates to one place."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"
