"""The looked-after sequence rules on plain values: each allows the possible order and refuses
the other."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from lineofsight.journey.domain import sequence_looked_after as rules
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.journey.domain.sequence_looked_after import HealthValue

D = dt.date
LONDON = ZoneInfo("Europe/London")
BORN = D(2010, 5, 17)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def refused(message: str) -> pytest.RaisesExc[SequenceError]:
    """Expect a SequenceError carrying exactly this message."""
    return pytest.raises(SequenceError, match=f"^{re.escape(message)}$")


# ---- ages -----------------------------------------------------------------------------------


def test_age_turns_on_the_birthday() -> None:
    assert rules.age_on(born_on=BORN, on=D(2014, 5, 16)) == 3
    assert rules.age_on(born_on=BORN, on=D(2014, 5, 17)) == 4


def test_leap_day_birthday_counts_on_1_march() -> None:
    leap = D(2008, 2, 29)
    assert rules.age_on(born_on=leap, on=D(2018, 2, 28)) == 9
    assert rules.age_on(born_on=leap, on=D(2018, 3, 1)) == 10


# ---- starting care --------------------------------------------------------------------------


def test_first_period_of_care_can_start() -> None:
    rules.check_can_start_care(started_on=D(2017, 1, 9), episodes=[])


def test_new_period_after_the_last_ended_can_start() -> None:
    rules.check_can_start_care(started_on=D(2017, 1, 9), episodes=[(D(2016, 1, 1), D(2016, 6, 1))])


def test_start_while_an_episode_is_open_is_refused() -> None:
    with refused(rules.LOOKED_AFTER_ALREADY):
        rules.check_can_start_care(started_on=D(2017, 1, 9), episodes=[(D(2016, 1, 1), None)])


def test_start_inside_an_ended_episode_or_before_a_later_one_is_refused() -> None:
    with refused(rules.LOOKED_AFTER_ALREADY):
        rules.check_can_start_care(
            started_on=D(2016, 3, 1), episodes=[(D(2016, 1, 1), D(2016, 6, 1))]
        )
    with refused(rules.LOOKED_AFTER_ALREADY):
        rules.check_can_start_care(
            started_on=D(2015, 3, 1), episodes=[(D(2016, 1, 1), D(2016, 6, 1))]
        )


def test_start_the_day_the_last_period_ended_is_refused() -> None:
    with refused(rules.LOOKED_AFTER_AGAIN_SAME_DAY):
        rules.check_can_start_care(
            started_on=D(2016, 6, 1), episodes=[(D(2016, 1, 1), D(2016, 6, 1))]
        )


def test_start_at_18_is_refused() -> None:
    rules.check_starts_under_18(started_on=D(2028, 5, 16), born_on=BORN)
    with refused(rules.LOOKED_AFTER_FROM_18):
        rules.check_starts_under_18(started_on=D(2028, 5, 17), born_on=BORN)


def test_start_in_a_temporary_placement_is_refused() -> None:
    rules.check_not_temporary_start(temporary=False)
    with refused(rules.TEMPORARY_START):
        rules.check_not_temporary_start(temporary=True)


# ---- changes and ends -----------------------------------------------------------------------


def test_no_open_episode_is_refused() -> None:
    rules.check_has_open_episode(open_started_on=D(2017, 1, 9))
    with refused(rules.NO_OPEN_EPISODE):
        rules.check_has_open_episode(open_started_on=None)


def test_change_after_the_first_day_is_allowed_and_on_or_before_refused() -> None:
    rules.check_after_episode_start(on=D(2017, 1, 10), episode_started_on=D(2017, 1, 9))
    for on in (D(2017, 1, 9), D(2017, 1, 8)):
        with refused(rules.EPISODE_CHANGE_NOT_AFTER_START):
            rules.check_after_episode_start(on=on, episode_started_on=D(2017, 1, 9))


@pytest.mark.parametrize(
    ("legal_status_changed", "placement_changed", "same_carers", "expected"),
    [
        (True, False, False, "L"),
        (True, False, True, "L"),
        (False, True, False, "P"),
        (False, True, True, "T"),
        (True, True, False, "B"),
        (True, True, True, "U"),
    ],
)
def test_reason_for_new_episode_says_what_changed(
    legal_status_changed: bool, placement_changed: bool, same_carers: bool, expected: str
) -> None:
    assert (
        rules.reason_new_episode(
            legal_status_changed=legal_status_changed,
            placement_changed=placement_changed,
            same_carers=same_carers,
        )
        == expected
    )


def test_a_change_that_changes_nothing_is_refused() -> None:
    with refused(rules.NOTHING_CHANGED):
        rules.reason_new_episode(
            legal_status_changed=False, placement_changed=False, same_carers=False
        )


def test_unchanged_legal_status_or_placement_is_refused() -> None:
    rules.check_legal_status_changes(legal_status_changed=True)
    rules.check_placement_changes(placement_changed=True)
    with refused(rules.LEGAL_STATUS_UNCHANGED):
        rules.check_legal_status_changes(legal_status_changed=False)
    with refused(rules.PLACEMENT_UNCHANGED):
        rules.check_placement_changes(placement_changed=False)


def test_reason_for_a_move_is_needed_except_out_of_a_temporary_placement() -> None:
    rules.check_place_change_reason(leaving_temporary=False, reason_given=True)
    rules.check_place_change_reason(leaving_temporary=True, reason_given=False)
    with refused(rules.PLACE_CHANGE_REASON_NEEDED):
        rules.check_place_change_reason(leaving_temporary=False, reason_given=False)
    with refused(rules.PLACE_CHANGE_REASON_FROM_TEMPORARY):
        rules.check_place_change_reason(leaving_temporary=True, reason_given=True)


CEASED = D(2017, 6, 1)


def _cease(ended_on: dt.date = CEASED, *, is_x1: bool = False, temporary: bool = False) -> None:
    rules.check_cease(
        ended_on=ended_on, episode_started_on=D(2017, 1, 9), is_x1=is_x1, temporary=temporary
    )


def test_leaving_care_after_the_first_day_is_allowed() -> None:
    _cease()


def test_leaving_care_with_x1_on_the_first_day_or_from_a_temporary_placement_is_refused() -> None:
    with refused(rules.CEASE_WITH_X1):
        _cease(is_x1=True)
    with refused(rules.EPISODE_CHANGE_NOT_AFTER_START):
        _cease(D(2017, 1, 9))
    with refused(rules.TEMPORARY_END):
        _cease(temporary=True)


# ---- while looked after ---------------------------------------------------------------------

EPISODES = [(D(2017, 1, 9), D(2017, 3, 1)), (D(2017, 3, 1), D(2017, 6, 1))]


def test_looked_after_from_the_first_to_the_last_day() -> None:
    for on in (D(2017, 1, 9), D(2017, 3, 1), D(2017, 6, 1)):
        rules.check_looked_after_on(on=on, episodes=EPISODES)
    for on in (D(2017, 1, 8), D(2017, 6, 2)):
        with refused(rules.NOT_LOOKED_AFTER):
            rules.check_looked_after_on(on=on, episodes=EPISODES)
    rules.check_looked_after_on(on=D(2030, 1, 1), episodes=[(D(2017, 1, 9), None)])


def _review(held_on: dt.date, *, pn0: bool, dates: tuple[dt.date, ...] = ()) -> None:
    rules.check_review(held_on=held_on, born_on=BORN, participation_under_4=pn0, review_dates=dates)


def test_review_participation_follows_the_age_at_the_review() -> None:
    _review(D(2014, 5, 16), pn0=True)
    _review(D(2014, 5, 17), pn0=False)
    with refused(rules.REVIEW_PN0_NOT_UNDER_4):
        _review(D(2014, 5, 17), pn0=True)
    with refused(rules.REVIEW_UNDER_4_NEEDS_PN0):
        _review(D(2014, 5, 16), pn0=False)


def test_second_review_the_same_day_is_refused() -> None:
    _review(D(2017, 2, 1), pn0=False, dates=(D(2017, 1, 9),))
    with refused(rules.REVIEW_ALREADY_HELD):
        _review(D(2017, 2, 1), pn0=False, dates=(D(2017, 2, 1),))


def test_sdq_has_a_score_or_a_reason() -> None:
    rules.check_health_value(takes=HealthValue.SDQ, value="0", sdq_reason="")
    rules.check_health_value(takes=HealthValue.SDQ, value="40", sdq_reason="")
    rules.check_health_value(takes=HealthValue.SDQ, value="", sdq_reason="SDQ2")
    with refused(rules.SDQ_SCORE_AND_REASON):
        rules.check_health_value(takes=HealthValue.SDQ, value="12", sdq_reason="SDQ2")
    with refused(rules.SDQ_SCORE_OR_REASON_NEEDED):
        rules.check_health_value(takes=HealthValue.SDQ, value="", sdq_reason="")
    for score in ("41", "-1", "twelve", "1.5"):
        with refused(rules.SDQ_SCORE_OUT_OF_RANGE):
            rules.check_health_value(takes=HealthValue.SDQ, value=score, sdq_reason="")


def test_yes_no_checks_hold_1_or_0_and_dated_checks_nothing() -> None:
    rules.check_health_value(takes=HealthValue.YES_NO, value="1", sdq_reason="")
    rules.check_health_value(takes=HealthValue.YES_NO, value="0", sdq_reason="")
    rules.check_health_value(takes=HealthValue.NONE, value="", sdq_reason="")
    for value in ("", "Y", "yes"):
        with refused(rules.HEALTH_YES_OR_NO):
            rules.check_health_value(takes=HealthValue.YES_NO, value=value, sdq_reason="")
    with refused(rules.HEALTH_NO_VALUE):
        rules.check_health_value(takes=HealthValue.NONE, value="1", sdq_reason="")
    with refused(rules.SDQ_REASON_ONLY_FOR_SDQ):
        rules.check_health_value(takes=HealthValue.YES_NO, value="1", sdq_reason="SDQ1")


# ---- missing and away -----------------------------------------------------------------------

DAY = D(2017, 2, 1)
RETURNED = at(DAY, 14)


def test_missing_episodes_may_follow_each_other() -> None:
    earlier = [(at(DAY, 10), at(DAY, 14))]
    rules.check_no_missing_overlap(started_at=at(DAY, 14), ended_at=None, others=earlier)
    rules.check_no_missing_overlap(started_at=at(DAY, 6), ended_at=at(DAY, 10), others=earlier)


def test_overlapping_missing_episodes_are_refused() -> None:
    cases: list[tuple[list[rules.Interval], dt.datetime, dt.datetime | None]] = [
        ([(at(DAY, 10), at(DAY, 14))], at(DAY, 12), None),
        ([(at(DAY, 10), at(DAY, 14))], at(DAY, 8), at(DAY, 11)),
        ([(at(DAY, 10), None)], at(DAY, 20), at(DAY, 21)),
        ([(at(DAY, 10), None)], at(DAY, 8), None),
    ]
    for others, started_at, ended_at in cases:
        with refused(rules.MISSING_ALREADY):
            rules.check_no_missing_overlap(started_at=started_at, ended_at=ended_at, others=others)


def test_missing_episode_ends_once() -> None:
    rules.check_missing_end(already_ended=False)
    with refused(rules.MISSING_ALREADY_ENDED):
        rules.check_missing_end(already_ended=True)


def _interview(
    *,
    returned_at: dt.datetime | None = RETURNED,
    offered: bool = True,
    done_at: dt.datetime | None = None,
    accepted: bool | None = None,
) -> None:
    rules.check_return_interview(
        returned_at=returned_at, offered=offered, done_at=done_at, accepted=accepted
    )


def test_return_interview_offered_accepted_and_held_after_the_return() -> None:
    _interview()
    _interview(offered=False)
    _interview(accepted=False)
    _interview(accepted=True, done_at=at(D(2017, 2, 3), 10))
    _interview(accepted=True, done_at=at(DAY, 14))


def test_return_interview_out_of_order_is_refused() -> None:
    with refused(rules.MISSING_NOT_RETURNED):
        _interview(returned_at=None)
    with refused(rules.INTERVIEW_NOT_OFFERED):
        _interview(offered=False, accepted=True)
    with refused(rules.INTERVIEW_NOT_OFFERED):
        _interview(offered=False, done_at=at(D(2017, 2, 3), 10))
    with refused(rules.INTERVIEW_HELD_NOT_ACCEPTED):
        _interview(accepted=False, done_at=at(D(2017, 2, 3), 10))
    with refused(rules.INTERVIEW_BEFORE_RETURN):
        _interview(accepted=True, done_at=at(DAY, 13))


def test_youth_justice_outcome_from_age_10() -> None:
    rules.check_youth_justice_age(outcome_on=D(2020, 5, 17), born_on=BORN)
    with refused(rules.YOUTH_JUSTICE_UNDER_10):
        rules.check_youth_justice_age(outcome_on=D(2020, 5, 16), born_on=BORN)


def test_youth_justice_legal_status_from_age_10() -> None:
    tenth = D(2020, 5, 17)
    rules.check_youth_justice_status_age(legal_status="J1", on=tenth, born_on=BORN)
    rules.check_youth_justice_status_age(legal_status="C2", on=D(2012, 1, 1), born_on=BORN)
    for status in ("J1", "J2", "J3"):
        with refused(rules.YOUTH_JUSTICE_STATUS_UNDER_10):
            rules.check_youth_justice_status_age(
                legal_status=status, on=tenth - dt.timedelta(days=1), born_on=BORN
            )


def test_an_episode_ends_only_once_the_child_it_was_missing_from_is_back() -> None:
    started, ends = D(2017, 1, 9), D(2017, 3, 1)
    # Away before the episode began, or from the day it ends (the next episode's): no matter.
    rules.check_no_missing_open_as_episode_ends(
        episode_started_on=started, ends_on=ends, open_missing_from=[D(2017, 1, 8), ends]
    )
    for day in (started, D(2017, 2, 28)):
        with refused(rules.MISSING_FROM_PLACEMENT_OPEN):
            rules.check_no_missing_open_as_episode_ends(
                episode_started_on=started, ends_on=ends, open_missing_from=[day]
            )


def test_care_ends_only_once_the_child_is_back() -> None:
    ends = D(2017, 3, 1)
    rules.check_no_missing_open_as_care_ends(ended_on=ends, open_missing_from=[])
    rules.check_no_missing_open_as_care_ends(ended_on=ends, open_missing_from=[D(2017, 3, 2)])
    for day in (D(2016, 12, 1), ends):
        with refused(rules.MISSING_OPEN_AT_LEAVING_CARE):
            rules.check_no_missing_open_as_care_ends(ended_on=ends, open_missing_from=[day])


def test_a_missing_episode_left_open_starts_in_care_still_open_or_out_of_care() -> None:
    # One episode ended by a move on 10 February (X1), the next ended by leaving care 1 March.
    episodes = [(D(2017, 1, 9), D(2017, 2, 10)), (D(2017, 2, 10), D(2017, 3, 1))]
    still_open = [(D(2017, 1, 9), D(2017, 2, 10)), (D(2017, 2, 10), None)]
    for day in (D(2017, 2, 10), D(2017, 2, 20)):
        rules.check_open_missing_in_open_care(started_on=day, ended=False, episodes=still_open)
    for day in (D(2016, 12, 1), D(2017, 3, 2)):  # not looked after then
        rules.check_open_missing_in_open_care(started_on=day, ended=False, episodes=episodes)
    for day in (D(2017, 1, 9), D(2017, 2, 9), D(2017, 2, 10), D(2017, 3, 1)):
        rules.check_open_missing_in_open_care(started_on=day, ended=True, episodes=episodes)
        with refused(rules.MISSING_OPEN_FROM_ENDED_PLACEMENT):
            rules.check_open_missing_in_open_care(started_on=day, ended=False, episodes=episodes)


def test_out_of_a_temporary_placement_back_to_the_normal_placement_type() -> None:
    rules.check_return_from_temporary(
        normal_placement_type=None, new_placement_type="U4", new_is_temporary=False
    )
    rules.check_return_from_temporary(
        normal_placement_type="U6", new_placement_type="U6", new_is_temporary=False
    )
    rules.check_return_from_temporary(
        normal_placement_type="U6", new_placement_type="T2", new_is_temporary=True
    )
    with refused(rules.RETURN_TO_NORMAL_PLACEMENT.format(normal="U6")):
        rules.check_return_from_temporary(
            normal_placement_type="U6", new_placement_type="U4", new_is_temporary=False
        )
