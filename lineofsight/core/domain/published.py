"""Published figures for a council and year: DfE LAIT values and EES population estimates.

LAIT labels a year by the 31 March it ends on ("2017" = 2016-17); some measures use
"2016-17", "2016/17" or "2016-17 (OT)" for the same year, and revised releases add
"(Rev)" / "(Final)". Values are text, with "-", "c", "x" (and similar) for suppressed or
missing figures. A missing council value falls back to the region's value for the same
year, then England's, then the nearest year; every fallback is recorded on the figures.

Workforce measures are a 30 September snapshot; for the year ending 31 March `year` we use
the snapshot inside it (30 September `year - 1`).

The parsed tables are cached at module level, so England mode reads the files once.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

# The same default as settings.SHARED_DATA_DIR: ../shared/data beside the checkout.
DATA_ROOT = Path(
    os.environ.get(
        "LINEOFSIGHT_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data"
    )
)
LAIT_PATH = Path("dfe/lait/bds_long_0.parquet")
POPULATION_PATH = Path("dfe/ees/ons_mid-year_population_estimates_2012_to_2024.csv")
FACTORS_PATH = Path("dfe/ees/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv")

ENGLAND = 970
# LAIT's `Region` column on council rows, and the LA Number of that region's own rows.
REGION_ROWS = {
    "North East": 980,
    "North West": 981,
    "Yorkshire and The Humber": 982,
    "East Midlands": 983,
    "West Midlands": 984,
    "East of England": 985,
    "London": 986,
    "Inner London": 987,
    "Outer London": 988,
    "South East": 989,
    "South West": 990,
}
STANDARD_REGION = {"Inner London": "London", "Outer London": "London"}


class UnknownCouncilError(ValueError):
    """No council has that name; the message lists the closest names."""


@dataclass(frozen=True)
class CouncilInfo:
    name: str
    la_number: str  # the old three-digit DfE LA number, e.g. "335"
    la_code: str  # the ONS code, e.g. "E08000030"
    region: str  # e.g. "West Midlands", "London"

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


# (field, LAIT measure, workforce?, default when nothing is published anywhere)
MEASURES: tuple[tuple[str, str, bool, float], ...] = (
    ("cin_rate", "CIN", False, 330.0),
    ("cpp_rate", "CPP_rate", False, 43.0),
    ("cla_rate", "LAC", False, 62.0),
    ("referral_rate", "CPP_Total_Rateper10,000", False, 548.0),
    ("rereferral_pct", "ReReferral", False, 22.0),
    ("nfa_pct", "CIN_Refferals_NFA", False, 8.0),
    ("not_in_need_pct", "Referrals_AssessedNotNeed", False, 26.0),
    ("assessment_45wd_pct", "Continue_Assess_Comp", False, 83.0),
    ("s47_rate", "Section_47", False, 147.0),
    ("icpc_rate", "ISCP_Conf", False, 62.0),
    ("icpc_15wd_pct", "CP_conf_15days", False, 77.0),
    ("cpp_start_rate", "CPP_Abuse_Rate", False, 51.0),
    ("cpp_ceased_rate", "DeRegCPR", False, 49.0),
    ("cpp_second_pct", "PrevRegCPR", False, 19.0),
    ("cpp_2yrs_ceased_pct", "CPPlans2yrs", False, 3.5),
    ("cpp_2yrs_active_pct", "CPPlans2yrsActive", False, 2.0),
    ("cp_reviewed_pct", "RevCP", False, 92.0),
    ("cla_start_rate", "LAC_Start_Rate", False, 27.0),
    ("cla_ceased_rate", "LAC_Cease_Rate", False, 26.0),
    ("adopted_pct", "%_of LAC Adopted", False, 14.0),
    ("sgo_pct", "LAC_ceased_SGO%", False, 12.0),
    ("placements_3plus_pct", "LACStable_2016on", False, 10.0),
    ("long_term_stability_pct", "LAC_LongStable%", False, 70.0),
    ("distance_20mi_pct", "LACDistance", False, 13.0),
    ("missing_pct", "Children_missing", False, 10.0),
    ("away_pct", "Children_Away", False, 5.0),
    ("uasc_pct", "Unacc_Asylmn_Seek_Childn%", False, 6.0),
    ("care_applications_rate", "CareApplications", False, 12.0),
    ("care_leaver_eet_pct", "CareLeaverEET", False, 50.0),
    ("care_leaver_accommodation_pct", "CareLeaverAcc", False, 84.0),
    ("care_leaver_not_in_touch_pct", "CareLeavers_LA_NotInTouch", False, 9.0),
    ("staying_put_pct", "StayingPut", False, 25.0),
    ("referrals_school_pct", "RefBySource_Schl_%", False, 18.0),
    ("referrals_health_pct", "RefBySource_HealthServ_%", False, 14.0),
    ("referrals_police_pct", "RefBySource_Police_%", False, 28.0),
    ("social_worker_fte", "Work_Force_NoSW", True, 180.0),
    ("agency_pct", "Work_Force_Agecy_Rate", True, 16.0),
    ("turnover_pct", "Work_Force_TO_Rate", True, 15.0),
    ("vacancy_pct", "Work_Force_Vac_Rate", True, 17.0),
    ("caseload", "Work_Force_AvgNumCase_SW", True, 17.0),
)
# Measures that are counts for the council itself: never borrowed from a region or England.
COUNCIL_ONLY = {"social_worker_fte"}
COUNT_MEASURES = (
    "CPP_Num",
    "LACnum",
    "NoCareLeavers",
    "CPP_Total_NumRef",
    "LACnum_Start",
    "LACceased",
    "LAC_ceased_SGO",
    "No_of LAC Adopted",
    "Unacc_Asylmn_Seek_Childn",
)
# A rate missing for the council that year but computable from its own counts:
# field -> (numerator count, denominator count or "population", multiplier)
DERIVED: dict[str, tuple[str, str, float]] = {
    "cla_start_rate": ("LACnum_Start", "population", 10_000.0),
    "cla_ceased_rate": ("LACceased", "population", 10_000.0),
    "sgo_pct": ("LAC_ceased_SGO", "LACceased", 100.0),
    "adopted_pct": ("No_of LAC Adopted", "LACceased", 100.0),
    "uasc_pct": ("Unacc_Asylmn_Seek_Childn", "LACnum", 100.0),
}


@dataclass(frozen=True)
class CouncilFigures:
    """The published figures the generator aims at (rates per 10,000 children aged 0-17)."""

    year: int
    population: int
    population_year: int
    cin_rate: float
    cpp_rate: float
    cla_rate: float
    referral_rate: float
    rereferral_pct: float
    nfa_pct: float
    not_in_need_pct: float
    assessment_45wd_pct: float
    s47_rate: float
    icpc_rate: float
    icpc_15wd_pct: float
    cpp_start_rate: float
    cpp_ceased_rate: float
    cpp_second_pct: float
    cpp_2yrs_ceased_pct: float
    cpp_2yrs_active_pct: float
    cp_reviewed_pct: float
    cla_start_rate: float
    cla_ceased_rate: float
    adopted_pct: float
    sgo_pct: float
    placements_3plus_pct: float
    long_term_stability_pct: float
    distance_20mi_pct: float
    missing_pct: float
    away_pct: float
    uasc_pct: float
    care_applications_rate: float
    care_leaver_eet_pct: float
    care_leaver_accommodation_pct: float
    care_leaver_not_in_touch_pct: float
    staying_put_pct: float
    referrals_school_pct: float
    referrals_health_pct: float
    referrals_police_pct: float
    social_worker_fte: float
    agency_pct: float
    turnover_pct: float
    vacancy_pct: float
    caseload: float
    # field -> where the value came from when it was not the council's own figure that year
    fallbacks: tuple[tuple[str, str], ...] = field(default=())

    def count(self, rate: float) -> float:
        """A rate per 10,000 children as a count for this council."""
        return rate * self.population / 10_000

    @property
    def fallback_fields(self) -> dict[str, str]:
        return dict(self.fallbacks)

    # Convenience counts used by the generator and its tests.
    @property
    def children_in_need(self) -> float:
        return self.count(self.cin_rate)

    @property
    def cp_plans(self) -> float:
        return self.count(self.cpp_rate)

    @property
    def looked_after(self) -> float:
        return self.count(self.cla_rate)

    @property
    def referrals(self) -> float:
        return self.count(self.referral_rate)


# ---------------------------------------------------------------- reading the files


def _year_of(label: str) -> tuple[int, int] | None:
    """(year ending 31 March, priority) for a single-year LAIT label, else None."""
    label = label.strip()
    match = re.fullmatch(r"(\d{4})(?: \((Rev|Final|prov|OT)\))?", label)
    if match:
        priority = {"Rev": 3, "Final": 2, None: 1, "OT": 1, "prov": 0}[match.group(2)]
        return int(match.group(1)), priority
    match = re.fullmatch(r"(\d{4})[-/](\d{2})(?: \((OT|Rev|Final|prov)\))?", label)
    if match:
        start = int(match.group(1))
        if int(match.group(2)) == (start + 1) % 100:
            return start + 1, 1
    return None


def _value(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    if value != value:  # NaN
        return None
    return value


@lru_cache(maxsize=4)
def _lait(root: Path) -> dict[tuple[str, int, int], float | None]:
    """(measure, LA number, year) -> value for the measures the generator reads."""
    wanted = [measure for _, measure, _, _ in MEASURES] + list(COUNT_MEASURES)
    return lait_values(root, tuple(sorted(set(wanted))))


@lru_cache(maxsize=8)
def lait_values(root: Path, measures: tuple[str, ...]) -> dict[tuple[str, int, int], float | None]:
    """(measure, LA number, year) -> value for `measures`, every council, region and England
    row, the best label per year ("2018 (Rev)" over "2018"; a three-year adoption scorecard
    label such as "2014/15-16/17" belongs to the year it ends in)."""
    frame = (
        pl.read_parquet(root / LAIT_PATH, columns=["Short Desc", "Years", "Values", "LA Number"])
        .filter(pl.col("Short Desc").is_in(measures) & pl.col("LA Number").is_not_null())
        .unique(subset=["Short Desc", "Years", "LA Number"], keep="first", maintain_order=True)
    )
    best: dict[tuple[str, int, int], tuple[int, float | None]] = {}
    labels = {label: _year_or_span(label) for label in frame["Years"].unique().to_list()}
    for measure, label, text, number in frame.iter_rows():
        parsed = labels[label]
        if parsed is None:
            continue
        year, priority = parsed
        key = (measure, int(number), year)
        value = _value(text)
        current = best.get(key)
        if current is None or (priority, value is not None) > (current[0], current[1] is not None):
            best[key] = (priority, value)
    return {key: value for key, (_, value) in best.items()}


_SCORECARD_YEARS = re.compile(r"^(\d{4})/(\d{2})-(\d{2})/(\d{2})$")


def _year_or_span(label: str) -> tuple[int, int] | None:
    found = _SCORECARD_YEARS.match(label.strip())
    if found:
        return 2000 + int(found[4]), 1
    return _year_of(label)


@lru_cache(maxsize=4)
def council_regions(root: Path = DATA_ROOT) -> dict[int, tuple[int, str]]:
    """LA number -> (the LA Number of its region's LAIT rows, the region's name)."""
    return {c.number: (c.region_row, c.region) for c in _councils(root)}


@dataclass(frozen=True)
class _Council:
    name: str
    number: int
    region_row: int  # LA Number of the region's own LAIT rows
    region: str


@lru_cache(maxsize=4)
def _councils(root: Path) -> tuple[_Council, ...]:
    frame = (
        pl.read_parquet(root / LAIT_PATH, columns=["LA and Regions", "LA Number", "Region"])
        .filter(pl.col("LA Number").is_not_null() & (pl.col("LA Number") < ENGLAND))
        .unique(subset=["LA Number"], keep="first", maintain_order=True)
        .sort("LA Number")
    )
    out = []
    for name, number, region in frame.iter_rows():
        row = REGION_ROWS.get(region, ENGLAND)
        out.append(_Council(name, int(number), row, STANDARD_REGION.get(region, region)))
    return tuple(out)


@lru_cache(maxsize=4)
def _population(root: Path) -> tuple[dict[tuple[int, int], int], dict[int, str]]:
    """((LA number, mid-year) -> children aged 0-17, LA number -> newest ONS code)."""
    frame = pl.read_csv(root / POPULATION_PATH, infer_schema_length=0).filter(
        pl.col("geographic_level") == "Local authority"
    )
    population: dict[tuple[int, int], int] = {}
    codes: dict[int, tuple[int, str]] = {}
    for year, old, new, value in frame.select(
        "time_period", "old_la_code", "new_la_code", "population_estimate"
    ).iter_rows():
        number, mid_year = int(old), int(year)
        parsed = _value(value)
        if parsed is not None:
            population[(number, mid_year)] = round(parsed)
        if new and (number not in codes or codes[number][0] < mid_year):
            codes[number] = (mid_year, new)
    return population, {number: code for number, (_, code) in codes.items()}


@lru_cache(maxsize=4)
def factor_weights(root: Path = DATA_ROOT, year: int = 2018) -> dict[str, float]:
    """England's count of each assessment factor (CIN census codes) for the nearest year."""
    frame = pl.read_csv(root / FACTORS_PATH, infer_schema_length=0).filter(
        pl.col("geographic_level") == "National"
    )
    years = sorted(int(y) for y in frame["time_period"].unique().to_list())
    nearest = min(years, key=lambda y: (abs(y - year), y))
    row = frame.filter(pl.col("time_period") == str(nearest)).row(0, named=True)
    columns = {
        "Alcohol_Misuse": "1",
        "Drug_Misuse": "2",
        "Domestic_Abuse": "3",
        "Mental_Health": "4",
        "Learning_Disability": "5",
        "Physical_Disability": "6",
    }
    weights: dict[str, float] = {}
    for prefix, code in columns.items():
        for suffix, letter in (("child", "A"), ("parent", "B"), ("person", "C")):
            weights[code + letter] = _value(row.get(f"{prefix}_{suffix}")) or 0.0
    singles = {
        "Young_Carer": "7A",
        "Privately_fostered": "8F",
        "Unaccompanied_asylum_seeker": "9A",
        "Going_missing": "10A",
        "Child_sexual_exploitation": "11A",
        "Trafficking": "12A",
        "Gangs": "13A",
        "Socially_unacceptable_behaviour": "14A",
        "Self_harm": "15A",
        "Neglect": "16A",
        "Emotional_Abuse": "17A",
        "Physical_Abuse_child_on_child": "18B",
        "Physical_Abuse_adult_on_child": "18C",
        "Sexual_Abuse_child_on_child": "19B",
        "Sexual_Abuse_adult_on_child": "19C",
        "Female_Genital_Mutilation": "22A",
        "Faith_linked_abuse": "23A",
        "Child_criminal_exploitation": "24A",
        "Other": "20",
    }
    for column, code in singles.items():
        weights[code] = _value(row.get(column)) or 0.0
    return weights


# ---------------------------------------------------------------- public API


def _normalise(name: str) -> str:
    text = name.lower().replace("&", " and ").replace("st.", "st ")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


def _aliases(name: str) -> set[str]:
    norm = _normalise(name)
    out = {norm}
    if norm.endswith(" city of"):
        base = norm[: -len(" city of")]
        out |= {base, f"city of {base}"}
    if norm == "durham":
        out.add("county durham")
    if norm.startswith("kingston upon hull"):
        out.add("hull")
    return out


def find_council(name: str, *, root: Path = DATA_ROOT) -> CouncilInfo:
    """The council called `name` (any case; the DfE LA number or ONS code also work)."""
    _, codes = _population(root)
    councils = _councils(root)
    wanted = _normalise(name)
    for council in councils:
        code = codes.get(council.number, "")
        if (
            wanted in _aliases(council.name)
            or wanted == str(council.number)
            or (code and wanted == code.lower())
        ):
            return _info(council, codes)
    names = [council.name for council in councils]
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(name.title(), names, n=5, cutoff=0.3)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownCouncilError(f"Unknown council {name!r}.{hint}")


def _info(council: _Council, codes: dict[int, str]) -> CouncilInfo:
    code = codes.get(council.number, f"LA{council.number}")
    return CouncilInfo(council.name, f"{council.number:03d}", code, council.region)


def all_councils(year: int, *, root: Path = DATA_ROOT) -> list[CouncilInfo]:
    """Every English council with its own published CIN, CP and CLA figures for `year`."""
    lait = _lait(root)
    _, codes = _population(root)
    out = []
    for council in _councils(root):
        own = [lait.get((measure, council.number, year)) for measure in ("CIN", "CPP_rate", "LAC")]
        if any(value is not None for value in own):
            out.append(_info(council, codes))
    return out


def _council_of(info: CouncilInfo, root: Path) -> _Council:
    for council in _councils(root):
        if council.number == int(info.la_number):
            return council
    raise UnknownCouncilError(f"Unknown council {info.name!r} ({info.la_number}).")


def _lookup(
    lait: dict[tuple[str, int, int], float | None],
    measure: str,
    rows: list[tuple[int, str]],
    year: int,
) -> tuple[float | None, str]:
    for number, label in rows:
        value = lait.get((measure, number, year))
        if value is not None:
            return value, label
    for distance in range(1, 12):
        for candidate in (year - distance, year + distance):
            for number, label in rows:
                value = lait.get((measure, number, candidate))
                if value is not None:
                    return value, f"{label} {candidate}"
    return None, "default"


def published_value(
    *, la_number: str, year: int, measure: str, root: Path = DATA_ROOT
) -> float | None:
    """The council's own published figure for the year ending 31 March `year`, or None.

    No fallback to region or England: this is the figure shown beside a council's own.
    """
    return _lait(root).get((measure, int(la_number), year))


def la_number_for(name: str, *, root: Path = DATA_ROOT) -> str | None:
    """The LAIT area number (council, region or England) of `name`, any case, or None."""
    return _area_numbers(root).get(_normalise(name))


@lru_cache(maxsize=4)
def _area_numbers(root: Path) -> dict[str, str]:
    frame = (
        pl.read_parquet(root / LAIT_PATH, columns=["LA and Regions", "LA Number"])
        .filter(pl.col("LA Number").is_not_null() & pl.col("LA and Regions").is_not_null())
        .unique(maintain_order=True)
    )
    numbers: dict[str, str] = {}
    for name, number in frame.iter_rows():
        for alias in _aliases(str(name)):
            numbers.setdefault(alias, str(int(number)))
    return numbers


def published_cache_clear() -> None:
    """Forget what was read, e.g. after the shared data directory changes."""
    for cached in (
        _lait,
        lait_values,
        council_regions,
        _area_numbers,
        _councils,
        _population,
        _figures,
    ):
        cached.cache_clear()


def council_figures(info: CouncilInfo, year: int, *, root: Path = DATA_ROOT) -> CouncilFigures:
    """The published figures for `info` in the year ending 31 March `year`."""
    return _figures(info.la_number, year, root)


@lru_cache(maxsize=512)
def _figures(la_number: str, year: int, root: Path) -> CouncilFigures:
    lait = _lait(root)
    council = _council_of(CouncilInfo("", la_number, "", ""), root)
    rows_all = [(council.number, "council"), (council.region_row, "region"), (ENGLAND, "England")]
    values: dict[str, float] = {}
    fallbacks: list[tuple[str, str]] = []
    population, population_year, source = _population_for(council.number, year, root, lait)
    if source != "ons":
        fallbacks.append(("population", source))
    for name, measure, workforce, default in MEASURES:
        rows = rows_all[:1] if name in COUNCIL_ONLY else rows_all
        wanted_year = year - 1 if workforce else year
        value, source = _lookup(lait, measure, rows, wanted_year)
        if source != "council" and name in DERIVED:
            numerator, denominator, scale = DERIVED[name]
            top = lait.get((numerator, council.number, year))
            bottom = (
                float(population)
                if denominator == "population"
                else lait.get((denominator, council.number, year))
            )
            if top is not None and bottom:
                value, source = top / bottom * scale, "council"
        if value is None:
            value = default
        if source != "council":
            fallbacks.append((name, source))
        values[name] = value
    if "social_worker_fte" in dict(fallbacks) and dict(fallbacks)["social_worker_fte"] == "default":
        values["social_worker_fte"] = max(5.0, population / 10_000 * 16)
    return CouncilFigures(
        year=year,
        population=population,
        population_year=population_year,
        fallbacks=tuple(fallbacks),
        **values,
    )


def _population_for(
    number: int, year: int, root: Path, lait: dict[tuple[str, int, int], float | None]
) -> tuple[int, int, str]:
    """ONS 0-17 mid-year estimate for mid-(year-1), the nearest year, or derived from LAIT."""
    population, _ = _population(root)
    wanted = year - 1
    if (number, wanted) in population:
        return population[(number, wanted)], wanted, "ons"
    for count_measure, rate_measure in (("CPP_Num", "CPP_rate"), ("LACnum", "LAC")):
        count = lait.get((count_measure, number, year))
        rate = lait.get((rate_measure, number, year))
        if count and rate:
            return round(count / rate * 10_000), wanted, f"derived from {count_measure}"
    years = sorted((y for n, y in population if n == number), key=lambda y: (abs(y - wanted), y))
    if years:
        return population[(number, years[0])], years[0], f"ons {years[0]}"
    raise UnknownCouncilError(f"No population estimate for LA {number}")


def child_population(la_number: int, mid_year: int, *, root: Path = DATA_ROOT) -> int | None:
    """ONS mid-year estimate of children aged 0-17 for the council, from the nearest year
    published (DfE's rates for 2016-17 use mid-2016)."""
    population, _ = _population(root)
    years = sorted(year for number, year in population if number == la_number)
    if not years:
        return None
    nearest = min(years, key=lambda year: (abs(year - mid_year), -year))
    return population[(la_number, nearest)]
