"""Oversight and quality: supervision, decisions (always with a rationale), case notes,
case audits and complaints."""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.synth.allocation import Allocations, worker_on
from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.context import Context
from lineofsight.synth.dates import (
    NA,
    YEAR,
    Days,
    Ints,
    date_series,
    datetime_series,
    frame,
    or_none,
)
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.recurring import series
from lineofsight.synth.workforce import (
    ASYE,
    CASE_HOLDING,
    MANAGER,
    PA,
    SERVICE_MGR,
    Workforce,
)

DECISIONS = {
    "referral_outcome": (
        [
            "Accept as a referral and start a child and family assessment.",
            "Accept as a referral; strategy discussion to be convened today.",
            "No further action at this point; advice given to the referrer.",
        ],
        [
            "The information received meets the threshold for a statutory assessment.",
            "There is reasonable cause to suspect significant harm; the police share this view.",
            "Concerns are being met by universal services and the family agreed to support.",
        ],
    ),
    "assessment_sign_off": (
        [
            "Assessment authorised; child in need plan to be put in place.",
            "Assessment authorised; case to close with signposting to early help.",
            "Assessment authorised; no further action.",
        ],
        [
            "The assessment shows needs that require a coordinated multi-agency plan.",
            "Needs identified can be met by the early help offer with the family's consent.",
            "The child's needs are being met; protective factors outweigh the risks identified.",
        ],
    ),
    "step_up": (
        [
            "Convene an initial child protection conference.",
            "Step up to child protection: section 47 enquiries to begin.",
        ],
        [
            "The child has suffered, or is likely to suffer, significant harm.",
            "Repeated incidents despite support show the plan is not reducing the risk.",
        ],
    ),
    "step_down": (
        [
            "Step down from a child protection plan to a child in need plan.",
            "Close to children's social care and step down to early help.",
        ],
        [
            "Risks have reduced and been sustained for six months; parents engaging well.",
            "Outcomes of the plan achieved; the family want continued support from early help.",
        ],
    ),
    "become_looked_after": (
        [
            "The child is to become looked after.",
            "Accommodate under section 20 with parental agreement.",
        ],
        [
            "The child cannot safely remain at home; no suitable family member is available.",
            "Parents agree accommodation is needed while the assessment of the family continues.",
        ],
    ),
    "legal_planning": (
        ["Enter the pre-proceedings (PLO) process.", "Issue care proceedings."],
        [
            "Legal threshold met; the family needs a clear statement of what must change.",
            "Pre-proceedings have not brought the change needed within the child's timescale.",
        ],
    ),
    "closure": (
        ["Close the case.", "Close the case and transfer to the leaving care service."],
        [
            "The plan's outcomes have been achieved and the child's needs are now met.",
            "The young person has reached 18; support continues through the personal adviser.",
        ],
    ),
    "allocation": (
        [
            "Allocate to a social worker in the team.",
            "Reallocate to manage caseloads within the team.",
        ],
        [
            "Allocation needed to complete the assessment within 45 working days.",
            "The current worker's caseload is above the team's agreed level.",
        ],
    ),
    "other": (
        [
            "Increase visits to weekly for the next month.",
            "Request a family group conference.",
            "Seek a second opinion from the designated doctor.",
        ],
        [
            "Discussed in supervision: the child's lived experience needs to be better understood.",
            "Wider family may be able to offer support; the parents agreed to a referral.",
            "The medical explanation for the injury is unclear and needs expert advice.",
        ],
    ),
}
NOTE_TEXT = {
    "visit": [
        "Home visit: child seen and spoken to alone in their bedroom; presented as happy.",
        "Visit to the placement; carers report the child is settling well at school.",
        "Visit: home conditions improved since last visit; mother engaging with plan.",
    ],
    "direct_work": [
        "Direct work using three houses; the child's worries were mostly about dad.",
        "Life story work session; the child chose photographs for their book.",
    ],
    "contact": [
        "Telephone call from school: attendance has improved to 92%.",
        "Email from health visitor confirming the developmental check is booked.",
    ],
    "management_oversight": [
        "Management oversight: plan reviewed, actions on track.",
        "Management oversight: visits overdue; agreed a visit this week.",
    ],
    "significant_event": [
        "Child reported missing overnight; returned the next morning.",
        "Police called to the home following a domestic incident.",
    ],
    "other": [
        "Case summary updated ahead of the review.",
        "Chronology updated with recent events.",
    ],
}
AUDIT_THEMES = np.array(
    [
        "Voice of the child",
        "Management oversight",
        "Quality of plans",
        "Timeliness of visits",
        "Multi-agency working",
        "Chronology",
        "Risk analysis",
        "Permanence planning",
    ]
)
COMPLAINT_ABOUT = np.array(
    [
        "Communication with the family",
        "Delay in the assessment",
        "Contact arrangements",
        "Change of social worker",
        "Placement decision",
        "Accuracy of records",
        "Support for a care leaver",
        "Outcome of a child protection conference",
    ]
)


def supervision_frames(
    ctx: Context, wf: Workforce, sw: Allocations
) -> tuple[pl.DataFrame, pl.DataFrame, np.ndarray, Days, Ints]:
    """Supervision sessions and the children discussed in them."""
    rng = ctx.rng("oversight")
    roles = wf.worker_role
    supervised = np.flatnonzero(np.isin(roles, list(CASE_HOLDING | {PA})))
    start = np.maximum(wf.occ_start[supervised], ctx.window_start)
    end = np.minimum(wf.occ_end[supervised], ctx.reference + 1)
    every = np.where(roles[supervised] == ASYE, 21, 30)
    owner, day = series(rng, start - 1, end, every, every, jitter=6)
    worker = supervised[owner]
    supervisor = wf.pick(rng, wf.worker_team[worker], {MANAGER}, day)
    count = len(day)
    kind = np.array(["case", "reflective", "personal"])[rng.choice(3, count, p=[0.75, 0.15, 0.1])]
    order = np.lexsort((worker, day))
    worker, day, supervisor, kind = worker[order], day[order], supervisor[order], kind[order]
    sup_keys = make_keys("SUP", count, width=7)
    table = frame(
        {
            "key": sup_keys,
            "worker_id": wf.worker_id[worker],
            "supervisor_id": or_none(supervisor >= 0, wf.worker_id[np.maximum(supervisor, 0)]),
            "held_on": date_series("h", day),
            "kind": kind,
            "next_due_on": date_series(
                "n",
                np.where(
                    every[owner][order] > 0, day + np.where(roles[worker] == ASYE, 21, 28), NA
                ),
            ),
        },
        schema_overrides={"supervisor_id": pl.String},
    )
    # children discussed: the worker's open cases that day, up to six
    case = np.flatnonzero(kind == "case")
    allocs = frame({"worker": sw.worker, "child": sw.child, "s": sw.start, "e": sw.end})
    sessions = frame({"session": case, "worker": worker[case], "day": day[case]})
    joined = (
        sessions.join(allocs, on="worker", how="inner")
        .filter((pl.col("s") <= pl.col("day")) & (pl.col("e") > pl.col("day")))
        .unique(subset=["session", "child"], keep="first", maintain_order=True)
    )
    if joined.height:
        joined = joined.with_columns(pl.Series("r", rng.random(joined.height)))
        joined = (
            joined.sort("session", "r")
            .with_columns(pl.int_range(pl.len()).over("session").alias("rank"))
            .filter(pl.col("rank") < 6)
        )
    assert ctx.children is not None
    session = joined["session"].to_numpy() if joined.height else np.zeros(0, np.int64)
    child = joined["child"].to_numpy() if joined.height else np.zeros(0, np.int64)
    discussion = frame(
        {
            "key": make_keys("SDI", len(session), width=7),
            "supervision_id": sup_keys[session],
            "child_id": np.array(ctx.children.keys)[child],
        },
        schema_overrides={"supervision_id": pl.String, "child_id": pl.String},
    )
    sup_of = np.where(supervisor >= 0, supervisor, -1)
    return table, discussion, sup_keys[session], day[session], np.stack([child, sup_of[session]])


def decision_frame(
    ctx: Context,
    wf: Workforce,
    sw: Allocations,
    placement_moves: tuple[Ints, Days],
    discussed: tuple[np.ndarray, Days, Ints],
) -> pl.DataFrame:
    rng = ctx.rng("oversight")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    b18 = ctx.children.b18
    parts: list[tuple[Ints, Days, str]] = []
    parts.append((r.child, r.start, "referral_outcome"))
    parts.append((r.child, np.where(r.asmt_end != NA, r.asmt_end, NA), "assessment_sign_off"))
    parts.append((r.child, np.where(r.s47_start != NA, r.s47_start, NA), "step_up"))
    stepdown = (r.cp_end != NA) & (r.cin2_start == r.cp_end)
    parts.append((r.child, np.where(stepdown, r.cp_end, NA), "step_down"))
    parts.append((r.child, r.cla_start, "become_looked_after"))
    planning = np.maximum(r.cla_start - 10, r.start)
    parts.append((r.child, np.where(r.cla_start != NA, planning, NA), "legal_planning"))
    parts.append((r.child, np.where(r.end <= ctx.reference, r.end, NA), "closure"))
    parts.append((placement_moves[0], placement_moves[1], "placement_move"))
    alloc_pick = np.flatnonzero((sw.role == "social_worker") & (rng.random(len(sw.role)) < 0.3))
    parts.append((sw.child[alloc_pick], sw.start[alloc_pick], "allocation"))
    child = np.concatenate([p[0] for p in parts])
    day = np.concatenate([p[1] for p in parts])
    kind = np.concatenate([np.full(len(p[0]), p[2]) for p in parts])
    keep = (day != NA) & (day >= ctx.window_start) & (day <= ctx.reference)
    keep &= day <= b18[child]
    legal = kind == "legal_planning"
    keep &= ~legal | (rng.random(len(kind)) < 0.4)
    move = kind == "placement_move"
    keep &= ~move | (rng.random(len(kind)) < 0.35)
    child, day, kind = child[keep], day[keep], kind[keep]
    sup_keys, sup_day, sup_pair = discussed
    from_sup = rng.random(len(sup_keys)) < 0.15
    child = np.concatenate([child, sup_pair[0][from_sup]])
    day = np.concatenate([day, sup_day[from_sup]])
    kind = np.concatenate([kind, np.full(from_sup.sum(), "other")])
    sup_id = np.concatenate(
        [np.full(len(keep.nonzero()[0]), None, dtype=object), sup_keys[from_sup].astype(object)]
    )
    made_by_sup = np.concatenate([np.full(len(sup_id) - from_sup.sum(), -1), sup_pair[1][from_sup]])
    count = len(day)
    worker = worker_on(sw, child, day)
    mash = np.flatnonzero(wf.team_code == "MASH")[0]
    team = np.where(worker >= 0, wf.worker_team[np.maximum(worker, 0)], mash)
    team = np.where(kind == "referral_outcome", mash, team)
    manager = wf.pick(rng, team, {MANAGER}, day)
    manager = np.where(made_by_sup >= 0, made_by_sup, manager)
    decision = np.empty(count, dtype=object)
    rationale = np.empty(count, dtype=object)
    for name, (texts, reasons) in DECISIONS.items():
        sel = np.flatnonzero(kind == name)
        pick = rng.integers(0, len(texts), len(sel))
        decision[sel] = np.array(texts)[pick]
        rationale[sel] = np.array(reasons)[np.minimum(pick, len(reasons) - 1)]
    rest = np.flatnonzero(kind == "placement_move")
    decision[rest] = "Move to a new placement."
    rationale[rest] = np.array(
        [
            "The carers have given notice; a planned move is better than an emergency one.",
            "A long-term match has been identified that keeps the child near their school.",
            "The child asked to move and the IRO agrees it is in their interests.",
        ]
    )[rng.integers(0, 3, len(rest))]
    has_actions = rng.random(count) < 0.45
    minutes = 540 + rng.integers(0, 510, count)
    order = np.lexsort((minutes, day))
    return frame(
        {
            "key": make_keys("DEC", count, width=7),
            "child_id": np.array(ctx.children.keys)[child][order],
            "made_at": datetime_series("m", day[order], minutes[order]),
            "made_by_id": or_none(manager >= 0, wf.worker_id[np.maximum(manager, 0)])[order],
            "kind": kind[order],
            "decision": decision[order],
            "rationale": rationale[order],
            "actions": or_none(
                has_actions,
                "Social worker to update the plan and share it with the family and agencies.",
            )[order],
            "actions_due_on": date_series(
                "a", np.where(has_actions, day + rng.integers(5, 29, count), NA)[order]
            ),
            "supervision_id": sup_id[order],
        },
        schema_overrides={
            "made_by_id": pl.String,
            "actions": pl.String,
            "supervision_id": pl.String,
        },
    )


def note_frame(ctx: Context, wf: Workforce, sw: Allocations) -> pl.DataFrame:
    rng = ctx.rng("oversight")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    rows = np.flatnonzero(~r.nfa & (r.end > ctx.window_start))
    per = rng.integers(0, 4, len(rows))
    owner = np.repeat(rows, per)
    s = np.maximum(r.start[owner], ctx.window_start)
    e = np.minimum(r.end[owner], ctx.reference + 1)
    day = s + np.floor(rng.random(len(owner)) * np.maximum(e - s, 1)).astype(np.int64)
    child = r.child[owner]
    keep = (day <= ctx.reference) & (day < ctx.children.b18[child])
    child, day = child[keep], day[keep]
    count = len(day)
    kinds = np.array(list(NOTE_TEXT))
    kind = kinds[rng.choice(len(kinds), count, p=[0.35, 0.15, 0.2, 0.15, 0.08, 0.07])]
    text = np.empty(count, dtype=object)
    for name, options in NOTE_TEXT.items():
        sel = np.flatnonzero(kind == name)
        text[sel] = np.array(options)[rng.integers(0, len(options), len(sel))]
    author = worker_on(sw, child, day)
    minutes = 480 + rng.integers(0, 660, count)
    order = np.lexsort((minutes, day))
    child, day, kind, text, author, minutes = (
        x[order] for x in (child, day, kind, text, author, minutes)
    )
    note_keys = make_keys("NOTE", count, width=7)
    # a few amendments: a later note that amends an earlier one for the same child
    amends = np.full(count, None, dtype=object)
    amend = np.flatnonzero(rng.random(count) < 0.01)
    if len(amend):
        extra_day = np.minimum(day[amend] + rng.integers(0, 5, len(amend)), ctx.reference)
        child = np.concatenate([child, child[amend]])
        extra_keys = make_keys("NOTE", len(amend), start=count + 1, width=7)
        amends = np.concatenate([amends, note_keys[amend].astype(object)])
        day = np.concatenate([day, extra_day])
        kind = np.concatenate([kind, kind[amend]])
        text = np.concatenate(
            [text, np.char.add("Amended: ", text[amend].astype(str)).astype(object)]
        )
        author = np.concatenate([author, author[amend]])
        minutes = np.concatenate([minutes, np.minimum(minutes[amend] + 60, 1439)])
        note_keys = np.concatenate([note_keys, extra_keys])
    return frame(
        {
            "key": note_keys,
            "child_id": np.array(ctx.children.keys)[child],
            "written_at": datetime_series("w", day, minutes),
            "author_id": or_none(author >= 0, wf.worker_id[np.maximum(author, 0)]),
            "kind": kind,
            "text": text.astype(str),
            "is_significant": (kind == "significant_event") | (rng.random(len(day)) < 0.03),
            "amends_id": amends,
        },
        schema_overrides={"author_id": pl.String, "amends_id": pl.String},
    )


def _open_children(ctx: Context, rng: np.random.Generator, days: Days) -> Ints:
    """A random child whose case was open on each day (-1 if none found)."""
    r = ctx.skeleton.referrals
    out = np.full(len(days), -1, np.int64)
    todo = np.arange(len(days))
    for _ in range(30):
        if len(todo) == 0:
            break
        pick = rng.integers(0, len(r), len(todo))
        ok = (r.start[pick] <= days[todo]) & (r.end[pick] > days[todo]) & ~r.nfa[pick]
        out[todo[ok]] = r.child[pick[ok]]
        todo = todo[~ok]
    return out


def audit_frame(ctx: Context, wf: Workforce) -> pl.DataFrame:
    rng = ctx.rng("oversight")
    assert ctx.children is not None
    months = int((ctx.reference - ctx.window_start) / 30.4)
    per_month = max(3, round(ctx.targets.cin_stock / 150))
    count = months * per_month
    day = np.sort(rng.integers(ctx.window_start, ctx.reference + 1, count))
    child = _open_children(ctx, rng, day)
    ok = child >= 0
    day, child = day[ok], child[ok]
    count = len(day)
    grades = np.array(["outstanding", "good", "requires_improvement", "inadequate"])
    grade_i = rng.choice(4, count, p=[0.04, 0.36, 0.44, 0.16])
    moderated = rng.random(count) < 0.3
    shift = np.clip(grade_i + rng.choice([-1, 0, 0, 1], count), 0, 3)
    teams = np.concatenate([wf.teams_of_area(a) for a in ("management", "safeguarding")])
    auditor = wf.pick(rng, teams[rng.integers(0, len(teams), count)], {MANAGER, SERVICE_MGR}, day)
    themes = np.char.add(
        np.char.add(AUDIT_THEMES[rng.integers(0, 8, count)], "; "),
        AUDIT_THEMES[rng.integers(0, 8, count)],
    )
    has_actions = rng.random(count) < 0.7
    return frame(
        {
            "key": make_keys("AUD", count, width=6),
            "child_id": np.array(ctx.children.keys)[child],
            "audited_on": date_series("a", day),
            "auditor_id": or_none(auditor >= 0, wf.worker_id[np.maximum(auditor, 0)]),
            "grade": grades[grade_i],
            "moderated_grade": or_none(moderated, grades[shift]),
            "themes": themes,
            "actions": or_none(
                has_actions,
                "Update the chronology and complete direct work with the child within four weeks.",
            ),
            "actions_due_on": date_series("d", np.where(has_actions, day + 28, NA)),
        },
        schema_overrides={
            "auditor_id": pl.String,
            "moderated_grade": pl.String,
            "actions": pl.String,
        },
    )


def complaint_frame(ctx: Context) -> pl.DataFrame:
    rng = ctx.rng("oversight")
    assert ctx.children is not None
    years = (ctx.reference - ctx.window_start) / YEAR
    count = int(rng.poisson(max(3.0, ctx.targets.cin_stock * 0.02) * years))
    day = np.sort(rng.integers(ctx.window_start, ctx.reference + 1, count))
    child = _open_children(ctx, rng, day)
    child = np.where(rng.random(count) < 0.85, child, -1)
    responded = add_working_days(day, rng.integers(8, 45, count))
    answered = responded <= ctx.reference
    outcome = np.array(["upheld", "partly_upheld", "not_upheld", "withdrawn"])[
        rng.choice(4, count, p=[0.2, 0.3, 0.4, 0.1])
    ]
    learning = np.isin(outcome, ["upheld", "partly_upheld"]) & answered
    return frame(
        {
            "key": make_keys("CMP", count, width=5),
            "child_id": or_none(child >= 0, np.array(ctx.children.keys)[np.maximum(child, 0)]),
            "received_on": date_series("r", day),
            "stage": np.array(["1", "2", "3"])[rng.choice(3, count, p=[0.85, 0.12, 0.03])],
            "about": COMPLAINT_ABOUT[rng.integers(0, len(COMPLAINT_ABOUT), count)],
            "outcome": or_none(answered, outcome),
            "responded_on": date_series("p", np.where(answered, responded, NA)),
            "learning": or_none(
                learning,
                "Shared with the team: explain decisions to families "
                "in writing and agree how to keep in touch.",
            ),
        },
        schema_overrides={"child_id": pl.String, "outcome": pl.String, "learning": pl.String},
    )
