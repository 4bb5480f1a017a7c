"""`lineofsight scorecard`: packs from frames, from last year's statutory returns, and stored
snapshots produced again exactly."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lineofsight.conftest import council
from lineofsight.indicators.models import IndicatorValue
from lineofsight.journey.domain.frames import frames_write_parquet
from lineofsight.reports.models import ScorecardSnapshot
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.ssda903.export import ssda903_write

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frames_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("walsall-frames")
    frames_write_parquet(folder, council("Walsall", 2017).frames)
    return folder


@pytest.fixture(scope="module")
def returns_dir(tmp_path_factory) -> Path:
    """Only last year's statutory returns, as an analyst would hold them."""
    folder = tmp_path_factory.mktemp("walsall-returns")
    frames = council("Walsall", 2017).frames
    cin_census_write(frames, year=2017, out=folder / "cin_census_2017.xml", la_number="335")
    ssda903_write(frames, year=2017, out=folder / "ssda903")
    return folder


def _json(tmp_path: Path, *sources: Path, **options) -> dict:
    out = tmp_path / "pack.json"
    call_command(
        "scorecard",
        board=options.pop("board", "monthly-performance-board"),
        period=options.pop("period", "2016-17"),
        out=out,
        sources=list(sources),
        la="Walsall",
        **options,
    )
    return json.loads(out.read_text())


def test_the_json_lists_each_indicators_figures_and_comparators(tmp_path, frames_dir):
    document = _json(tmp_path, frames_dir)
    indicators = {row["code"]: row for row in document["indicators"]}
    row = indicators["cpp_rate"]
    assert row["period"] == "2016-17"
    assert row["value"] == pytest.approx(10_000 * row["numerator"] / 66_044, abs=1e-3)
    assert row["denominator"] == pytest.approx(6.6044)
    assert row["comparators"]["england"] == 43.8
    assert row["comparators"]["statistical_neighbours_mean"] == pytest.approx(56.8, abs=0.05)
    assert row["comparators"]["quartile_band"] is None  # no polarity, no band
    assert len(row["trend"]) == 12
    assert set(indicators) == {line for s in document["sections"] for line in s["codes"]}


def test_last_years_returns_alone_give_the_pack(tmp_path, frames_dir, returns_dir):
    """The CIN census and SSDA903 of 2016-17 carry the year's referrals, plans and episodes:
    the year's figures from them agree with the records' own."""
    from_records = {r["code"]: r for r in _json(tmp_path, frames_dir)["indicators"]}
    from_returns = _json(tmp_path, returns_dir / "cin_census_2017.xml", returns_dir / "ssda903")
    by_code = {r["code"]: r for r in from_returns["indicators"]}
    assert "CIN census" in from_returns["source"]
    for code in ("referrals_rate", "s47_rate", "cpp_rate", "cla_rate"):
        assert by_code[code]["numerator"] == from_records[code]["numerator"], code


@pytest.mark.django_db
def test_a_snapshot_produces_the_same_pack_again(tmp_path, frames_dir):
    first = tmp_path / "first.json"
    call_command(
        "scorecard",
        board="corporate-parenting",
        period="2016-17",
        out=first,
        sources=[frames_dir],
        la="Walsall",
        snapshot=True,
    )
    snapshot = ScorecardSnapshot.objects.get()
    assert snapshot.code_version
    stored = IndicatorValue.objects.filter(snapshot=snapshot)
    assert stored.filter(code="cla_rate", period_end="2017-03-31").exists()
    again = tmp_path / "again.json"
    call_command("scorecard", snapshot_id=snapshot.pk, out=again)
    assert json.loads(again.read_text()) == json.loads(first.read_text())
    pdf = tmp_path / "again.pdf"
    call_command("scorecard", snapshot_id=snapshot.pk, out=pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"board": "no-such-board"}, "no board 'no-such-board'"),
        ({"period": "next year"}, "--period: 'next year' is not a period"),
        ({"board": "frontline-team"}, "is a team pack: name the team with --team"),
        ({"la": "Atlantis"}, "--la"),
    ],
)
def test_bad_options_say_what_was_expected(tmp_path, frames_dir, options, message):
    arguments = {
        "board": "monthly-performance-board",
        "period": "2016-17",
        "la": "Walsall",
        **options,
    }
    with pytest.raises(CommandError, match=message):
        call_command("scorecard", out=tmp_path / "x.json", sources=[frames_dir], **arguments)
    assert not (tmp_path / "x.json").exists()


def test_a_missing_source_is_named(tmp_path):
    with pytest.raises(CommandError, match="no-such-folder: no such file or folder"):
        call_command(
            "scorecard",
            board="scrutiny-panel",
            period="2016-17",
            out=tmp_path / "x.json",
            sources=[tmp_path / "no-such-folder"],
            la="Walsall",
        )
