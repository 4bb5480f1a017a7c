"""The skeleton of a council's case history: children, referrals, CP plans, periods of care.

Everything else (episodes, visits, conferences, workers…) hangs off these dates, so they
are simulated first and checked against the published figures.

How it is calibrated
--------------------
Children arrive with a first referral as a Poisson process going back 22 years before the
history window, so everyone open at any date in the window has a complete past. Each
referral follows a pathway (no further action; assessment; section 47; conference; plan;
care) and each child may be referred again. The simulation runs referral "generations"
(first referrals, then second, …) as vectorised batches. In every batch:

* pathway probabilities are set so the batch's expected counts per referral match the
  published ratios (NFA %, S47, ICPCs and plan starts per referral, care starts);
* durations are set by Little's law — stock at 31 March = flow x mean duration — with the
  mean taken *after* capping at the 18th birthday, computed on the batch's own draws and
  solved by bisection (CP plan length; the share of children in care who stay long-term;
  the length of child-in-need plans).

The superset of children is then thinned to hit the published referral count exactly in
expectation, and finally a small trim closes or re-opens a few recently-ended CP plans,
periods of care and CIN episodes so the stocks at 31 March equal the published counts
(sampling noise alone is ±5% for a council of Walsall's size).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.dates import NA, YEAR, Bools, Days, Floats, Ints, add_years
from lineofsight.synth.targets import Targets

# Routes out of care.
HOME, ADOPT, SGO, CAO, LONG, REMAND, OTHER, LEAVE16 = range(8)
# CP plan end reasons (index into CP_END_REASONS).
CP_END_REASONS = ("cin_plan", "looked_after", "no_further", "moved_away", "aged_18", "other")
CP_CIN, CP_CLA, CP_NFA, CP_MOVED, CP_18, CP_OTHER = range(6)

AGE_GROUPS = np.array([0.0, 1.0, 5.0, 10.0, 16.0])  # lower bounds in years (unborn -> 0)
# Base shares of each route by age group at entry to care: home, adopt, sgo, cao, long,
# remand, other, leave16.  Adoption and SGO are rescaled to the council's published shares,
# and `long` by the calibration.
ROUTE_BASE = np.array(
    [
        [0.25, 0.35, 0.17, 0.02, 0.18, 0.00, 0.03, 0.00],  # under 1
        [0.30, 0.22, 0.18, 0.03, 0.24, 0.00, 0.03, 0.00],  # 1-4
        [0.38, 0.02, 0.12, 0.03, 0.42, 0.00, 0.03, 0.00],  # 5-9
        [0.40, 0.00, 0.03, 0.02, 0.42, 0.04, 0.04, 0.05],  # 10-15
        [0.30, 0.00, 0.00, 0.00, 0.50, 0.05, 0.05, 0.10],  # 16-17
    ]
)
ADOPT_WEIGHT = np.array([1.0, 0.6, 0.05, 0.0, 0.0])
SGO_WEIGHT = np.array([0.9, 1.0, 0.9, 0.4, 0.0])
# Initial child protection conferences after a S47 enquiry, by age group, relative.
CONFERENCE_WEIGHT = np.array([2.4, 1.4, 1.0, 0.7, 0.15])
# Direct entry to care (not from a CP plan) by age group, relative.
DIRECT_CARE_WEIGHT = np.array([2.2, 0.7, 0.5, 1.1, 1.3])
# Age at first referral: group shares and bounds in years.
FIRST_AGE_SHARES = np.array([0.035, 0.10, 0.18, 0.24, 0.32, 0.125])
FIRST_AGE_BOUNDS = np.array([[-0.7, -0.05], [0, 1], [1, 5], [5, 10], [10, 16], [16, 17.9]])


@dataclass
class Referrals:
    """One row per referral (CIN episode), with its pathway dates. NA = did not happen."""

    child: Ints
    start: Days
    end: Days
    nfa: Bools
    forced: Bools
    not_in_need: Bools
    asmt_start: Days
    asmt_end: Days
    s47_start: Days
    s47_end: Days
    icpc_date: Days
    cp_start: Days
    cp_end: Days
    cp_reason: Ints
    cp_prev: Ints
    cla_start: Days
    cla_end: Days
    cla_route: Ints
    cla_via_cp: Bools
    cin1_start: Days
    cin1_end: Days
    cin2_start: Days
    cin2_end: Days

    def take(self, index: Ints | Bools) -> Referrals:
        return Referrals(**{name: value[index] for name, value in self.__dict__.items()})

    def __len__(self) -> int:
        return len(self.start)


@dataclass
class Skeleton:
    reference: int  # 31 March of the year, as a day number
    window_start: int  # 1 April, `history_years` before
    dob: Days
    uasc: Bools
    referrals: Referrals
    notes: dict[str, float] = field(default_factory=dict)

    @property
    def b18(self) -> Days:
        return add_years(self.dob, 18)


def _concat(parts: list[Referrals]) -> Referrals:
    names = list(parts[0].__dict__)
    return Referrals(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in names})


def _bisect(
    mean_of: Callable[[float], float], target: float, low: float, high: float, log: bool = True
) -> float:
    """x in [low, high] with mean_of(x) ≈ target, for mean_of increasing in x."""
    if mean_of(low) >= target:
        return low
    if mean_of(high) <= target:
        return high
    for _ in range(40):
        mid = float(np.sqrt(low * high)) if log else (low + high) / 2
        if mean_of(mid) < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def _group(age_days: Floats | Days) -> Ints:
    years = np.maximum(np.asarray(age_days, dtype=np.float64) / YEAR, 0.0)
    return (np.searchsorted(AGE_GROUPS, years, side="right") - 1).astype(np.int64)


class _Simulator:
    def __init__(self, targets: Targets, rng: np.random.Generator, reference: int, window: int):
        self.t = targets
        self.rng = rng
        self.reference = reference
        self.window = window
        self.horizon = window - int(22 * YEAR)
        self.steady_from = window - int(3 * YEAR)
        self.steady = np.zeros(0, bool)
        self.uasc_rate = targets.uasc_stock / 1.6  # UASC usually arrive at 16 and stay to 18
        uasc_referrals = self.uasc_rate
        self.r_nonuasc = max(targets.referrals - uasc_referrals, targets.referrals * 0.5)
        self.direct_care = max(
            targets.cla_starts - self.uasc_rate - self._via_cp(), targets.cla_starts * 0.2
        )
        self.p_cla_from_cp = min(0.35, 0.4 * targets.cla_starts / targets.cp_starts)
        self.cp_mean_days = targets.cp_stock / targets.cp_starts * YEAR
        self.cla_mean_days = targets.cla_stock / targets.cla_starts * YEAR
        self.age_tilt = min(0.35, max(0.0, 0.12 * (self.cla_mean_days / YEAR - 2.8)))
        other = targets.cin_stock - targets.cp_stock - targets.cla_stock
        self.other_mean_days = max(other, 0.0) / targets.referrals * YEAR
        # some plans recur after a gap; the rest of the second plans come from re-referrals
        self.p_again = min(0.8, 1.6 * targets.cp_second)
        self.plans_so_far = 0
        self.second_so_far = 0
        self.p_long_repeat = 0.3
        self.notes: dict[str, float] = {}

    def _via_cp(self) -> float:
        return min(0.35, 0.4 * self.t.cla_starts / self.t.cp_starts) * self.t.cp_starts

    # ------------------------------------------------------------ arrivals

    def arrivals(self, scale: float) -> tuple[Days, Days, Bools]:
        """(child dob, first referral date, uasc) for the superset of children."""
        rng = self.rng
        span = self.reference - self.horizon
        first_rate = self.r_nonuasc * 0.58 * scale / YEAR
        count = int(rng.poisson(first_rate * span))
        start = np.sort(rng.integers(self.horizon, self.reference + 1, size=count))
        group = rng.choice(len(FIRST_AGE_SHARES), size=count, p=FIRST_AGE_SHARES)
        bounds = FIRST_AGE_BOUNDS[group]
        age = bounds[:, 0] + (bounds[:, 1] - bounds[:, 0]) * rng.random(count)
        dob = start - np.round(age * YEAR).astype(np.int64)
        uasc_count = int(rng.poisson(self.uasc_rate * scale / YEAR * span))
        u_start = np.sort(rng.integers(self.horizon, self.reference + 1, size=uasc_count))
        u_age = 14.0 + 3.9 * rng.beta(3.0, 1.6, size=uasc_count)
        u_dob = u_start - np.round(u_age * YEAR).astype(np.int64)
        dob = np.concatenate([dob, u_dob])
        start = np.concatenate([start, u_start])
        uasc = np.concatenate([np.zeros(count, bool), np.ones(uasc_count, bool)])
        return dob, start, uasc

    # ------------------------------------------------------------ one generation

    def batch(
        self,
        child: Ints,
        start: Days,
        forced: Bools,
        prior_cp: Ints,
        dob: Days,
        b18: Days,
        uasc: Bools,
    ) -> tuple[Referrals, Ints, Days, Bools, Ints]:
        rng, t = self.rng, self.t
        n = len(child)
        age = (start - dob[child]).astype(np.float64)
        cb18 = b18[child]
        cdob = dob[child]
        is_uasc = uasc[child] & (prior_cp < 0)  # first referral of a UASC child
        normal = ~forced & ~is_uasc
        # Calibrate on referrals after the warm-up, when every child's past is complete.
        steady = start >= self.steady_from
        if steady.sum() < 40:
            steady = np.ones(n, bool)
        self.steady = steady
        n_base = max(int((steady & (normal | forced)).sum()), 1)

        # --- no further action
        p_nfa = t.nfa
        nfa = normal & (rng.random(n) < p_nfa)

        # --- direct entry to care (emergency protection, s20, remand, at birth)
        group = _group(age)
        # Councils with long average stays take children into care younger.
        tilt = np.exp(-self.age_tilt * np.maximum(age, 0) / YEAR)
        weight = DIRECT_CARE_WEIGHT[group] * tilt * (age < 17.6 * YEAR)
        eligible = normal & ~nfa
        want = self.direct_care / self.r_nonuasc * n_base
        total_weight = float(weight[eligible & steady].sum()) or 1.0
        p_direct = np.minimum(0.9, want * weight / total_weight)
        direct = eligible & (rng.random(n) < p_direct)
        direct |= is_uasc

        # --- section 47, ICPC, plan
        s47 = forced.copy()
        emergency = direct & ~is_uasc & (rng.random(n) < 0.45)
        s47 |= emergency
        pool = normal & ~nfa & ~direct & (cb18 - start > 90)  # not weeks before 18
        want = t.s47 / t.referrals * n_base - (emergency | forced)[steady].sum()
        s47 |= pool & (rng.random(n) < _ratio(want, (pool & steady).sum()))
        icpc = forced.copy()
        pool = s47 & ~direct & ~forced
        want = t.icpc / t.referrals * n_base - forced[steady].sum()
        # conferences (and so plans) come more often for babies and young children
        weight = CONFERENCE_WEIGHT[group]
        share = want * weight / max(float(weight[pool & steady].sum()), 1e-9)
        icpc |= pool & (rng.random(n) < np.minimum(share, 0.97))
        plan = forced.copy()
        pool = icpc & ~forced
        want = t.cp_starts / t.referrals * n_base - forced[steady].sum()
        plan |= pool & (rng.random(n) < _ratio(want, (pool & steady).sum()))
        roomy = cb18 - start > 90
        self._second_plans(
            plan, s47, icpc, forced, prior_cp, normal & ~nfa & ~direct & roomy, steady
        )

        # --- not in need after assessment
        pool = normal & ~nfa & ~direct & ~plan
        want = t.not_in_need * n_base
        not_in_need = pool & (rng.random(n) < _ratio(want, (pool & steady).sum()))
        cin_plan = pool & ~not_in_need

        # --- dates: assessment
        assessed = ~nfa
        asmt_start = np.where(assessed, start + (rng.random(n) < 0.5) * rng.integers(1, 6, n), NA)
        asmt_start = np.where(assessed, add_working_days(np.maximum(asmt_start, 0), 0), NA)
        on_time = rng.random(n) < t.assessment_45wd
        wd = np.where(
            on_time,
            np.round(5 + 40 * rng.beta(2.2, 1.4, n)),
            46 + rng.integers(0, 30, n),
        ).astype(np.int64)
        asmt_end = np.where(assessed, add_working_days(np.maximum(asmt_start, 0), wd), NA)
        # work finishes by the 18th birthday, when the child stops being a child in need
        asmt_end = np.where(assessed, np.minimum(asmt_end, cb18 - 1), NA)
        asmt_start = np.where(assessed, np.minimum(asmt_start, asmt_end), NA)

        # --- section 47 and ICPC
        s47_start = np.where(s47, add_working_days(start + rng.integers(0, 3, n), 0), NA)
        s47_start = np.where(s47 & (s47_start < start), start, s47_start)
        icpc_wd = np.where(
            rng.random(n) < t.icpc_15wd,
            rng.integers(6, 16, n),
            rng.integers(16, 31, n),
        )
        icpc_date = np.where(icpc, add_working_days(np.maximum(s47_start, 0), icpc_wd), NA)
        # a conference weeks before the 18th birthday would not start a plan
        too_late = icpc & (icpc_date >= cb18 - 30)
        icpc &= ~too_late
        plan &= ~too_late
        icpc_date = np.where(icpc, icpc_date, NA)
        done_wd = np.where(
            icpc, np.maximum(icpc_wd - rng.integers(1, 5, n), 2), 3 + rng.integers(0, 15, n)
        )
        s47_end = np.where(s47, add_working_days(np.maximum(s47_start, 0), done_wd), NA)
        s47_end = np.where(s47, np.minimum(s47_end, cb18 - 1), NA)
        s47_start = np.where(s47, np.minimum(s47_start, s47_end), NA)

        # --- CP plan length: Little's law on this batch's draws
        cp_start = np.where(plan, icpc_date, NA)
        unit = rng.gamma(1.8, 1 / 1.8, n)
        room = (cb18 - cp_start).astype(np.float64)

        cp_cal = plan & steady if (plan & steady).sum() >= 20 else plan
        unit_cal, room_cal = unit[cp_cal], room[cp_cal]

        def cp_mean(mean_days: float) -> float:
            length = np.minimum(np.maximum(mean_days * unit_cal, 28.0), room_cal)
            return float(length.mean()) if len(length) else 0.0

        cp_days = _bisect(cp_mean, self.cp_mean_days, 20.0, 20 * YEAR)
        cp_len = np.minimum(np.maximum(cp_days * unit, 28.0), room).astype(np.int64)
        cp_end = np.where(plan, cp_start + cp_len, NA)
        capped = plan & (cp_end >= cb18)
        reason = rng.choice(
            [CP_CIN, CP_NFA, CP_MOVED, CP_OTHER], size=n, p=[0.62, 0.28, 0.05, 0.05]
        ).astype(np.int64)
        can_care = plan & ~capped & (cp_end >= cdob) & (cp_end - cdob < 17.5 * YEAR)
        want = self.p_cla_from_cp * (plan & steady).sum()
        to_care = can_care & (rng.random(n) < _ratio(want, (can_care & steady).sum()))
        reason = np.where(to_care, CP_CLA, reason)
        reason = np.where(capped, CP_18, reason)
        cp_reason = np.where(plan, reason, -1)

        # --- care: start, route and length
        direct_delay = np.where(rng.random(n) < 0.45, 0, rng.integers(1, 60, n))
        direct_delay = np.where(is_uasc, rng.integers(0, 3, n), direct_delay)
        cla_start = np.where(
            direct, np.maximum(start + direct_delay, cdob + rng.integers(0, 4, n)), NA
        )
        cla_start = np.where(to_care, cp_end, cla_start)
        in_care = direct | to_care
        cla_start = np.where(in_care & (cla_start >= cb18 - 14), NA, cla_start)
        in_care &= cla_start != NA
        route, cla_end = self._care(in_care, cla_start, cdob, cb18, is_uasc)

        # --- CIN plans and their length (bisection on a common scale)
        cin1_start = np.where(
            cin_plan, np.maximum(asmt_end, np.where(icpc, icpc_date, s47_end)), NA
        )
        cin1_start = np.where(cin_plan & (cin1_start == NA), asmt_end, cin1_start)
        late = cin_plan & (cin1_start >= cb18 - 14)
        cin_plan &= ~late
        cin1_start = np.where(late, NA, cin1_start)
        cin2_kind = np.zeros(n, np.int64)  # 1 step-down from CP, 2 after care
        stepdown = plan & (cp_reason == CP_CIN)
        tail = in_care & ((route == HOME) | (route == OTHER)) & (rng.random(n) < 0.55)
        stepdown &= cp_end < cb18 - 14
        tail &= cla_end < cb18 - 14
        cin2_kind = np.where(stepdown, 1, np.where(tail, 2, 0))
        cin2_start = np.where(stepdown, cp_end, np.where(tail, cla_end, NA))
        u1 = rng.gamma(1.3, 1 / 1.3, n)
        u2 = rng.gamma(1.5, 1 / 1.5, n) * np.where(cin2_kind == 1, 0.8, 0.6)
        pre_end = np.where(
            nfa,
            start,
            np.where(not_in_need, asmt_end + rng.integers(0, 3, n), np.maximum(asmt_end, start)),
        )
        pre_end = np.where(plan, np.maximum(pre_end, cp_end), pre_end)
        pre_end = np.where(in_care, np.maximum(pre_end, cla_end), pre_end)
        pre_end = np.where(s47, np.maximum(pre_end, s47_end), pre_end)
        pre_end = np.where(icpc, np.maximum(pre_end, icpc_date), pre_end)
        covered_cp = np.where(plan, cp_end - cp_start, 0)
        covered_cla = np.where(in_care, cla_end - cla_start, 0)

        def lengths(scale: float, sel: Bools | slice) -> tuple[Days, Days, Days]:
            plan1, kind2 = cin_plan[sel], cin2_kind[sel]
            s1, s2, limit = cin1_start[sel], cin2_start[sel], cb18[sel]
            c1 = np.maximum(np.round(scale * 200 * u1[sel]), 28).astype(np.int64)
            e1 = np.where(plan1, np.minimum(s1 + c1, limit), NA)
            c2 = np.maximum(np.round(scale * 200 * u2[sel]), 21).astype(np.int64)
            e2 = np.where(kind2 > 0, np.minimum(s2 + c2, limit), NA)
            e2 = np.where((kind2 > 0) & (e2 <= s2), s2 + 1, e2)
            end = np.maximum(pre_end[sel], np.maximum(e1, e2))
            end = np.minimum(end, np.maximum(limit, start[sel]))
            return e1, e2, end

        busy = (covered_cp + covered_cla)[steady]

        def other_mean(scale: float) -> float:
            _, _, end = lengths(scale, steady)
            return float(np.maximum((end - start[steady]) - busy, 0).mean())

        scale = _bisect(other_mean, self.other_mean_days, 0.02, 30.0)
        cin1_end, cin2_end, end = lengths(scale, slice(None))
        self.notes.setdefault("cin_scale", scale)
        self.notes.setdefault("cp_mean_days", cp_days)

        refs = Referrals(
            child=child,
            start=start,
            end=end,
            nfa=nfa,
            forced=forced,
            not_in_need=not_in_need,
            asmt_start=asmt_start,
            asmt_end=asmt_end,
            s47_start=s47_start,
            s47_end=s47_end,
            icpc_date=icpc_date,
            cp_start=cp_start,
            cp_end=cp_end,
            cp_reason=cp_reason,
            cp_prev=np.maximum(prior_cp, 0),
            cla_start=np.where(in_care, cla_start, NA),
            cla_end=np.where(in_care, cla_end, NA),
            cla_route=np.where(in_care, route, -1),
            cla_via_cp=to_care,
            cin1_start=cin1_start,
            cin1_end=cin1_end,
            cin2_start=cin2_start,
            cin2_end=cin2_end,
        )

        # --- the next referral, if any
        terminal = in_care & np.isin(route, [ADOPT, SGO, CAO, LONG, LEAVE16])
        terminal |= plan & (cp_reason == CP_MOVED)
        terminal |= end >= cb18 - 30
        alive = ~terminal
        nxt = np.full(n, NA)
        next_forced = np.zeros(n, bool)
        again = alive & plan & np.isin(cp_reason, [CP_CIN, CP_NFA]) & (rng.random(n) < self.p_again)
        nxt = np.where(again, end + 30 + np.round(rng.exponential(420, n)).astype(np.int64), nxt)
        next_forced |= again
        long_p = np.where(in_care, 0.45, self.p_long_repeat)
        long = alive & ~again & (rng.random(n) < long_p)
        nxt = np.where(long, end + 90 + np.round(rng.exponential(700, n)).astype(np.int64), nxt)
        valid = (nxt != NA) & (nxt < cb18 - 30)
        within = valid & (nxt - start <= 365)
        duration = end - start
        short_ok = alive & (nxt == NA) & (duration < 300) & (start + 365 < cb18 - 30)
        want = t.rereferral * steady.sum() - (within & steady).sum()
        short = short_ok & (rng.random(n) < _ratio(want, (short_ok & steady).sum()))
        low = np.maximum(duration + 7, 14)
        gap = low + np.floor(rng.random(n) * np.maximum(365 - low, 1)).astype(np.int64)
        nxt = np.where(short, start + np.minimum(gap, 365), nxt)
        keep = (nxt != NA) & (nxt < cb18 - 30) & (nxt <= self.reference) & (nxt > end)
        keep &= ~next_forced | (nxt < cb18 - 150)  # a plan needs time before the 18th birthday
        prior = np.maximum(prior_cp, 0) + plan
        return refs, child[keep], nxt[keep], next_forced[keep], prior[keep]

    def _second_plans(
        self,
        plan: Bools,
        s47: Bools,
        icpc: Bools,
        forced: Bools,
        prior_cp: Ints,
        eligible: Bools,
        steady: Bools,
    ) -> None:
        """Move plans to children with an earlier plan until the batch's share of second or
        later plans is the published one (as far as such children are available)."""
        rng = self.rng
        prior = prior_cp > 0
        # Generations come in order (first referrals first), so aim at the running share.
        plans = int((plan & steady).sum()) + self.plans_so_far
        have = int((plan & steady & prior).sum()) + self.second_so_far
        short = round(self.t.cp_second * plans) - have
        self.plans_so_far = plans
        self.second_so_far = have
        if short == 0:
            return
        towards = prior if short > 0 else ~prior
        gain = np.flatnonzero(eligible & towards & ~plan & steady)
        # a re-referral that was to recur as a plan may be dropped to S47 only, not the reverse
        lose = np.flatnonzero(plan & ~towards & (~forced | (short < 0)) & steady)
        k = min(abs(short), len(gain), len(lose))
        if k == 0:
            return
        gain = rng.permutation(gain)[:k]
        lose = rng.permutation(lose)[:k]
        s47[gain] = True
        icpc[gain] = True
        plan[gain] = True
        plan[lose] = False
        icpc[lose] = False
        self.second_so_far += k if short > 0 else -k

    # ------------------------------------------------------------ care

    def _care(
        self, in_care: Bools, cla_start: Days, cdob: Days, cb18: Days, is_uasc: Bools
    ) -> tuple[Ints, Days]:
        """Route out of care and length of each period, calibrated by Little's law."""
        rng, t = self.rng, self.t
        n = len(in_care)
        rows = np.flatnonzero(in_care)
        routes_out = np.full(n, -1, np.int64)
        end_out = np.full(n, NA, np.int64)
        m = len(rows)
        if m == 0:
            return routes_out, end_out
        start = cla_start[rows]
        entry_age = (start - cdob[rows]).astype(np.float64)
        group = _group(entry_age)
        uasc = is_uasc[rows]
        room = (cb18[rows] - start).astype(np.float64)
        cal = self.steady[rows]
        if cal.sum() < 20:
            cal = np.ones(m, bool)
        adopt_w = ADOPT_WEIGHT[group] * (entry_age < 6 * YEAR) * ~uasc
        sgo_w = SGO_WEIGHT[group] * (entry_age < 12 * YEAR) * ~uasc
        count = float(cal.sum())
        p_adopt = np.minimum(0.85, t.adopted * count * adopt_w / max(adopt_w[cal].sum(), 1e-9))
        p_sgo = np.minimum(0.6, t.sgo * count * sgo_w / max(sgo_w[cal].sum(), 1e-9))
        p_sgo = np.minimum(p_sgo, np.maximum(1 - p_adopt - 0.05, 0.0))
        rest = np.maximum(1 - p_adopt - p_sgo, 0.0)
        # The rest is split between home, cao, long, remand, other and leave16 by base weight.
        other_cols = [HOME, CAO, LONG, REMAND, OTHER, LEAVE16]
        base_rest = ROUTE_BASE[group][:, other_cols]
        base_rest[uasc] = np.array([0.0, 0.0, 0.85, 0.0, 0.15, 0.0])
        u_route = rng.random(m)
        home_len = rng.gamma(0.8, 1 / 0.8, m) * 200
        sgo_len = rng.gamma(3.0, 1 / 3.0, m) * 1.3 * YEAR
        other_len = rng.gamma(1.2, 1 / 1.2, m) * 0.8 * YEAR
        remand_len = 14 + rng.gamma(1.5, 1 / 1.5, m) * 60
        adopt_len = (
            rng.integers(120, 300, m)
            + rng.integers(30, 120, m)
            + rng.integers(30, 240, m)
            + rng.integers(14, 42, m)
            + rng.integers(90, 300, m)
        ).astype(np.float64)
        sixteen = (cdob[rows] + np.round(16 * YEAR) - start).astype(np.float64)
        leave_len = np.maximum(sixteen, 91.0) + rng.random(m) * np.maximum(room - sixteen, 0) * 0.9
        codes_all = np.array([ADOPT, SGO, *other_cols], np.int64)

        def routes(multiplier: float, home_scale: float, sel: Bools | slice) -> tuple[Ints, Floats]:
            weights = base_rest[sel].copy()
            weights[:, 2] *= multiplier  # long
            weights /= np.maximum(weights.sum(axis=1, keepdims=True), 1e-12)
            probs = np.column_stack([p_adopt[sel], p_sgo[sel], rest[sel][:, None] * weights])
            choice = (u_route[sel][:, None] > np.cumsum(probs, axis=1)).sum(axis=1)
            codes = codes_all[np.minimum(choice, probs.shape[1] - 1)]
            lengths = np.column_stack(
                [
                    adopt_len[sel],
                    sgo_len[sel],
                    home_len[sel] * home_scale,
                    sgo_len[sel],
                    room[sel],
                    remand_len[sel],
                    other_len[sel],
                    leave_len[sel],
                ]
            )
            length = lengths[np.arange(len(codes)), np.minimum(choice, 7)]
            length = np.minimum(np.maximum(length, 3.0), room[sel])
            return codes, length

        def mean_length(multiplier: float) -> float:
            return float(routes(multiplier, 1.0, cal)[1].mean())

        target = self.cla_mean_days
        multiplier = _bisect(mean_length, target, 0.02, 60.0)
        home_scale = 1.0
        reached = mean_length(multiplier)
        if abs(reached - target) > target * 0.02:

            def mean_home(scale: float) -> float:
                return float(routes(multiplier, scale, cal)[1].mean())

            low, high = (1.0, 40.0) if reached < target else (0.05, 1.0)
            home_scale = _bisect(mean_home, target, low, high)
        codes, length = routes(multiplier, home_scale, slice(None))
        self.notes.setdefault("long_multiplier", multiplier)
        routes_out[rows] = codes
        end_out[rows] = start + np.round(length).astype(np.int64)
        return routes_out, end_out


def _ratio(want: float, pool: float) -> float:
    if pool <= 0:
        return 0.0
    return float(min(0.97, max(0.0, want / pool)))


def _run(sim: _Simulator, scale: float) -> tuple[Days, Bools, Referrals]:
    dob, first, uasc = sim.arrivals(scale)
    b18 = add_years(dob, 18)
    parts: list[Referrals] = []
    child = np.arange(len(dob), dtype=np.int64)
    start = first
    forced = np.zeros(len(dob), bool)
    prior = np.where(uasc, -1, 0).astype(np.int64)
    while len(child):
        order = np.argsort(start, kind="stable")
        child, start, forced, prior = child[order], start[order], forced[order], prior[order]
        refs, child, start, forced, prior = sim.batch(child, start, forced, prior, dob, b18, uasc)
        parts.append(refs)
    return dob, uasc, _concat(parts)


def simulate(
    targets: Targets, rng: np.random.Generator, reference: int, window_start: int
) -> Skeleton:
    """Simulate, thin to the published referral count, keep the window, trim the stocks."""
    scale = 1.2
    while True:
        sim = _Simulator(targets, rng, reference, window_start)
        dob, uasc, refs = _run(sim, scale)
        # Thin the superset of children to the published number of referrals in the year.
        in_year = (refs.start > reference - 365) & (refs.start <= reference)
        keep_share = targets.referrals / max(float(in_year.sum()), 1.0)
        if keep_share <= 1.0 or scale > 3:
            break
        scale *= keep_share * 1.1
    sim.notes["thinning"] = keep_share
    kept_child = rng.random(len(dob)) < keep_share

    # Keep children with a referral touching the window, or a care leaver in it.
    touches = (refs.start <= reference) & (refs.end >= window_start)
    leaver = (
        (refs.cla_start != NA)
        & (refs.cla_end - dob[refs.child] >= 16 * YEAR)
        & (refs.cla_end - np.maximum(refs.cla_start, dob[refs.child] + 14 * YEAR) >= 91)
        & (add_years(dob[refs.child], 22) > window_start)
    )
    wanted = np.zeros(len(dob), bool)
    wanted[refs.child[touches | leaver]] = True
    wanted &= kept_child
    refs = refs.take(wanted[refs.child])
    # Renumber children 0..n-1 in order of their first referral.
    ids = np.flatnonzero(wanted)
    remap = np.full(len(dob), -1, np.int64)
    remap[ids] = np.arange(len(ids))
    refs.child = remap[refs.child]
    order = np.lexsort((refs.start, refs.child))
    refs = refs.take(order)
    skeleton = Skeleton(reference, window_start, dob[ids], uasc[ids], refs, sim.notes)
    trim_stocks(skeleton, targets, rng)
    return skeleton


# ---------------------------------------------------------------- trimming at 31 March


def open_at(start: Days, end: Days, day: int) -> Bools:
    result: Bools = (start != NA) & (start <= day) & (end > day)
    return result


def stocks(skeleton: Skeleton) -> dict[str, int]:
    r, day = skeleton.referrals, skeleton.reference
    return {
        "cin": int(open_at(r.start, r.end, day).sum()),
        "cp": int(open_at(r.cp_start, r.cp_end, day).sum()),
        "cla": int(open_at(r.cla_start, r.cla_end, day).sum()),
    }


def _last_referral(r: Referrals) -> Bools:
    last = np.ones(len(r), bool)
    last[:-1] = r.child[:-1] != r.child[1:]
    return last


def trim_stocks(skeleton: Skeleton, targets: Targets, rng: np.random.Generator) -> None:
    """Close or re-open a few recent spells so the 31 March stocks equal the targets."""
    r = skeleton.referrals
    day = skeleton.reference
    far = day + 10_000  # an end date far after 31 March: open
    b18 = add_years(skeleton.dob, 18)[r.child]
    last = _last_referral(r)

    # Child protection plans.
    gap = round(targets.cp_stock) - int(open_at(r.cp_start, r.cp_end, day).sum())
    skeleton.notes["trim_cp"] = gap
    if gap < 0:
        cand = np.flatnonzero(open_at(r.cp_start, r.cp_end, day) & (r.cp_start < day - 60))
        pick = rng.permutation(cand)[:-gap]
        new_end = day - rng.integers(1, 45, len(pick))
        r.cp_end[pick] = np.maximum(new_end, r.cp_start[pick] + 28)
        r.cp_reason[pick] = CP_CIN
        r.cin2_start[pick] = r.cp_end[pick]
        r.cin2_end[pick] = np.maximum(r.cin2_end[pick], far)
        r.end[pick] = np.maximum(r.end[pick], far)
    elif gap > 0:
        cand = np.flatnonzero(
            (r.cp_start != NA)
            & (r.cp_end <= day)
            & (r.cp_end > day - 150)
            & np.isin(r.cp_reason, [CP_CIN, CP_NFA, CP_OTHER])
            & last
            & (b18 > day + 60)
        )
        pick = rng.permutation(cand)[:gap]
        _reopen(r, pick, r.cp_end, far)
        if len(pick) < gap:
            _start_plans(r, day, far, b18, gap - len(pick), rng)

    # Children looked after.
    gap = round(targets.cla_stock) - int(open_at(r.cla_start, r.cla_end, day).sum())
    skeleton.notes["trim_cla"] = gap
    if gap < 0:
        cand = np.flatnonzero(
            open_at(r.cla_start, r.cla_end, day)
            & (r.cla_start < day - 90)
            & np.isin(r.cla_route, [HOME, LONG, OTHER, SGO, CAO])
        )
        pick = rng.permutation(cand)[:-gap]
        r.cla_end[pick] = day - rng.integers(1, 60, len(pick))
        r.cla_route[pick] = HOME
        r.cin2_start[pick] = r.cla_end[pick]
        r.cin2_end[pick] = far
        r.end[pick] = np.maximum(r.end[pick], far)
    elif gap > 0:
        cand = np.flatnonzero(
            (r.cla_start != NA)
            & (r.cla_end <= day)
            & (r.cla_end > day - 180)
            & np.isin(r.cla_route, [HOME, OTHER])
            & last
            & (b18 > day + 60)
        )
        pick = rng.permutation(cand)[:gap]
        _reopen(r, pick, r.cla_end, far)
        if len(pick) < gap:
            _start_care(r, day, far, skeleton.dob[r.child], b18, gap - len(pick), rng)

    # Children in need (referrals open at 31 March).
    open_now = open_at(r.start, r.end, day)
    gap = round(targets.cin_stock) - int(open_now.sum())
    skeleton.notes["trim_cin"] = gap
    if gap < 0:
        busy = open_at(r.cp_start, r.cp_end, day) | open_at(r.cla_start, r.cla_end, day)
        latest = np.max(
            np.column_stack(
                [r.start, r.asmt_end, r.s47_end, r.cin1_start, r.cin2_start, r.cp_end, r.cla_end]
            ),
            axis=1,
        )
        cand = np.flatnonzero(open_now & ~busy & (r.start < day - 30) & (latest < day))
        pick = rng.permutation(cand)[:-gap]
        close = np.maximum(day - rng.integers(0, 40, len(pick)), latest[pick] + 1)
        close = np.minimum(close, day)
        r.end[pick] = close
        r.cin1_end[pick] = np.where(r.cin1_start[pick] != NA, close, NA)
        r.cin2_end[pick] = np.where(r.cin2_start[pick] != NA, close, NA)
    elif gap > 0:
        has_plan = (r.cin1_start != NA) | (r.cin2_start != NA)
        cand = np.flatnonzero(
            (r.end <= day)
            & (r.end > day - 120)
            & has_plan
            & last
            & (b18 > day + 60)
            & ~np.isin(r.cla_route, [ADOPT, SGO, CAO, LONG, LEAVE16])
        )
        pick = rng.permutation(cand)[:gap]
        r.end[pick] = far
        second = r.cin2_start[pick] != NA
        r.cin2_end[pick[second]] = far
        r.cin1_end[pick[~second]] = far


def _end_cin_plans_at(r: Referrals, pick: Ints, when: Days) -> None:
    """CIN plans of `pick` stop when a CP plan or care starts (they cannot run alongside)."""
    for start, end in ((r.cin1_start, r.cin1_end), (r.cin2_start, r.cin2_end)):
        has = start[pick] != NA
        before = has & (start[pick] < when)
        end[pick] = np.where(before, np.minimum(end[pick], when), end[pick])
        start[pick] = np.where(has & ~before, NA, start[pick])
        end[pick] = np.where(has & ~before, NA, end[pick])


def _start_plans(
    r: Referrals, day: int, far: int, b18: Days, count: int, rng: np.random.Generator
) -> None:
    """Start CP plans (after a S47 enquiry and ICPC) in open referrals without one."""
    cand = np.flatnonzero(
        open_at(r.start, r.end, day)
        & (r.start < day - 40)
        & ~r.nfa
        & (r.asmt_start != NA)
        & (r.cp_start == NA)
        & (r.cla_start == NA)
        & (r.s47_start == NA)
        & (b18 > day + 60)
    )
    pick = rng.permutation(cand)[:count]
    s47 = add_working_days(
        np.maximum(r.asmt_start[pick], day - rng.integers(30, 150, len(pick))), 0
    )
    wd = rng.integers(6, 15, len(pick))
    icpc = add_working_days(s47, wd)
    ok = icpc <= day
    pick, s47, wd, icpc = pick[ok], s47[ok], wd[ok], icpc[ok]
    r.s47_start[pick] = s47
    r.s47_end[pick] = add_working_days(s47, np.maximum(wd - 2, 1))
    r.icpc_date[pick] = icpc
    r.cp_start[pick] = icpc
    r.cp_end[pick] = far
    r.cp_reason[pick] = CP_CIN
    r.not_in_need[pick] = False
    # earlier plans of the same child
    plans = np.flatnonzero(r.cp_start != NA)
    for row in pick:
        earlier = (r.child[plans] == r.child[row]) & (r.cp_start[plans] < r.cp_start[row])
        r.cp_prev[row] = int(earlier.sum())
    _end_cin_plans_at(r, pick, icpc)


def _start_care(
    r: Referrals,
    day: int,
    far: int,
    dob: Days,
    b18: Days,
    count: int,
    rng: np.random.Generator,
) -> None:
    """Start periods of care in open referrals with no plan or care in them."""
    cand = np.flatnonzero(
        open_at(r.start, r.end, day)
        & (r.start < day - 30)
        & ~r.nfa
        & (r.cp_start == NA)
        & (r.cla_start == NA)
        & (dob < day - 30)
        & (b18 > day + 90)
    )
    pick = rng.permutation(cand)[:count]
    start = day - rng.integers(5, 120, len(pick))
    start = np.maximum(start, np.maximum(r.start[pick] + 1, dob[pick] + 1))
    r.cla_start[pick] = start
    r.cla_end[pick] = far
    age = (start - dob[pick]) / YEAR
    r.cla_route[pick] = np.where(age >= 10, LONG, HOME)
    r.not_in_need[pick] = False
    _end_cin_plans_at(r, pick, start)


def _reopen(r: Referrals, pick: Ints, spell_end: Days, far: int) -> None:
    """Keep the picked spells (a plan or a period of care) open past 31 March, and the
    referral with them, dropping the child-in-need plan that followed."""
    spell_end[pick] = far
    r.cin2_start[pick] = NA
    r.cin2_end[pick] = NA
    r.end[pick] = far
