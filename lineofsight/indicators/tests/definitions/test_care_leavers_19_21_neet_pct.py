"""CL-05 care leavers aged 19-21 not in education, employment or training; activity not
known is not NEET."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_neet_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# Each young person turns 19 on the first of a month of 2016-17 (born 1997), after care
# from 15 to 18; their record is dated on the birthday: (in touch, activity).
PEOPLE = {
    "Y1": ("YES", "G4"),  # NEET: illness or disability
    "Y2": ("YES", "G6"),  # NEET: pregnancy or parenting
    "Y3": ("YES", "F1"),  # in higher education
    "Y4": ("NO", "0"),  # not in touch: in the base, activity not known, not NEET
    "Y5": ("RHOM", "0"),  # returned home for six months or more: out of the cohort
}


def young_person(month: int, child: str) -> tuple[dict[str, Any], dict[str, Any]]:
    person = {"child_id": child, "born_on": dt.date(1997, month, 1)}
    episode = {
        "key": f"E-{child}",
        "child_id": child,
        "started_on": dt.date(2012, month, 1),
        "ended_on": dt.date(2015, month, 1),
        "reason_new": "S",
        "legal_status": "C2",
        "placement_type": "U6",
        "reason_ceased": "E17",
    }
    return person, episode


MONTHS = dict(zip(PEOPLE, range(4, 13), strict=False))
PAIRS = [young_person(month, child) for child, month in MONTHS.items()]

FRAMES = build(
    child=[person for person, _ in PAIRS],
    cla_episode=[episode for _, episode in PAIRS],
    care_leaver_status=[
        {
            "key": f"S-{child}",
            "child_id": child,
            "as_of": dt.date(2016, MONTHS[child], 1),
            "eligibility": "former_relevant",
            "in_touch": in_touch,
            "activity": activity,
            "accommodation": "0" if activity == "0" else "U",
        }
        for child, (in_touch, activity) in PEOPLE.items()
    ],
)


def test_the_cohort_is_counted_by_neet_activity():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4"],
            "numerator": [1.0, 1.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator"), expected)
    assert rows["denominator"].to_list() == [1.0] * len(["Y1", "Y2", "Y3", "Y4"])


def test_value_is_the_share_of_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
