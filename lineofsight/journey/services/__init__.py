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
    referral_create,
    visit_record,
)
from lineofsight.journey.services.front_door import contact_decide, contact_record
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
    "assessment_complete",
    "assessment_start",
    "conference_record",
    "contact_decide",
    "contact_record",
    "core_group_record",
    "cp_plan_end",
    "cp_plan_start",
    "referral_create",
    "section47_enquiry_complete",
    "section47_enquiry_start",
    "strategy_discussion_record",
    "visit_record",
]
