"""AD-03 A10: as A1, but a child adopted by their foster carer is timed to moving in with
that carer (the start of the run of episodes with the same carers)."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoption_care_to_moved_in_adjusted_avg_days import (
    DEFINITION,
)
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date,
    placement: str,
    new: str,
    ceased: str = "X1",
    legal: str = "C2",
) -> dict[str, Any]:
    return cla_episode(
        child, started, ended, key=key, reason=new, status=legal, place=placement, ceased=ceased
    )


def plan(key: str, child: str, placed: dt.date | None, by_foster_carer: bool) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": child,
        "decision_on": dt.date(2015, 2, 1),
        "placed_on": placed,
        "adopted_by_foster_carer": by_foster_carer,
    }


FRAMES = build(
    cla_episode=[
        # C1, adopted by the foster carer: moved to carer B on 1 March 2015 (P: new carers),
        # placed for adoption with them on 1 September (T: same carers). 59 days, not 243.
        episode("E1", "C1", dt.date(2015, 1, 1), dt.date(2015, 3, 1), "U6", "S"),
        episode("E2", "C1", dt.date(2015, 3, 1), dt.date(2015, 9, 1), "U4", "P"),
        episode("E3", "C1", dt.date(2015, 9, 1), dt.date(2016, 8, 1), "A5", "T", "E12"),
        # C2, adopted by the foster carer it lived with from entering care (L and U keep the
        # carers); no date placed on the record, so the A5 placement's start: 0 days.
        episode("E4", "C2", dt.date(2015, 1, 1), dt.date(2015, 5, 1), "U4", "S"),
        episode("E5", "C2", dt.date(2015, 5, 1), dt.date(2015, 10, 1), "U4", "L", legal="E1"),
        episode("E6", "C2", dt.date(2015, 10, 1), dt.date(2016, 10, 1), "A5", "U", "E11"),
        # C3, adopted by new adopters: timed to the placement, 151 days, as in A1.
        episode("E7", "C3", dt.date(2015, 1, 1), dt.date(2015, 6, 1), "U6", "S"),
        episode("E8", "C3", dt.date(2015, 6, 1), dt.date(2016, 6, 1), "A6", "P", "E11"),
        # C4, recorded as adopted by the foster carer but placed with new carers (P): the
        # carers it moved in with are the adopters, 90 days.
        episode("E9", "C4", dt.date(2015, 1, 1), dt.date(2015, 4, 1), "U6", "S"),
        episode("E10", "C4", dt.date(2015, 4, 1), dt.date(2016, 5, 1), "A6", "P", "E11"),
    ],
    adoption=[
        plan("A1", "C1", dt.date(2015, 9, 1), by_foster_carer=True),
        plan("A2", "C2", None, by_foster_carer=True),
        plan("A3", "C3", dt.date(2015, 6, 1), by_foster_carer=False),
        plan("A4", "C4", dt.date(2015, 4, 1), by_foster_carer=True),
    ],
)


def test_foster_carer_adoptions_are_timed_to_moving_in_with_the_carer():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["E1", "E4", "E7", "E9"],
            "denominator": [1.0, 1.0, 1.0, 1.0],
            "measure": [59.0, 0.0, 151.0, 90.0],
        }
    )
    assert_frame_equal(rows.select("item", "denominator", "measure"), expected)


def test_value_is_the_mean_days():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (300.0, 4.0, 75.0)
