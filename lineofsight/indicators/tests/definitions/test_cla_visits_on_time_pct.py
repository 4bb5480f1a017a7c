"""CLA-12 children looked after whose visit clock is not overdue on the end date (T-30/32/33)."""

import datetime as dt

import pytest

from lineofsight.indicators.definitions.cla_visits_on_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

D = dt.date


def visits(child, *days):
    return [{"child_id": child, "kind": "cla", "visited_on": day} for day in days]


FRAMES = engine_frames(
    cla_episode=[
        episode("C1", D(2017, 1, 2)),
        episode("C2", D(2016, 6, 1)),
        episode("C3", D(2017, 3, 27)),
        episode("C4", D(2017, 2, 10)),
        episode("C5", D(2017, 1, 1), D(2017, 3, 20)),
        episode("C5", D(2017, 3, 20), reason="P"),
        episode("C6", D(2017, 1, 2), place="P1", status="C1"),
        episode("C7", D(2016, 6, 1), status="V3"),  # short breaks: not in the base
    ],
    visit=[
        # C1: visits due 9 January (met 5th), then 16 February (met that day), then 30 March:
        # not visited by 31 March, so overdue.
        *visits("C1", D(2017, 1, 5), D(2017, 2, 16)),
        # C2: a late visit in the past, but the clock since 1 March runs to 12 April: in time.
        *visits("C2", D(2016, 6, 5), D(2017, 3, 1)),
        # C3: placed 27 March, first visit due 3 April: not yet due, in time.
        # C4: the next visit is due on the end date itself: not yet overdue.
        *visits("C4", D(2017, 2, 17)),
        # C5: the old placement's missed visit does not carry over to the new placement, whose
        # visit (due 27 March) was on 22 March.
        *visits("C5", D(2017, 3, 22)),
        # C6: at home with a parent under an interim care order (T-32): weekly, weekly, then
        # every 4 weeks; the visit of 1 March made the next due on 29 March: overdue. (Under
        # the usual 6 weeks it would be due 12 April.)
        *visits("C6", D(2017, 1, 6), D(2017, 1, 12), D(2017, 2, 9), D(2017, 3, 1)),
        *({**row, "kind": "cin"} for row in visits("C3", D(2017, 3, 28))),  # not a CLA visit
    ],
)


def test_children_whose_visit_is_overdue_on_the_end_date_are_not_in_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 0.0, 1.0),
        ("C2", 1.0, 1.0),
        ("C3", 1.0, 1.0),
        ("C4", 1.0, 1.0),
        ("C5", 1.0, 1.0),
        ("C6", 0.0, 1.0),
    ]


def test_value_is_the_share_of_children_looked_after():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 6.0, pytest.approx(200 / 3))


def test_earlier_snapshot_sees_the_visit_then_overdue():
    # On 28 February 2017: C2's clock from 5 June 2016 (due 17 July) was still unmet, and
    # C5's first placement had waited since 8 January for a visit.
    rows = counted_rows(DEFINITION, FRAMES, "2017-02")
    assert rows.select("item", "numerator").rows() == [
        ("C1", 1.0),
        ("C2", 0.0),
        ("C4", 1.0),
        ("C5", 0.0),
        ("C6", 1.0),
    ]
