"""Care leaver obligations from tiny frames: who is a care leaver, and T-63, T-64, T-65."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for

# C1 is 16 on 1 Jun 2015, 18 on 1 Jun 2017 and 21 on 1 Jun 2020.
C1 = {"child_id": "C1", "born_on": D(1999, 6, 1)}


def episode(
    key: str,
    started: dt.date,
    ended: dt.date | None,
    reason: str | None = "E6",
    child: str = "C1",
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": child,
        "started_on": started,
        "ended_on": ended,
        "reason_new": "S",
        "legal_status": "C2",
        "placement_type": "U4",
        "reason_ceased": reason,
    }


def contact(key: str, on: dt.date, child: str = "C1") -> dict[str, Any]:
    return {"key": key, "child_id": child, "kind": "care_leaver", "visited_on": on}


def status(key: str, recorded: dt.date, reviewed: dt.date | None) -> dict[str, Any]:
    return {"key": key, "child_id": "C1", "as_of": recorded, "pathway_plan_reviewed_on": reviewed}


def brief(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["rule"], r["start_key"], r["due_on"], r["met_key"], r["status"]) for r in rows]


# C1 was looked after from 13 (1 Jan 2013) and left at 16, on 15 Mar 2016, to live independently.
LEFT_AT_16 = [episode("E1", D(2013, 1, 1), D(2016, 3, 15))]


def test_visits_to_a_relevant_child_within_7_days_then_every_2_months() -> None:
    frames = journey_frames(
        child=[C1],
        cla_episode=LEFT_AT_16,
        visit=[
            contact("V1", D(2016, 3, 20)),
            contact("V2", D(2016, 5, 25)),
            {"key": "X", "child_id": "C1", "kind": "cla", "visited_on": D(2016, 4, 1)},
        ],
    )
    assert brief(rows_for("T-64", frames, as_of=D(2016, 9, 1))) == [
        ("T-64", "E1", D(2016, 3, 22), "V1", "met_on_time"),  # 7 days from leaving
        ("T-64", "V1", D(2016, 5, 20), "V2", "met_late"),  # 2 months from V1: 5 days late
        ("T-64", "V2", D(2016, 7, 25), None, "overdue"),  # (the CLA visit does not count)
    ]


def test_relevant_child_visits_stop_at_18() -> None:
    frames = journey_frames(
        child=[C1], cla_episode=LEFT_AT_16, visit=[contact("V1", D(2017, 4, 20))]
    )
    rows = rows_for("T-64", frames, as_of=D(2017, 12, 31))
    # The 7-day contact (due 22 Mar 2016) came only on 20 Apr 2017: met late. The clock from V1
    # (due 20 Jun 2017) falls after the 18th birthday (1 Jun 2017), when T-64 ends and T-65
    # takes over, so it lapsed.
    assert brief(rows) == [("T-64", "E1", D(2016, 3, 22), "V1", "met_late")]


def test_pathway_plan_reviewed_every_6_months_from_leaving_care() -> None:
    frames = journey_frames(
        child=[C1],
        cla_episode=LEFT_AT_16,
        care_leaver_status=[
            status("CLS-0", D(2016, 3, 1), D(2016, 3, 1)),  # before leaving: not counted
            status("CLS-1", D(2016, 6, 1), D(2016, 6, 1)),
            status("CLS-2", D(2016, 9, 1), D(2016, 6, 1)),  # the same review again: one event
            status("CLS-3", D(2017, 1, 1), D(2016, 12, 20)),
        ],
    )
    assert brief(rows_for("T-63", frames, as_of=D(2017, 3, 31))) == [
        ("T-63", "E1", D(2016, 9, 15), "CLS-1", "met_on_time"),  # 6 months from leaving
        ("T-63", "CLS-1", D(2016, 12, 1), "CLS-3", "met_late"),  # 6 months from 1 Jun
        ("T-63", "CLS-3", D(2017, 6, 20), None, "not_yet_due"),
    ]


def test_keeping_in_touch_from_18_to_21_every_8_weeks() -> None:
    frames = journey_frames(
        child=[C1],
        cla_episode=LEFT_AT_16,
        visit=[contact("V1", D(2017, 7, 20)), contact("V2", D(2017, 9, 20))],
    )
    assert brief(rows_for("T-65", frames, as_of=D(2017, 12, 31))) == [
        # from the 18th birthday (1 Jun 2017): 8 weeks is 27 Jul; V1 on 20 Jul
        ("T-65", "E1", D(2017, 7, 27), "V1", "met_on_time"),
        # 8 weeks from V1 is 14 Sep; V2 on 20 Sep: late
        ("T-65", "V1", D(2017, 9, 14), "V2", "met_late"),
        ("T-65", "V2", D(2017, 11, 15), None, "overdue"),
    ]


def test_left_care_at_18_owes_no_relevant_child_visits_and_the_adviser_is_responsible() -> None:
    frames = journey_frames(
        child=[C1],
        cla_episode=[episode("E1", D(2014, 1, 1), D(2017, 6, 1), reason="E17")],
        visit=[contact("V1", D(2017, 7, 20))],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "SW1",
                "team_id": "LAC",
                "role": "social_worker",
                "started_on": D(2014, 1, 1),
            },
            {
                "key": "A2",
                "child_id": "C1",
                "worker_id": "PA1",
                "team_id": "LEAVERS",
                "role": "personal_adviser",
                "started_on": D(2017, 3, 1),
            },
        ],
    )
    assert rows_for("T-64", frames, as_of=D(2017, 12, 31)) == []
    (first, _) = rows_for("T-65", frames, as_of=D(2017, 12, 31))
    assert (first["due_on"], first["status"], first["worker_id"]) == (
        D(2017, 7, 27),
        "met_on_time",
        "PA1",  # the personal adviser, not the social worker
    )


def test_no_care_leaver_clocks_for_children_who_are_not_care_leavers() -> None:
    born = D(1999, 6, 1)
    frames = journey_frames(
        child=[{"child_id": c, "born_on": born} for c in ("HOME", "YOUNG", "BRIEF", "BACK")],
        cla_episode=[
            # returned home at 17: not a relevant child
            episode("H1", D(2013, 1, 1), D(2016, 7, 1), reason="E4A", child="HOME"),
            # left care at 15
            episode("Y1", D(2013, 1, 1), D(2014, 7, 1), child="YOUNG"),
            # six weeks in care at 16: not eligible (13 weeks from 14 needed)
            episode("B1", D(2015, 9, 1), D(2015, 10, 13), child="BRIEF"),
            # left at 16, came back into care and is still looked after
            episode("K1", D(2013, 1, 1), D(2015, 9, 1), child="BACK"),
            episode("K2", D(2016, 1, 1), None, child="BACK"),
        ],
    )
    for rule in ("T-63", "T-64", "T-65"):
        assert rows_for(rule, frames, as_of=D(2017, 3, 31)) == []


def test_eligibility_counts_every_period_since_14() -> None:
    # Two spells of 8 and 6 weeks after the 14th birthday make the 13 weeks between them.
    frames = journey_frames(
        child=[C1],
        cla_episode=[
            episode("P1", D(2014, 1, 1), D(2014, 2, 26), reason="E4A"),
            episode("P2", D(2015, 10, 1), D(2015, 11, 12)),
        ],
    )
    (row,) = rows_for("T-64", frames, as_of=D(2015, 11, 30))
    assert (row["start_key"], row["due_on"], row["status"]) == ("P2", D(2015, 11, 19), "overdue")
