"""CIN-07 episodes of need ending within 3 months: referral date to closure, under 3 months."""

import datetime as dt

from lineofsight.indicators.definitions.cin_ceased_3m_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def closed(
    key: str, referred: dt.date, on: dt.date, reason: str = "RC7", **more: object
) -> dict[str, object]:
    return {
        "key": key,
        "child_id": f"C{key}",
        "referred_on": referred,
        "closed_on": on,
        "closure_reason": reason,
        **more,
    }


FRAMES = build(
    referral=[
        # A day under three months: short.
        closed("R1", dt.date(2016, 1, 10), dt.date(2016, 4, 9)),
        # Exactly three months: not under.
        closed("R2", dt.date(2016, 1, 10), dt.date(2016, 4, 10)),
        # Closed before the year: out.
        closed("R3", dt.date(2016, 1, 10), dt.date(2016, 3, 31)),
        # NFA: not an episode of need.
        closed("R4", dt.date(2016, 6, 1), dt.date(2016, 6, 1), is_nfa=True),
        # Assessed and closed as not in need: not an episode of need.
        closed("R5", dt.date(2016, 6, 1), dt.date(2016, 7, 1), "RC8"),
        # Two years long, closed on the last day: in, not short.
        closed("R6", dt.date(2015, 1, 1), dt.date(2017, 3, 31), "RC1"),
        # Still open: not ended.
        {"key": "R7", "child_id": "C7", "referred_on": dt.date(2016, 6, 1)},
    ],
    assessment=[{"referral_id": "R5", "started_on": dt.date(2016, 6, 2)}],
)


def test_each_episode_ending_in_the_period_is_listed_and_short_ones_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("R1", 1.0, 1.0, dt.date(2016, 4, 9)),
        ("R2", 0.0, 1.0, dt.date(2016, 4, 10)),
        ("R6", 0.0, 1.0, dt.date(2017, 3, 31)),
    ]


def test_value_is_the_share_of_ended_episodes():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3
