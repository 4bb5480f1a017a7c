"""CL-03 care leavers aged 19-21 in suitable accommodation; gone abroad, deported and
residence not known are out of the base, not in touch stays in."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_suitable_accommodation_pct import (
    DEFINITION,
)
from lineofsight.indicators.tests.definitions._leavers_frames import left_care_at_18
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# Each young person is 19 on 1 June of 2016 (born 1997), in care from 15 to 18.
PEOPLE = {
    # Y1: semi-independent accommodation judged suitable.
    "Y1": ("D", True, "YES"),
    # Y2: no fixed abode, not suitable.
    "Y2": ("S", False, "YES"),
    # Y3: gone abroad (recorded suitable): suitability not usually known, out of the base.
    "Y3": ("G", True, "YES"),
    # Y4: residence not known: out of the base.
    "Y4": ("R", False, "YES"),
    # Y5: not in touch, nothing known: in the base, not suitable.
    "Y5": ("0", None, "NO"),
}


BORN = {child: dt.date(1997, n, 1) for n, child in enumerate([*PEOPLE, "Y6"], start=4)}

FRAMES = build(
    child=[{"child_id": child, "born_on": born} for child, born in BORN.items()],
    cla_episode=[left_care_at_18(child, born) for child, born in BORN.items()],
    care_leaver_status=[
        {
            "key": f"S-{child}",
            "child_id": child,
            "as_of": dt.date(2016, n, 1),
            "eligibility": "former_relevant",
            "in_touch": in_touch,
            "activity": "F2" if in_touch == "YES" else "0",
            "accommodation": accommodation,
            "accommodation_suitable": suitable,
        }
        for n, (child, (accommodation, suitable, in_touch)) in enumerate(PEOPLE.items(), start=4)
    ],
    # Y6 (19 on 1 September 2016) has no record around the birthday: in the base.
)


def test_suitability_is_counted_over_those_whose_suitability_can_be_known():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4", "Y5", "Y6"],
            "numerator": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 0.0, 0.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_suitable():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 4.0, 25.0)
