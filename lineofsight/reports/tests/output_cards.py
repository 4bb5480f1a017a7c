"""Small hand-built scorecards for the output tests: known values, nothing computed.

    card = scorecard(), commentary = COMMENTARY

Two sections: a percentage with every comparator (amber) and a rate per 10,000 (green); then a
count with no comparators and a gap in its trend (not rated), a number of days (red), and a
percentage with no data at all. `rows` holds child-level rows whose ids must never reach a
board pack.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions.base import COUNTED_SCHEMA
from lineofsight.indicators.domain.benchmarks import Comparators
from lineofsight.indicators.domain.periods import financial_year
from lineofsight.reports.domain.scorecard import Line, Scorecard, Section, TrendPoint
from lineofsight.reports.outputs.commentary import Commentary

COUNCIL = "Testshire"
BOARD_TITLE = "Corporate parenting board"
GENERATED_AT = dt.datetime(2017, 5, 4, 9, 30, tzinfo=dt.UTC)
WRITTEN_AT = dt.datetime(2017, 5, 3, 16, 0, tzinfo=dt.UTC)
PERIODS = ("2016-17 Q1", "2016-17 Q2", "2016-17 Q3", "2016-17 Q4")
CHILD_IDS = ("CHILD-SECRET-0001", "CHILD-SECRET-0002")
LOOKED_AFTER = "Children looked after: stability [moves] / permanence?"


def comparators(**changes: object) -> Comparators:
    values: dict[str, object] = {
        "measure": "ReReferral",
        "year": 2017,
        "council": 21.7,
        "england": 21.9,
        "region": 23.4,
        "region_name": "West Midlands",
        "neighbours_mean": 21.39,
        "neighbours_counted": 10,
        "neighbour_model": "April 2021",
        "quartile_band": "C",
        "quartiles": (15.975, 19.95, 23.8),
    }
    values.update(changes)
    return Comparators(**values)  # type: ignore[arg-type]


def trend(
    values: tuple[float | None, ...],
    england: tuple[float | None, ...] = (None, None, None, None),
    neighbours: tuple[float | None, ...] = (None, None, None, None),
) -> tuple[TrendPoint, ...]:
    return tuple(
        TrendPoint(period=p, value=v, england=e, neighbours=n)
        for p, v, e, n in zip(PERIODS, values, england, neighbours, strict=True)
    )


REREFERRALS = Line(
    code="rereferrals_12m_pct",
    ref="FD-05",
    title="Re-referrals within 12 months of a previous referral",
    description="Of the referrals received in the period, the share that were re-referrals.",
    unit="percent",
    polarity="lower",
    decimals=1,
    version=2,
    value=21.7918,
    numerator=990.0,
    denominator=4543.0,
    target=20.0,
    rag="amber",
    comparators=comparators(),
    published=21.7,
    trend=trend(
        (22.0056, 21.8953, 22.1503, 21.7918),
        england=(21.9, 21.9, 21.9, 21.9),
        neighbours=(21.39, None, 21.39, 21.39),
    ),
)
REFERRALS = Line(
    code="referrals_rate",
    ref="FD-04",
    title="Referrals per 10,000 children",
    description="Referrals received in the period per 10,000 children aged 0-17.",
    unit="rate_per_10k",
    polarity="neither",
    decimals=1,
    version=1,
    value=687.8748,
    numerator=4543.0,
    denominator=6.6044,
    target=None,
    rag="green",
    comparators=comparators(
        measure="CPP_Total_Rateper10,000",
        council=694.4,
        england=553.6,
        region=654.4,
        neighbours_mean=683.1,
        quartile_band=None,
        quartiles=(449.875, 545.4, 659.95),
    ),
    published=694.4,
    trend=trend(
        (699.0794, 701.3506, 690.4488, 687.8748),
        england=(553.6, 553.6, 553.6, 553.6),
        neighbours=(683.1, 683.1, 683.1, 683.1),
    ),
)
LOOKED_AFTER_COUNT = Line(
    code="cla_count",
    ref="LAC-01",
    title="Children looked after at the period's end",
    description="Children looked after on the last day of the period.",
    unit="count",
    polarity="neither",
    decimals=0,
    version=1,
    value=612.0,
    numerator=612.0,
    denominator=612.0,
    target=None,
    rag=None,
    comparators=None,
    published=None,
    trend=trend((598.0, None, 604.0, 612.0)),
    note="Includes children in short breaks.",
)
ADOPTION_DAYS = Line(
    code="adoption_days",
    ref="AD-01",
    title="Days from entering care to moving in with the adoptive family",
    description="Average days, for children adopted in the period.",
    unit="days",
    polarity="lower",
    decimals=0,
    version=1,
    value=512.0,
    numerator=15360.0,
    denominator=30.0,
    target=426.0,
    rag="red",
    comparators=None,
    published=None,
    trend=trend((480.0, 495.0, None, 512.0)),
)
CARE_LEAVERS = Line(
    code="care_leavers_in_touch_pct",
    ref="CL-01",
    title="Care leavers the council is in touch with",
    description="Care leavers aged 19 to 21 the council is in touch with.",
    unit="percent",
    polarity="higher",
    decimals=1,
    version=1,
    value=None,
    numerator=None,
    denominator=None,
    target=None,
    rag=None,
    comparators=None,
    published=None,
    trend=trend((None, None, None, None)),
)

COMMENTARY = {
    "s1": Commentary(
        text="Demand is steady.\n\nThe front door review reports in June.",
        author="Head of Service",
        written_at=WRITTEN_AT,
    ),
    "s1/rereferrals_12m_pct": Commentary(
        text="Close to England. <script>alert(1)</script> & audited monthly.",
        author="Jane O'Neill, Service Manager",
        written_at=WRITTEN_AT,
    ),
}


def values_frame(lines: tuple[Line, ...]) -> pl.DataFrame:
    """Every trend point of every line, as `card.values` holds them."""
    rows = [
        (line.code, point.period, line.numerator, line.denominator, point.value)
        for line in lines
        for point in line.trend
    ]
    return pl.DataFrame(
        rows,
        schema={
            "code": pl.String(),
            "period": pl.String(),
            "numerator": pl.Float64(),
            "denominator": pl.Float64(),
            "value": pl.Float64(),
        },
        orient="row",
    )


def child_rows() -> pl.DataFrame:
    schema = {**COUNTED_SCHEMA, "code": pl.String()}
    return pl.DataFrame(
        [
            {
                "period": PERIODS[-1],
                "child_id": child,
                "item": child,
                "numerator": 1.0,
                "denominator": 1.0,
                "measure": None,
                "on": dt.date(2017, 3, 1),
                "team_id": "T1",
                "worker_id": "W1",
                "code": "rereferrals_12m_pct",
            }
            for child in CHILD_IDS
        ],
        schema=schema,
    )


def scorecard(
    sections: tuple[Section, ...] | None = None, *, notes: tuple[str, ...] = ()
) -> Scorecard:
    sections = sections or (
        Section(key="s1", title="Front door", lines=(REREFERRALS, REFERRALS)),
        Section(
            key="s2", title=LOOKED_AFTER, lines=(LOOKED_AFTER_COUNT, ADOPTION_DAYS, CARE_LEAVERS)
        ),
    )
    lines = tuple(line for section in sections for line in section.lines)
    return Scorecard(
        board="corporate-parenting",
        title=BOARD_TITLE,
        audience="Elected members and partners",
        council=COUNCIL,
        period=financial_year(2017),
        team=None,
        team_name=None,
        source="hand-built test scorecard",
        code_version="0.1.0+test",
        generated_at=GENERATED_AT,
        sections=sections,
        population=66044,
        rows=child_rows(),
        values=values_frame(lines),
        notes=notes,
    )
