"""WF-02 turnover: FTE of directly employed leavers in the period over FTE in post at its end."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.social_workers_turnover_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2010, 1, 4)


def worker(staff_id: str, fte: float, ended_on: dt.date | None = None, **extra: object) -> dict:
    return {
        "staff_id": staff_id,
        "role": "social_worker",
        "fte": fte,
        "started_on": LONG_AGO,
        "ended_on": ended_on,
        **extra,
    }


FRAMES = build(
    worker=[
        # W1: in post at the end: base.
        worker("W1", 1.0),
        # W2: left in June: a leaver, by FTE.
        worker("W2", 0.5, dt.date(2016, 6, 30)),
        # W3: left on the period's last day: a leaver, and not in post at the end.
        worker("W3", 1.0, dt.date(2017, 3, 31)),
        # W4: started and left within the period: not a leaver (DfE).
        worker("W4", 1.0, dt.date(2016, 12, 1), started_on=dt.date(2016, 5, 3)),
        # W5: an agency worker who left: agency staff are in neither part.
        worker("W5", 1.0, dt.date(2016, 9, 1), is_agency=True),
        # W6: left on the last day of the previous year: not in this one.
        worker("W6", 1.0, dt.date(2016, 3, 31)),
        # W7: in post at the end, part time.
        worker("W7", 0.8),
        # W8: a business support leaver: not a social worker.
        worker("W8", 1.0, dt.date(2016, 7, 1), role="business_support"),
    ],
    team_membership=[
        # W2's membership ends the day they leave: they are counted in the team they left.
        {
            "worker_id": "W2",
            "team_id": "AST1",
            "started_on": LONG_AGO,
            "ended_on": dt.date(2016, 6, 30),
        },
    ],
)


def test_leavers_in_the_numerator_those_in_post_in_the_base():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["W1", "W2", "W3", "W7"],
            "numerator": [0.0, 0.5, 1.0, 0.0],
            "denominator": [1.0, 0.0, 0.0, 0.8],
            "on": [
                dt.date(2017, 3, 31),
                dt.date(2016, 6, 30),
                dt.date(2017, 3, 31),
                dt.date(2017, 3, 31),
            ],
            "team_id": [None, "AST1", None, None],
        },
        schema_overrides={"team_id": pl.String},
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on", "team_id"), expected)


def test_value_is_leaver_fte_over_fte_in_post():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.5, 1.8)
    assert value is not None
    assert round(value, 2) == 83.33
