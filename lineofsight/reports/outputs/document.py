"""A scorecard as a board paper: one standalone HTML document, and that document as a PDF.

    html = scorecard_html(card, commentary)   # inline CSS and SVG: nothing fetched
    pdf = scorecard_pdf(card, commentary)     # A4, through WeasyPrint

The paper has a cover (council, board, period, date produced, OFFICIAL marking, source and
code version), a contents list, an executive summary (how many indicators are green, amber and
red, which are red, and every figure at a glance), then each section on a new page: for each
indicator its figures and comparators, trend chart, what it counts, and the commentary (or a
ruled box to write it in). The RAG status is always written as well as coloured.

Every figure is formatted here, in Python, so the templates
(`reports/pack_document.html` and `reports/includes/pack_*.html`) only lay it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from lineofsight.indicators.definitions.base import Polarity, Unit
from lineofsight.indicators.domain.benchmarks import Comparators
from lineofsight.reports.domain.charts import count_text, trend_chart_svg, value_text
from lineofsight.reports.domain.scorecard import Line, Scorecard, Section
from lineofsight.reports.outputs.commentary import (
    Commentary,
    commentary_for,
    local_time,
    long_date,
)

TEMPLATE = "reports/pack_document.html"
# Drawn beside the figures: about 95 mm wide, so 1 unit is about 0.24 mm (12 units 8 pt).
CHART_WIDTH = 400
CHART_HEIGHT = 200
NOT_PUBLISHED = "Not published"
RAG_TEXT = {"green": "Green", "amber": "Amber", "red": "Red"}
POLARITY_TEXT: dict[str, str] = {
    Polarity.HIGHER: "Higher is better",
    Polarity.LOWER: "Lower is better",
    Polarity.NEITHER: "Neither higher nor lower is better",
}
QUARTILE_TEXT = {
    "A": "A (the best quarter of councils)",
    "B": "B",
    "C": "C",
    "D": "D (the lowest-ranked quarter of councils)",
}


@dataclass(frozen=True)
class IndicatorView:
    anchor: str
    ref: str
    title: str
    description: str
    note: str
    polarity: str
    value: str
    counted: str
    target: str
    rag: str  # "green", "amber", "red" or "" (not rated)
    rag_text: str
    published: str
    published_label: str
    england: str
    region: str
    region_label: str
    neighbours: str
    quartile: str
    comparators_note: str
    chart: SafeString
    commentary: Commentary | None
    commentary_date: str
    glance: GlanceFigures


@dataclass(frozen=True)
class GlanceFigures:
    """The compact figures of the at-a-glance table (an en dash for none published)."""

    value: str
    target: str
    england: str
    neighbours: str


@dataclass(frozen=True)
class SectionView:
    number: int
    anchor: str
    title: str
    indicators: tuple[IndicatorView, ...]
    commentary: Commentary | None
    commentary_date: str


@dataclass(frozen=True)
class RagCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class GlanceRow:
    section: str
    indicator: IndicatorView


def _anchor(*parts: str) -> str:
    return "-".join("".join(c if c.isalnum() or c == "_" else "-" for c in part) for part in parts)


def _counted(line: Line) -> str:
    """Numerator and denominator as a reader takes them in."""
    if line.numerator is None and line.denominator is None:
        return NOT_PUBLISHED
    if line.unit == Unit.RATE_PER_10K:
        # The denominator of a rate is the population in tens of thousands.
        if line.denominator is None:
            return f"{count_text(line.numerator)} (no population estimate)"
        population = count_text(round(line.denominator * 10_000))
        return f"{count_text(line.numerator)} / {population} children"
    return f"{count_text(line.numerator)} / {count_text(line.denominator)}"


def _quartile(found: Comparators | None) -> str:
    if found is None:
        return NOT_PUBLISHED
    if found.quartile_band is None:
        return "Not banded" if found.council is not None else NOT_PUBLISHED
    return QUARTILE_TEXT.get(found.quartile_band, found.quartile_band)


def _compact(value: float | None, line: Line) -> str:
    """A figure for the at-a-glance table: a rate's title already says "per 10,000"."""
    unit = "" if line.unit == Unit.RATE_PER_10K else line.unit
    return value_text(value, unit, line.decimals)


def _glance(line: Line) -> GlanceFigures:
    found = line.comparators
    return GlanceFigures(
        value=_compact(line.value, line),
        target=_compact(line.target, line),
        england=_compact(found.england if found else None, line),
        neighbours=_compact(found.neighbours_mean if found else None, line),
    )


def _comparator(value: float | None, line: Line) -> str:
    return value_text(value, line.unit, line.decimals, missing=NOT_PUBLISHED)


def _indicator(
    section: Section, line: Line, commentary: Mapping[str, Commentary], council: str
) -> IndicatorView:
    found = line.comparators
    anchor = _anchor("indicator", section.key, line.code)
    written = commentary_for(commentary, section, line)
    if found is None:
        comparators_note = "No published comparators for this indicator and period."
    else:
        neighbours = (
            f"the mean of {found.neighbours_counted} councils"
            if found.neighbours_counted
            else "none had a figure"
        )
        comparators_note = (
            f"Comparators: DfE LAIT, {found.year}. Statistical neighbours: {neighbours} "
            f"({found.neighbour_model} model)."
        )
    chart = trend_chart_svg(
        line,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        council=council,
        chart_id=_anchor("chart", section.key, line.code),
    )
    return IndicatorView(
        anchor=anchor,
        ref=line.ref,
        title=line.title,
        description=line.description,
        note=line.note,
        polarity=POLARITY_TEXT.get(line.polarity, ""),
        value=value_text(line.value, line.unit, line.decimals, missing="No data"),
        counted=_counted(line),
        target=value_text(line.target, line.unit, line.decimals, missing="None set"),
        rag=line.rag if line.rag in RAG_TEXT else "",
        rag_text=RAG_TEXT.get(line.rag or "", "Not rated"),
        published=_comparator(line.published, line),
        published_label=(
            f"Published figure ({found.year})" if found is not None else "Published figure"
        ),
        england=_comparator(found.england if found else None, line),
        region=_comparator(found.region if found else None, line),
        region_label=(
            f"Region ({found.region_name})" if found is not None and found.region_name else "Region"
        ),
        neighbours=_comparator(found.neighbours_mean if found else None, line),
        quartile=_quartile(found),
        comparators_note=comparators_note,
        # Built from escaped text by trend_chart_svg.
        chart=mark_safe(chart),  # noqa: S308
        commentary=written,
        commentary_date=long_date(local_time(written.written_at)) if written else "",
        glance=_glance(line),
    )


def _sections(card: Scorecard, commentary: Mapping[str, Commentary]) -> list[SectionView]:
    views = []
    for number, section in enumerate(card.sections, start=1):
        written = commentary_for(commentary, section)
        views.append(
            SectionView(
                number=number,
                anchor=_anchor("section", section.key),
                title=section.title,
                indicators=tuple(
                    _indicator(section, line, commentary, card.council) for line in section.lines
                ),
                commentary=written,
                commentary_date=long_date(local_time(written.written_at)) if written else "",
            )
        )
    return views


def _period_text(card: Scorecard) -> str:
    period = card.period
    return f"{period.label} ({long_date(period.start)} to {long_date(period.end)})"


def scorecard_context(card: Scorecard, commentary: Mapping[str, Commentary]) -> dict[str, object]:
    """What the document template is given: every figure already formatted."""
    sections = _sections(card, commentary)
    indicators = [view for section in sections for view in section.indicators]
    counts = [
        RagCount(status, label, sum(1 for view in indicators if view.rag == status))
        for status, label in RAG_TEXT.items()
    ]
    counts.append(RagCount("", "Not rated", sum(1 for view in indicators if not view.rag)))
    return {
        "card": card,
        "council": card.council or "Council",
        "period_text": _period_text(card),
        "produced": long_date(local_time(card.generated_at)),
        "produced_time": f"{local_time(card.generated_at):%H:%M}",
        "sections": sections,
        "rag_counts": counts,
        "red": [
            GlanceRow(section.title, view)
            for section in sections
            for view in section.indicators
            if view.rag == "red"
        ],
        "glance": [
            GlanceRow(section.title, view) for section in sections for view in section.indicators
        ],
        "indicator_count": len(indicators),
    }


def scorecard_html(card: Scorecard, commentary: Mapping[str, Commentary]) -> str:
    """The board paper as one standalone HTML document (it fetches nothing)."""
    return render_to_string(TEMPLATE, scorecard_context(card, commentary))


def scorecard_pdf(card: Scorecard, commentary: Mapping[str, Commentary]) -> bytes:
    """The board paper as a tagged A4 PDF (PDF/UA-1), bookmarked by section and indicator,
    with the contents linked to its pages."""
    # Imported here: WeasyPrint loads Pango, which no other page needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # The paper is self-contained: nothing it seems to link to is ever fetched.
    nothing = URLFetcher(allowed_protocols=frozenset())
    document = HTML(string=scorecard_html(card, commentary), url_fetcher=nothing)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)
    return pdf
