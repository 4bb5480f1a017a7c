"""AD-09 adoptions of children aged 5 or over on the day of adoption."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoptions_aged_5_plus_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def adopted(key: str, child: str, ended: dt.date) -> dict[str, Any]:
    return cla_episode(
        child, dt.date(2015, 1, 1), ended, key=key, status="E1", place="A6", ceased="E12"
    )


FRAMES = build(
    child=[
        # C1: adopted on the 5th birthday: aged 5.
        {"child_id": "C1", "born_on": dt.date(2011, 6, 1)},
        # C2: adopted the day before the 5th birthday: aged 4.
        {"child_id": "C2", "born_on": dt.date(2011, 6, 2)},
        # C3: aged 11.
        {"child_id": "C3", "born_on": dt.date(2005, 1, 1)},
        # C4: date of birth not held: outside the base.
        {"child_id": "C4", "born_on": None},
    ],
    cla_episode=[
        adopted("E1", "C1", dt.date(2016, 6, 1)),
        adopted("E2", "C2", dt.date(2016, 6, 1)),
        adopted("E3", "C3", dt.date(2016, 12, 1)),
        adopted("E4", "C4", dt.date(2016, 12, 1)),
    ],
)


def test_each_adoption_is_counted_by_the_age_on_the_day():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["E1", "E2", "E3", "E4"],
            "numerator": [1.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_aged_5_or_over():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (2.0, 3.0)
    assert value is not None
    assert round(value, 1) == 66.7
