"""The CIN census's flattened tables (statutory-formats.md §2.5) and each column's type.

Every table also has `row` (Int64, the 0-based index). Ids for repeated blocks are assigned
in document order, from 1 within their parent (CINdetailsID within the child, AssessmentID
and CPPID within the episode).
"""

from __future__ import annotations

import polars as pl

DATE = pl.Date()
TEXT = pl.String()
FLAG = pl.Boolean()
COUNT = pl.Int64()
ID = pl.Int64()

COLUMNS: dict[str, dict[str, pl.DataType]] = {
    "Header": {
        "Collection": TEXT,
        "Year": COUNT,
        "ReferenceDate": DATE,
        "SourceLevel": TEXT,
        "LEA": TEXT,
        "SoftwareCode": TEXT,
        "Release": TEXT,
        "SerialNo": TEXT,
        "DateTime": TEXT,
    },
    "ChildIdentifiers": {
        "LAchildID": TEXT,
        "UPN": TEXT,
        "FormerUPN": TEXT,
        "UPNunknown": TEXT,
        "PersonBirthDate": DATE,
        "ExpectedPersonBirthDate": DATE,
        "GenderCurrent": TEXT,
        "Sex": TEXT,
        "PersonDeathDate": DATE,
    },
    "ChildCharacteristics": {"LAchildID": TEXT, "Ethnicity": TEXT},
    "Disabilities": {"LAchildID": TEXT, "Disability": TEXT},
    "CINdetails": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "CINreferralDate": DATE,
        "ReferralSource": TEXT,
        "PrimaryNeedCode": TEXT,
        "CINclosureDate": DATE,
        "ReasonForClosure": TEXT,
        "DateOfInitialCPC": DATE,
        "ReferralNFA": FLAG,
    },
    "Assessments": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "AssessmentID": ID,
        "AssessmentActualStartDate": DATE,
        "AssessmentInternalReviewDate": DATE,
        "AssessmentAuthorisationDate": DATE,
        "AssessmentFactors": pl.List(pl.String),
    },
    "AssessmentFactorsList": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "AssessmentID": ID,
        "AssessmentFactor": TEXT,
    },
    "CINplanDates": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "CINPlanStartDate": DATE,
        "CINPlanEndDate": DATE,
    },
    "Section47": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "S47ActualStartDate": DATE,
        "InitialCPCtarget": DATE,
        "DateOfInitialCPC": DATE,
        "ICPCnotRequired": FLAG,
    },
    "ChildProtectionPlans": {
        "LAchildID": TEXT,
        "CINdetailsID": ID,
        "CPPID": ID,
        "CPPstartDate": DATE,
        "CPPendDate": DATE,
        "InitialCategoryOfAbuse": TEXT,
        "LatestCategoryOfAbuse": TEXT,
        "NumberOfPreviousCPP": COUNT,
    },
    "Reviews": {"LAchildID": TEXT, "CINdetailsID": ID, "CPPID": ID, "CPPreviewDate": DATE},
}

# Assigned by the reader, not read from the file, so never text.
IDS = frozenset({"CINdetailsID", "AssessmentID", "CPPID"})

# The XSD allows these spellings of a boolean (statutory-formats.md §2.2).
FLAG_VALUES = {"true": True, "1": True, "false": False, "0": False}


def _typed(column: str, dtype: pl.DataType) -> pl.Expr:
    """Text as the column's type; text that is not a valid value becomes null (the rules
    that say "missing or invalid" then catch it)."""
    text = pl.col(column).str.strip_chars()
    text = pl.when(text == "").then(None).otherwise(text)
    if dtype == DATE:
        return text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias(column)
    if dtype == FLAG:
        return text.str.to_lowercase().replace_strict(FLAG_VALUES, default=None).alias(column)
    if dtype == COUNT:
        return text.cast(pl.Int64, strict=False).alias(column)
    return text.alias(column)


def table_typed(name: str, rows: dict[str, list[object]]) -> pl.DataFrame:
    """A table from columns of raw values (text, except ids and lists), typed, with `row`."""
    columns = COLUMNS[name]
    raw_schema = {
        column: dtype if column in IDS or isinstance(dtype, pl.List) else TEXT
        for column, dtype in columns.items()
    }
    raw = pl.DataFrame({c: rows.get(c, []) for c in columns}, schema=raw_schema, strict=False)
    typed = raw.select(
        pl.col(column) if raw_schema[column] != TEXT else _typed(column, dtype)
        for column, dtype in columns.items()
    )
    return typed.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
