"""Annex A category cells: a council's wording to the template's option, and back to our codes.

Each category column has *options*: the forms the exporter writes for our model codes (found
through the spec, e.g. WBRI -> "a) WBRI", 6 -> "q) 6: Police", C2 -> "C2: FCO"), or, for a
column the model has no codes for (Case Status, the permanence plan, Yes/No flags), the
spec's own codes. A cell is matched, ignoring case and surrounding spaces, in this order:

1. an option ("a) WBRI");
2. one of our codes ("WBRI", "PR1", "M");
3. any name or code the spec lists for the column ("White - British", "Female"), giving
   the spec code it belongs to ("a) White"), unless the cell starts with one of our codes
   ("s) NOBT", "N1 - Abuse or Neglect"), which gives that code's option;
4. a cell the spec does not list that starts with one of our codes ("e) PR4 - Private
   provision").

Anything else is not an option. A spec code that groups several of our codes ("a) White",
"a) Individual") is kept in the list as it is; the frames cannot tell which code it was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.returns.annex_a.export import (
    CP_CATEGORY,
    ELIGIBILITY_TEXT,
    IN_TOUCH_TEXT,
    SEX_OPTION,
)
from lineofsight.returns.annex_a.spec import ColumnSpec, annex_a_spec

# Headings whose options are our frame codes, as the exporter writes them.
FRAME_CODED: dict[str, tuple[str, str]] = {
    "Ethnicity": ("child", "ethnicity"),
    "Contact Source": ("contact", "source"),
    "Referral Source": ("referral", "source"),
    "Primary Need Code": ("referral", "primary_need"),
    "Reason for Closure": ("referral", "closure_reason"),
    "Child's Category of Need": ("cla_episode", "category_of_need"),
    "Child's Legal Status": ("cla_episode", "legal_status"),
    "Reason Ceased to be Looked After": ("cla_episode", "reason_ceased"),
    "Placement Type": ("cla_episode", "placement_type"),
    "Placement Provider": ("cla_episode", "placement_provider"),
    "Type of Accommodation": ("care_leaver_status", "accommodation"),
    "Activity Status": ("care_leaver_status", "activity"),
    "Reason Why Child No Longer Placed for Adoption": ("adoption", "ceased_reason"),
}
CP_HEADINGS = ("Initial Category of Abuse", "Latest Category of Abuse")
PLACEMENT_LOCATION = {"IN": "a) In", "OUT": "b) Out"}
# Spec codes the exporter never writes that still say which of our codes a cell means.
SPEC_CODE_MODEL: dict[str, dict[str, str]] = {
    "Gender": {"d) Neither": "U", "a) Male / d) Neither": "U"},
    "Eligibility Category": {
        "a) Relevant": "relevant",
        "b) Former relevant": "former_relevant",
        "c) Qualifying": "qualifying",
        "d) Eligible": "eligible",
    },
    "LA in Touch": {"a) In touch": "YES", "b) Not in touch": "NO"},
    "Suitability of Accommodation": {"a) Suitable": "suitable", "b) Not suitable": "unsuitable"},
}
LA_OF_PLACEMENT = "LA of Placement"
# An ONS local authority code (E08000030): what the model holds for LA of Placement.
ONS_LA_CODE = re.compile(r"^[EWSN]\d{8}$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def text_normal(text: str) -> str:
    """Case, accents, quotes and runs of spaces set aside: the form cells are compared in."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(folded.split())


def _frame_options(column: ColumnSpec, table: str, name: str) -> dict[str, str]:
    codes = TABLES[table].column(name).codes or ()
    return {code: option for code in codes if (option := column.option(code)) is not None}


def _text_options(column: ColumnSpec, texts: dict[str, str]) -> dict[str, str]:
    return {code: option for code, text in texts.items() if (option := column.option(text))}


def model_options(column: ColumnSpec) -> dict[str, str]:
    """Our code -> the template's option, as the exporter writes it; empty when the model
    has no codes for the column (its spec codes are then the options)."""
    heading = column.name
    if heading == "Gender":
        return dict(SEX_OPTION)
    if heading in CP_HEADINGS:
        return dict(CP_CATEGORY)
    if heading == "Placement Location":
        return dict(PLACEMENT_LOCATION)
    if heading in FRAME_CODED:
        return _frame_options(column, *FRAME_CODED[heading])
    if heading == "Eligibility Category":
        return _text_options(column, ELIGIBILITY_TEXT)
    if heading == "LA in Touch":
        return _text_options(column, {**IN_TOUCH_TEXT, "RHOM": "Rhom"})
    if heading == "Suitability of Accommodation":
        return _text_options(column, {"suitable": "Suitable", "unsuitable": "Unsuitable"})
    if heading == "Reason for leaving adoption process":
        return _text_options(column, {"1": "1", "2": "2", "3": "3"})
    return {}


@dataclass(frozen=True)
class CategoryColumn:
    """One category column's lookups, built once per column."""

    column: ColumnSpec
    options: dict[str, str]  # normalised option or code -> option
    spec_names: dict[str, str]  # normalised spec name or code -> spec code
    leading_code: re.Pattern[str] | None  # a cell starting with one of our codes
    code_option: dict[str, str]  # our code (upper case) -> option
    to_code: dict[str, str]  # option -> our code

    def value(self, text: str) -> str | None:
        """The list's value for a cell's text (see the module docstring); None if unknown."""
        key = text_normal(text)
        if key in self.options:
            return self.options[key]
        if self.column.name == LA_OF_PLACEMENT and ONS_LA_CODE.match(text.strip()):
            # The model's form (and the exporter's), though the spec would give the name.
            return text.strip()
        if key in self.spec_names:
            code = self.spec_names[key]
            if code in self.to_code or not self.code_option:
                return code
            return self._by_leading_code(text) or code
        return self._by_leading_code(text)

    def _by_leading_code(self, text: str) -> str | None:
        if self.leading_code is None:
            return None
        match = self.leading_code.match(text.strip())
        return None if match is None else self.code_option[match.group("code").upper()]

    def code(self, value: str | None) -> str | None:
        """Our code for a list value, or None if the value does not say which code it is."""
        if value is None:
            return None
        if self.column.name == LA_OF_PLACEMENT:
            return _ons_code(self.column, value)
        return self.to_code.get(value) or SPEC_CODE_MODEL.get(self.column.name, {}).get(value)

    def allowed(self, count: int = 6) -> str:
        """A few of the options, for an error message (the spec's placeholders such as "-"
        or "<blank>" left out)."""
        options = [o for o in dict.fromkeys(self.options.values()) if o[:1].isalnum()]
        shown = ", ".join(repr(option) for option in options[:count])
        if self.column.name == LA_OF_PLACEMENT:
            return f"an LA name such as {shown} …, or an ONS code such as 'E08000030'"
        return f"one of {shown}{' …' if len(options) > count else ''}"


def _ons_code(column: ColumnSpec, value: str) -> str | None:
    """An LA's ONS code: the value itself, or the first the spec lists among its names."""
    if ONS_LA_CODE.match(value):
        return value
    for category in column.categories:
        if category.code.strip() == value:
            return next((n for n in category.names if ONS_LA_CODE.match(n)), None)
    return None


def _leading_code(codes: list[str]) -> re.Pattern[str] | None:
    """A cell that starts with one of `codes`, after an optional "x) " or bracket: longest
    codes first so E11 is not read as E1."""
    if not codes:
        return None
    alternatives = "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True))
    return re.compile(
        rf"^(?:[a-z]\)\s*|[(\[]\s*)?(?P<code>{alternatives})(?=$|[\s:.,;)\]\-\u2013])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=256)
def category_column(list_key: str, heading: str) -> CategoryColumn:
    spec = next(s for s in annex_a_spec() if s.key == list_key)
    column = spec.column(heading)
    by_code = model_options(column)
    to_code = {option: code for code, option in by_code.items()}
    options: dict[str, str] = {}
    if by_code:
        # Options before codes: an option spelled like another code keeps its own meaning.
        for option in by_code.values():
            options.setdefault(text_normal(option), option)
        for code, option in by_code.items():
            options.setdefault(text_normal(code), option)
    else:
        for code in column.codes:
            options.setdefault(text_normal(code), code.strip())
    spec_names: dict[str, str] = {}
    # A wording the spec lists under two codes ("Indeterminate") keeps the first.
    for category in column.categories:
        for name in (category.code, *category.names):
            spec_names.setdefault(text_normal(name), category.code.strip())
    # Only cells of coded columns are read by a leading code: Yes/No flags and Gender are
    # matched whole ("No further action" means Yes to "Referral NFA?").
    leading = list(by_code) if heading in FRAME_CODED or heading in CP_HEADINGS else []
    return CategoryColumn(
        column=column,
        options=options,
        spec_names=spec_names,
        leading_code=_leading_code(leading),
        code_option={code.upper(): option for code, option in by_code.items()},
        to_code=to_code,
    )
