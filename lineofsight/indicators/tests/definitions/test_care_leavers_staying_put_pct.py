"""CL-08 staying put: care leavers aged 18-20 who left foster care on their 18th birthday,
the share living with their former foster carers."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_staying_put_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def care(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date,
    placement: str,
    ceased: str = "E17",
    new: str = "S",
) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, reason=new, place=placement, ceased=ceased)


def status(child: str, on: dt.date, accommodation: str, staying_put: bool) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "as_of": on,
        "eligibility": "former_relevant",
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": accommodation,
        "accommodation_suitable": True,
        "staying_put": staying_put,
    }


FRAMES = build(
    child=[
        {"child_id": "Y1", "born_on": dt.date(1998, 6, 1)},
        {"child_id": "Y2", "born_on": dt.date(1997, 7, 1)},
        {"child_id": "Y3", "born_on": dt.date(1996, 8, 1)},
        {"child_id": "Y4", "born_on": dt.date(1998, 9, 1)},
        {"child_id": "Y5", "born_on": dt.date(1996, 1, 15)},
        {"child_id": "Y6", "born_on": dt.date(1997, 10, 1)},
        {"child_id": "Y7", "born_on": dt.date(1998, 11, 1)},
    ],
    cla_episode=[
        # Y1: left foster care (U4) on the 18th birthday in the period, staying put: counted.
        care("E1", "Y1", dt.date(2013, 6, 1), dt.date(2016, 6, 1), "U4"),
        # Y2: left foster care at 18; at 19 living independently: in the base, not counted.
        care("E2", "Y2", dt.date(2012, 7, 1), dt.date(2015, 7, 1), "U6"),
        # Y3: left a children's home at 18: not in the base.
        care("E3", "Y3", dt.date(2011, 8, 1), dt.date(2014, 8, 1), "K2"),
        # Y4: left foster care at 17 and a half, not on the 18th birthday: not in the base.
        care("E4", "Y4", dt.date(2013, 9, 1), dt.date(2016, 3, 1), "U6", "E5"),
        # Y5: left foster care at 18, but 21 in the period: too old.
        care("E5", "Y5", dt.date(2011, 1, 15), dt.date(2014, 1, 15), "U6"),
        # Y6: a change of legal status only (L) before leaving the same foster carer at 18;
        # at 20 living with the former foster carer (accommodation Z): counted.
        care("E6", "Y6", dt.date(2012, 10, 1), dt.date(2014, 10, 1), "U1", "X1"),
        care("E7", "Y6", dt.date(2014, 10, 1), dt.date(2015, 10, 1), "U1", new="L"),
        # Y7: left foster care on the 18th birthday, no record around it: in the base.
        care("E8", "Y7", dt.date(2013, 11, 1), dt.date(2016, 11, 1), "U6"),
    ],
    care_leaver_status=[
        status("Y1", dt.date(2016, 6, 1), "Z", staying_put=True),
        status("Y2", dt.date(2016, 7, 1), "U", staying_put=False),
        status("Y3", dt.date(2016, 8, 1), "Z", staying_put=True),
        status("Y4", dt.date(2016, 9, 1), "Z", staying_put=True),
        status("Y5", dt.date(2017, 1, 15), "Z", staying_put=True),
        status("Y6", dt.date(2016, 10, 1), "Z", staying_put=False),
    ],
)


def test_only_those_who_left_foster_care_at_18_are_in_the_base():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y6", "Y7"],
            "numerator": [1.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_staying_put():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)
