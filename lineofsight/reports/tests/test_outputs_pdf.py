"""The scorecard as a board paper: the HTML document's parts, and the PDF WeasyPrint makes."""

import io
import re

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from lineofsight.reports.outputs.document import scorecard_html, scorecard_pdf
from lineofsight.reports.tests.output_cards import (
    BOARD_TITLE,
    CHILD_IDS,
    COMMENTARY,
    COUNCIL,
    LOOKED_AFTER,
    scorecard,
)

TITLES = (
    "Re-referrals within 12 months of a previous referral",
    "Referrals per 10,000 children",
    "Children looked after at the period's end",
    "Days from entering care to moving in with the adoptive family",
    "Care leavers the council is in touch with",
)


@pytest.fixture(scope="module")
def document() -> str:
    return scorecard_html(scorecard(), COMMENTARY)


@pytest.fixture(scope="module")
def tree(document):
    return lxml_html.fromstring(document)


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return PdfReader(io.BytesIO(scorecard_pdf(scorecard(), COMMENTARY)))


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def _text(element) -> str:
    """The element's text as read aloud: cells and lines apart, spaces collapsed."""
    return " ".join(" ".join(element.itertext()).split())


def _all(element, name: str, tag: str = "*") -> list:
    """The descendants of `element` carrying the class `name`."""
    return element.xpath(
        f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    )


def test_the_cover_names_the_council_board_period_and_provenance(tree):
    (cover,) = _all(tree, "cover")
    text = _text(cover)
    for expected in (
        COUNCIL,
        BOARD_TITLE,
        "For: Elected members and partners",
        "Performance report",
        "2016-17 (1 April 2016 to 31 March 2017)",
        "Date produced 4 May 2017",
        "OFFICIAL",
        "hand-built test scorecard",
        "0.1.0+test",
    ):
        assert expected in text


def test_the_contents_link_to_every_section(tree):
    links = [a.get("href") for (contents,) in [_all(tree, "contents")] for a in contents.iter("a")]
    assert links == ["#summary", "#at-a-glance", "#section-s1", "#section-s2"]
    for link in links:
        assert tree.get_element_by_id(link[1:]) is not None


def test_the_summary_counts_the_rag_ratings_and_lists_the_red_indicators(tree):
    counts = {
        _text(_all(item, "rag-count__label")[0]): _text(_all(item, "rag-count__number")[0])
        for item in _all(tree, "rag-count", "li")
    }
    assert counts == {"Green": "1", "Amber": "1", "Red": "1", "Not rated": "2"}
    red = _all(tree, "glance", "table")[0]  # the first table: the red indicators
    assert [_text(row) for row in red.xpath("./tbody/tr")] == [
        f"AD-01 {TITLES[3]} {LOOKED_AFTER} 512 days 426 days"
    ]


def test_each_section_holds_its_indicators_with_figures_chart_and_commentary(tree):
    sections = _all(tree, "section", "section")
    assert [s.get("id") for s in sections] == ["section-s1", "section-s2"]
    blocks = [[_text(h) for h in _all(s, "indicator__heading")] for s in sections]
    assert blocks == [
        [f"FD-05 {TITLES[0]}", f"FD-04 {TITLES[1]}"],
        [f"LAC-01 {TITLES[2]}", f"AD-01 {TITLES[3]}", f"CL-01 {TITLES[4]}"],
    ]
    first = _all(tree, "indicator", "article")[0]
    (table,) = _all(first, "figures", "table")
    figures = {_text(row.find("th")): _text(row.find("td")) for row in table.iter("tr")}
    assert figures == {
        "Value (2016-17)": "21.8%",
        "RAG status": "Amber",
        "Target": "20.0%",
        "Numerator / denominator": "990 / 4,543",
        "Published figure (2017)": "21.7%",
        "England": "21.9%",
        "Region (West Midlands)": "23.4%",
        "Statistical neighbours": "21.4%",
        "Quartile band": "C",
    }
    assert "mean of 10 councils (April 2021 model)" in _text(first)
    assert "Lower is better." in _text(first)


def test_a_rate_shows_its_population_and_a_rag_badge_says_its_status(tree):
    rate = tree.get_element_by_id("indicator-s1-referrals_rate")
    assert "4,543 / 66,044 children" in _text(rate)
    (badge,) = _all(rate, "rag")
    assert _text(badge) == "Green"
    assert "rag--green" in badge.get("class")


def test_one_chart_per_indicator_with_unique_ids(tree):
    charts = tree.xpath("//*[local-name()='svg']")
    assert len(charts) == len(TITLES)
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    no_data = tree.get_element_by_id("indicator-s2-care_leavers_in_touch_pct")
    assert "No data" in _text(no_data)


def test_stored_commentary_is_shown_escaped_and_empty_boxes_say_none_is_recorded(document, tree):
    assert "<script>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; audited monthly." in document
    first = tree.get_element_by_id("indicator-s1-rereferrals_12m_pct")
    assert "Jane O'Neill, Service Manager, 3 May 2017" in _text(first)
    empty = _all(tree, "commentary--empty")
    assert len(empty) == 4
    assert all("No commentary recorded" in _text(box) for box in empty)
    assert all(len(_all(box, "commentary__rule")) == 3 for box in empty)
    section = tree.get_element_by_id("section-s1")
    assert "The front door review reports in June." in _text(section)


def test_the_document_is_standalone_and_names_no_child(document):
    assert not re.search(r"""(?:src|href)=["'](?:https?:|file:|//)""", document)
    assert "<link" not in document
    assert all(child not in document for child in CHILD_IDS)
    assert 'counter(page) " of " counter(pages)' in document
    assert "size: A4 portrait" in document


def test_the_pdf_has_a_cover_a_summary_and_a_page_or_more_per_section(pdf):
    assert 4 <= len(pdf.pages) <= 8


def test_the_pdf_text_holds_the_council_board_each_indicator_and_its_values(pages):
    text = " ".join(" ".join(page.split()) for page in pages)
    assert COUNCIL in text
    assert BOARD_TITLE in text
    for title in TITLES:
        assert title in text
    for value in ("21.8%", "687.9 per 10,000", "612", "512 days"):
        assert value in text
    assert "Page 1 of" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert all("OFFICIAL" in page for page in pages)


def test_each_section_starts_a_new_page(pages):
    starts = [i for i, page in enumerate(pages) if "1. Front door" in page and TITLES[0] in page]
    later = [i for i, page in enumerate(pages) if f"2. {LOOKED_AFTER}" in " ".join(page.split())]
    assert starts
    assert later
    # The second section's first page holds none of the first section's indicators.
    first_of_second = max(later)
    assert TITLES[0] not in pages[first_of_second]


def test_the_pdf_is_titled_and_bookmarked_by_section(pdf):
    assert pdf.metadata.title == f"{COUNCIL}: {BOARD_TITLE}, 2016-17"
    outline = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert "1. Front door" in outline
    assert f"2. {LOOKED_AFTER}" in outline
