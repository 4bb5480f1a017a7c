"""CL-01 care leavers aged 19-21 in education, employment or training, from the care-leaver
record nearest the birthday within three months."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_eet_pct import DEFINITION
from lineofsight.indicators.tests.definitions._leavers_frames import left_care_at_18
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def status(key: str, child: str, on: dt.date, activity: str, in_touch: str = "YES") -> dict:
    return {
        "key": key,
        "child_id": child,
        "as_of": on,
        "eligibility": "former_relevant",
        "in_touch": in_touch,
        "activity": activity,
        "accommodation": "U" if activity != "0" else "0",
    }


BORN = {
    "Y1": dt.date(1997, 6, 1),  # 19 on 1 June 2016
    "Y2": dt.date(1996, 9, 10),  # 20 on 10 September 2016
    "Y3": dt.date(1995, 12, 25),  # 21 on 25 December 2016
    "Y4": dt.date(1997, 5, 1),
    "Y5": dt.date(1996, 10, 1),
    "Y6": dt.date(1998, 2, 1),
}

FRAMES = build(
    child=[{"child_id": child, "born_on": born} for child, born in BORN.items()],
    cla_episode=[left_care_at_18(child, born) for child, born in BORN.items()],
    care_leaver_status=[
        # Y1: in other education on the birthday: EET.
        status("S1", "Y1", dt.date(2016, 6, 1), "F2"),
        # Y2: two records in the window; the nearer (71 days before, in training) counts,
        # not the one 81 days after (NEET).
        status("S2", "Y2", dt.date(2016, 7, 1), "F3"),
        status("S3", "Y2", dt.date(2016, 11, 30), "G5"),
        # Y3: the only record is four months after the birthday, outside the window: nothing
        # known, in the base, not EET.
        status("S4", "Y3", dt.date(2017, 4, 25), "F1"),
        # Y4: the council not in touch: in the base, not EET.
        status("S5", "Y4", dt.date(2016, 5, 1), "0", in_touch="NO"),
        # Y5: part-time apprenticeship (a code from 2021-22 on): EET.
        status("S6", "Y5", dt.date(2016, 10, 1), "P4"),
        # Y6: NEET because of parenting.
        status("S7", "Y6", dt.date(2017, 2, 1), "G6"),
    ],
)


def test_each_young_person_in_the_cohort_is_counted_by_their_activity():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4", "Y5", "Y6"],
            "numerator": [1.0, 1.0, 0.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_in_eet():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 6.0, 50.0)
