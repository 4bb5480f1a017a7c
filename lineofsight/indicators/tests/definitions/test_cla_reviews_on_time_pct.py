"""CLA-10 looked-after reviews due in the period and held by their due date (T-39/T-40/T-41)."""

import datetime as dt

from lineofsight.indicators.definitions.cla_reviews_on_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

D = dt.date


def review(child, held):
    return {"child_id": child, "held_on": held}


FRAMES = engine_frames(
    cla_episode=[
        episode("C1", D(2016, 5, 2)),
        episode("C2", D(2015, 1, 5)),
        episode("C3", D(2016, 5, 2), status="V3"),  # short breaks: reviews are T-43, not here
    ],
    cla_review=[
        # C1 became looked after on 2 May 2016: first review due in 20 working days (31 May,
        # after the bank holiday), held 20 May: on time. Second due 3 months later (20
        # August), held 25 August: late. Third due 6 months after that (25 February 2017),
        # held 20 February: on time. The fourth falls due after the year.
        review("C1", D(2016, 5, 20)),
        review("C1", D(2016, 8, 25)),
        review("C1", D(2017, 2, 20)),
        # C2's earlier reviews fall due before the year; the one due 1 April 2016 (6 months
        # after 1 October 2015) is held that day: on time. The next, due 1 October 2016, is
        # never held: late.
        review("C2", D(2015, 1, 20)),
        review("C2", D(2015, 4, 10)),
        review("C2", D(2015, 10, 1)),
        review("C2", D(2016, 4, 1)),
        review("C3", D(2016, 8, 1)),
    ],
    allocation=[
        {
            "child_id": "C1",
            "worker_id": "W1",
            "team_id": "T1",
            "role": "social_worker",
            "started_on": D(2016, 5, 2),
        }
    ],
)


def test_reviews_due_in_the_year_and_whether_held_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("on")
    assert rows.select("child_id", "on", "numerator", "denominator").rows() == [
        ("C2", D(2016, 4, 1), 1.0, 1.0),
        ("C1", D(2016, 5, 31), 1.0, 1.0),
        ("C1", D(2016, 8, 20), 0.0, 1.0),
        ("C2", D(2016, 10, 1), 0.0, 1.0),
        ("C1", D(2017, 2, 25), 1.0, 1.0),
    ]


def test_the_obligation_names_the_responsible_worker():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.filter(rows["child_id"] == "C1")["worker_id"].unique().to_list() == ["W1"]


def test_value_is_the_share_held_on_time():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 5.0, 60.0)
