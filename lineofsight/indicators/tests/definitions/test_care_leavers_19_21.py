"""CL-11 the 19-21 care-leaver cohort: who is in it, and who the cohort rules leave out."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.care_leavers_19_21 import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def care(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date,
    ceased: str = "E8",
    legal: str = "C2",
) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, status=legal, ceased=ceased)


def status(child: str, on: dt.date, in_touch: str = "YES") -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "as_of": on,
        "eligibility": "former_relevant",
        "in_touch": in_touch,
        "activity": "F2" if in_touch == "YES" else "0",
        "accommodation": "D" if in_touch == "YES" else "0",
    }


FRAMES = build(
    child=[
        {"child_id": "Y1", "born_on": dt.date(1997, 6, 1)},
        {"child_id": "Y2", "born_on": dt.date(1995, 12, 25)},
        {"child_id": "Y3", "born_on": dt.date(1996, 9, 10)},
        {"child_id": "Y4", "born_on": dt.date(1997, 7, 1)},
        {"child_id": "Y5", "born_on": dt.date(1997, 5, 1), "died_on": dt.date(2016, 1, 1)},
        {"child_id": "Y6", "born_on": dt.date(1997, 8, 1)},
        {"child_id": "Y7", "born_on": dt.date(1997, 9, 1)},
        {"child_id": "Y8", "born_on": dt.date(1997, 10, 1)},
        {"child_id": "Y9", "born_on": dt.date(1994, 8, 1)},
        {"child_id": "Y10", "born_on": dt.date(1998, 8, 1)},
        {"child_id": "Y11", "born_on": dt.date(1996, 11, 1)},
        {"child_id": "Y12", "born_on": dt.date(1997, 12, 1)},
        {"child_id": "Y13", "born_on": dt.date(1998, 1, 1)},
    ],
    cla_episode=[
        # Y1: in care from 15 to the 18th birthday; 19th birthday 1 June 2016: in.
        care("E1", "Y1", dt.date(2012, 6, 1), dt.date(2015, 6, 1), "E17"),
        # Y2: 21st birthday in the period, the council not in touch: still in.
        care("E2", "Y2", dt.date(2011, 1, 1), dt.date(2013, 12, 25)),
        # Y3: 20th birthday in the period, no care-leaver record around it: still in.
        care("E3", "Y3", dt.date(2011, 1, 1), dt.date(2014, 9, 10)),
        # Y4: returned home for six months or more (RHOM): out.
        care("E4", "Y4", dt.date(2012, 1, 1), dt.date(2015, 7, 1)),
        # Y5: died before the 19th birthday: out.
        care("E5", "Y5", dt.date(2012, 1, 1), dt.date(2015, 5, 1)),
        # Y6: recorded as died around the birthday: out.
        care("E6", "Y6", dt.date(2012, 1, 1), dt.date(2015, 8, 1)),
        # Y7: care ended by going home to parents: not a care leaver.
        care("E7", "Y7", dt.date(2012, 1, 1), dt.date(2014, 3, 1), "E4A"),
        # Y8: looked after 59 days since the 14th birthday, under 13 weeks: not a care leaver.
        care("E8", "Y8", dt.date(2014, 1, 1), dt.date(2014, 3, 1)),
        # Y9: 22nd birthday in the period: too old.
        care("E9", "Y9", dt.date(2009, 1, 1), dt.date(2012, 8, 1)),
        # Y10: 18th birthday in the period: the 17-18 cohort, not this one.
        care("E10", "Y10", dt.date(2013, 1, 1), dt.date(2016, 8, 1)),
        # Y11 has no episode held at all and a former-relevant record: in (Y11 below).
        # Y12: only short breaks: never a care leaver.
        care("E11", "Y12", dt.date(2014, 1, 1), dt.date(2014, 1, 3), legal="V3"),
        care("E12", "Y12", dt.date(2014, 3, 1), dt.date(2014, 3, 3), legal="V3"),
        # Y13: left care at 15, before the 16th birthday: not a care leaver.
        care("E13", "Y13", dt.date(2012, 1, 1), dt.date(2013, 6, 1)),
    ],
    care_leaver_status=[
        status("Y1", dt.date(2016, 6, 1)),
        status("Y2", dt.date(2016, 12, 25), in_touch="NO"),
        status("Y4", dt.date(2016, 7, 1), in_touch="RHOM"),
        status("Y6", dt.date(2016, 8, 1), in_touch="DIED"),
        status("Y7", dt.date(2016, 9, 1)),
        status("Y8", dt.date(2016, 10, 1)),
        status("Y11", dt.date(2016, 11, 1)),
        status("Y12", dt.date(2016, 12, 1)),
        status("Y13", dt.date(2017, 1, 1)),
    ],
)


def test_the_cohort_is_the_care_leavers_with_a_19th_to_21st_birthday_in_the_period():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "on").rows() == [
        ("Y1", 1.0, dt.date(2016, 6, 1)),
        ("Y11", 1.0, dt.date(2016, 11, 1)),
        ("Y2", 1.0, dt.date(2016, 12, 25)),
        ("Y3", 1.0, dt.date(2016, 9, 10)),
    ]


def test_value_is_the_number_in_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17")[2] == 4.0


def test_a_monthly_period_holds_the_birthdays_in_the_month():
    rows = counted_rows(DEFINITION, FRAMES, "2016-06", "2016-12", "2017-01")
    assert rows.select("period", "item").rows() == [("2016-06", "Y1"), ("2016-12", "Y2")]


def test_other_frames_get_their_own_cohort():
    # The shared cohort is remembered for the very frames it came from: frames built
    # afresh without Y1's care history and record give their own answer.
    counted_rows(DEFINITION, FRAMES, "2016-17")

    def without_y1(name: str) -> list[dict[str, Any]]:
        return [row for row in FRAMES[name].to_dicts() if row["child_id"] != "Y1"]

    fewer = build(
        child=FRAMES["child"].to_dicts(),
        cla_episode=without_y1("cla_episode"),
        care_leaver_status=without_y1("care_leaver_status"),
    )
    assert counted_rows(DEFINITION, fewer, "2016-17")["item"].to_list() == ["Y11", "Y2", "Y3"]
