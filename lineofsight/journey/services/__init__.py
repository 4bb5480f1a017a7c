"""Writes for the child's journey: the only place its rows change.

Each service is one transaction: it checks the acting user may open the child's record,
asks `journey.domain.sequence` whether the event can happen given what the database already
holds (raising `SequenceError` when not, before anything is written), writes the row with a new
natural key and writes one `AuditEvent` per record it creates or changes. The modules follow the
journey's stages; everything is imported from here.
"""

from lineofsight.journey.services._steps import NO_ACCESS
from lineofsight.journey.services.children_in_need import (
    assessment_complete,
    assessment_start,
    referral_close,
    referral_create,
    visit_record,
)
from lineofsight.journey.services.early_help_and_plans import (
    cin_plan_end,
    cin_plan_review_record,
    cin_plan_start,
    early_help_episode_end,
    early_help_episode_start,
)
from lineofsight.journey.services.front_door import contact_decide, contact_record
from lineofsight.journey.services.looked_after import (
    cla_cease,
    cla_legal_status_change,
    cla_placement_change,
    cla_review_record,
    cla_start,
    education_plan_record,
    health_check_record,
    missing_episode_end,
    missing_episode_record,
    missing_episode_return_interview,
    youth_justice_outcome_record,
)
from lineofsight.journey.services.oversight import (
    case_audit_record,
    case_note_amend,
    case_note_record,
    decision_record,
    supervision_record,
)
from lineofsight.journey.services.permanence import (
    adoption_ceased_record,
    adoption_decision_record,
    adoption_matched_record,
    adoption_order_record,
    adoption_placed_record,
    adoption_placement_order_record,
    care_leaver_contact_record,
    legal_proceeding_end,
    legal_proceeding_record,
    private_fostering_arrangement_end,
    private_fostering_arrangement_start,
)
from lineofsight.journey.services.protection import (
    conference_record,
    core_group_record,
    cp_plan_end,
    cp_plan_start,
    section47_enquiry_complete,
    section47_enquiry_start,
    strategy_discussion_record,
)

__all__ = [
    "NO_ACCESS",
    "adoption_ceased_record",
    "adoption_decision_record",
    "adoption_matched_record",
    "adoption_order_record",
    "adoption_placed_record",
    "adoption_placement_order_record",
    "assessment_complete",
    "assessment_start",
    "care_leaver_contact_record",
    "case_audit_record",
    "case_note_amend",
    "case_note_record",
    "cin_plan_end",
    "cin_plan_review_record",
    "cin_plan_start",
    "cla_cease",
    "cla_legal_status_change",
    "cla_placement_change",
    "cla_review_record",
    "cla_start",
    "conference_record",
    "contact_decide",
    "contact_record",
    "core_group_record",
    "cp_plan_end",
    "cp_plan_start",
    "decision_record",
    "early_help_episode_end",
    "early_help_episode_start",
    "education_plan_record",
    "health_check_record",
    "legal_proceeding_end",
    "legal_proceeding_record",
    "missing_episode_end",
    "missing_episode_record",
    "missing_episode_return_interview",
    "private_fostering_arrangement_end",
    "private_fostering_arrangement_start",
    "referral_close",
    "referral_create",
    "section47_enquiry_complete",
    "section47_enquiry_start",
    "strategy_discussion_record",
    "supervision_record",
    "visit_record",
    "youth_justice_outcome_record",
]
