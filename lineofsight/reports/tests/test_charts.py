"""Trend charts: valid, accessible SVG that draws what the line holds, and the unit formatting
every output shares."""

import dataclasses
import itertools
import re

import pytest
from lxml import etree

from lineofsight.reports.domain.charts import (
    COUNCIL_COLOUR,
    ENGLAND_COLOUR,
    NEIGHBOURS_COLOUR,
    TARGET_COLOUR,
    axis_ticks,
    count_text,
    period_short,
    trend_chart_svg,
    value_text,
)
from lineofsight.reports.domain.scorecard import TrendPoint
from lineofsight.reports.tests.output_cards import (
    CARE_LEAVERS,
    LOOKED_AFTER_COUNT,
    REFERRALS,
    REREFERRALS,
)

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def _child(root: etree._Element, tag: str) -> etree._Element:
    found = root.find(f"{SVG}{tag}")
    assert found is not None
    return found


def _by_class(root: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def _y_tick_labels(root: etree._Element) -> list[str]:
    (axis,) = _by_class(root, "los-y-axis")
    return [text.text or "" for text in axis.iter(f"{SVG}text")]


def test_the_chart_is_an_accessible_image_with_a_title_and_a_description_of_its_values():
    root = _parse(trend_chart_svg(REREFERRALS, council="Testshire"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = _child(root, "title"), _child(root, "desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Re-referrals within 12 months of a previous referral: trend"
    text = desc.text or ""
    assert (
        "Testshire: 2016-17 Q1 22.0%; 2016-17 Q2 21.9%; 2016-17 Q3 22.2%; 2016-17 Q4 21.8%" in text
    )
    assert "England: 21.9% in every period." in text
    assert "Statistical neighbours: 2016-17 Q1 21.4%; 2016-17 Q2 no figure;" in text
    assert "Target: 20.0%." in text


def test_each_council_figure_has_one_marker_and_the_line_joins_them():
    root = _parse(trend_chart_svg(REREFERRALS))
    markers = _by_class(root, "los-point")
    assert len(markers) == 4
    assert {m.get("fill") for m in markers} == {COUNCIL_COLOUR}
    (path,) = _by_class(root, "los-council")
    assert path.get("stroke-dasharray") is None  # the council's line is solid
    assert path.get("d", "").count("L") == 3


def test_a_gap_in_the_trend_breaks_the_line_and_leaves_no_marker():
    root = _parse(trend_chart_svg(LOOKED_AFTER_COUNT))
    assert len(_by_class(root, "los-point")) == 3  # 598, (none), 604, 612
    # The lone first point is only a marker; the last two are joined.
    (path,) = _by_class(root, "los-council")
    assert path.get("d", "").count("L") == 1


def test_comparators_are_dashed_lines_broken_where_a_period_has_none():
    root = _parse(trend_chart_svg(REREFERRALS))
    (england,) = _by_class(root, "los-england")
    assert england.get("stroke") == ENGLAND_COLOUR
    assert england.get("stroke-dasharray")
    neighbours = _by_class(root, "los-neighbours")
    # 21.39, none, 21.39, 21.39: a lone first figure, then a joined pair.
    assert len(neighbours) == 2
    assert {n.get("stroke") for n in neighbours} == {NEIGHBOURS_COLOUR}
    assert all(n.get("stroke-dasharray") for n in neighbours)


def test_the_target_is_a_dotted_level_line_only_when_one_is_set():
    root = _parse(trend_chart_svg(REREFERRALS))
    (target,) = _by_class(root, "los-target")
    assert target.get("stroke") == TARGET_COLOUR
    assert target.get("stroke-dasharray")
    assert target.get("y1") == target.get("y2")
    assert _by_class(_parse(trend_chart_svg(REFERRALS)), "los-target") == []


def test_the_legend_names_only_what_is_drawn():
    legend_text = " ".join(
        text.text or ""
        for text in _by_class(_parse(trend_chart_svg(LOOKED_AFTER_COUNT)), "los-legend")[0].iter(
            f"{SVG}text"
        )
    )
    assert legend_text == "Council"
    with_all = _parse(trend_chart_svg(REREFERRALS, council="Testshire"))
    names = [t.text for t in _by_class(with_all, "los-legend")[0].iter(f"{SVG}text")]
    assert names == ["Testshire", "England", "Statistical neighbours", "Target (20.0%)"]


@pytest.mark.parametrize(
    ("line", "unit_text"),
    [(REREFERRALS, "%"), (REFERRALS, ""), (LOOKED_AFTER_COUNT, "")],
)
def test_the_y_axis_has_four_to_six_round_ticks_in_the_unit(line, unit_text):
    labels = _y_tick_labels(_parse(trend_chart_svg(line)))
    assert 4 <= len(labels) <= 6
    assert all(label.endswith(unit_text) for label in labels)
    numbers = [float(label.rstrip("%").replace(",", "")) for label in labels]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(numbers)}
    assert len(steps) == 1


def test_the_unit_is_named_beside_the_axis():
    (unit,) = _by_class(_parse(trend_chart_svg(REFERRALS)), "los-unit")
    assert unit.text == "Per 10,000 children"


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 0), (0.3, 0.31), (19.95, 22.7), (0, 100), (98.3, 100), (553, 701), (1, 123_456), (7, 7)],
)
def test_axis_ticks_cover_the_range_in_four_to_six_even_steps(low, high):
    ticks = axis_ticks(low, high, maximum=100 if high <= 100 else None)
    assert 4 <= len(ticks) <= 6
    assert ticks[0] <= low
    assert ticks[-1] >= high
    assert ticks[0] >= 0
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1


def test_a_percentage_axis_stops_at_100():
    assert axis_ticks(98.3, 100.06, maximum=100)[-1] == 100


def test_many_periods_get_thinned_labels_that_always_include_the_latest():
    labels = [f"12 months to {2014 + (m // 12)}-{m % 12 + 1:02d}" for m in range(3, 39)]
    points = tuple(TrendPoint(period=label, value=900.0 + i) for i, label in enumerate(labels))
    line = dataclasses.replace(LOOKED_AFTER_COUNT, trend=points)
    root = _parse(trend_chart_svg(line, width=400))
    shown = [t.text for t in _by_class(root, "los-x-label")]
    assert 3 <= len(shown) < len(labels)
    assert shown[-1] == "Mar 17"
    assert len(_by_class(root, "los-point")) == 36


def test_a_line_with_no_figures_says_no_data():
    root = _parse(trend_chart_svg(CARE_LEAVERS))
    (text,) = _by_class(root, "los-no-data")
    assert text.text == "No data"
    assert _by_class(root, "los-point") == []
    assert "No data" in (_child(root, "desc").text or "")
    assert root.get("role") == "img"


def test_text_is_escaped_and_the_ids_can_be_chosen():
    line = dataclasses.replace(REREFERRALS, title='Re-referrals <b>&</b> "repeats"')
    svg = trend_chart_svg(line, council="Bath & <North>", chart_id="pack-s1-x")
    root = _parse(svg)
    assert "<b>" not in svg
    assert _child(root, "title").text == 'Re-referrals <b>&</b> "repeats": trend'
    assert _child(root, "title").get("id") == "pack-s1-x-title"
    names = [t.text for t in _by_class(root, "los-legend")[0].iter(f"{SVG}text")]
    assert names[0] == "Bath & <North>"


def test_the_chart_takes_its_size():
    root = _parse(trend_chart_svg(REREFERRALS, width=400, height=200))
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        "400",
        "200",
        "0 0 400 200",
    )
    numbers = [float(n) for n in re.findall(r'c[xy]="([\d.]+)"', trend_chart_svg(REREFERRALS))]
    assert all(0 <= n <= 640 for n in numbers)


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("12 months to 2017-03", "Mar 17"),
        ("2016-11", "Nov 16"),
        ("2016-17 Q3", "Q3 16-17"),
        ("2016-17", "2016-17"),
        ("2017-01-15", "15 Jan 17"),
    ],
)
def test_period_labels_are_shortened_for_the_axis(label, short):
    assert period_short(label) == short


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "text"),
    [
        (21.7918, "percent", 1, "21.8%"),
        (687.8748, "rate_per_10k", 1, "687.9 per 10,000"),
        (1204.0, "count", 0, "1,204"),
        (33.96, "days", 0, "34 days"),
        (-0.01, "ratio", 1, "0.0"),
        (None, "percent", 1, "\u2013"),
        (float("nan"), "percent", 1, "\u2013"),
    ],
)
def test_values_are_written_in_their_unit(value, unit, decimals, text):
    assert value_text(value, unit, decimals) == text


def test_counts_keep_their_fraction_only_when_they_have_one():
    assert count_text(4543.0) == "4,543"
    assert count_text(171.35) == "171.35"
    assert count_text(None) == "\u2013"


def test_england_is_not_drawn_beside_a_count_because_it_is_a_national_total():
    points = tuple(
        TrendPoint(period=p.period, value=p.value, england=326_770.0, neighbours=2051.0)
        for p in LOOKED_AFTER_COUNT.trend
    )
    root = _parse(trend_chart_svg(dataclasses.replace(LOOKED_AFTER_COUNT, trend=points)))
    assert _by_class(root, "los-england") == []
    assert _by_class(root, "los-neighbours")
    assert "national total, so it is not drawn" in (_child(root, "desc").text or "")
    assert max(float(label.replace(",", "")) for label in _y_tick_labels(root)) < 3000
