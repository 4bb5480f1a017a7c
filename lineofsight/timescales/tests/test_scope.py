"""Asking the engine for some rules, or for what matters from a day on, changes nothing else.

Each scoped run on a whole synthetic council is compared with the whole run cut down by hand:
the same obligations, with the same status, responsibility and identity.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from lineofsight.synth.council import SyntheticCouncil
from lineofsight.timescales.domain.engine import obligations
from lineofsight.timescales.domain.engine.selection import CONTEXT_MARGIN, Scope
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.domain.timescale import TimescaleConfig

AS_OF = dt.date(2017, 3, 31)
SINCE = dt.date(2016, 4, 1)


def _sorted(rows: pl.DataFrame) -> pl.DataFrame:
    return rows.sort("obligation_id")


@pytest.fixture(scope="module")
def whole(walsall: SyntheticCouncil) -> pl.DataFrame:
    return obligations(walsall.frames, as_of=AS_OF)


@pytest.mark.slow
@pytest.mark.parametrize(
    "rules",
    [
        # one clock of an area (the contact decisions, skipped unless asked for)
        ("T-02",),
        # links of one chain asked for apart: the others are computed and left out
        ("T-17", "T-19"),
        # a clock from each area
        ("T-01", "T-12", "T-24", "T-30", "T-63", "T-70", "T-83", "T-93"),
    ],
)
def test_rules_give_exactly_those_rules_obligations(walsall, whole, rules):
    scoped = obligations(walsall.frames, as_of=AS_OF, rules=rules)
    expected = whole.filter(pl.col("rule").cast(pl.String).is_in(rules))
    assert expected.height > 0
    assert set(scoped["rule"].cast(pl.String).unique()) == set(expected["rule"].cast(pl.String))
    assert _sorted(scoped).equals(_sorted(expected))


@pytest.mark.slow
def test_since_keeps_everything_due_met_or_running_from_that_day(walsall, whole):
    scoped = obligations(walsall.frames, as_of=AS_OF, since=SINCE)
    # Every obligation a measure of the year can read is there, exactly as in the whole run.
    due_or_met_since = whole.filter(
        (pl.col("due_on") >= SINCE) | (pl.col("met_on") >= SINCE) | pl.col("met_on").is_null()
    )
    missed_long_ago = due_or_met_since.filter(
        pl.col("met_on").is_null() & (pl.col("due_on") < SINCE) & (pl.col("context_end") < SINCE)
    )
    must_keep = due_or_met_since.join(missed_long_ago, on="obligation_id", how="anti")
    assert must_keep.join(scoped, on="obligation_id", how="anti").is_empty()
    assert _sorted(scoped.join(must_keep.select("obligation_id"), on="obligation_id")).equals(
        _sorted(must_keep)
    )
    # A plan or placement open on the day keeps its whole history (a measure may look back
    # over every review of the plan).
    open_then = whole.filter(
        pl.col("seq").is_not_null()
        & (pl.col("context_end").is_null() | (pl.col("context_end") >= SINCE))
        & (pl.col("met_on") < SINCE)
    )
    assert open_then.height > 0
    assert open_then.join(scoped, on="obligation_id", how="anti").is_empty()
    # And what is left out is what was over: far fewer rows to work out.
    assert scoped.height < whole.height * 0.6
    left_out = whole.join(scoped, on="obligation_id", how="anti")
    assert (left_out["due_on"] < SINCE).all()


@pytest.mark.slow
def test_rules_and_since_together_are_each_cut_in_turn(walsall, whole):
    rules = ("T-07", "T-18", "T-19", "T-46")
    scoped = obligations(walsall.frames, as_of=AS_OF, rules=rules, since=SINCE)
    alone = obligations(walsall.frames, as_of=AS_OF, since=SINCE)
    assert _sorted(scoped).equals(
        _sorted(alone.filter(pl.col("rule").cast(pl.String).is_in(rules)))
    )


def test_an_unknown_rule_is_refused_by_name():
    with pytest.raises(KeyError, match="T-999"):
        Scope.of(["T-01", "T-999"])


@pytest.mark.slow
def test_the_margin_is_longer_than_any_chain_link_allows(whole):
    """A context closed more than the margin before `since` has every clock due before it:
    true only while no link of a chain allows as long as the margin."""
    chained = set(whole.filter(pl.col("seq").is_not_null())["rule"].cast(pl.String))
    assert {"T-07", "T-30", "T-46", "T-63"} <= chained
    config = TimescaleConfig()
    day = dt.date(2015, 12, 24)  # before Christmas: working days stretch furthest
    for code in chained:
        rule = RULES[code]
        intervals = [rule.allowance, *rule.then, rule.under_five]
        for interval in (i for i in intervals if i is not None):
            due = interval.due_from(day, config.calendar_for(rule))
            assert due - day < CONTEXT_MARGIN, (code, str(interval))
