"""AD-05 children adopted from care (number): the last cessation in the period was E11/E12."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.children_adopted import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(key: str, child: str, started: dt.date, ended: dt.date, ceased: str) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, status="E1", place="A6", ceased=ceased)


FRAMES = build(
    cla_episode=[
        # C1: application unopposed (E11), on the period's first day.
        episode("E1", "C1", dt.date(2015, 1, 1), dt.date(2016, 4, 1), "E11"),
        # C2: consent dispensed with (E12).
        episode("E2", "C2", dt.date(2015, 1, 1), dt.date(2017, 2, 1), "E12"),
        # C3: ceased to a special guardianship order: not an adoption.
        episode("E3", "C3", dt.date(2015, 1, 1), dt.date(2016, 6, 1), "E44"),
        # C4: adopted the day after the period.
        episode("E4", "C4", dt.date(2015, 1, 1), dt.date(2017, 4, 1), "E11"),
        # C5: adopted earlier in the period, but back in care and ceased again (home): the
        # last cessation is not an adoption.
        episode("E5", "C5", dt.date(2015, 1, 1), dt.date(2016, 5, 1), "E11"),
        episode("E6", "C5", dt.date(2016, 9, 1), dt.date(2016, 12, 1), "E4B"),
    ]
)


def test_children_adopted_in_the_period_are_counted():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.sort("child_id").select("child_id", "numerator").rows() == [
        ("C1", 1.0),
        ("C2", 1.0),
    ]


def test_value_is_the_number():
    assert value_of(DEFINITION, FRAMES, "2016-17")[2] == 2.0


def test_monthly_periods_count_each_adoption_in_its_month():
    rows = counted_rows(DEFINITION, FRAMES, "2016-04", "2016-05", "2017-02")
    assert rows.sort("period").select("period", "child_id").rows() == [
        ("2016-04", "C1"),
        ("2016-05", "C5"),
        ("2017-02", "C2"),
    ]
