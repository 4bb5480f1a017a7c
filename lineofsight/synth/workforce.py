"""Teams, workers and their time in post, sized from the council's own caseloads.

Each team has *seats* (posts). A seat is held by a sequence of workers: permanent staff stay
for an exponential time whose rate is the published turnover; agency workers stay about
eight months, and are chosen often enough that the share of agency workers in post equals
the published agency rate. Case-holding seats per team = open cases / published caseload.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lineofsight.synth import pools
from lineofsight.synth.context import Context
from lineofsight.synth.dates import NA, YEAR, Bools, Days, Ints, date_series, frame, or_none
from lineofsight.synth.ids import keys as make_keys

ROLES = np.array(
    [
        "social_worker",
        "asye",
        "senior_practitioner",
        "advanced_practitioner",
        "team_manager",
        "service_manager",
        "head_of_service",
        "iro",
        "conference_chair",
        "personal_adviser",
        "family_support_worker",
        "business_support",
        "performance_analyst",
    ]
)
SW, ASYE, SENIOR, ADVANCED, MANAGER, SERVICE_MGR, HEAD, IRO, CHAIR, PA, FSW, ADMIN, ANALYST = range(
    13
)
QUALIFIED = {SW, ASYE, SENIOR, ADVANCED, MANAGER, SERVICE_MGR, HEAD, IRO, CHAIR}
CASE_HOLDING = {SW, ASYE, SENIOR, ADVANCED}
AGENCY_ROLES = {SW, SENIOR, ADVANCED, MANAGER, IRO, CHAIR}

# Kinds of team that hold cases, in the order spells use them.
ASSESSMENT, SAFEGUARDING, CHILDREN_IN_CARE, DISABILITIES, CARE_LEAVERS = range(5)
AREA_OF_KIND = ("assessment", "safeguarding", "children_in_care", "disabilities", "care_leavers")
TEAM_NAMES = {
    "front_door": "Multi-Agency Safeguarding Hub",
    "early_help": "Early Help Team",
    "assessment": "Assessment Team",
    "safeguarding": "Safeguarding and Family Support Team",
    "disabilities": "Children with Disabilities Team",
    "children_in_care": "Children in Care Team",
    "care_leavers": "Leaving Care Team",
    "adoption": "Adoption Team",
    "fostering": "Fostering Team",
    "youth_justice": "Youth Justice Service",
    "iro": "Independent Reviewing Service",
    "management": "Children's Social Care Leadership",
}
LOCALITIES = [
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Town",
    "Valley",
    "Borough",
    "Park",
    "Hill",
    "Bridge",
    "Moor",
    "Green",
    "Vale",
    "Ford",
    "Cross",
]


@dataclass
class Workforce:
    team_code: np.ndarray
    team_area: np.ndarray
    seat_team: Ints
    seat_role: Ints
    # occupancy, sorted by (seat, start)
    occ_seat: Ints
    occ_start: Days
    occ_end: Days  # may run past 31 March
    occ_worker: Ints  # = occupancy row: one worker per occupancy
    worker_role: Ints
    worker_agency: Bools
    worker_id: np.ndarray
    worker_team: Ints
    teams_by_kind: dict[int, Ints]  # case-holding team indices per spell kind
    frames: dict[str, pl.DataFrame]

    def teams_of_area(self, area: str) -> Ints:
        return np.flatnonzero(self.team_area == area)

    def occupant(self, seats: Ints, days: Days) -> Ints:
        """The worker in each seat on each day, or -1 when it is vacant."""
        if len(seats) == 0:
            return np.zeros(0, np.int64)
        base = int(self.occ_start.min()) - 1
        key = self.occ_seat * (1 << 24) + (self.occ_start - base)
        probe = seats * (1 << 24) + (np.maximum(days, base + 1) - base)
        idx = np.maximum(np.searchsorted(key, probe, side="right") - 1, 0)
        ok = (self.occ_seat[idx] == seats) & (self.occ_start[idx] <= days)
        ok &= self.occ_end[idx] > days
        return np.where(ok, self.occ_worker[idx], -1)

    def pick(
        self,
        rng: np.random.Generator,
        teams: Ints,
        roles: set[int],
        days: Days,
        tries: int = 6,
    ) -> Ints:
        """A random worker in one of `roles` in each team on each day (-1 when none)."""
        count = len(days)
        out = np.full(count, -1, np.int64)
        if count == 0:
            return out
        role_ok = np.isin(self.seat_role, list(roles))
        seats = np.flatnonzero(role_ok)
        if len(seats) == 0:
            return out
        # seats of those roles grouped by team
        order = np.argsort(self.seat_team[seats], kind="stable")
        seats = seats[order]
        seat_teams = self.seat_team[seats]
        n_teams = len(self.team_code)
        first = np.searchsorted(seat_teams, np.arange(n_teams))
        last = np.searchsorted(seat_teams, np.arange(n_teams), side="right")
        size = (last - first)[teams]
        todo = np.flatnonzero(size > 0)
        for _ in range(tries):
            if len(todo) == 0:
                break
            choice = first[teams[todo]] + np.floor(rng.random(len(todo)) * size[todo]).astype(
                np.int64
            )
            worker = self.occupant(seats[choice], days[todo])
            out[todo] = worker
            todo = todo[worker < 0]
        return out


def build_workforce(ctx: Context, open_by_kind: dict[int, float]) -> Workforce:
    rng = ctx.rng("workforce")
    f = ctx.figures
    caseload = max(f.caseload, 8.0)
    teams: list[tuple[str, str, str]] = []  # code, name, area
    seats: list[tuple[int, int]] = []  # team index, role
    kinds: dict[int, list[int]] = {}
    localities = list(LOCALITIES)
    rng.shuffle(localities)

    def add_team(code: str, area: str, name: str) -> int:
        teams.append((code, name, area))
        return len(teams) - 1

    def add_seats(team: int, role: int, count: int) -> None:
        seats.extend((team, role) for _ in range(max(count, 0)))

    head = add_team("CSC", "management", TEAM_NAMES["management"])
    contacts_per_year = ctx.targets.referrals * 3
    mash = add_team("MASH", "front_door", TEAM_NAMES["front_door"])
    add_seats(mash, MANAGER, 1)
    add_seats(mash, SENIOR, 1)
    add_seats(mash, SW, max(2, round(contacts_per_year / 1500)))
    add_seats(mash, ADMIN, 1 + round(contacts_per_year / 8000))
    eh_families = ctx.targets.referrals * 0.5
    for i in range(max(1, round(eh_families / 1500))):
        team = add_team(
            f"EH{i + 1}", "early_help", f"{TEAM_NAMES['early_help']} {localities[i % 16]}"
        )
        add_seats(team, MANAGER, 1)
        add_seats(team, FSW, 6)
    # Case-holding teams, sized from open cases and the published caseload.
    codes = {ASSESSMENT: "AST", SAFEGUARDING: "SFS", CHILDREN_IN_CARE: "CIC", DISABILITIES: "CWD"}
    for kind, prefix in codes.items():
        # about 92% of open cases are held by a social worker; workers average 0.95 FTE and
        # seats are briefly vacant between holders (0.87 measured on Walsall and Leeds)
        holders = max(2, round(open_by_kind.get(kind, 0.0) / caseload * 0.87))
        n_teams = max(1, round(holders / 7))
        kinds[kind] = []
        for i in range(n_teams):
            area = AREA_OF_KIND[kind]
            name = TEAM_NAMES[area] + (f" {localities[i % 16]}" if n_teams > 1 else "")
            team = add_team(f"{prefix}{i + 1}", area, name)
            kinds[kind].append(team)
            share = holders // n_teams + (i < holders % n_teams)
            add_seats(team, MANAGER, 1)
            add_seats(team, SENIOR, 1)
            add_seats(team, ADVANCED, int(share >= 8))
            n_asye = round(share * 0.15)
            add_seats(team, ASYE, n_asye)
            add_seats(team, SW, max(share - 1 - int(share >= 8) - n_asye, 1))
            add_seats(team, FSW, 1 + (share >= 6))
            add_seats(team, ADMIN, 1)
    leavers = max(1.0, open_by_kind.get(CARE_LEAVERS, 0.0))
    n_pa = max(1, round(leavers / 20))
    kinds[CARE_LEAVERS] = []
    for i in range(max(1, round(n_pa / 8))):
        team = add_team(f"LC{i + 1}", "care_leavers", TEAM_NAMES["care_leavers"])
        kinds[CARE_LEAVERS].append(team)
        add_seats(team, MANAGER, 1)
        add_seats(team, SENIOR, 1)
        add_seats(team, PA, max(1, round(n_pa / max(1, round(n_pa / 8)))))
    iro_team = add_team("IRO", "iro", TEAM_NAMES["iro"])
    add_seats(iro_team, MANAGER, 1)
    add_seats(iro_team, IRO, max(1, round(ctx.targets.cla_stock / 60)))
    add_seats(iro_team, CHAIR, max(1, round(ctx.targets.cp_stock / 60)))
    add_seats(iro_team, ADMIN, 1)
    for code, area, count in (
        ("ADP", "adoption", 3 + round(ctx.targets.cla_starts / 60)),
        ("FOS", "fostering", 4 + round(ctx.targets.cla_stock / 80)),
        ("YJS", "youth_justice", 3),
    ):
        team = add_team(code, area, TEAM_NAMES[area])
        add_seats(team, MANAGER, 1)
        add_seats(team, SW, count)
    n_service = max(1, round(len(teams) / 4))
    add_seats(head, HEAD, 1 + (len(teams) > 12))
    add_seats(head, SERVICE_MGR, n_service)
    add_seats(head, ANALYST, 1 + (len(teams) > 15))
    add_seats(head, ADMIN, 1)

    seat_team = np.array([s[0] for s in seats], np.int64)
    seat_role = np.array([s[1] for s in seats], np.int64)
    workforce = _occupy(ctx, rng, seat_team, seat_role)
    team_code = np.array([t[0] for t in teams])
    team_area = np.array([t[2] for t in teams])
    team_frame = frame(
        {
            "code": team_code,
            "name": np.array([t[1] for t in teams]),
            "service_area": team_area,
            "parent_id": or_none(~(np.arange(len(teams)) == head), "CSC"),
        }
    )
    return Workforce(
        team_code=team_code,
        team_area=team_area,
        seat_team=seat_team,
        seat_role=seat_role,
        teams_by_kind={k: np.array(v, np.int64) for k, v in kinds.items()},
        frames={"team": team_frame, **workforce.pop("frames")},
        **workforce,
    )


def _occupy(ctx: Context, rng: np.random.Generator, seat_team: Ints, seat_role: Ints) -> dict:  # type: ignore[type-arg]
    f = ctx.figures
    horizon = ctx.window_start - int(2 * YEAR)
    reference = ctx.reference
    n_seats = len(seat_team)
    turnover = min(max(f.turnover_pct / 100, 0.04), 0.6)
    permanent_years = 1 / turnover
    agency_years = 0.7
    share = min(max(f.agency_pct / 100, 0.0), 0.8)
    # share in post = p L_a / (p L_a + (1-p) L_p)  =>  p
    p_agency = share * permanent_years / (share * permanent_years + (1 - share) * agency_years)
    agency_ok = np.isin(seat_role, list(AGENCY_ROLES))
    occ_seat: list[Ints] = []
    occ_start: list[Days] = []
    occ_end: list[Days] = []
    occ_agency: list[Bools] = []
    seat = np.arange(n_seats)
    agency = agency_ok & (rng.random(n_seats) < share)
    mean_years = np.where(
        agency, agency_years, np.where(np.isin(seat_role, list(QUALIFIED)), permanent_years, 5.0)
    )
    # The first holder started before the horizon (backward recurrence time).
    start = horizon - np.round(rng.exponential(mean_years * YEAR)).astype(np.int64)
    start = np.maximum(start, horizon - int(30 * YEAR))
    while len(seat):
        tenure = np.round(rng.exponential(mean_years * YEAR)).astype(np.int64)
        tenure = np.maximum(tenure, np.where(agency, 28, 90))
        first = len(occ_seat) == 0
        if first:
            # the remaining time of the first holder, from the horizon
            tenure = np.maximum(horizon - start + tenure, 30)
        end = start + tenure
        occ_seat.append(seat)
        occ_start.append(start)
        occ_end.append(end)
        occ_agency.append(agency)
        gap = rng.integers(0, 50, len(seat))
        nxt = end + gap
        keep = nxt <= reference
        seat, start = seat[keep], nxt[keep]
        agency = agency_ok[seat] & (rng.random(len(seat)) < p_agency)
        mean_years = np.where(
            agency,
            agency_years,
            np.where(np.isin(seat_role[seat], list(QUALIFIED)), permanent_years, 5.0),
        )
    s = np.concatenate(occ_seat)
    b = np.concatenate(occ_start)
    e = np.concatenate(occ_end)
    a = np.concatenate(occ_agency)
    order = np.lexsort((b, s))
    s, b, e, a = s[order], b[order], e[order], a[order]
    count = len(s)
    role = seat_role[s]
    qualified = np.isin(role, list(QUALIFIED))
    qualified |= (role == PA) & (rng.random(count) < 0.1)
    # Social Work England numbers for qualified staff; employee numbers for the rest.
    sw_numbers = rng.permutation(900_000)[:count] + 100_000
    staff = np.where(
        qualified,
        np.char.add("SW", sw_numbers.astype(str)),
        np.char.add("EMP", (np.arange(count) + 10_001).astype(str)),
    )
    female = rng.random(count) < 0.82
    heritage = rng.choice(4, count, p=[0.78, 0.1, 0.09, 0.03])
    given, family = pools.names(rng, heritage, female)
    fte = np.where(a, 1.0, rng.choice([1.0, 0.8, 0.6, 0.5], count, p=[0.8, 0.08, 0.07, 0.05]))
    ended = np.where(e <= reference, e, NA)
    worker = frame(
        {
            "staff_id": staff,
            "given_name": given,
            "family_name": family,
            "role": ROLES[role],
            "is_qualified": qualified,
            "is_agency": a,
            "fte": fte,
            "started_on": date_series("started_on", b),
            "ended_on": date_series("ended_on", ended),
        }
    )
    membership = frame(
        {
            "key": make_keys("TM", count, width=6),
            "worker_id": staff,
            "team_id": None,
            "started_on": date_series("started_on", b),
            "ended_on": date_series("ended_on", ended),
        }
    )
    return {
        "occ_seat": s,
        "occ_start": b,
        "occ_end": e,
        "occ_worker": np.arange(count, dtype=np.int64),
        "worker_role": role,
        "worker_agency": a,
        "worker_id": staff,
        "worker_team": seat_team[s],
        "frames": {"worker": worker, "team_membership": membership},
    }


def finish_frames(wf: Workforce) -> dict[str, pl.DataFrame]:
    membership = wf.frames["team_membership"].with_columns(
        pl.Series("team_id", wf.team_code[wf.worker_team])
    )
    return {"team": wf.frames["team"], "worker": wf.frames["worker"], "team_membership": membership}
