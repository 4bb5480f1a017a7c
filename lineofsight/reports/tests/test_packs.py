"""Board packs as configuration: what a pack file must say, and how RAG reads a value."""

import pytest

from lineofsight.indicators.definitions import REGISTRY
from lineofsight.reports.domain.packs import PackError, PackLine, pack_parse, packs_load

MINIMAL = """
code: test
title: Test board
trend: {frequency: quarter, points: 12}
sections:
  - title: Front door
    lines:
      - indicator: rereferrals_12m_pct
        target: 20
        green: 20
        amber: 23
      - referrals_rate
"""


def test_a_pack_names_its_sections_lines_and_trend():
    pack = pack_parse(MINIMAL, source="test.yaml")
    assert pack.title == "Test board"
    assert pack.points == 12
    assert [line.indicator.code for line in pack.lines] == ["rereferrals_12m_pct", "referrals_rate"]
    assert pack.lines[0].target == 20.0
    assert pack.sections[0].key == "s1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code: x\ntitle: y\n", "test.yaml: 'sections' is missing"),
        (MINIMAL.replace("rereferrals_12m_pct", "no_such_code"), "section 1 line 1: no indicator"),
        (MINIMAL.replace("green: 20", "green: high"), "section 1 line 1 green: expected a number"),
        (MINIMAL.replace("target: 20", "colour: red"), "unknown field(s) ['colour']"),
        (MINIMAL.replace("quarter", "fortnight"), "trend.frequency: expected one of"),
        (MINIMAL.replace("points: 12", "points: 1"), "trend.points"),
        ("code: [unclosed", "not valid YAML"),
        (MINIMAL.replace("- referrals_rate", "- indicator: referrals_rate\n        green: 600"),
         "has no polarity, so its green band must be a range"),
    ],
)  # fmt: skip
def test_a_bad_pack_names_the_file_and_the_field(text, message):
    with pytest.raises(PackError) as error:
        pack_parse(text, source="test.yaml")
    assert message in str(error.value)
    assert "test.yaml" in str(error.value)


HIGHER = REGISTRY["assessments_45wd_pct"]  # higher is better
LOWER = REGISTRY["rereferrals_12m_pct"]  # lower is better
NEITHER = REGISTRY["referrals_rate"]


@pytest.mark.parametrize(
    ("line", "value", "rag"),
    [
        (PackLine(indicator=HIGHER, green=85, amber=75), 85.0, "green"),
        (PackLine(indicator=HIGHER, green=85, amber=75), 84.96, "green"),  # shown as 85.0
        (PackLine(indicator=HIGHER, green=85, amber=75), 84.9, "amber"),
        (PackLine(indicator=HIGHER, green=85, amber=75), 74.9, "red"),
        (PackLine(indicator=LOWER, green=20, amber=23), 20.0, "green"),
        (PackLine(indicator=LOWER, green=20, amber=23), 22.0, "amber"),
        (PackLine(indicator=LOWER, green=20, amber=23), 23.1, "red"),
        (PackLine(indicator=NEITHER, green=(450, 700), amber=(350, 800)), 690.0, "green"),
        (PackLine(indicator=NEITHER, green=(450, 700), amber=(350, 800)), 790.0, "amber"),
        (PackLine(indicator=NEITHER, green=(450, 700), amber=(350, 800)), 900.0, "red"),
        (PackLine(indicator=HIGHER), 50.0, None),  # no thresholds: no status
        (PackLine(indicator=HIGHER, green=85, amber=75), None, None),
    ],
)
def test_rag_follows_polarity(line, value, rag):
    assert line.rag(value) == rag


def test_the_shipped_packs_load_and_cover_the_boards_the_seeds_report_to():
    packs = packs_load()
    assert {
        "monthly-performance-board",
        "scrutiny-panel",
        "corporate-parenting",
        "safeguarding-partnership",
        "frontline-team",
    } <= set(packs)
    for pack in packs.values():
        assert pack.points >= 12, pack.code  # a trend of at least 12 periods
        assert len(pack.lines) >= 10, pack.code
    assert packs["frontline-team"].per_team
    # members' packs name no child
    assert not packs["scrutiny-panel"].drill_down
    assert not packs["corporate-parenting"].drill_down
