"""What differs between collection years of the CIN census, and where each year's XSD lives.

Years are named by the 31 March they end on (2017 = 2016-17), as the XSD files are.
The differences below were read from `CIN_schema_2017.xsd` … `CIN_schema_2026.xsd` (the
LIIA working schemas, see docs statutory-formats.md §2.2 and §2.6):

| from | difference |
|------|------------|
| 2017 | `GenderCurrent` 1/2/0/9; no `CINPlanDates`; factors 18A/19A only, no 24A; no 5D, RC9 |
| 2021 | factors 18B/18C/19B/19C added (18A/19A kept) |
| 2022 | `CINPlanDates` block (after Assessments, before Section47); factor 24A |
| 2023 | ReferralSource 5D (early help); ReasonForClosure RC9 |
| 2025 | `Sex` M/F/U replaces `GenderCurrent` |
| 2026 | N1 relabelled (documentation only) |

Our frames hold today's codes. For years whose XSD lacks a code the frames can hold, the code
is written as the nearest code that year had (`recodes`); those choices are ours, not DfE's,
and are marked as such. Anything else the XSD rejects is reported, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from lxml import etree

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.returns.domain.errors import ReturnError

FIRST_YEAR, LAST_YEAR = 2017, 2026

# Frames' sex (M/F/U) as `GenderCurrent` (to 2024): 0 = not recorded or unborn.
GENDER_CURRENT = MappingProxyType({"M": "1", "F": "2", "U": "0"})
SEX = MappingProxyType({"M": "M", "F": "F", "U": "U"})


@dataclass(frozen=True)
class YearFormat:
    """How one collection year's XML differs from the others."""

    year: int
    sex_element: str
    sex_codes: Mapping[str, str]
    has_cin_plan_dates: bool
    # element name -> {frames code -> the code written that year}
    recodes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def recode(self, element: str, code: str) -> str:
        return self.recodes.get(element, {}).get(code, code)


def year_format(year: int) -> YearFormat:
    """The format of the collection year ending 31 March `year`."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ReturnError(
            f"CIN census year {year}: only years ending 31 March {FIRST_YEAR}-{LAST_YEAR} "
            "have a schema"
        )
    factors: dict[str, str] = {}
    if year < 2021:  # 18A/19A were split by perpetrator in 2020/21
        factors |= {"18B": "18A", "18C": "18A", "19B": "19A", "19C": "19A"}
    if year < 2022:  # child criminal exploitation had no code of its own: "other"
        factors |= {"24A": "20"}
    recodes: dict[str, Mapping[str, str]] = {"AssessmentFactors": factors}
    if year < 2023:
        # Our choice [unconfirmed against the DfE guides]: early help referrals were "other
        # internal LA services"; closure into early help was closure after assessment.
        recodes["ReferralSource"] = {"5D": "5B"}
        recodes["ReasonForClosure"] = {"RC9": "RC8"}
    return YearFormat(
        year=year,
        sex_element="Sex" if year >= 2025 else "GenderCurrent",
        sex_codes=SEX if year >= 2025 else GENDER_CURRENT,
        has_cin_plan_dates=year >= 2022,
        recodes={name: MappingProxyType(codes) for name, codes in recodes.items() if codes},
    )


def cin_census_xsd_path(year: int) -> Path:
    """The XSD for the year ending 31 March `year`, in the shared data folder."""
    year_format(year)  # the year check
    return DATA_ROOT / "schemas" / "cin_census" / f"CIN_schema_{year}.xsd"


@lru_cache(maxsize=16)
def cin_census_schema(year: int) -> etree.XMLSchema:
    """The parsed XSD (cached: parsing takes longer than validating a small file)."""
    path = cin_census_xsd_path(year)
    if not path.is_file():
        raise ReturnError(f"CIN census {year}: no schema at {path}")
    return etree.XMLSchema(etree.parse(str(path)))
