"""The registry's contract: every indicator is declared fully, tested, and runs on any data."""

import re
from pathlib import Path

import polars as pl
import pytest

from lineofsight.core.domain.published import DATA_ROOT, LAIT_PATH
from lineofsight.indicators.definitions import REGISTRY
from lineofsight.indicators.definitions.base import COUNTED_SCHEMA, IndicatorDefinition
from lineofsight.indicators.domain.engine import indicators_run
from lineofsight.indicators.domain.periods import period_parse
from lineofsight.journey.domain.frame_schema import TABLES

TESTS = Path(__file__).resolve().parents[1] / "lineofsight" / "indicators" / "tests" / "definitions"
DEFINITIONS = sorted(REGISTRY.values(), key=lambda d: d.code)
REF = re.compile(r"^(FD|AS|CIN|CP|CLA|AD|CL|WF|OT)-\d{2}$|^LOCAL-[A-Za-z0-9-]+$")


def test_the_registry_holds_at_least_seventy_indicators():
    assert len(REGISTRY) >= 70


def test_the_issue_areas_are_all_covered():
    refs = {d.ref for d in DEFINITIONS}
    wanted = {
        "FD-04", "FD-05", "AS-01", "CIN-01", "CP-04", "CP-07", "CLA-01", "CLA-05", "CLA-06",
        "CLA-08", "CLA-27", "CLA-30", "CLA-15", "CLA-24", "AD-01", "AD-02", "AD-03",
        "CL-01", "CL-02", "CL-03", "CL-04", "WF-01", "WF-04",
    }  # fmt: skip
    assert wanted <= refs, sorted(wanted - refs)
    oversight = {d.code for d in DEFINITIONS if d.area.value == "oversight"}
    assert {"supervision_on_time_pct", "decisions_with_rationale_pct", "case_audits_good_pct"} <= (
        oversight
    )


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.code)
def test_each_definition_is_declared_in_full(definition: IndicatorDefinition):
    assert REF.match(definition.ref), definition.ref
    assert definition.title
    assert definition.title[0].isupper()
    assert len(definition.description) > 60
    assert definition.source
    assert definition.version >= 1
    for name in definition.inputs:
        assert name in TABLES or name == "obligations", name


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.code)
def test_each_definition_has_its_own_test_module(definition: IndicatorDefinition):
    module = TESTS / f"test_{definition.code}.py"
    assert module.exists(), module
    assert "DEFINITION" in module.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lait_measures() -> set[str]:
    frame = pl.read_parquet(DATA_ROOT / LAIT_PATH, columns=["Short Desc"])
    return set(frame["Short Desc"].unique().to_list())


def test_every_benchmark_is_a_published_lait_measure(lait_measures):
    for definition in DEFINITIONS:
        if definition.benchmark is not None:
            assert definition.benchmark.lait in lait_measures, definition.code


def test_every_definition_runs_on_no_data_at_all():
    """A council that has loaded only one return still gets every other indicator, empty."""
    rows = indicators_run({}, DEFINITIONS, [period_parse("2016-17"), period_parse("2017-03")])
    assert rows.is_empty()
    assert set(COUNTED_SCHEMA) <= set(rows.columns)


@pytest.mark.slow
def test_the_declared_inputs_are_all_a_run_reads():
    """Frames cut down to `tables_needed` give every indicator the same rows as whole frames:
    a definition reading a table it does not declare would differ here."""
    from lineofsight.conftest import council
    from lineofsight.indicators.domain.engine import tables_needed

    frames = council("Walsall", 2017).frames
    periods = [period_parse("2016-17"), period_parse("2017-03")]
    whole = indicators_run(frames, DEFINITIONS, periods)
    needed = tables_needed(DEFINITIONS)
    assert "case_note" not in needed
    cut = indicators_run({name: frames[name] for name in needed}, DEFINITIONS, periods)
    # (rows come in no promised order: some definitions group or de-duplicate)
    order = list(whole.columns)
    assert cut.sort(order, nulls_last=True).equals(whole.sort(order, nulls_last=True))


def test_a_definition_reading_obligations_must_name_their_rules():
    declared = {
        "code": "made_up_pct",
        "ref": "LOCAL-TEST",
        "title": "A made-up measure",
        "description": "Only for this test.",
        "source": "local",
        "area": DEFINITIONS[0].area,
        "unit": DEFINITIONS[0].unit,
        "polarity": DEFINITIONS[0].polarity,
        "period_kind": DEFINITIONS[0].period_kind,
        "kind": DEFINITIONS[0].kind,
        "compute": DEFINITIONS[0].compute,
    }
    with pytest.raises(ValueError, match="names their rules"):
        IndicatorDefinition(**declared, inputs=("obligations",))
    with pytest.raises(ValueError, match="names their rules"):
        IndicatorDefinition(**declared, inputs=("referral",), rules=("T-01",))
    IndicatorDefinition(**declared, inputs=("obligations",), rules=("T-01",))


@pytest.fixture(scope="module")
def walsall_obligations():
    """Synthetic Walsall's frames with every obligation the engine finds (no scope)."""
    from lineofsight.conftest import council
    from lineofsight.indicators.definitions.common import table
    from lineofsight.timescales.domain.engine import obligations

    frames = council("Walsall", 2017).frames
    inputs = {name: table(frames, name) for name in TABLES} | dict(frames)
    inputs["obligations"] = obligations(dict(inputs), as_of=period_parse("2017-03").end)
    return inputs


def _rows_sorted(rows: pl.DataFrame) -> pl.DataFrame:
    return rows.sort(list(rows.columns), nulls_last=True)


@pytest.mark.slow
def test_each_definition_reads_only_the_rules_it_names(walsall_obligations):
    """Given only the obligations of its declared rules, each definition counts exactly what
    it counts given them all: one reading an undeclared rule would lose rows here."""
    from lineofsight.indicators.domain.periods import periods_back, periods_frame

    periods = periods_frame([period_parse("2016-17"), *periods_back(period_parse("2017-03"), 3)])
    every = walsall_obligations["obligations"]
    readers = [d for d in DEFINITIONS if d.rules]
    assert len(readers) >= 20
    for definition in readers:
        own = every.filter(pl.col("rule").cast(pl.String).is_in(definition.rules))
        whole = definition.compute(walsall_obligations, periods)
        cut = definition.compute(walsall_obligations | {"obligations": own}, periods)
        assert whole.height > 0, definition.code
        assert _rows_sorted(cut).equals(_rows_sorted(whole)), definition.code


@pytest.mark.slow
def test_a_run_scoped_to_its_rules_and_periods_counts_what_the_whole_history_does(
    walsall_obligations,
):
    """`indicators_run` asks the timescale engine only for the definitions' rules and for
    what matters from its earliest period on; over three years of months every definition
    counts the same rows as from every obligation in the records."""
    from lineofsight.indicators.domain.periods import periods_back, periods_frame

    periods = periods_back(period_parse("2017-03"), 36)
    readers = [d for d in DEFINITIONS if d.rules]
    frames = {k: v for k, v in walsall_obligations.items() if k != "obligations"}
    run = indicators_run(frames, readers, periods, attribute=False)
    frame = periods_frame(periods)
    for definition in readers:
        whole = definition.compute(walsall_obligations, frame).select(list(COUNTED_SCHEMA))
        scoped = run.filter(pl.col("code") == definition.code).drop("code")
        assert _rows_sorted(scoped.cast(COUNTED_SCHEMA)).equals(  # type: ignore[arg-type]
            _rows_sorted(whole.cast(COUNTED_SCHEMA))  # type: ignore[arg-type]
        ), definition.code
