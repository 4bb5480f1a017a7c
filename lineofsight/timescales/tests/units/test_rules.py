"""The rule table against timescales.md: every row present, tagged as the document tags it."""

import re

import pytest

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.timescales.domain.allowances import CalendarMonths, Hours, Weeks, WorkingDays
from lineofsight.timescales.domain.rules import RULES, TIMESCALES, timescale
from lineofsight.timescales.domain.timescale import (
    ConfigurationError,
    LocalStandard,
    Tag,
    TimescaleConfig,
)

REFERENCE = DATA_ROOT.parent / "reference" / "timescales.md"
ROW = re.compile(r"^\| (T-\d\d) \|.*\| ([^|]+) \|$")


def _document_rows() -> dict[str, str]:
    assert REFERENCE.exists(), f"timescales.md not found at {REFERENCE}"
    rows = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if match:
            rows[match.group(1)] = match.group(2).strip()
    return rows


def test_every_row_of_timescales_md_is_a_rule_with_its_tag():
    document = _document_rows()
    assert len(document) > 70
    missing = sorted(set(document) - set(RULES))
    assert missing == []
    for code, tag_text in document.items():
        rule = RULES[code]
        allowed = {Tag(word) for word in re.findall(r"verified|recalled|local", tag_text)}
        assert rule.tag in allowed, f"{code}: document says {tag_text!r}, rule says {rule.tag}"


def test_every_rule_cites_a_source_and_says_why_it_is_untracked():
    for rule in TIMESCALES:
        assert rule.source.strip(), rule.code
        assert rule.tracked or rule.not_tracked_because.strip(), rule.code
        if rule.tracked:
            assert rule.allowance is not None, rule.code


@pytest.mark.parametrize(
    ("code", "allowance"),
    [
        ("T-01", WorkingDays(1)),
        ("T-04", WorkingDays(45)),
        ("T-12", WorkingDays(15)),
        ("T-16", WorkingDays(10)),
        ("T-18", CalendarMonths(3)),
        ("T-19", CalendarMonths(6)),
        ("T-20", WorkingDays(10)),
        ("T-24", Weeks(26)),
        ("T-30", Weeks(1)),
        ("T-39", WorkingDays(20)),
        ("T-40", CalendarMonths(3)),
        ("T-41", CalendarMonths(6)),
        ("T-45", WorkingDays(20)),
        ("T-58", Hours(72)),
        ("T-84", Weeks(6)),
        ("T-85", Weeks(12)),
    ],
)
def test_the_statutory_intervals(code, allowance):
    assert timescale(code).allowance == allowance


def test_the_local_standards_the_issue_names_are_local_and_configurable():
    for code in ("T-02", "T-06", "T-07", "T-17", "T-20", "T-65"):
        assert timescale(code).tag is Tag.LOCAL
    config = TimescaleConfig(local_standards={"T-20": LocalStandard(WorkingDays(15))})
    assert config.apply(timescale("T-20")).allowance == WorkingDays(15)
    # A chained rule given one interval uses it for every link.
    assert config.apply(timescale("T-20")).then == (WorkingDays(15),)
    both = TimescaleConfig(
        local_standards={"T-06": LocalStandard(CalendarMonths(1), (CalendarMonths(3),))}
    )
    assert both.apply(timescale("T-06")).then == (CalendarMonths(3),)


def test_a_statutory_rule_cannot_be_configured():
    config = TimescaleConfig(local_standards={"T-12": LocalStandard(WorkingDays(20))})
    with pytest.raises(ConfigurationError, match="T-12 is statutory"):
        config.apply(timescale("T-12"))


def test_unknown_codes_are_named():
    with pytest.raises(KeyError, match="no timescale 'T-99'"):
        timescale("T-99")
