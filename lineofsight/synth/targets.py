"""What the simulation aims at: the published figures as counts per year and stocks."""

from __future__ import annotations

from dataclasses import dataclass

from lineofsight.core.domain.published import CouncilFigures


@dataclass(frozen=True)
class Targets:
    population: int
    referrals: float  # per year
    nfa: float  # fraction of referrals
    not_in_need: float  # fraction of referrals assessed and found not in need
    rereferral: float  # fraction of referrals within 12 months of a previous referral
    assessment_45wd: float  # fraction of assessments authorised within 45 working days
    s47: float  # per year
    icpc: float  # per year
    icpc_15wd: float  # fraction
    cp_starts: float  # per year
    cp_second: float  # fraction of CP plan starts that are second or later
    cp_stock: float  # at 31 March
    cla_starts: float  # per year
    cla_stock: float
    cin_stock: float
    adopted: float  # fraction of children ceasing care who are adopted
    sgo: float  # fraction ceasing care under an SGO
    uasc_stock: float
    care_proceedings: float  # care applications per year
    placements_3plus: float  # fraction of CLA at 31 March with 3+ placements in the year
    distance_20mi: float  # fraction of CLA placed over 20 miles away, out of area
    missing: float  # fraction of CLA in the year who went missing
    away: float
    care_leaver_eet: float
    care_leaver_accommodation: float
    care_leaver_not_in_touch: float
    staying_put: float
    cp_reviewed: float
    source_school: float
    source_health: float
    source_police: float


def targets_from(figures: CouncilFigures) -> Targets:
    """Counts from rates, with the relations the pathways need kept in order.

    Published figures are rounded and occasionally inconsistent with each other (e.g. more
    plan starts than conferences); each count is nudged just enough for the pathway
    probabilities to stay between 0 and 1.
    """
    count = figures.count
    referrals = max(count(figures.referral_rate), 30.0)
    cp_starts = max(count(figures.cpp_start_rate), 3.0)
    icpc = max(count(figures.icpc_rate), cp_starts * 1.08)
    s47 = max(count(figures.s47_rate), icpc * 1.15)
    referrals = max(referrals, s47 * 1.6)
    cla_starts = max(count(figures.cla_start_rate), 2.0)
    cla_stock = max(count(figures.cla_rate), 1.0)
    cp_stock = max(count(figures.cpp_rate), 1.0)
    cin_stock = max(count(figures.cin_rate), (cla_stock + cp_stock) * 1.08)
    return Targets(
        population=figures.population,
        referrals=referrals,
        nfa=_fraction(figures.nfa_pct, 0.0, 0.6),
        not_in_need=_fraction(figures.not_in_need_pct, 0.0, 0.7),
        rereferral=_fraction(figures.rereferral_pct, 0.02, 0.5),
        assessment_45wd=_fraction(figures.assessment_45wd_pct, 0.2, 1.0),
        s47=s47,
        icpc=icpc,
        icpc_15wd=_fraction(figures.icpc_15wd_pct, 0.1, 1.0),
        cp_starts=cp_starts,
        cp_second=_fraction(figures.cpp_second_pct, 0.0, 0.5),
        cp_stock=cp_stock,
        cla_starts=cla_starts,
        cla_stock=cla_stock,
        cin_stock=cin_stock,
        adopted=_fraction(figures.adopted_pct, 0.0, 0.4),
        sgo=_fraction(figures.sgo_pct, 0.0, 0.35),
        uasc_stock=cla_stock * _fraction(figures.uasc_pct, 0.0, 0.6),
        care_proceedings=count(figures.care_applications_rate),
        placements_3plus=_fraction(figures.placements_3plus_pct, 0.01, 0.4),
        distance_20mi=_fraction(figures.distance_20mi_pct, 0.0, 0.6),
        missing=_fraction(figures.missing_pct, 0.0, 0.5),
        away=_fraction(figures.away_pct, 0.0, 0.5),
        care_leaver_eet=_fraction(figures.care_leaver_eet_pct, 0.05, 0.95),
        care_leaver_accommodation=_fraction(figures.care_leaver_accommodation_pct, 0.3, 1.0),
        care_leaver_not_in_touch=_fraction(figures.care_leaver_not_in_touch_pct, 0.0, 0.5),
        staying_put=_fraction(figures.staying_put_pct, 0.0, 0.9),
        cp_reviewed=_fraction(figures.cp_reviewed_pct, 0.3, 1.0),
        source_school=_fraction(figures.referrals_school_pct, 0.02, 0.5),
        source_health=_fraction(figures.referrals_health_pct, 0.02, 0.5),
        source_police=_fraction(figures.referrals_police_pct, 0.02, 0.6),
    )


def _fraction(percent: float, low: float, high: float) -> float:
    return min(high, max(low, percent / 100.0))
