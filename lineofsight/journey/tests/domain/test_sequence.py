"""The sequence rules on plain values: each allows the possible order and refuses the other."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import BirthTiming, SequenceError

D = dt.date
TODAY = D(2017, 3, 31)
BORN = D(2016, 6, 1)


def refused(message: str) -> pytest.RaisesExc[SequenceError]:
    """Expect a SequenceError carrying exactly this message."""
    return pytest.raises(SequenceError, match=f"^{re.escape(message)}$")


def test_sequence_error_is_a_value_error() -> None:
    assert issubclass(SequenceError, ValueError)


# ---- dates ----------------------------------------------------------------------------------


def test_date_today_or_before_is_allowed_and_future_refused() -> None:
    rules.check_not_in_future(on=TODAY, today=TODAY)
    with refused(rules.DATE_IN_FUTURE):
        rules.check_not_in_future(on=TODAY + dt.timedelta(days=1), today=TODAY)


def test_end_on_or_after_start_is_allowed_and_before_refused() -> None:
    rules.check_end_not_before_start(started_on=D(2017, 1, 2), ended_on=None)
    rules.check_end_not_before_start(started_on=D(2017, 1, 2), ended_on=D(2017, 1, 2))
    with refused(rules.END_BEFORE_START):
        rules.check_end_not_before_start(started_on=D(2017, 1, 2), ended_on=D(2017, 1, 1))


# ---- birth ----------------------------------------------------------------------------------


def _birth(
    on: dt.date,
    timing: BirthTiming,
    born_on: dt.date | None = BORN,
    expected: dt.date | None = None,
) -> None:
    rules.check_against_birth(on=on, born_on=born_on, expected_birth_on=expected, timing=timing)


def test_event_needing_birth_is_refused_before_the_birth() -> None:
    _birth(BORN, BirthTiming.AFTER_BIRTH)
    with refused(rules.EVENT_BEFORE_BIRTH):
        _birth(BORN - dt.timedelta(days=1), BirthTiming.AFTER_BIRTH)


def test_event_needing_birth_is_refused_for_an_unborn_child() -> None:
    with refused(rules.UNBORN_ONLY_PRE_BIRTH):
        _birth(D(2017, 1, 10), BirthTiming.AFTER_BIRTH, born_on=None, expected=D(2017, 5, 1))


def test_pre_birth_event_is_allowed_for_an_unborn_child_and_refused_after_the_birth() -> None:
    _birth(D(2017, 1, 10), BirthTiming.BEFORE_BIRTH, born_on=None, expected=D(2017, 5, 1))
    _birth(D(2016, 3, 1), BirthTiming.BEFORE_BIRTH)
    with refused(rules.PRE_BIRTH_AFTER_BIRTH):
        _birth(BORN + dt.timedelta(days=1), BirthTiming.BEFORE_BIRTH)


def test_event_about_an_unborn_child_is_allowed_up_to_40_weeks_before_birth() -> None:
    """A referral may come before the birth (CIN census 8606), but not before the pregnancy."""
    forty_weeks = BORN - dt.timedelta(weeks=40)
    _birth(forty_weeks, BirthTiming.EITHER)
    _birth(D(2017, 1, 10), BirthTiming.EITHER, born_on=None, expected=D(2017, 5, 1))
    with refused(rules.EVENT_TOO_LONG_BEFORE_BIRTH):
        _birth(forty_weeks - dt.timedelta(days=1), BirthTiming.EITHER)
    with refused(rules.EVENT_TOO_LONG_BEFORE_BIRTH):
        _birth(D(2016, 1, 1), BirthTiming.BEFORE_BIRTH, born_on=None, expected=D(2017, 5, 1))


# ---- front door -----------------------------------------------------------------------------

RECEIVED = dt.datetime(2017, 1, 9, 10, 30, tzinfo=dt.UTC)


def test_contact_decided_after_receipt_is_allowed_and_before_refused() -> None:
    later = RECEIVED + dt.timedelta(hours=3)
    rules.check_contact_decision(received_at=RECEIVED, decision_at=later, already_decided=False)
    with refused(rules.CONTACT_DECIDED_BEFORE_RECEIVED):
        rules.check_contact_decision(
            received_at=RECEIVED,
            decision_at=RECEIVED - dt.timedelta(minutes=1),
            already_decided=False,
        )


def test_contact_decided_twice_is_refused() -> None:
    with refused(rules.CONTACT_ALREADY_DECIDED):
        rules.check_contact_decision(
            received_at=RECEIVED, decision_at=RECEIVED, already_decided=True
        )


def test_referral_without_a_contact_is_allowed() -> None:
    rules.check_referral_after_contact(
        referred_on=D(2017, 1, 9), contact_received_on=None, contact_is_referral=False
    )


def test_referral_on_or_after_its_contact_is_allowed_and_before_refused() -> None:
    rules.check_referral_after_contact(
        referred_on=D(2017, 1, 9), contact_received_on=D(2017, 1, 9), contact_is_referral=True
    )
    with refused(rules.REFERRAL_BEFORE_CONTACT):
        rules.check_referral_after_contact(
            referred_on=D(2017, 1, 8), contact_received_on=D(2017, 1, 9), contact_is_referral=True
        )


def test_referral_from_a_contact_not_decided_as_a_referral_is_refused() -> None:
    with refused(rules.CONTACT_NOT_A_REFERRAL):
        rules.check_referral_after_contact(
            referred_on=D(2017, 1, 9), contact_received_on=D(2017, 1, 9), contact_is_referral=False
        )


def test_referral_while_another_is_open_is_refused() -> None:
    closed = [(D(2016, 7, 1), D(2016, 9, 1))]
    rules.check_no_open_referral(referred_on=D(2016, 9, 1), referrals=closed)
    rules.check_no_open_referral(referred_on=D(2017, 1, 9), referrals=[])
    with refused(rules.REFERRAL_ALREADY_OPEN):
        rules.check_no_open_referral(referred_on=D(2017, 1, 9), referrals=[(D(2016, 12, 1), None)])
    with refused(rules.REFERRAL_ALREADY_OPEN):
        rules.check_no_open_referral(referred_on=D(2016, 8, 1), referrals=closed)
    with refused(rules.REFERRAL_ALREADY_OPEN):
        rules.check_no_open_referral(referred_on=D(2016, 6, 1), referrals=closed)


# ---- within a referral ----------------------------------------------------------------------


def test_event_within_its_referral_is_allowed_and_outside_refused() -> None:
    rules.check_within_referral(on=D(2017, 1, 9), referred_on=D(2017, 1, 9), closed_on=None)
    with refused(rules.BEFORE_REFERRAL):
        rules.check_within_referral(on=D(2017, 1, 8), referred_on=D(2017, 1, 9), closed_on=None)
    with refused(rules.AFTER_REFERRAL_CLOSED):
        rules.check_within_referral(
            on=D(2017, 3, 2), referred_on=D(2017, 1, 9), closed_on=D(2017, 3, 1)
        )


def test_records_of_one_referral_and_one_child_are_allowed_and_others_refused() -> None:
    rules.check_same_referral(referral_key="REF-1", linked_referral_key="REF-1")
    with refused(rules.WRONG_REFERRAL):
        rules.check_same_referral(referral_key="REF-1", linked_referral_key="REF-2")
    rules.check_same_child(child_id="C1", linked_child_id="C1")
    with refused(rules.WRONG_CHILD):
        rules.check_same_child(child_id="C1", linked_child_id="C2")


# ---- assessment -----------------------------------------------------------------------------


def _complete(
    authorised_on: dt.date, child_seen_on: dt.date | None = None, already_authorised: bool = False
) -> None:
    rules.check_assessment_completion(
        started_on=D(2017, 1, 10),
        authorised_on=authorised_on,
        child_seen_on=child_seen_on,
        already_authorised=already_authorised,
    )


def test_assessment_authorised_on_or_after_start_is_allowed_and_before_refused() -> None:
    _complete(D(2017, 1, 10))
    _complete(D(2017, 2, 20), child_seen_on=D(2017, 1, 12))
    with refused(rules.ASSESSMENT_AUTHORISED_BEFORE_START):
        _complete(D(2017, 1, 9))


def test_assessment_child_seen_outside_the_assessment_is_refused() -> None:
    with refused(rules.ASSESSMENT_SEEN_OUTSIDE):
        _complete(D(2017, 2, 20), child_seen_on=D(2017, 1, 9))
    with refused(rules.ASSESSMENT_SEEN_OUTSIDE):
        _complete(D(2017, 2, 20), child_seen_on=D(2017, 2, 21))


def test_assessment_completed_twice_is_refused() -> None:
    with refused(rules.ASSESSMENT_ALREADY_AUTHORISED):
        _complete(D(2017, 2, 20), already_authorised=True)


# ---- section 47 -----------------------------------------------------------------------------


def test_s47_on_or_after_its_strategy_discussion_is_allowed_and_without_one_refused() -> None:
    rules.check_s47_has_strategy_discussion(
        started_on=D(2017, 1, 12),
        discussion_held_on=D(2017, 1, 12),
        discussion_decided_s47=True,
    )
    with refused(rules.S47_NEEDS_STRATEGY_DISCUSSION):
        rules.check_s47_has_strategy_discussion(
            started_on=D(2017, 1, 12), discussion_held_on=None, discussion_decided_s47=False
        )
    with refused(rules.S47_NEEDS_STRATEGY_DISCUSSION):
        rules.check_s47_has_strategy_discussion(
            started_on=D(2017, 1, 11),
            discussion_held_on=D(2017, 1, 12),
            discussion_decided_s47=True,
        )


def test_s47_from_a_discussion_that_decided_no_s47_is_refused() -> None:
    with refused(rules.S47_NOT_DECIDED):
        rules.check_s47_has_strategy_discussion(
            started_on=D(2017, 1, 12),
            discussion_held_on=D(2017, 1, 12),
            discussion_decided_s47=False,
        )


def test_s47_completed_on_or_after_start_is_allowed_before_or_twice_refused() -> None:
    start = D(2017, 1, 12)
    rules.check_s47_completion(started_on=start, completed_on=start, already_completed=False)
    with refused(rules.END_BEFORE_START):
        rules.check_s47_completion(
            started_on=start, completed_on=D(2017, 1, 11), already_completed=False
        )
    with refused(rules.S47_ALREADY_COMPLETED):
        rules.check_s47_completion(started_on=start, completed_on=start, already_completed=True)


# ---- conferences and plans ------------------------------------------------------------------


def test_initial_conference_after_its_s47_is_allowed_and_without_one_refused() -> None:
    rules.check_conference_follows_s47(held_on=D(2017, 2, 1), enquiry_started_on=D(2017, 1, 12))
    with refused(rules.CONFERENCE_NEEDS_S47):
        rules.check_conference_follows_s47(held_on=D(2017, 2, 1), enquiry_started_on=None)
    with refused(rules.CONFERENCE_NEEDS_S47):
        rules.check_conference_follows_s47(held_on=D(2017, 2, 1), enquiry_started_on=D(2017, 2, 2))


def test_conference_outcome_must_fit_its_kind() -> None:
    rules.check_conference_outcome(outcome_fits_kind=True)
    with refused(rules.CONFERENCE_OUTCOME_DOES_NOT_FIT):
        rules.check_conference_outcome(outcome_fits_kind=False)


def test_cp_plan_at_a_conference_deciding_a_plan_is_allowed_and_without_one_refused() -> None:
    icpc = D(2017, 2, 1)
    rules.check_cp_plan_has_conference(
        started_on=icpc, conference_held_on=icpc, conference_decided_plan=True
    )
    with refused(rules.CP_PLAN_NEEDS_CONFERENCE):
        rules.check_cp_plan_has_conference(
            started_on=icpc, conference_held_on=None, conference_decided_plan=False
        )
    with refused(rules.CP_PLAN_NEEDS_CONFERENCE):
        rules.check_cp_plan_has_conference(
            started_on=icpc, conference_held_on=icpc, conference_decided_plan=False
        )


def test_cp_plan_starting_on_another_day_than_its_conference_is_refused() -> None:
    with refused(rules.CP_PLAN_STARTS_AT_CONFERENCE):
        rules.check_cp_plan_has_conference(
            started_on=D(2017, 2, 2), conference_held_on=D(2017, 2, 1), conference_decided_plan=True
        )


def test_second_open_cp_plan_is_refused() -> None:
    ended = [(D(2016, 7, 1), D(2016, 12, 1))]
    rules.check_no_open_cp_plan(started_on=D(2017, 2, 1), plans=[])
    rules.check_no_open_cp_plan(started_on=D(2016, 12, 1), plans=ended)
    with refused(rules.CP_PLAN_ALREADY_OPEN):
        rules.check_no_open_cp_plan(started_on=D(2017, 2, 1), plans=[(D(2016, 7, 1), None)])
    with refused(rules.CP_PLAN_ALREADY_OPEN):
        rules.check_no_open_cp_plan(started_on=D(2016, 11, 30), plans=ended)


def test_review_conference_with_an_open_plan_is_allowed_and_without_one_refused() -> None:
    plan = [(D(2017, 2, 1), None)]
    rules.check_review_has_open_plan(held_on=D(2017, 4, 26), plans=plan)
    rules.check_review_has_open_plan(held_on=D(2017, 6, 1), plans=[(D(2017, 2, 1), D(2017, 6, 1))])
    with refused(rules.REVIEW_NEEDS_OPEN_PLAN):
        rules.check_review_has_open_plan(held_on=D(2017, 4, 26), plans=[])
    with refused(rules.REVIEW_NEEDS_OPEN_PLAN):
        rules.check_review_has_open_plan(
            held_on=D(2017, 6, 2), plans=[(D(2017, 2, 1), D(2017, 6, 1))]
        )
    with refused(rules.REVIEW_NEEDS_OPEN_PLAN):
        rules.check_review_has_open_plan(held_on=D(2017, 2, 1), plans=plan)


def test_cp_plan_may_end_before_a_review_was_due_but_not_on_or_before_its_start() -> None:
    """Nothing ties the end to the last review or visit; only to the start (CIN census 8840)."""
    start = D(2017, 2, 1)
    rules.check_cp_plan_end(started_on=start, ended_on=D(2017, 2, 2), already_ended=False)
    with refused(rules.CP_PLAN_ENDS_BEFORE_START):
        rules.check_cp_plan_end(started_on=start, ended_on=start, already_ended=False)
    with refused(rules.CP_PLAN_ENDS_BEFORE_START):
        rules.check_cp_plan_end(started_on=start, ended_on=D(2017, 1, 31), already_ended=False)


def test_cp_plan_ended_twice_is_refused() -> None:
    with refused(rules.CP_PLAN_ALREADY_ENDED):
        rules.check_cp_plan_end(
            started_on=D(2017, 2, 1), ended_on=D(2017, 6, 1), already_ended=True
        )


def test_core_group_within_its_plan_is_allowed_and_outside_refused() -> None:
    start, end = D(2017, 2, 1), D(2017, 6, 1)
    rules.check_core_group_within_plan(held_on=start, plan_started_on=start, plan_ended_on=None)
    rules.check_core_group_within_plan(held_on=end, plan_started_on=start, plan_ended_on=end)
    with refused(rules.CORE_GROUP_OUTSIDE_PLAN):
        rules.check_core_group_within_plan(
            held_on=D(2017, 1, 31), plan_started_on=start, plan_ended_on=None
        )
    with refused(rules.CORE_GROUP_OUTSIDE_PLAN):
        rules.check_core_group_within_plan(
            held_on=D(2017, 6, 2), plan_started_on=start, plan_ended_on=end
        )


# ---- visits ---------------------------------------------------------------------------------


def test_visit_seen_alone_needs_seen() -> None:
    rules.check_visit(child_seen=True, child_seen_alone=True, pre_birth=False)
    rules.check_visit(child_seen=False, child_seen_alone=False, pre_birth=False)
    with refused(rules.VISIT_SEEN_ALONE_NOT_SEEN):
        rules.check_visit(child_seen=False, child_seen_alone=True, pre_birth=False)


def test_pre_birth_visit_cannot_see_the_child() -> None:
    rules.check_visit(child_seen=False, child_seen_alone=False, pre_birth=True)
    with refused(rules.PRE_BIRTH_VISIT_CHILD_SEEN):
        rules.check_visit(child_seen=True, child_seen_alone=False, pre_birth=True)


def test_cp_visit_while_a_plan_is_open_is_allowed_and_otherwise_refused() -> None:
    plans = [(D(2017, 2, 1), D(2017, 6, 1))]
    rules.check_cp_visit_has_open_plan(visited_on=D(2017, 2, 1), plans=plans)
    rules.check_cp_visit_has_open_plan(visited_on=D(2017, 6, 1), plans=plans)
    with refused(rules.CP_VISIT_NEEDS_OPEN_PLAN):
        rules.check_cp_visit_has_open_plan(visited_on=D(2017, 6, 2), plans=plans)
    with refused(rules.CP_VISIT_NEEDS_OPEN_PLAN):
        rules.check_cp_visit_has_open_plan(visited_on=D(2017, 2, 1), plans=[])


def test_a_referral_closes_once_on_or_after_it_was_made_with_its_work_ended() -> None:
    made, closing = D(2017, 4, 3), D(2017, 6, 1)
    rules.check_referral_closure(
        referred_on=made,
        closed_on=closing,
        already_closed=False,
        open_work=[("a child protection plan", (D(2017, 4, 27), closing))],
    )
    with pytest.raises(SequenceError, match=rules.REFERRAL_ALREADY_CLOSED):
        rules.check_referral_closure(
            referred_on=made, closed_on=closing, already_closed=True, open_work=[]
        )
    with pytest.raises(SequenceError, match=rules.REFERRAL_CLOSED_BEFORE_REFERRED):
        rules.check_referral_closure(
            referred_on=made, closed_on=D(2017, 4, 2), already_closed=False, open_work=[]
        )
    for ended in (None, D(2017, 6, 2)):
        with pytest.raises(SequenceError, match="still has a child in need plan open"):
            rules.check_referral_closure(
                referred_on=made,
                closed_on=closing,
                already_closed=False,
                open_work=[("a child in need plan", (D(2017, 5, 1), ended))],
            )
