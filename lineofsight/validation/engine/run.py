"""Run a ruleset over a return: one row per failure, plus the rules that could not run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import FAILURE_SCHEMA, Rule

FAILURES_SCHEMA = pl.Schema(
    {
        "rule": pl.String,
        "severity": pl.String,
        "child_id": pl.String,
        "table": pl.String,
        "row": pl.Int64,
        "values": pl.String,
        "message": pl.String,
    }
)


@dataclass(frozen=True)
class Validation:
    """The failures (sorted by rule, child, table, row) and the codes of rules skipped
    because a table they read is absent, they need last year's return and there is none,
    the return (or last year's, for a rule comparing the two) lacks the derived or other
    columns they read, or they need the council's code."""

    failures: pl.DataFrame = field(repr=False)
    skipped: tuple[str, ...] = ()

    @property
    def errors(self) -> pl.DataFrame:
        return self.failures.filter(pl.col("severity") == "error")

    @property
    def queries(self) -> pl.DataFrame:
        return self.failures.filter(pl.col("severity") == "query")


def _has_columns(ret: Return, columns: Sequence[str]) -> bool:
    """Whether the return has each "Table.COLUMN"."""
    for name in columns:
        table, _, column = name.partition(".")
        frame = ret.tables.get(table)
        if frame is None or column not in frame.columns:
            return False
    return True


def _runnable(ret: Return, rule: Rule) -> bool:
    if rule.needs_previous and ret.previous is None:
        return False
    if rule.needs_la_code and not ret.la_code:
        return False
    if not all(table in ret.tables for table in rule.tables):
        return False
    columns = (*(f"Episodes.{column}" for column in rule.derived), *rule.columns)
    returns = (ret, ret.previous) if rule.needs_previous and ret.previous else (ret,)
    return all(_has_columns(each, columns) for each in returns)


def _labelled(rule: Rule, found: pl.DataFrame) -> pl.DataFrame:
    return found.select(
        pl.lit(rule.code).alias("rule"),
        pl.lit(rule.severity).alias("severity"),
        "child_id",
        "table",
        "row",
        "values",
        pl.lit(rule.message).alias("message"),
    )


def validate(ret: Return, rules: Sequence[Rule]) -> Validation:
    """Apply each rule whose tables are present; the rest are listed in `skipped`."""
    found: list[pl.DataFrame] = []
    skipped: list[str] = []
    for rule in rules:
        if not _runnable(ret, rule):
            skipped.append(rule.code)
            continue
        result = rule.check(ret)
        if result.schema != FAILURE_SCHEMA:
            raise TypeError(f"rule {rule.code}: check returned {result.schema}")
        found.append(_labelled(rule, result))
    frame = pl.concat(found) if found else pl.DataFrame(schema=FAILURES_SCHEMA)
    frame = frame.sort(["rule", "child_id", "table", "row"], nulls_last=False)
    return Validation(failures=frame, skipped=tuple(skipped))


def summary_by_rule(failures: pl.DataFrame) -> pl.DataFrame:
    """Per rule: how many failures and how many children (most failures first)."""
    return (
        failures.group_by("rule", "severity", "message")
        .agg(
            pl.len().alias("failures"),
            pl.col("child_id").drop_nulls().n_unique().alias("children"),
        )
        .sort(["failures", "rule"], descending=[True, False])
    )


def summary_by_child(failures: pl.DataFrame) -> pl.DataFrame:
    """Per child: errors, queries and the rules failed (LA-level failures left out)."""
    return (
        failures.filter(pl.col("child_id").is_not_null())
        .group_by("child_id")
        .agg(
            (pl.col("severity") == "error").sum().cast(pl.Int64).alias("errors"),
            (pl.col("severity") == "query").sum().cast(pl.Int64).alias("queries"),
            pl.col("rule").unique().sort().alias("rules"),
        )
        .sort(["errors", "queries", "child_id"], descending=[True, True, False])
    )
