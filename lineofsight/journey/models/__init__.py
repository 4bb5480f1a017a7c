"""The canonical journey model (journey-model.md §2 to §5)."""

from lineofsight.journey.models.children_in_need import (
    Assessment,
    AssessmentFactorRecord,
    CINPlan,
    CINPlanReview,
    Referral,
    Visit,
)
from lineofsight.journey.models.front_door import Contact, EarlyHelpEpisode
from lineofsight.journey.models.looked_after import (
    CLAEpisode,
    CLAReview,
    EducationPlan,
    HealthCheck,
    LegalProceeding,
    MissingEpisode,
    YouthJusticeOutcome,
)
from lineofsight.journey.models.oversight import (
    CaseAudit,
    CaseNote,
    Complaint,
    Decision,
    Supervision,
    SupervisionDiscussion,
)
from lineofsight.journey.models.permanence import (
    AdopterHousehold,
    Adoption,
    CareLeaverStatus,
    PreviousPermanence,
    PrivateFosteringArrangement,
)
from lineofsight.journey.models.protection import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Section47Enquiry,
    StrategyDiscussion,
)

__all__ = [
    "AdopterHousehold",
    "Adoption",
    "Assessment",
    "AssessmentFactorRecord",
    "CINPlan",
    "CINPlanReview",
    "CLAEpisode",
    "CLAReview",
    "CareLeaverStatus",
    "CaseAudit",
    "CaseNote",
    "ChildProtectionPlan",
    "Complaint",
    "Conference",
    "Contact",
    "CoreGroup",
    "Decision",
    "EarlyHelpEpisode",
    "EducationPlan",
    "HealthCheck",
    "LegalProceeding",
    "MissingEpisode",
    "PreviousPermanence",
    "PrivateFosteringArrangement",
    "Referral",
    "Section47Enquiry",
    "StrategyDiscussion",
    "Supervision",
    "SupervisionDiscussion",
    "Visit",
    "YouthJusticeOutcome",
]
