"""DfE and local code lists for the child's journey; values are the statutory codes."""

from django.db import models


class ReferralSource(models.TextChoices):
    S1A = "1A", "Individual: family member, relative or carer"
    S1B = "1B", "Individual: acquaintance"
    S1C = "1C", "Individual: self"
    S1D = "1D", "Individual: other"
    S2A = "2A", "Schools"
    S2B = "2B", "Education services"
    S3A = "3A", "Health: GP"
    S3B = "3B", "Health: health visitor"
    S3C = "3C", "Health: school nurse"
    S3D = "3D", "Health: other primary health services"
    S3E = "3E", "Health: A&E"
    S3F = "3F", "Health: other"
    S4 = "4", "Housing"
    S5A = "5A", "LA services: social care"
    S5B = "5B", "LA services: other internal"
    S5C = "5C", "LA services: external"
    S5D = "5D", "LA services: early help"
    S6 = "6", "Police"
    S7 = "7", "Other legal agency"
    S8 = "8", "Other"
    S9 = "9", "Anonymous"
    S10 = "10", "Unknown"


class ThresholdLevel(models.TextChoices):
    UNIVERSAL = "1", "Level 1: universal"
    EARLY_HELP = "2", "Level 2: early help"
    TARGETED = "3", "Level 3: children in need"
    SPECIALIST = "4", "Level 4: child protection / specialist"


class ContactOutcome(models.TextChoices):
    NFA = "nfa", "No further action"
    ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral to children's social care"
    EXISTING_CASE = "existing_case", "Passed to existing case"


class EarlyHelpOutcome(models.TextChoices):
    NEEDS_MET = "needs_met", "Needs met"
    STEPPED_UP = "stepped_up", "Stepped up to social care"
    DISENGAGED = "disengaged", "Family disengaged"
    MOVED_AWAY = "moved_away", "Moved away"
    OTHER = "other", "Other"


class PrimaryNeed(models.TextChoices):
    N0 = "N0", "Not stated"
    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental disability or illness"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"
    N9 = "N9", "Cases other than children in need"


class ClosureReason(models.TextChoices):
    RC1 = "RC1", "Adopted"
    RC2 = "RC2", "Died"
    RC3 = "RC3", "Child arrangements order"
    RC4 = "RC4", "Special guardianship order"
    RC5 = "RC5", "Transferred to another local authority"
    RC6 = "RC6", "Transferred to adult social care"
    RC7 = "RC7", "Services ceased for any other reason"
    RC8 = "RC8", "Case closed after assessment, no further action"
    RC9 = "RC9", "Case closed after assessment, referred to early help"


class AssessmentFactor(models.TextChoices):
    F1A = "1A", "Alcohol misuse: child"
    F1B = "1B", "Alcohol misuse: parent or carer"
    F1C = "1C", "Alcohol misuse: another person"
    F2A = "2A", "Drug misuse: child"
    F2B = "2B", "Drug misuse: parent or carer"
    F2C = "2C", "Drug misuse: another person"
    F3A = "3A", "Domestic violence: child"
    F3B = "3B", "Domestic violence: parent or carer"
    F3C = "3C", "Domestic violence: another person"
    F4A = "4A", "Mental health: child"
    F4B = "4B", "Mental health: parent or carer"
    F4C = "4C", "Mental health: another person"
    F5A = "5A", "Learning disability: child"
    F5B = "5B", "Learning disability: parent or carer"
    F5C = "5C", "Learning disability: another person"
    F6A = "6A", "Physical disability or illness: child"
    F6B = "6B", "Physical disability or illness: parent or carer"
    F6C = "6C", "Physical disability or illness: another person"
    F7A = "7A", "Young carer"
    F8B = "8B", "Privately fostered: overseas child intending to return"
    F8C = "8C", "Privately fostered: overseas child intending to stay"
    F8D = "8D", "Privately fostered: UK child in educational placement"
    F8E = "8E", "Privately fostered: UK child in alternative family arrangement"
    F8F = "8F", "Privately fostered: other"
    F9A = "9A", "Unaccompanied asylum-seeking child"
    F10A = "10A", "Going or being missing"
    F11A = "11A", "Child sexual exploitation"
    F12A = "12A", "Trafficking"
    F13A = "13A", "Gangs"
    F14A = "14A", "Socially unacceptable behaviour"
    F15A = "15A", "Self-harm"
    F16A = "16A", "Neglect"
    F17A = "17A", "Emotional abuse"
    F18A = "18A", "Physical abuse (retired 2020/21)"
    F18B = "18B", "Physical abuse: child on child"
    F18C = "18C", "Physical abuse: adult on child"
    F19A = "19A", "Sexual abuse (retired 2020/21)"
    F19B = "19B", "Sexual abuse: child on child"
    F19C = "19C", "Sexual abuse: adult on child"
    F20 = "20", "Other"
    F21 = "21", "No factors identified"
    F22A = "22A", "Female genital mutilation"
    F23A = "23A", "Abuse linked to faith or belief"
    F24A = "24A", "Child criminal exploitation"


class AssessmentOutcome(models.TextChoices):
    NFA = "nfa", "No further action"
    CIN_PLAN = "cin_plan", "Child in need plan"
    S47 = "s47", "Strategy discussion / section 47"
    EARLY_HELP = "early_help", "Early help"
    LOOKED_AFTER = "looked_after", "Looked after"
    OTHER = "other", "Other"


class StrategyDecision(models.TextChoices):
    S47 = "s47", "Section 47 enquiry"
    NO_S47 = "no_s47", "No section 47 enquiry"


class Section47Outcome(models.TextChoices):
    SUBSTANTIATED_ICPC = "icpc", "Concerns substantiated: initial conference"
    SUBSTANTIATED_NO_ICPC = "substantiated", "Concerns substantiated: no conference needed"
    NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"
    PRE_BIRTH = "pre_birth", "Pre-birth conference"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "Child protection plan"
    NO_PLAN = "no_plan", "No plan"
    PLAN_CONTINUES = "plan_continues", "Plan continues"
    PLAN_ENDS = "plan_ends", "Plan ends"


class CategoryOfAbuse(models.TextChoices):
    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    SAB = "SAB", "Sexual abuse"
    EMO = "EMO", "Emotional abuse"
    MUL = "MUL", "Multiple"


class CPPlanEndReason(models.TextChoices):
    CIN_PLAN = "cin_plan", "Stepped down to a child in need plan"
    LOOKED_AFTER = "looked_after", "Became looked after"
    NO_FURTHER = "no_further", "No further action needed"
    MOVED_AWAY = "moved_away", "Moved to another local authority"
    AGED_18 = "aged_18", "Reached 18"
    OTHER = "other", "Other"


class VisitKind(models.TextChoices):
    CIN = "cin", "Child in need visit"
    CP = "cp", "Child protection visit"
    CLA = "cla", "Looked-after child statutory visit"
    PRIVATE_FOSTERING = "private_fostering", "Private fostering visit"
    CARE_LEAVER = "care_leaver", "Care leaver contact"
    PRE_BIRTH = "pre_birth", "Pre-birth visit"


class ReasonNewEpisode(models.TextChoices):
    S = "S", "Started to be looked after"
    L = "L", "Change of legal status only"
    P = "P", "Change of placement and carer(s) only"
    T = "T", "Change of placement but same carer(s) only"
    B = "B", "Change of legal status and of placement and carer(s)"
    U = "U", "Change of legal status and of placement (same carer(s))"


class LegalStatus(models.TextChoices):
    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    V2 = "V2", "Single period of accommodation under section 20"
    V3 = "V3", "Agreed series of short-term breaks (episodes recorded)"
    V4 = "V4", "Agreed series of short-term breaks (agreements recorded)"
    L1 = "L1", "Police protection, in LA accommodation"
    L2 = "L2", "Emergency protection order"
    L3 = "L3", "Child assessment order, in LA accommodation"
    J1 = "J1", "Remanded to LA or youth detention accommodation"
    J2 = "J2", "Placed in LA accommodation under PACE"
    J3 = "J3", "Youth rehabilitation order with residence requirement"


class CLACategoryOfNeed(models.TextChoices):
    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental illness or disability"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"


class PlacementType(models.TextChoices):
    A3 = "A3", "Placed for adoption with consent, with current foster carer(s)"
    A4 = "A4", "Placed for adoption with consent, not with current foster carer(s)"
    A5 = "A5", "Placed for adoption with placement order, with current foster carer(s)"
    A6 = "A6", "Placed for adoption with placement order, not with current foster carer(s)"
    H5 = "H5", "Semi-independent living accommodation (to 2023/24)"
    K1 = "K1", "Secure children's home"
    K2 = "K2", "Children's home"
    K3 = "K3", "Registered supported accommodation"
    P1 = "P1", "Placed with own parent(s) or others with parental responsibility"
    P2 = "P2", "Independent living (to 2023/24)"
    P3 = "P3", "Residential employment"
    R1 = "R1", "Residential care home"
    R2 = "R2", "NHS/health trust or other medical or nursing establishment"
    R3 = "R3", "Family centre or mother and baby unit"
    R5 = "R5", "Young offender institution"
    S1 = "S1", "Residential school"
    T0 = "T0", "All types of temporary move"
    T1 = "T1", "Temporary period in hospital"
    T2 = "T2", "Temporary absence on holiday"
    T3 = "T3", "Temporary accommodation while foster carer on holiday"
    T4 = "T4", "Temporary accommodation of seven days or less"
    U1 = "U1", "Foster placement with relative or friend: long-term"
    U2 = "U2", "Foster placement with relative or friend: fostering for adoption"
    U3 = "U3", "Foster placement with relative or friend: other"
    U4 = "U4", "Foster placement with other foster carer: long-term"
    U5 = "U5", "Foster placement with other foster carer: fostering for adoption"
    U6 = "U6", "Foster placement with other foster carer: other"
    Z1 = "Z1", "Other placement (to 2024/25)"
    Z11 = "Z11", "Other placement (Z11)"
    Z12 = "Z12", "Other placement (Z12)"
    Z13 = "Z13", "Other placement (Z13)"
    Z14 = "Z14", "Other placement (Z14)"


# Temporary placements (SSDA903 T0 to T4): away from the normal placement for a while.
TEMPORARY_PLACEMENTS = frozenset(
    {PlacementType.T0, PlacementType.T1, PlacementType.T2, PlacementType.T3, PlacementType.T4}
)


class PlacementProvider(models.TextChoices):
    PR0 = "PR0", "Parent(s) or person with parental responsibility"
    PR1 = "PR1", "Own LA provision"
    PR2 = "PR2", "Other LA provision"
    PR3 = "PR3", "Other public provision"
    PR4 = "PR4", "Private provision"
    PR5 = "PR5", "Voluntary or third sector provision"


class PlacementLocation(models.TextChoices):
    IN = "IN", "Inside the LA's area"
    OUT = "OUT", "Outside the LA's area"


class ReasonEpisodeCeased(models.TextChoices):
    X1 = "X1", "Episode ceases and a new one begins the same day"
    E11 = "E11", "Adopted: application unopposed"
    E12 = "E12", "Adopted: consent dispensed with"
    E13 = "E13", "Left care to live with person(s) without parental responsibility"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment determined child is 18 or over"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 and remained with current carers"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another LA"
    E41 = "E41", "Residence or child arrangements order granted"
    E43 = "E43", "Special guardianship order to former foster carers (to 2017/18)"
    E44 = "E44", "Special guardianship order to other carers (to 2017/18)"
    E45 = "E45", "SGO to former foster carers who are relatives or friends"
    E46 = "E46", "SGO to former foster carers who are not relatives or friends"
    E47 = "E47", "SGO to other carers who are relatives or friends"
    E48 = "E48", "SGO to other carers who are not relatives or friends"
    E4A = "E4A", "Returned home as part of the care plan"
    E4B = "E4B", "Returned home, not part of the care plan"
    E5 = "E5", "Independent living with formalised support"
    E6 = "E6", "Independent living without formalised support"
    E7 = "E7", "Transferred to residential care funded by adult social care"
    E8 = "E8", "Period of being looked after ceased for any other reason"
    E9 = "E9", "Sentenced to custody"


class ReasonPlaceChange(models.TextChoices):
    CARPL = "CARPL", "Change to or implementation of care plan"
    CLOSE = "CLOSE", "Resignation or closure of provision"
    ALLEG = "ALLEG", "Allegation (section 47)"
    STAND = "STAND", "Standards of care concern"
    APPRR = "APPRR", "Approval removed"
    CREQB = "CREQB", "Carer requests end due to child's behaviour"
    CREQO = "CREQO", "Carer requests end for other reasons"
    CHILD = "CHILD", "Child requests end"
    LAREQ = "LAREQ", "Responsible or area authority requests end"
    PLACE = "PLACE", "Change in status of placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    PN0 = "PN0", "Child under 4 at the review"
    PN1 = "PN1", "Attends and speaks for self"
    PN2 = "PN2", "Attends, advocate speaks"
    PN3 = "PN3", "Attends and conveys views symbolically"
    PN4 = "PN4", "Attends but does not contribute"
    PN5 = "PN5", "Does not attend, briefs an advocate"
    PN6 = "PN6", "Does not attend, conveys views by a facilitative medium"
    PN7 = "PN7", "Does not attend and views not conveyed"


class HealthCheckKind(models.TextChoices):
    INITIAL_HEALTH_ASSESSMENT = "iha", "Initial health assessment"
    REVIEW_HEALTH_ASSESSMENT = "rha", "Review health assessment"
    DENTAL = "dental", "Dental check"
    IMMUNISATIONS = "immunisations", "Immunisations up to date"
    DEVELOPMENT_CHECK = "development", "Health surveillance / development check (under 5)"
    SDQ = "sdq", "Strengths and difficulties questionnaire"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse identified"
    INTERVENTION_RECEIVED = "intervention_received", "Substance misuse intervention received"
    INTERVENTION_OFFERED = "intervention_offered", "Intervention offered but refused"


class SDQReason(models.TextChoices):
    SDQ1 = "SDQ1", "Child under 4 or over 16"
    SDQ2 = "SDQ2", "Carer refused"
    SDQ3 = "SDQ3", "Not possible due to severity of disability"
    SDQ4 = "SDQ4", "Other"
    SDQ5 = "SDQ5", "Young person refused"


class OfstedGrade(models.TextChoices):
    OUTSTANDING = "1", "Outstanding"
    GOOD = "2", "Good"
    REQUIRES_IMPROVEMENT = "3", "Requires improvement"
    INADEQUATE = "4", "Inadequate"


class MissingKind(models.TextChoices):
    MISSING = "M", "Missing"
    AWAY = "A", "Away from placement without authorisation"


class YouthJusticeOutcomeKind(models.TextChoices):
    """What SSDA903 OC2 CONVICTED counts: convicted, or given a youth caution or a youth
    conditional caution. `not_known` is a return's CONVICTED 1, which does not say which."""

    CONVICTION = "conviction", "Convicted"
    YOUTH_CAUTION = "youth_caution", "Youth caution"
    YOUTH_CONDITIONAL_CAUTION = "youth_conditional_caution", "Youth conditional caution"
    NOT_KNOWN = "not_known", "Convicted or cautioned (which is not known)"


class LegalProceedingKind(models.TextChoices):
    PRE_PROCEEDINGS = "pre_proceedings", "Pre-proceedings (PLO)"
    CARE = "care", "Care proceedings"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    SGO = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "child_arrangements", "Child arrangements order"
    DISCHARGE = "discharge", "Discharge of care order"


class LegalProceedingOutcome(models.TextChoices):
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    SGO = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "child_arrangements", "Child arrangements order"
    NO_ORDER = "no_order", "No order"
    DIVERTED = "diverted", "Diverted from proceedings"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ReasonPlacedCeased(models.TextChoices):
    RD1 = "RD1", "Child's needs changed"
    RD2 = "RD2", "Court did not make a placement order"
    RD3 = "RD3", "Prospective adopters could not be found"
    RD4 = "RD4", "Any other reason"


class AdopterSex(models.TextChoices):
    M1 = "M1", "Single male"
    F1 = "F1", "Single female"
    MM = "MM", "Two males"
    FF = "FF", "Two females"
    MF = "MF", "Male and female"


class AdopterLegalStatus(models.TextChoices):
    L0 = "L0", "Single"
    L11 = "L11", "Married couple, different sex"
    L12 = "L12", "Married couple, same sex"
    L2 = "L2", "Civil partners"
    L3 = "L3", "Unmarried couple, different sex"
    L4 = "L4", "Unmarried couple, same sex"


class AdopterHouseholdStage(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    STAGE_1 = "stage_1", "Stage 1"
    STAGE_2 = "stage_2", "Stage 2"
    APPROVED = "approved", "Approved"
    MATCHED = "matched", "Matched"
    PLACED = "placed", "Child placed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PreviousPermanenceKind(models.TextChoices):
    P1 = "P1", "Adoption"
    P2 = "P2", "Special guardianship order"
    P3 = "P3", "Residence order / child arrangements order"
    P4 = "P4", "Unknown"
    Z1 = "Z1", "No previous permanence option"


class CareLeaverEligibility(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible"
    RELEVANT = "relevant", "Relevant"
    FORMER_RELEVANT = "former_relevant", "Former relevant"
    QUALIFYING = "qualifying", "Qualifying"


class InTouch(models.TextChoices):
    YES = "YES", "In touch"
    NO = "NO", "Not in touch"
    DIED = "DIED", "Died"
    REFU = "REFU", "Refuses contact"
    NREQ = "NREQ", "No longer requires services"
    RHOM = "RHOM", "Returned home for six months or more"


class CareLeaverActivity(models.TextChoices):
    F1 = "F1", "Full-time higher education"
    P1 = "P1", "Part-time higher education"
    F2 = "F2", "Full-time other education"
    P2 = "P2", "Part-time other education"
    F3 = "F3", "Full-time training or employment (to 2020/21)"
    P3 = "P3", "Part-time training or employment (to 2020/21)"
    F4 = "F4", "Full-time apprenticeship"
    P4 = "P4", "Part-time apprenticeship"
    F5 = "F5", "Full-time training or employment"
    P5 = "P5", "Part-time training or employment"
    G4 = "G4", "NEET: illness or disability"
    G5 = "G5", "NEET: other"
    G6 = "G6", "NEET: pregnancy or parenting"
    NOT_IN_TOUCH = "0", "Not in touch, died or returned home"


class CareLeaverAccommodation(models.TextChoices):
    B = "B", "With parents or relatives"
    C = "C", "Community home or other residential care"
    D = "D", "Semi-independent, transitional accommodation"
    E = "E", "Supported lodgings"
    G = "G", "Gone abroad"
    H = "H", "Deported"
    K = "K", "Ordinary lodgings without support"
    R = "R", "Residence not known"
    S = "S", "No fixed abode / homeless"
    T = "T", "Foyers and similar"
    U = "U", "Independent living"
    V = "V", "Emergency accommodation"
    W = "W", "Bed and breakfast"
    X = "X", "In custody"
    Y = "Y", "Other"
    Z = "Z", "With former foster carers"
    NOT_IN_TOUCH = "0", "Not in touch, died or returned home"


class CaseNoteKind(models.TextChoices):
    VISIT = "visit", "Visit"
    DIRECT_WORK = "direct_work", "Direct work"
    CONTACT = "contact", "Contact with family or professionals"
    MANAGEMENT_OVERSIGHT = "management_oversight", "Management oversight"
    SUPERVISION_EXTRACT = "supervision_extract", "Supervision extract"
    SIGNIFICANT_EVENT = "significant_event", "Significant event"
    OTHER = "other", "Other"


class DecisionKind(models.TextChoices):
    REFERRAL_OUTCOME = "referral_outcome", "Referral outcome"
    ASSESSMENT_SIGN_OFF = "assessment_sign_off", "Assessment sign-off"
    STEP_UP = "step_up", "Step up"
    STEP_DOWN = "step_down", "Step down"
    ALLOCATION = "allocation", "Allocation"
    CLOSURE = "closure", "Case closure"
    LEGAL_PLANNING = "legal_planning", "Legal planning"
    PLACEMENT_MOVE = "placement_move", "Placement move"
    BECOME_LOOKED_AFTER = "become_looked_after", "Become looked after"
    OTHER = "other", "Other"


class SupervisionKind(models.TextChoices):
    CASE = "case", "Case supervision"
    REFLECTIVE = "reflective", "Reflective supervision"
    PERSONAL = "personal", "Personal supervision"


class AuditGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class ComplaintStage(models.TextChoices):
    STAGE_1 = "1", "Stage 1: local resolution"
    STAGE_2 = "2", "Stage 2: investigation"
    STAGE_3 = "3", "Stage 3: review panel"


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ImprovementStatus(models.TextChoices):
    OPEN = "open", "Open"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    DONE = "done", "Done"
