"""CL-02 care leavers aged 17-18 in education, employment or training."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_17_18_eet_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def care(child: str, started: dt.date, ended: dt.date | None, ceased: str | None) -> dict:
    return cla_episode(child, started, ended, key=f"E-{child}", ceased=ceased)


def status(child: str, on: dt.date, activity: str, eligibility: str) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "as_of": on,
        "eligibility": eligibility,
        "in_touch": "YES",
        "activity": activity,
        "accommodation": "D",
    }


FRAMES = build(
    child=[
        {"child_id": "Y1", "born_on": dt.date(1999, 5, 1)},
        {"child_id": "Y2", "born_on": dt.date(1998, 8, 1)},
        {"child_id": "Y3", "born_on": dt.date(1999, 10, 1)},
        {"child_id": "Y4", "born_on": dt.date(1997, 11, 1)},
    ],
    cla_episode=[
        # Y1: left care at 16 to independent living; 17 on 1 May 2016: in, in education.
        care("Y1", dt.date(2013, 6, 1), dt.date(2015, 11, 1), "E5"),
        # Y2: left care on the 18th birthday, 1 August 2016: in (left by the birthday).
        care("Y2", dt.date(2013, 1, 1), dt.date(2016, 8, 1), "E17"),
        # Y3: still looked after on the 17th birthday: not a care leaver yet.
        care("Y3", dt.date(2014, 1, 1), None, None),
        # Y4: 19 in the period: the 19-21 cohort, not this one.
        care("Y4", dt.date(2012, 1, 1), dt.date(2015, 11, 1), "E17"),
    ],
    care_leaver_status=[
        status("Y1", dt.date(2016, 5, 1), "F2", "relevant"),
        status("Y2", dt.date(2016, 8, 1), "G4", "former_relevant"),
        status("Y3", dt.date(2016, 10, 1), "F2", "eligible"),
        status("Y4", dt.date(2016, 11, 1), "F2", "former_relevant"),
    ],
)


def test_the_17_18_cohort_is_counted_by_activity():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {"item": ["Y1", "Y2"], "numerator": [1.0, 0.0], "denominator": [1.0, 1.0]}
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_in_eet():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)
