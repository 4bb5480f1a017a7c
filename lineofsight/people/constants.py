"""DfE code lists about the child and the workforce; values are the DfE codes."""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Unknown"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other Mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism"
    DDA = "DDA", "Other (Disability Discrimination Act)"


class UPNUnknownReason(models.TextChoices):
    UN1 = "UN1", "Not of school age and no UPN yet"
    UN2 = "UN2", "Never attended a maintained school in England"
    UN3 = "UN3", "Educated outside England"
    UN4 = "UN4", "Newly looked after, UPN not yet known"
    UN5 = "UN5", "Source discrepancies prevent reliable matching"
    UN6 = "UN6", "Other (CIN census)"
    UN7 = "UN7", "Referral with no further action"
    UN8 = "UN8", "Local code 8"
    UN9 = "UN9", "Local code 9"
    UN10 = "UN10", "Local code 10"


class RelationshipType(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    FOSTER_CARER = "foster_carer", "Foster carer"
    FAMILY_FRIEND = "family_friend", "Family friend"
    OTHER = "other", "Other significant adult"


class ServiceArea(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door / MASH"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Assessment"
    SAFEGUARDING = "safeguarding", "Safeguarding and family support"
    DISABILITIES = "disabilities", "Children with disabilities"
    CHILDREN_IN_CARE = "children_in_care", "Children in care"
    CARE_LEAVERS = "care_leavers", "Care leavers"
    ADOPTION = "adoption", "Adoption"
    FOSTERING = "fostering", "Fostering"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    IRO = "iro", "IRO / conference chairs"
    MANAGEMENT = "management", "Service management"


class WorkerRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    ASYE = "asye", "ASYE / newly qualified social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    IRO = "iro", "Independent reviewing officer"
    CONFERENCE_CHAIR = "conference_chair", "Conference chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    FAMILY_SUPPORT_WORKER = "family_support_worker", "Family support worker"
    BUSINESS_SUPPORT = "business_support", "Business support"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"


class AllocationRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Allocated social worker"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    IRO = "iro", "Independent reviewing officer"
    FAMILY_SUPPORT = "family_support", "Family support worker"
    HELD_BY_MANAGER = "held_by_manager", "Held by a team manager"
    DUTY = "duty", "Held on duty"


class SocialWorkerChangeReason(models.TextChoices):
    MANAGE = "MANAGE", "Managing caseloads"
    FCONTA = "FCONTA", "First contact or re-referral"
    LEFTRL = "LEFTRL", "Previous social worker left role"
    ORGRST = "ORGRST", "Organisational restructure"
    TSPROC = "TSPROC", "Transfer due to standard process"
    ABSENC = "ABSENC", "Absence cover or return from absence"
    CHCHAN = "CHCHAN", "Child requested change"
    PCCHAN = "PCCHAN", "Parent or carer requested change"
    SWDIED = "SWDIED", "Previous social worker died"
    OTHERS = "OTHERS", "Other"
