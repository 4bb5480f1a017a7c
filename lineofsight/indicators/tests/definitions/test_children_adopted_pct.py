"""AD-05 children adopted, of children ceasing to be looked after (last cessation each)."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.children_adopted_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date | None,
    ceased: str | None,
    legal: str = "C2",
) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, status=legal, ceased=ceased)


FRAMES = build(
    cla_episode=[
        # C1: adopted in the period.
        episode("E1", "C1", dt.date(2014, 1, 1), dt.date(2016, 5, 1), "E11"),
        # C2: ceased twice in the period; the last cessation (adopted) is the one counted.
        episode("E2", "C2", dt.date(2015, 1, 1), dt.date(2016, 6, 1), "E4A"),
        episode("E3", "C2", dt.date(2016, 8, 1), dt.date(2017, 1, 10), "E12"),
        # C3: went home in the period, came back and was adopted after it: not adopted.
        episode("E4", "C3", dt.date(2015, 1, 1), dt.date(2016, 9, 1), "E4A"),
        episode("E5", "C3", dt.date(2016, 10, 1), dt.date(2017, 5, 1), "E11"),
        # C4: a short break ending in the period: not a cessation from care.
        episode("E6", "C4", dt.date(2016, 7, 1), dt.date(2016, 7, 3), "E8", legal="V3"),
        # C5: a change of episode the same day, still looked after: no cessation.
        episode("E7", "C5", dt.date(2015, 1, 1), dt.date(2016, 7, 1), "X1"),
        episode("E8", "C5", dt.date(2016, 7, 1), None, None),
        # C6: a special guardianship order on the period's last day: ceased, not adopted.
        episode("E9", "C6", dt.date(2015, 1, 1), dt.date(2017, 3, 31), "E43"),
        # C7: adopted the day before the period.
        episode("E10", "C7", dt.date(2014, 1, 1), dt.date(2016, 3, 31), "E11"),
    ]
)


def test_each_child_ceasing_counts_once_by_their_last_cessation():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "child_id": ["C1", "C2", "C3", "C6"],
            "numerator": [1.0, 1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(
        rows.sort("child_id").select("child_id", "numerator", "denominator"), expected
    )


def test_value_is_the_share_adopted():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
