"""CLA-01 children looked after per 10,000: each child in a period of care on the end date."""

import datetime as dt

from lineofsight.indicators.definitions.cla_rate import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    cla_episode=[
        episode("C1", dt.date(2016, 1, 10)),  # looked after all year: in
        episode("C2", dt.date(2016, 6, 1), dt.date(2017, 3, 31)),  # ceased on 31 March: out
        episode("C3", dt.date(2017, 3, 31)),  # started on 31 March: in
        episode("C4", dt.date(2016, 9, 1), status="V3"),  # short breaks only: out
        # C5: two episodes (a placement move) in one period of care: counted once.
        episode("C5", dt.date(2015, 5, 1), dt.date(2016, 8, 1)),
        episode("C5", dt.date(2016, 8, 1), reason="P"),
        episode("C6", dt.date(2017, 4, 1)),  # starts after the period: out
    ]
)


def test_children_looked_after_on_the_end_date_are_counted_once():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("C1", 1.0, 1.0, dt.date(2017, 3, 31)),
        ("C3", 1.0, 1.0, dt.date(2017, 3, 31)),
        ("C5", 1.0, 1.0, dt.date(2017, 3, 31)),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (3.0, 2.0, 1.5)


def test_each_month_is_a_snapshot_at_its_end():
    rows = counted_rows(DEFINITION, FRAMES, "2016-07", "2017-02")
    assert rows.select("period", "item").rows() == [
        ("2016-07", "C1"),
        ("2016-07", "C2"),
        ("2016-07", "C5"),
        ("2017-02", "C1"),
        ("2017-02", "C2"),
        ("2017-02", "C5"),
    ]


def test_no_episodes_gives_no_rows():
    assert counted_rows(DEFINITION, build(child=[]), "2016-17").is_empty()
