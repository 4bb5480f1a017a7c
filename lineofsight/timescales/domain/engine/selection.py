"""What a run of the engine is asked for: which rules, and from which day on.

A caller that reads only some rules (the indicator engine reads 25 of the catalogue's) or only
recent obligations (one financial year's measures) need not pay for the rest. The areas skip
the clocks no one asked for; a chain skips contexts (plans, placements, periods of care) that
closed so long before `since` that none of their clocks can fall due on or after it; and what
was over before `since` is dropped before status, responsibility and identity are worked out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from lineofsight.timescales.domain.rules import RULES

# Longer than any link of any chain allows (the longest is 12 months: a health assessment
# from the age of 5, an SDQ, a dental check). A context closed earlier than this before
# `since` has every clock due, and met or missed, before `since`.
CONTEXT_MARGIN = dt.timedelta(days=400)


@dataclass(frozen=True)
class Scope:
    """The rules asked for (`codes=None`: every rule) and the first day of interest
    (`since=None`: the whole history)."""

    codes: frozenset[str] | None = None
    since: dt.date | None = None

    @classmethod
    def of(cls, codes: Iterable[str] | None, since: dt.date | None = None) -> Scope:
        if codes is None:
            return cls(None, since)
        chosen = frozenset(codes)
        unknown = chosen - set(RULES)
        if unknown:
            raise KeyError(f"no timescales {sorted(unknown)}; known: {', '.join(sorted(RULES))}")
        return cls(chosen, since)

    def wants(self, *codes: str) -> bool:
        """Whether any of `codes` is asked for (an area skips a clock when none is)."""
        return self.codes is None or not self.codes.isdisjoint(codes)


EVERYTHING = Scope()


def over_before(since: dt.date) -> pl.Expr:
    """True for an obligation nothing on or after `since` can read: due before that day, and
    either met before it or, its context (plan, placement) closed before it, missed.

    A chain's link is kept while its context is open on `since`, however old: a measure may
    look back over the whole plan ("every review of this plan on time"). A single clock not
    met and with no closed context is still running, so it is kept too."""
    due_before = pl.col("due_on") < since
    met_before = pl.col("met_on").is_not_null() & (pl.col("met_on") < since)
    closed_before = pl.col("context_end").is_not_null() & (pl.col("context_end") < since)
    single = pl.col("seq").is_null()
    return (
        due_before & pl.when(single).then(met_before | closed_before).otherwise(closed_before)
    ).fill_null(False)


def recent_contexts(contexts: pl.DataFrame, since: dt.date | None) -> pl.DataFrame:
    """The contexts whose clocks can still fall due on or after `since`: open, or closed no
    more than `CONTEXT_MARGIN` before it."""
    if since is None:
        return contexts
    end = pl.col("context_end")
    return contexts.filter(end.is_null() | (end >= since - CONTEXT_MARGIN))
