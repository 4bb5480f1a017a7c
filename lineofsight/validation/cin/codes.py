"""CIN census code lists (statutory-formats.md §2.4 and §1.4.1), as the rules check them: the
model's own lists where it holds the census's codes, so they are written in one place.

Each list is the latest year's; the rules apply from 2022-23, after 5D and RC9 were added.
"""

from __future__ import annotations

from lineofsight.journey.domain.frame_schema import TABLES


def _codes(table: str, column: str) -> frozenset[str]:
    """The code list the journey model holds for a column: the census's own."""
    codes = TABLES[table].column(column).codes
    assert codes is not None, (table, column)
    return frozenset(codes)


ETHNICITY = _codes("child", "ethnicity")
DISABILITY = _codes("child_disability", "disability")
NO_DISABILITY = "NONE"
SEX = frozenset({"M", "F", "U"})
GENDER_CURRENT = frozenset({"0", "1", "2", "9"})  # collected until 2023-24
REFERRAL_SOURCE = _codes("referral", "source")
PRIMARY_NEED = frozenset(f"N{n}" for n in range(10))
REASON_FOR_CLOSURE = frozenset(f"RC{n}" for n in range(1, 10))
CATEGORY_OF_ABUSE = frozenset({"NEG", "PHY", "SAB", "EMO", "MUL"})
NO_FACTORS = "21"
