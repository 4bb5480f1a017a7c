"""The engine: skipped rules, sorting, summaries, yearly deltas."""

from __future__ import annotations

import polars as pl
import pytest

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures
from lineofsight.validation.engine.rulesets import Delta, ruleset_build
from lineofsight.validation.engine.run import summary_by_child, summary_by_rule, validate

TABLE = pl.DataFrame(
    {"row": [0, 1, 2], "LAchildID": ["B", "A", "A"], "Code": ["x", "bad", "bad"]},
    schema={"row": pl.Int64, "LAchildID": pl.String, "Code": pl.String},
)


def _bad_codes(ret: Return) -> pl.DataFrame:
    return failures("T", ret.table("T").filter(pl.col("Code") == "bad"), fields=("Code",))


def _rule(code: str, **kwargs: object) -> Rule:
    settings: dict[str, object] = {"tables": ("T",), "severity": "error"} | kwargs
    return Rule(code=code, message=f"rule {code}", fields=("Code",), check=_bad_codes, **settings)  # type: ignore[arg-type]


def _return(previous: Return | None = None) -> Return:
    return Return(kind="cin_census", year=2023, tables={"T": TABLE}, previous=previous)


def test_failures_are_labelled_and_sorted() -> None:
    result = validate(_return(), [_rule("2"), _rule("1", severity="query")])
    assert result.failures.select("rule", "severity", "child_id", "row", "values").rows() == [
        ("1", "query", "A", 1, "Code=bad"),
        ("1", "query", "A", 2, "Code=bad"),
        ("2", "error", "A", 1, "Code=bad"),
        ("2", "error", "A", 2, "Code=bad"),
    ]
    assert result.errors.height == 2
    assert result.queries.height == 2


def test_rules_missing_a_table_or_last_year_are_skipped() -> None:
    rules = [_rule("1", tables=("T", "Other")), _rule("2", needs_previous=True), _rule("3")]
    result = validate(_return(), rules)
    assert result.skipped == ("1", "2")
    assert set(result.failures["rule"]) == {"3"}
    assert validate(_return(previous=_return()), rules).skipped == ("1",)


def test_summaries() -> None:
    found = validate(_return(), [_rule("1"), _rule("2", severity="query")]).failures
    assert summary_by_rule(found).select("rule", "failures", "children").rows() == [
        ("1", 2, 1),
        ("2", 2, 1),
    ]
    assert summary_by_child(found).select("child_id", "errors", "queries").rows() == [("A", 2, 2)]


def test_a_table_without_row_is_refused() -> None:
    with pytest.raises(ValueError, match="row"):
        Return(kind="cin_census", year=2023, tables={"T": TABLE.drop("row")})


def test_deltas_add_change_and_delete_by_year() -> None:
    deltas = {
        2023: Delta(added_or_changed=(_rule("1"), _rule("2"))),
        2025: Delta(added_or_changed=(_rule("2", severity="query"), _rule("3")), deleted=("1",)),
    }
    assert [r.code for r in ruleset_build(2023, deltas, 2017)] == ["1", "2"]
    assert [r.code for r in ruleset_build(2023, deltas, 2024)] == ["1", "2"]
    latest = ruleset_build(2023, deltas, 2026)
    assert [(r.code, r.severity) for r in latest] == [("2", "query"), ("3", "error")]
