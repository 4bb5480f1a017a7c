"""The early help, CIN plan, proceedings and permanence rules on plain values: each allows the
possible order and refuses the other."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.domain.sequence import SequenceError

D = dt.date
JAN = D(2017, 1, 10)
MAR = D(2017, 3, 1)
JUN = D(2017, 6, 1)


def refused(message: str) -> pytest.RaisesExc[SequenceError]:
    """Expect a SequenceError carrying exactly this message."""
    return pytest.raises(SequenceError, match=f"^{re.escape(message)}$")


# ---- early help -----------------------------------------------------------------------------


def test_early_help_may_start_the_day_the_last_one_ended_not_while_one_is_open() -> None:
    plan_rules.check_early_help_start(started_on=MAR, episodes=[(JAN, MAR)], stepped_down_on=None)
    with refused(plan_rules.EARLY_HELP_ALREADY_OPEN):
        plan_rules.check_early_help_start(
            started_on=MAR, episodes=[(JAN, None)], stepped_down_on=None
        )
    with refused(plan_rules.EARLY_HELP_ALREADY_OPEN):
        plan_rules.check_early_help_start(
            started_on=JAN, episodes=[(MAR, JUN)], stepped_down_on=None
        )


def test_stepped_down_early_help_starts_on_or_after_its_referral() -> None:
    plan_rules.check_early_help_start(started_on=MAR, episodes=[], stepped_down_on=MAR)
    with refused(plan_rules.EARLY_HELP_BEFORE_STEP_DOWN):
        plan_rules.check_early_help_start(started_on=JAN, episodes=[], stepped_down_on=MAR)


def test_early_help_ends_once_after_its_start_and_its_work() -> None:
    plan_rules.check_early_help_end(
        started_on=JAN, ended_on=JAN, already_ended=False, work_dates=[None, JAN]
    )
    with refused(plan_rules.EARLY_HELP_ALREADY_ENDED):
        plan_rules.check_early_help_end(
            started_on=JAN, ended_on=MAR, already_ended=True, work_dates=[]
        )
    with refused(rules.END_BEFORE_START):
        plan_rules.check_early_help_end(
            started_on=MAR, ended_on=JAN, already_ended=False, work_dates=[]
        )
    with refused(plan_rules.EARLY_HELP_ENDS_BEFORE_ITS_WORK):
        plan_rules.check_early_help_end(
            started_on=JAN, ended_on=MAR, already_ended=False, work_dates=[JAN, JUN]
        )


# ---- CIN plans ------------------------------------------------------------------------------


def test_cin_plan_does_not_overlap_another() -> None:
    plan_rules.check_cin_plan_start(started_on=MAR, cin_plans=[(JAN, MAR)], cp_plans=[])
    with refused(plan_rules.CIN_PLAN_ALREADY_OPEN):
        plan_rules.check_cin_plan_start(started_on=MAR, cin_plans=[(JAN, None)], cp_plans=[])


def test_cin_plan_starts_when_a_cp_plan_ends_not_while_it_is_open() -> None:
    plan_rules.check_cin_plan_start(started_on=MAR, cin_plans=[], cp_plans=[(JAN, MAR)])
    plan_rules.check_cin_plan_start(started_on=JAN, cin_plans=[], cp_plans=[(MAR, JUN)])
    with refused(plan_rules.CIN_PLAN_DURING_CP_PLAN):
        plan_rules.check_cin_plan_start(started_on=MAR, cin_plans=[], cp_plans=[(JAN, None)])
    with refused(plan_rules.CIN_PLAN_DURING_CP_PLAN):
        plan_rules.check_cin_plan_start(started_on=JAN, cin_plans=[], cp_plans=[(JAN, MAR)])


def test_cin_plan_ends_once_not_before_its_start_or_its_last_review() -> None:
    plan_rules.check_cin_plan_end(
        started_on=JAN, ended_on=JAN, already_ended=False, last_review_on=None
    )
    plan_rules.check_cin_plan_end(
        started_on=JAN, ended_on=MAR, already_ended=False, last_review_on=MAR
    )
    with refused(plan_rules.CIN_PLAN_ALREADY_ENDED):
        plan_rules.check_cin_plan_end(
            started_on=JAN, ended_on=MAR, already_ended=True, last_review_on=None
        )
    with refused(rules.END_BEFORE_START):
        plan_rules.check_cin_plan_end(
            started_on=MAR, ended_on=JAN, already_ended=False, last_review_on=None
        )
    with refused(plan_rules.CIN_PLAN_ENDS_BEFORE_REVIEW):
        plan_rules.check_cin_plan_end(
            started_on=JAN, ended_on=MAR, already_ended=False, last_review_on=JUN
        )


def test_cin_review_falls_within_its_plan() -> None:
    plan_rules.check_cin_review_within_plan(held_on=JAN, plan_started_on=JAN, plan_ended_on=None)
    plan_rules.check_cin_review_within_plan(held_on=MAR, plan_started_on=JAN, plan_ended_on=MAR)
    with refused(plan_rules.CIN_REVIEW_OUTSIDE_PLAN):
        plan_rules.check_cin_review_within_plan(
            held_on=JAN, plan_started_on=MAR, plan_ended_on=None
        )
    with refused(plan_rules.CIN_REVIEW_OUTSIDE_PLAN):
        plan_rules.check_cin_review_within_plan(held_on=JUN, plan_started_on=JAN, plan_ended_on=MAR)


# ---- legal proceedings ----------------------------------------------------------------------


def test_proceedings_of_a_kind_do_not_overlap() -> None:
    plan_rules.check_proceedings_start(started_on=MAR, same_kind=[(JAN, MAR)])
    with refused(plan_rules.PROCEEDINGS_ALREADY_OPEN):
        plan_rules.check_proceedings_start(started_on=MAR, same_kind=[(JAN, None)])


def test_proceedings_end_once_with_an_outcome() -> None:
    plan_rules.check_proceedings_end(
        started_on=JAN, ended_on=MAR, already_ended=False, outcome_given=True
    )
    with refused(plan_rules.PROCEEDINGS_ALREADY_ENDED):
        plan_rules.check_proceedings_end(
            started_on=JAN, ended_on=MAR, already_ended=True, outcome_given=True
        )
    with refused(rules.END_BEFORE_START):
        plan_rules.check_proceedings_end(
            started_on=MAR, ended_on=JAN, already_ended=False, outcome_given=True
        )
    with refused(plan_rules.PROCEEDINGS_END_WITHOUT_OUTCOME):
        plan_rules.check_proceedings_end(
            started_on=JAN, ended_on=MAR, already_ended=False, outcome_given=False
        )


# ---- adoption -------------------------------------------------------------------------------


def steps(**dates: dt.date) -> dict[str, dt.date | None]:
    found: dict[str, dt.date | None] = dict.fromkeys(plan_rules.ADOPTION_STEPS)
    found.update(dates)
    return found


def test_adoption_steps_happen_while_looked_after() -> None:
    plan_rules.check_looked_after_for_adoption(on=MAR, episodes=[(JAN, MAR)])
    plan_rules.check_looked_after_for_adoption(on=JAN, episodes=[(JAN, None)])
    with refused(plan_rules.ADOPTION_NEEDS_LOOKED_AFTER):
        plan_rules.check_looked_after_for_adoption(on=JUN, episodes=[(JAN, MAR)])
    with refused(plan_rules.ADOPTION_NEEDS_LOOKED_AFTER):
        plan_rules.check_looked_after_for_adoption(on=JAN, episodes=[])


def test_one_adoption_decision_open_at_a_time() -> None:
    plan_rules.check_adoption_decision(decision_on=MAR, adoptions=[(JAN, MAR)])
    with refused(plan_rules.ADOPTION_ALREADY_OPEN):
        plan_rules.check_adoption_decision(decision_on=MAR, adoptions=[(JAN, None)])


def test_adoption_steps_in_order_each_once() -> None:
    plan_rules.check_adoption_step(
        step="placement_order_on", on=MAR, steps=steps(decision_on=JAN), ceased=False
    )
    plan_rules.check_adoption_step(
        step="matched_on", on=MAR, steps=steps(decision_on=JAN), ceased=False
    )
    plan_rules.check_adoption_step(
        step="placed_on", on=MAR, steps=steps(decision_on=JAN, matched_on=MAR), ceased=False
    )
    with refused(plan_rules.ADOPTION_STEP_ALREADY_RECORDED):
        plan_rules.check_adoption_step(
            step="matched_on", on=MAR, steps=steps(decision_on=JAN, matched_on=MAR), ceased=False
        )
    with refused(plan_rules.ADOPTION_STEPS_OUT_OF_ORDER):
        plan_rules.check_adoption_step(
            step="matched_on", on=JAN, steps=steps(decision_on=MAR), ceased=False
        )
    with refused(plan_rules.ADOPTION_STEPS_OUT_OF_ORDER):
        plan_rules.check_adoption_step(
            step="placement_order_on",
            on=JUN,
            steps=steps(decision_on=JAN, matched_on=MAR),
            ceased=False,
        )


def test_adoption_placement_and_order_need_the_step_before() -> None:
    with refused(plan_rules.ADOPTION_NEEDS_EARLIER_STEP):
        plan_rules.check_adoption_step(
            step="placed_on", on=MAR, steps=steps(decision_on=JAN), ceased=False
        )
    with refused(plan_rules.ADOPTION_NEEDS_EARLIER_STEP):
        plan_rules.check_adoption_step(
            step="adoption_order_on",
            on=JUN,
            steps=steps(decision_on=JAN, matched_on=MAR),
            ceased=False,
        )


def test_no_step_after_the_decision_ceased_or_the_order_was_made() -> None:
    with refused(plan_rules.ADOPTION_CEASED):
        plan_rules.check_adoption_step(
            step="matched_on", on=MAR, steps=steps(decision_on=JAN), ceased=True
        )
    with refused(plan_rules.ADOPTION_ORDER_MADE):
        plan_rules.check_adoption_step(
            step="placement_order_on",
            on=MAR,
            steps=steps(decision_on=JAN, matched_on=MAR, placed_on=MAR, adoption_order_on=JUN),
            ceased=False,
        )


def test_adoption_decision_ceases_once_after_its_steps_and_never_after_the_order() -> None:
    plan_rules.check_adoption_ceasing(
        ceased_on=MAR, steps=steps(decision_on=JAN, matched_on=MAR), ceased=False
    )
    with refused(plan_rules.ADOPTION_CEASED):
        plan_rules.check_adoption_ceasing(ceased_on=MAR, steps=steps(decision_on=JAN), ceased=True)
    with refused(plan_rules.ADOPTION_ORDER_MADE):
        plan_rules.check_adoption_ceasing(
            ceased_on=JUN,
            steps=steps(decision_on=JAN, matched_on=MAR, placed_on=MAR, adoption_order_on=JUN),
            ceased=False,
        )
    with refused(plan_rules.ADOPTION_CEASED_BEFORE_STEP):
        plan_rules.check_adoption_ceasing(
            ceased_on=MAR, steps=steps(decision_on=JAN, matched_on=JUN), ceased=False
        )


# ---- care leavers ---------------------------------------------------------------------------

BORN = D(2000, 3, 2)
BIRTHDAY_17 = D(2017, 3, 2)


def _status(
    as_of: dt.date = BIRTHDAY_17,
    needs_care_history: bool = True,
    episodes: list[tuple[dt.date, dt.date | None]] | None = None,
    already_recorded: bool = False,
    pathway_plan_reviewed_on: dt.date | None = None,
) -> None:
    plan_rules.check_care_leaver_status(
        as_of=as_of,
        born_on=BORN,
        needs_care_history=needs_care_history,
        episodes=[(D(2015, 1, 5), D(2017, 3, 1))] if episodes is None else episodes,
        already_recorded=already_recorded,
        pathway_plan_reviewed_on=pathway_plan_reviewed_on,
    )


def test_care_leaver_status_is_for_a_young_person_of_16_or_over() -> None:
    _status(as_of=D(2016, 3, 2))
    with refused(plan_rules.CARE_LEAVER_UNDER_16):
        _status(as_of=D(2016, 3, 1))


def test_care_leaver_status_needs_care_unless_qualifying() -> None:
    _status(episodes=[], needs_care_history=False)
    with refused(plan_rules.CARE_LEAVER_NEVER_LOOKED_AFTER):
        _status(episodes=[])
    with refused(plan_rules.CARE_LEAVER_NEVER_LOOKED_AFTER):
        _status(episodes=[(D(2017, 4, 1), None)])


def test_care_leaver_status_once_a_day_with_an_earlier_pathway_review() -> None:
    _status(pathway_plan_reviewed_on=D(2017, 3, 2))
    with refused(plan_rules.CARE_LEAVER_STATUS_ALREADY_RECORDED):
        _status(already_recorded=True)
    with refused(plan_rules.PATHWAY_REVIEW_AFTER_CONTACT):
        _status(pathway_plan_reviewed_on=D(2017, 3, 3))


def _circumstances(
    in_touch: bool = True,
    gone: bool = False,
    activity: bool = True,
    accommodation: bool = True,
    suitability: bool = True,
) -> None:
    plan_rules.check_care_leaver_circumstances(
        in_touch=in_touch,
        died_or_returned_home=gone,
        activity_known=activity,
        accommodation_known=accommodation,
        suitability_given=suitability,
    )


def test_care_leaver_circumstances_fit_being_in_touch() -> None:
    _circumstances()
    _circumstances(
        in_touch=False, gone=True, activity=False, accommodation=False, suitability=False
    )
    _circumstances(in_touch=False, activity=False, accommodation=True)
    with refused(plan_rules.CARE_LEAVER_GONE_WITH_ACTIVITY):
        _circumstances(in_touch=False, gone=True, accommodation=False, suitability=False)
    with refused(plan_rules.CARE_LEAVER_IN_TOUCH_WITHOUT_ACTIVITY):
        _circumstances(activity=False)
    with refused(plan_rules.CARE_LEAVER_SUITABILITY_WITHOUT_ACCOMMODATION):
        _circumstances(in_touch=False, accommodation=False)


# ---- private fostering ----------------------------------------------------------------------


def test_private_fostering_is_not_while_looked_after_nor_overlapping() -> None:
    plan_rules.check_private_fostering_start(
        started_on=MAR, arrangements=[(JAN, MAR)], episodes=[(JAN, D(2017, 2, 28))]
    )
    with refused(plan_rules.PRIVATE_FOSTERING_WHILE_LOOKED_AFTER):
        plan_rules.check_private_fostering_start(
            started_on=MAR, arrangements=[], episodes=[(JAN, MAR)]
        )
    with refused(plan_rules.PRIVATE_FOSTERING_ALREADY_OPEN):
        plan_rules.check_private_fostering_start(
            started_on=MAR, arrangements=[(JAN, None)], episodes=[]
        )


def test_private_fostering_ends_once_not_before_it_started() -> None:
    plan_rules.check_private_fostering_end(started_on=JAN, ended_on=JAN, already_ended=False)
    with refused(plan_rules.PRIVATE_FOSTERING_ALREADY_ENDED):
        plan_rules.check_private_fostering_end(started_on=JAN, ended_on=MAR, already_ended=True)
    with refused(rules.END_BEFORE_START):
        plan_rules.check_private_fostering_end(started_on=MAR, ended_on=JAN, already_ended=False)
