"""CL-04 care leavers aged 17-18 in suitable accommodation."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_17_18_suitable_accommodation_pct import (
    DEFINITION,
)
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def care(child: str, started: dt.date, ended: dt.date) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=f"E-{child}", ceased="E5")


def status(child: str, on: dt.date, accommodation: str, suitable: bool) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "as_of": on,
        "eligibility": "relevant",
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": accommodation,
        "accommodation_suitable": suitable,
    }


FRAMES = build(
    child=[
        {"child_id": "Y1", "born_on": dt.date(1999, 5, 1)},
        {"child_id": "Y2", "born_on": dt.date(1998, 7, 1)},
        {"child_id": "Y3", "born_on": dt.date(1999, 9, 1)},
        {"child_id": "Y4", "born_on": dt.date(1996, 9, 1)},
    ],
    cla_episode=[
        care("Y1", dt.date(2013, 6, 1), dt.date(2015, 11, 1)),
        care("Y2", dt.date(2013, 1, 1), dt.date(2016, 7, 1)),
        care("Y3", dt.date(2013, 10, 1), dt.date(2016, 1, 1)),
        care("Y4", dt.date(2011, 1, 1), dt.date(2014, 9, 1)),
    ],
    care_leaver_status=[
        # Y1, 17: supported lodgings, suitable.
        status("Y1", dt.date(2016, 5, 1), "E", True),
        # Y2, 18 (left care that day): bed and breakfast, not suitable.
        status("Y2", dt.date(2016, 7, 1), "W", False),
        # Y3, 17: deported: suitability not known, out of the base.
        status("Y3", dt.date(2016, 9, 1), "H", False),
        # Y4 is 20: not in this cohort.
        status("Y4", dt.date(2016, 9, 1), "U", True),
    ],
)


def test_the_17_18_cohort_is_counted_by_suitability():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3"],
            "numerator": [1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_suitable():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)
