"""A scorecard line's trend as an inline SVG chart, and the unit formatting every output shares.

    svg = trend_chart_svg(line, width=640, height=240, council="Walsall")

The council's values are a solid blue line with a marker at each period that has one; England
and the statistical neighbours' mean are dashed lines (broken where a period has none) and the
target a dotted horizontal line. The chart is an image to assistive technology (`role="img"`)
whose `<desc>` states every value drawn, so nothing is shown only as a picture. Colours are
GOV.UK's, and the lines differ in dash as well as colour, so they survive a black-and-white
printer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape

from lineofsight.indicators.definitions.base import Unit
from lineofsight.reports.domain.scorecard import Line

COUNCIL_COLOUR = "#1d70b8"
ENGLAND_COLOUR = "#505a5f"
NEIGHBOURS_COLOUR = "#f47738"
TARGET_COLOUR = "#00703c"
TEXT_COLOUR = "#0b0c0c"
SECONDARY_TEXT_COLOUR = "#505a5f"
GRID_COLOUR = "#e0e2e3"
AXIS_COLOUR = "#b1b4b6"
FONT_FAMILY = "'Liberation Sans', Arial, sans-serif"
MISSING = "\u2013"  # an en dash: no figure
VALUE_PLACES = 4  # values are kept (in JSON snapshots) and shown from this many places

ENGLAND_DASH = "8 4"
NEIGHBOURS_DASH = "3 3"
TARGET_DASH = "2 3"

UNIT_CAPTIONS: dict[str, str] = {
    Unit.PERCENT: "Per cent",
    Unit.RATE_PER_10K: "Per 10,000 children",
    Unit.COUNT: "Number",
    Unit.DAYS: "Days",
    Unit.SCORE: "Score",
    Unit.RATIO: "Ratio",
}

_FONT_SIZE = 12
_TICK_FONT_SIZE = 11
_CHAR_WIDTH = 0.53  # of the font size: about Liberation Sans' average advance
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ROLLING = re.compile(r"^12 months to (\d{4})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


# Formatting shared with the outputs -------------------------------------------------------


def number_text(value: float | None, decimals: int = 1, *, missing: str = MISSING) -> str:
    """`value` with thousands separators to `decimals` places; never "-0.0".

    It is shown from its rounding to `VALUE_PLACES`, as a stored scorecard holds it, so a
    pack produced again from its snapshot reads exactly as the original did."""
    if value is None or not math.isfinite(value):
        return missing
    value = round(value, VALUE_PLACES)
    if round(value, decimals) == 0:
        value = 0.0
    return f"{value:,.{decimals}f}"


def count_text(value: float | None, *, missing: str = MISSING) -> str:
    """A numerator or denominator: whole numbers without decimals, others (FTE) to 2 places."""
    if value is None or not math.isfinite(value):
        return missing
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value_text(value: float | None, unit: str, decimals: int = 1, *, missing: str = MISSING) -> str:
    """A value in its unit: "21.8%", "687.9 per 10,000", "34.0 days", "1,204"."""
    number = number_text(value, decimals, missing=missing)
    if number == missing:
        return missing
    if unit == Unit.PERCENT:
        return f"{number}%"
    if unit == Unit.RATE_PER_10K:
        return f"{number} per 10,000"
    if unit == Unit.DAYS:
        return f"{number} days"
    return number


def period_short(label: str) -> str:
    """A period label short enough for an axis: "12 months to 2017-03" → "Mar 17"."""
    if found := _ROLLING.match(label):
        return f"{_MONTHS[int(found[2]) - 1]} {found[1][2:]}"
    found = _MONTH.match(label)
    # "2016-17" is a financial year, as `period_parse` reads it, not a month.
    if found and (int(found[1]) + 1) % 100 != int(found[2]) and 1 <= int(found[2]) <= 12:
        return f"{_MONTHS[int(found[2]) - 1]} {found[1][2:]}"
    if found := _QUARTER.match(label):
        return f"Q{found[3]} {found[1][2:]}-{found[2]}"
    if found := _DAY.match(label):
        return f"{int(found[3])} {_MONTHS[int(found[2]) - 1]} {found[1][2:]}"
    return label


# The y axis ---------------------------------------------------------------------------------


def axis_ticks(
    low: float, high: float, *, minimum: float | None = 0.0, maximum: float | None = None
) -> tuple[float, ...]:
    """Four to six evenly spaced round values (steps of 1, 2, 2.5 or 5 times a power of ten)
    covering `low` to `high`, none below `minimum` nor (where the steps allow) above
    `maximum`."""
    if high < low:
        low, high = high, low
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    if minimum is not None:
        low = max(low, minimum)
    if maximum is not None:
        high = min(high, maximum)
    if high <= low:
        low, high = (high - 1.0, high) if maximum is not None else (low, low + 1.0)
    span = high - low
    magnitude = 10.0 ** math.floor(math.log10(span / 10))
    steps = sorted(magnitude * 10**power * f for power in range(4) for f in (1, 2, 2.5, 5))
    first = last = step = 0.0
    count = 0
    for step in steps:
        first = math.floor(low / step + 1e-9) * step
        last = math.ceil(high / step - 1e-9) * step
        count = round((last - first) / step) + 1
        if count <= 6:
            break
    downward = True
    while count < 4:
        can_fall = minimum is None or first - step >= minimum - 1e-9
        can_rise = maximum is None or last + step <= maximum + 1e-9
        if can_fall and (downward or not can_rise):
            first -= step
        else:
            last += step
        downward = not downward
        count += 1
    return tuple(_clean(first + index * step) for index in range(count))


def _clean(value: float) -> float:
    cleaned = round(value, 10)
    return 0.0 if cleaned == 0 else cleaned


def _tick_decimals(ticks: Sequence[float]) -> int:
    for decimals in range(5):
        if all(abs(tick * 10**decimals - round(tick * 10**decimals)) < 1e-6 for tick in ticks):
            return decimals
    return 5


def _tick_text(value: float, unit: str, decimals: int) -> str:
    number = number_text(value, decimals)
    return f"{number}%" if unit == Unit.PERCENT else number


def _text_width(text: str, size: int = _FONT_SIZE) -> float:
    return len(text) * size * _CHAR_WIDTH


# Drawing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Series:
    key: str
    label: str
    colour: str
    dash: str | None
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class _Frame:
    left: float
    right: float
    top: float
    bottom: float
    low: float
    high: float

    def y(self, value: float) -> float:
        if self.high == self.low:
            return (self.top + self.bottom) / 2
        return self.bottom - (value - self.low) / (self.high - self.low) * (self.bottom - self.top)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _runs(values: Sequence[float | None]) -> Iterator[list[int]]:
    """The indices of each unbroken run of values."""
    run: list[int] = []
    for index, value in enumerate(values):
        if value is None:
            if run:
                yield run
            run = []
        else:
            run.append(index)
    if run:
        yield run


def _finite(value: float | None) -> float | None:
    """The figure as drawn: rounded as a stored scorecard holds it; None if not a number."""
    return round(value, VALUE_PLACES) if value is not None and math.isfinite(value) else None


def _series_text(series: _Series, periods: Sequence[str], unit: str, decimals: int) -> str:
    present = [v for v in series.values if v is not None]
    if not present:
        return f"{series.label}: no figures."
    if len(present) == len(series.values) and len(set(present)) == 1 and len(present) > 1:
        return f"{series.label}: {value_text(present[0], unit, decimals)} in every period."
    parts = [
        f"{period} {value_text(value, unit, decimals, missing='no figure')}"
        for period, value in zip(periods, series.values, strict=True)
    ]
    return f"{series.label}: {'; '.join(parts)}."


def _description(line: Line, periods: Sequence[str], series: Sequence[_Series]) -> str:
    sentences = [f"{line.title}, {periods[0]} to {periods[-1]}."]
    sentences += [_series_text(s, periods, line.unit, line.decimals) for s in series]
    if line.unit == Unit.COUNT and any(point.england is not None for point in line.trend):
        sentences.append("England's figure is a national total, so it is not drawn.")
    if line.target is not None:
        sentences.append(f"Target: {value_text(line.target, line.unit, line.decimals)}.")
    return " ".join(sentences)


def _open_svg(width: int, height: int, chart_id: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="los-trend-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{_attr(chart_id)}-title {_attr(chart_id)}-desc" '
        f'font-family="{_attr(FONT_FAMILY)}" font-size="{_FONT_SIZE}" fill="{TEXT_COLOUR}">'
    ]


def _no_data_svg(line: Line, width: int, height: int, chart_id: str) -> str:
    parts = _open_svg(width, height, chart_id)
    parts.append(f'<title id="{_attr(chart_id)}-title">{escape(line.title)}: trend</title>')
    parts.append(
        f'<desc id="{_attr(chart_id)}-desc">No data for {escape(line.title)} '
        "in the periods of this report.</desc>"
    )
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#f3f2f1" '
        f'stroke="{AXIS_COLOUR}"/>'
    )
    parts.append(
        f'<text class="los-no-data" x="{width / 2:.1f}" y="{height / 2 + 6:.1f}" '
        f'text-anchor="middle" font-size="16" fill="{SECONDARY_TEXT_COLOUR}">No data</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _legend_items(series: Sequence[_Series], line: Line) -> list[tuple[str, str, str | None]]:
    items = [(s.label, s.colour, s.dash) for s in series if any(v is not None for v in s.values)]
    if line.target is not None:
        target = value_text(line.target, line.unit, line.decimals)
        items.append((f"Target ({target})", TARGET_COLOUR, TARGET_DASH))
    return items


def _legend(
    items: Sequence[tuple[str, str, str | None]], left: float, width: int
) -> tuple[list[str], float]:
    """The legend's SVG, wrapped to the chart's width, and the height it takes."""
    parts = ['<g class="los-legend">']
    x, row = left, 0
    for label, colour, dash in items:
        item_width = 28 + _text_width(label) + 18
        if x > left and x + item_width > width - 8:
            x, row = left, row + 1
        y = 12 + row * 18
        dashing = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{_num(x)}" y1="{y}" x2="{_num(x + 22)}" y2="{y}" stroke="{colour}" '
            f'stroke-width="{3 if dash is None else 2}"{dashing}/>'
        )
        if dash is None:
            parts.append(
                f'<circle class="los-legend-point" cx="{_num(x + 11)}" cy="{y}" r="3.5" '
                f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>'
            )
        parts.append(f'<text x="{_num(x + 28)}" y="{y + 4}">{escape(label)}</text>')
        x += item_width
    parts.append("</g>")
    return parts, 12 + row * 18 + 10


def _x_positions(count: int, left: float, right: float) -> list[float]:
    if count == 1:
        return [(left + right) / 2]
    pad = min(14.0, (right - left) / (2 * count))
    step = (right - left - 2 * pad) / (count - 1)
    return [left + pad + index * step for index in range(count)]


def _labelled(labels: Sequence[str], plot_width: float) -> set[int]:
    """Which periods get an x label: as many as fit, always the latest, evenly spaced."""
    widest = max(_text_width(label, _TICK_FONT_SIZE) for label in labels) + 10
    fit = max(1, int(plot_width // widest))
    step = math.ceil(len(labels) / fit)
    return set(range(len(labels) - 1, -1, -step))


def _path(
    xs: Sequence[float], frame: _Frame, values: Sequence[float | None], run: list[int]
) -> str:
    points = []
    for index in run:
        value = values[index]
        assert value is not None
        points.append(f"{_num(xs[index])},{_num(frame.y(value))}")
    return "M" + " L".join(points)


def trend_chart_svg(
    line: Line,
    *,
    width: int = 640,
    height: int = 240,
    council: str = "",
    chart_id: str = "",
) -> str:
    """The line's trend over all its trend points as a standalone SVG element.

    `council` names the council's own line in the legend and description ("Council" if
    empty); `chart_id` prefixes the ids of the title and description, which must be unique
    in a page holding several charts (default: "chart-" and the indicator's code)."""
    chart_id = chart_id or f"chart-{line.code}"
    points = line.trend
    values = tuple(_finite(point.value) for point in points)
    if not points or all(value is None for value in values):
        return _no_data_svg(line, width, height, chart_id)
    periods = [point.period for point in points]
    series = [_Series("council", council or "Council", COUNCIL_COLOUR, None, values)]
    if line.unit != Unit.COUNT:
        # England's count is a national total: on the council's scale it is no comparison.
        england = tuple(_finite(point.england) for point in points)
        series.append(_Series("england", "England", ENGLAND_COLOUR, ENGLAND_DASH, england))
    neighbours = tuple(_finite(point.neighbours) for point in points)
    series.append(
        _Series(
            "neighbours", "Statistical neighbours", NEIGHBOURS_COLOUR, NEIGHBOURS_DASH, neighbours
        )
    )
    drawn = [v for s in series for v in s.values if v is not None]
    target = _finite(line.target)
    if target is not None:
        drawn.append(target)
    low, high = min(drawn), max(drawn)
    floor = 0.0 if low >= 0 else None
    ceiling = 100.0 if line.unit == Unit.PERCENT and high <= 100 else None
    if low >= 0 and low < 0.35 * high:
        low = 0.0  # close enough to zero that a chart from zero reads truer
    elif high > low:
        # A little room, so a line at the lowest or highest figure clears the axis.
        low, high = low - 0.02 * (high - low), high + 0.02 * (high - low)
    ticks = axis_ticks(low, high, minimum=floor, maximum=ceiling)
    decimals = _tick_decimals(ticks)
    tick_labels = [_tick_text(tick, line.unit, decimals) for tick in ticks]

    left = max(36.0, max(_text_width(t, _TICK_FONT_SIZE) for t in tick_labels) + 14)
    legend, legend_height = _legend(_legend_items(series, line), left, width)
    frame = _Frame(
        left=left,
        right=width - 12.0,
        top=legend_height + 22,
        bottom=height - 30.0,
        low=ticks[0],
        high=ticks[-1],
    )
    xs = _x_positions(len(points), frame.left, frame.right)

    parts = _open_svg(width, height, chart_id)
    parts.append(f'<title id="{_attr(chart_id)}-title">{escape(line.title)}: trend</title>')
    description = _description(line, periods, series)
    parts.append(f'<desc id="{_attr(chart_id)}-desc">{escape(description)}</desc>')
    parts += legend
    caption = UNIT_CAPTIONS.get(line.unit, "")
    parts.append(
        f'<text class="los-unit" x="4" y="{_num(frame.top - 10)}" '
        f'font-size="{_TICK_FONT_SIZE}" fill="{SECONDARY_TEXT_COLOUR}">{escape(caption)}</text>'
    )

    parts += _y_axis(ticks, tick_labels, frame)
    parts += _x_axis([period_short(period) for period in periods], xs, frame)
    if target is not None:
        y = _num(frame.y(target))
        parts.append(
            f'<line class="los-target" x1="{_num(frame.left)}" y1="{y}" x2="{_num(frame.right)}" '
            f'y2="{y}" stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="{TARGET_DASH}"/>'
        )
    for comparator in series[1:]:
        parts += _comparator(comparator, xs, frame)
    parts += _council(series[0], xs, frame, periods, line)
    parts.append("</svg>")
    return "".join(parts)


def _y_axis(ticks: Sequence[float], labels: Sequence[str], frame: _Frame) -> list[str]:
    grid = " ".join(
        f"M{_num(frame.left)},{_num(frame.y(tick))} H{_num(frame.right)}" for tick in ticks[1:]
    )
    base = _num(frame.y(ticks[0]))
    parts = [
        '<g class="los-y-axis" aria-hidden="true">',
        f'<path d="{grid}" stroke="{GRID_COLOUR}" stroke-width="1" fill="none"/>',
        f'<path d="M{_num(frame.left)},{base} H{_num(frame.right)}" stroke="{AXIS_COLOUR}" '
        'stroke-width="1" fill="none"/>',
        f'<g text-anchor="end" font-size="{_TICK_FONT_SIZE}" fill="{SECONDARY_TEXT_COLOUR}">',
    ]
    parts += [
        f'<text x="{_num(frame.left - 6)}" y="{_num(frame.y(tick) + 4)}">{escape(label)}</text>'
        for tick, label in zip(ticks, labels, strict=True)
    ]
    parts.append("</g></g>")
    return parts


def _x_axis(labels: Sequence[str], xs: Sequence[float], frame: _Frame) -> list[str]:
    marks = " ".join(f"M{_num(x)},{_num(frame.bottom)} V{_num(frame.bottom + 4)}" for x in xs)
    labelled = _labelled(labels, frame.right - frame.left)
    parts = [
        '<g class="los-x-axis" aria-hidden="true">',
        f'<path d="{marks}" stroke="{AXIS_COLOUR}" stroke-width="1" fill="none"/>',
        f'<g text-anchor="middle" font-size="{_TICK_FONT_SIZE}" fill="{SECONDARY_TEXT_COLOUR}">',
    ]
    parts += [
        f'<text class="los-x-label" x="{_num(x)}" y="{_num(frame.bottom + 18)}">'
        f"{escape(labels[index])}</text>"
        for index, x in enumerate(xs)
        if index in labelled
    ]
    parts.append("</g></g>")
    return parts


def _comparator(series: _Series, xs: Sequence[float], frame: _Frame) -> list[str]:
    parts = []
    for run in _runs(series.values):
        if len(run) == 1:
            # A lone figure between gaps: a short level stroke, so it still shows.
            value = series.values[run[0]]
            assert value is not None
            x, y = xs[run[0]], _num(frame.y(value))
            path = f"M{_num(x - 8)},{y} L{_num(x + 8)},{y}"
        else:
            path = _path(xs, frame, series.values, run)
        parts.append(
            f'<path class="los-{series.key}" d="{path}" fill="none" stroke="{series.colour}" '
            f'stroke-width="2" stroke-dasharray="{series.dash}"/>'
        )
    return parts


def _council(
    series: _Series, xs: Sequence[float], frame: _Frame, periods: Sequence[str], line: Line
) -> list[str]:
    parts = []
    for run in _runs(series.values):
        if len(run) > 1:
            parts.append(
                f'<path class="los-council" d="{_path(xs, frame, series.values, run)}" '
                f'fill="none" stroke="{series.colour}" stroke-width="3" '
                'stroke-linejoin="round" stroke-linecap="round"/>'
            )
    for index, value in enumerate(series.values):
        if value is None:
            continue
        label = f"{periods[index]}: {value_text(value, line.unit, line.decimals)}"
        parts.append(
            f'<circle class="los-point" cx="{_num(xs[index])}" cy="{_num(frame.y(value))}" '
            f'r="3.5" fill="{series.colour}" stroke="#ffffff" stroke-width="1.5">'
            f"<title>{escape(label)}</title></circle>"
        )
    return parts
