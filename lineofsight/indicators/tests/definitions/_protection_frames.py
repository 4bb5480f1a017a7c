"""Referrals and child protection plans for the child protection tests."""

import datetime as dt
from typing import Any


def referrals(count: int) -> list[dict[str, Any]]:
    """Referrals R1, R2, ... of children C1, C2, ..."""
    return [{"key": f"R{n}", "child_id": f"C{n}"} for n in range(1, count + 1)]


def plan(
    key: str, referral: str, started_on: dt.date, ended_on: dt.date | None = None, **more: Any
) -> dict[str, Any]:
    """A child protection plan on `referral`, open from `started_on` (to `ended_on`)."""
    return {
        "key": key,
        "referral_id": referral,
        "started_on": started_on,
        "ended_on": ended_on,
        **more,
    }


def icpc(n: int, held_on: dt.date) -> dict[str, Any]:
    """The initial conference I{n} on referral R{n} that started plan P{n}."""
    return {
        "key": f"I{n}",
        "referral_id": f"R{n}",
        "cp_plan_id": f"P{n}",
        "kind": "initial",
        "held_on": held_on,
        "outcome": "plan",
    }
