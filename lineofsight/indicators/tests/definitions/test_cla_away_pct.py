"""CLA-29 looked-after children away without authorisation: as CLA-27, for incidents of kind
A only."""

import datetime as dt

from lineofsight.indicators.definitions.cla_away_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)

FRAMES = build(
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 4)
    ],
    missing_episode=[
        {  # away from placement: counts
            "key": "A1",
            "child_id": "C1",
            "kind": "A",
            "started_at": dt.datetime(2016, 7, 1, 12),
            "ended_at": dt.datetime(2016, 7, 1, 18),
        },
        {  # missing, not away: not this measure
            "key": "M2",
            "child_id": "C2",
            "kind": "M",
            "started_at": dt.datetime(2016, 7, 1, 12),
            "ended_at": dt.datetime(2016, 7, 2, 12),
        },
        {  # away after the year: not in it
            "key": "A3",
            "child_id": "C3",
            "kind": "A",
            "started_at": dt.datetime(2017, 4, 1, 12),
            "ended_at": dt.datetime(2017, 4, 1, 18),
        },
    ],
)


def test_children_away_without_authorisation():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
    ]
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3
