"""The scorecard as JSON: every figure and comparator, rounded as documented, and read back
into the same pack for a snapshot."""

import dataclasses
import json

import pytest

from lineofsight.reports.outputs.document import scorecard_html
from lineofsight.reports.outputs.json_out import (
    ScorecardDocumentError,
    scorecard_from_json,
    scorecard_json,
)
from lineofsight.reports.outputs.xlsx import scorecard_xlsx
from lineofsight.reports.tests.output_cards import (
    BOARD_TITLE,
    CHILD_IDS,
    COMMENTARY,
    COUNCIL,
    GENERATED_AT,
    LOOKED_AFTER,
    REREFERRALS,
    scorecard,
)


@pytest.fixture
def document() -> dict:
    return json.loads(json.dumps(scorecard_json(scorecard(), COMMENTARY)))


def _indicator(document: dict, code: str) -> dict:
    return next(row for row in document["indicators"] if row["code"] == code)


def test_the_document_round_trips_through_json_unchanged():
    data = scorecard_json(scorecard(), COMMENTARY)
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_it_names_the_board_council_period_and_provenance(document):
    assert document["board"] == "corporate-parenting"
    assert document["title"] == BOARD_TITLE
    assert document["council"] == COUNCIL
    assert document["period"] == {
        "label": "2016-17",
        "start": "2016-04-01",
        "end": "2017-03-31",
        "frequency": "year",
    }
    assert document["team"] is None
    assert document["source"] == "hand-built test scorecard"
    assert document["code_version"] == "0.1.0+test"
    assert document["generated_at"] == GENERATED_AT.isoformat()


def test_indicators_come_in_section_order_with_their_section(document):
    assert [(row["section"], row["code"]) for row in document["indicators"]] == [
        ("Front door", "rereferrals_12m_pct"),
        ("Front door", "referrals_rate"),
        (LOOKED_AFTER, "cla_count"),
        (LOOKED_AFTER, "adoption_days"),
        (LOOKED_AFTER, "care_leavers_in_touch_pct"),
    ]


def test_an_indicator_carries_its_figures_and_comparators(document):
    row = _indicator(document, "rereferrals_12m_pct")
    assert row["ref"] == "FD-05"
    assert row["unit"] == "percent"
    assert row["polarity"] == "lower"
    assert row["version"] == 2
    assert row["period"] == "2016-17"
    assert row["value"] == 21.7918
    assert row["numerator"] == 990
    assert row["denominator"] == 4543
    assert row["target"] == 20.0
    assert row["rag"] == "amber"
    assert row["published"] == 21.7
    assert row["comparators"] == {
        "council": 21.7,
        "england": 21.9,
        "region": 23.4,
        "region_name": "West Midlands",
        "statistical_neighbours_mean": 21.39,
        "neighbours_counted": 10,
        "neighbour_model": "April 2021",
        "quartile_band": "C",
        "quartiles": [15.975, 19.95, 23.8],
        "year": 2017,
        "measure": "ReReferral",
        "source": "DfE Local Authority Interactive Tool (LAIT), bds_long_0.parquet",
    }
    assert row["trend"][1] == {
        "period": "2016-17 Q2",
        "value": 21.8953,
        "england": 21.9,
        "neighbours": None,
    }
    assert row["commentary"] == COMMENTARY["s1/rereferrals_12m_pct"].text


def test_missing_figures_and_comparators_are_null(document):
    row = _indicator(document, "care_leavers_in_touch_pct")
    assert row["value"] is None
    assert row["numerator"] is None
    assert row["comparators"] is None
    assert row["rag"] is None
    assert row["commentary"] is None
    assert [point["value"] for point in row["trend"]] == [None] * 4


def test_values_are_rounded_to_four_places_and_counts_are_kept_exactly():
    line = dataclasses.replace(
        REREFERRALS, value=21.791767554479417, numerator=990.25, denominator=4543.123456789
    )
    card = scorecard((dataclasses.replace(scorecard().sections[0], lines=(line,)),))
    row = scorecard_json(card, {})["indicators"][0]
    assert row["value"] == 21.7918
    assert row["numerator"] == 990.25
    assert row["denominator"] == 4543.123456789


def test_a_value_that_is_not_a_number_becomes_null():
    line = dataclasses.replace(REREFERRALS, value=float("nan"))
    card = scorecard((dataclasses.replace(scorecard().sections[0], lines=(line,)),))
    data = scorecard_json(card, {})
    assert data["indicators"][0]["value"] is None
    json.dumps(data, allow_nan=False)


def test_section_commentary_is_kept_with_its_author_and_time(document):
    section = document["sections"][0]
    assert section["key"] == "s1"
    assert section["commentary"] == "Demand is steady.\n\nThe front door review reports in June."
    assert section["commentary_detail"]["author"] == "Head of Service"
    assert document["sections"][1]["commentary"] is None


def test_no_child_level_row_is_written(document):
    text = json.dumps(document)
    assert all(child not in text for child in CHILD_IDS)
    assert len(document["values"]) == 5 * 4  # every line's every period, as figures only


def test_a_document_read_back_produces_the_same_pack():
    card = scorecard()
    again, commentary = scorecard_from_json(
        json.loads(json.dumps(scorecard_json(card, COMMENTARY)))
    )
    assert again.lines == card.lines
    assert again.sections == card.sections
    assert again.period == card.period
    assert again.generated_at == card.generated_at
    assert commentary == COMMENTARY
    assert again.rows.is_empty()
    assert again.values.equals(card.values)
    assert scorecard_html(again, commentary) == scorecard_html(card, COMMENTARY)
    assert scorecard_xlsx(again, commentary) == scorecard_xlsx(card, COMMENTARY)


def test_a_document_of_another_format_is_refused():
    data = scorecard_json(scorecard(), {})
    with pytest.raises(ScorecardDocumentError, match="format 99"):
        scorecard_from_json({**data, "format_version": 99})
    with pytest.raises(ScorecardDocumentError, match="not a scorecard document"):
        scorecard_from_json({"format_version": 1})
