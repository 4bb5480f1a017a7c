"""CL-09 care leavers open to the service at the period's end whose pathway plan was
reviewed (or who left care) in the last six months: the engine's T-63 is not overdue."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_pathway_plan_current_pct import DEFINITION
from lineofsight.indicators.tests.definitions._leavers_frames import left_care_at_18
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of


def reviewed(child: str, on: dt.date, review: dt.date | None) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "as_of": on,
        "eligibility": "former_relevant",
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": "U",
        "pathway_plan_reviewed_on": review,
    }


BORN = {
    "Y1": dt.date(1998, 1, 1),
    "Y2": dt.date(1997, 6, 1),
    "Y3": dt.date(1998, 12, 1),
    "Y4": dt.date(1996, 3, 15),
    "Y5": dt.date(1997, 2, 1),
    "Y7": dt.date(1997, 9, 1),
    "Y8": dt.date(1997, 10, 1),
}
DIED = {"Y5": dt.date(2017, 1, 1)}

FRAMES = engine_frames(
    child=[
        *({"child_id": c, "born_on": born, "died_on": DIED.get(c)} for c, born in BORN.items()),
        {"child_id": "Y6", "born_on": dt.date(1997, 5, 1)},
    ],
    cla_episode=[left_care_at_18(child, born) for child, born in BORN.items()],
    care_leaver_status=[
        # Y1: reviewed on 1 November 2016, five months before 31 March 2017: current.
        reviewed("Y1", dt.date(2017, 1, 1), dt.date(2016, 11, 1)),
        # Y2: last reviewed on 1 August 2016, the next was due on 1 February: overdue.
        reviewed("Y2", dt.date(2016, 9, 1), dt.date(2016, 8, 1)),
        # Y3 left care on 1 December 2016, with no review since: not yet due, current.
        # Y4 turned 21 on 15 March 2017: no longer open to the service.
        reviewed("Y4", dt.date(2017, 3, 15), dt.date(2016, 6, 1)),
        # Y5 died on 1 January 2017.
        reviewed("Y5", dt.date(2016, 12, 1), dt.date(2016, 12, 1)),
        # Y6 is known only from this record (no care history held): no T-63 clock, not in
        # the base.
        reviewed("Y6", dt.date(2016, 5, 1), dt.date(2016, 12, 1)),
        # Y7: reviewed on 30 September 2016, due again on 30 March 2017: overdue on the 31st.
        reviewed("Y7", dt.date(2016, 9, 30), dt.date(2016, 9, 30)),
        # Y8: reviewed on 1 October 2016, due on 1 April 2017: current.
        reviewed("Y8", dt.date(2016, 10, 1), dt.date(2016, 10, 1)),
    ],
)


def test_care_leavers_open_at_the_end_are_counted_by_their_current_clock():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y7", "Y8"],
            "numerator": [1.0, 0.0, 1.0, 0.0, 1.0],
            "denominator": [1.0, 1.0, 1.0, 1.0, 1.0],
            "on": [dt.date(2017, 3, 31)] * 5,
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_with_a_current_plan():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 5.0, 60.0)


def test_an_earlier_month_end_reads_the_clock_then():
    # At 30 November 2016 Y2 was current (due 1 February), Y3 had not yet left care, Y4 was
    # not yet 21 and Y5, alive, had had no review since leaving care in February 2015.
    rows = counted_rows(DEFINITION, FRAMES, "2016-11")
    assert rows.select("item", "numerator").rows() == [
        ("Y1", 1.0),
        ("Y2", 1.0),
        ("Y4", 1.0),
        ("Y5", 0.0),
        ("Y7", 1.0),
        ("Y8", 1.0),
    ]
