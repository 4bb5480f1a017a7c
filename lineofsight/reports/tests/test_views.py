"""Board scorecard pages on a small synthetic council (Rutland 2016-17, loaded once for the
module): who may open what, the figures with their RAG status and comparators, the breakdowns
and children behind a number, commentary, downloads and stored snapshots.

The records are committed once and every test runs in its own rolled-back transaction, so
nothing a test writes (commentary, snapshots, audit events) is seen by the next.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from lxml import html
from pytest_django import DjangoDbBlocker

from lineofsight.accounts.models import Role, User
from lineofsight.accounts.pseudonyms import child_pseudonym
from lineofsight.conftest import council
from lineofsight.core.models import AuditAction, AuditEvent, Council
from lineofsight.indicators.definitions import REGISTRY
from lineofsight.indicators.domain.periods import period_parse
from lineofsight.indicators.models import IndicatorValue, OrgUnitLevel
from lineofsight.journey.frames_db import frames_load
from lineofsight.people.constants import WorkerRole
from lineofsight.people.models import Allocation, Team
from lineofsight.reports.domain.packs import Pack, packs_load
from lineofsight.reports.models import ScorecardCommentary, ScorecardSnapshot
from lineofsight.reports.selectors import scorecard_cache_clear, scorecard_get
from lineofsight.reports.services import COMMENTARY_EMPTY
from lineofsight.reports.versions import code_version
from lineofsight.timescales.models import CaseloadEntry
from lineofsight.timescales.services import deadlines_refresh
from lineofsight.timescales.tests.scenarios import D, user_create, worker_create

pytestmark = pytest.mark.django_db

BOARD = "monthly-performance-board"  # council-wide, children listed behind each number
TEAM_PACK = "frontline-team"  # per team
NO_DRILL = "scrutiny-panel"  # drill_down: false
SNAPSHOT = reverse("reports:snapshot", args=[BOARD])
OWN_TEAM = "SFS1"  # the team manager's
OTHER_TEAM = "SFS2"
OWN_TEAM_NAME = "Safeguarding and Family Support Team Moor"
INDICATOR = "cin_visits_in_time_pct"  # many children behind it, in many teams
TODAY = D(2017, 3, 31)  # the synthetic council's reference date
YEAR = "2016-17"
BREAKDOWNS = ("team", "age_band", "sex", "ethnicity_group", "disability", "primary_need")
RAG_TEXT = {"Green", "Amber", "Red"}


@dataclass(frozen=True)
class Loaded:
    users: dict[str, int]  # primary keys, by name


@pytest.fixture(scope="module")
def records(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Loaded]:
    """Synthetic Rutland's records, its deadlines and open cases, and a user of each role
    (the team manager a current member of OWN_TEAM); removed again after the module."""
    synthetic = council("Rutland")
    with django_db_blocker.unblock():
        frames_load(frames=synthetic.frames, reason="reports view tests")
        Council.objects.create(
            name=synthetic.info.name,
            la_number=synthetic.info.la_number,
            la_code=synthetic.info.la_code or "",
            region=synthetic.info.region or "",
            reference_date=synthetic.reference_date,
            is_synthetic=True,
            synth_seed=synthetic.seed,
        )
        deadlines_refresh(acting_user=None, frames=synthetic.frames)
        manager = worker_create(
            "TMTEST", "Tess", "Manager", WorkerRole.TEAM_MANAGER, Team.objects.get(code=OWN_TEAM)
        )
        users = {
            "head": user_create("head", Role.HEAD_OF_SERVICE),
            "analyst": user_create("analyst", Role.PERFORMANCE_ANALYST),
            "admin": user_create("admin", Role.ADMINISTRATOR),
            "manager": user_create("manager", Role.TEAM_MANAGER, manager),
            "councillor": user_create("councillor", Role.ELECTED_MEMBER),
            "worker": user_create("worker", Role.SOCIAL_WORKER),
        }
    scorecard_cache_clear()
    yield Loaded(users={name: user.pk for name, user in users.items()})
    scorecard_cache_clear()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


SignedIn = Callable[[str], Client]


@pytest.fixture
def client_for(records: Loaded) -> SignedIn:
    """A client signed in as one of the module's users, by name."""

    def signed_in(name: str) -> Client:
        client = Client()
        client.force_login(User.objects.get(pk=records.users[name]))
        return client

    return signed_in


def parsed(content: bytes) -> html.HtmlElement:
    return html.fromstring(content)


def page_of(client: Client, url: str, **query: str) -> html.HtmlElement:
    """The page, which must open (200)."""
    response = client.get(url, query)
    assert response.status_code == 200, response.content.decode()[:2000]
    return parsed(response.content)


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def pack(code: str) -> Pack:
    return packs_load()[code]


def board_url(code: str = BOARD) -> str:
    return reverse("reports:board", args=[code])


def indicator_url(code: str = INDICATOR, board: str = BOARD) -> str:
    return reverse("reports:indicator", args=[board, code])


def commentary_url(board: str = BOARD) -> str:
    return reverse("reports:commentary", args=[board])


def head() -> User:
    return User.objects.get(username="head")


def child_links(page: html.HtmlElement) -> set[str]:
    """The child IDs the page links to a record of."""
    return {
        match.group(1)
        for href in page.xpath("//a/@href")
        if (match := re.fullmatch(r"/children/([^/]+)/", href))
    }


# --- Who may open scorecards ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["head", "analyst", "manager", "councillor"])
def test_the_boards_list_renders_for_each_role_that_may_see_scorecards(
    client_for: SignedIn, name: str
) -> None:
    page = page_of(client_for(name), reverse("reports:boards"))

    links = {text(a): a.get("href") for a in page.xpath("//table[@data-boards]//a")}
    assert links["Monthly performance board"] == f"{board_url()}?period={YEAR}"
    assert "Children's services scrutiny panel" in links
    # A team pack is for the council's managers; a councillor is not offered it.
    assert ("Team performance pack" in links) is (name != "councillor")


def test_a_social_worker_may_not_open_scorecards(client_for: SignedIn) -> None:
    # scorecards_allowed: a case-holding role sees no board pack.
    client = client_for("worker")
    assert client.get(reverse("reports:boards")).status_code == 403
    assert client.get(board_url()).status_code == 403
    assert client.get(indicator_url()).status_code == 403
    assert client.get(reverse("reports:download", args=[BOARD, "json"])).status_code == 403


def test_anyone_signed_out_is_sent_to_sign_in(records: Loaded) -> None:
    for url in (reverse("reports:boards"), board_url(), indicator_url()):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('accounts:login')}?next=")


# --- A board's page ---------------------------------------------------------------------------


def test_the_board_shows_every_section_and_line_with_value_status_and_comparators(
    client_for: SignedIn,
) -> None:
    board = pack(BOARD)
    card = scorecard_get(head(), pack=board, period=period_parse(YEAR))
    page = page_of(client_for("head"), board_url(), period=YEAR)

    assert text(page.xpath("//h1")[0]) == f"Monthly performance board: {YEAR}"
    tables = page.xpath("//table[@data-section]")
    assert [t.get("data-section") for t in tables] == [s.key for s in board.sections]
    headings = [text(h) for h in page.xpath("//main//h2[@class='govuk-heading-m']")]
    assert headings == [s.title for s in board.sections]
    tags = {"Green": 0, "Amber": 0, "Red": 0}
    for section, table in zip(card.sections, tables, strict=True):
        rows = table.xpath(".//tr[@data-indicator]")
        assert [r.get("data-indicator") for r in rows] == [line.code for line in section.lines]
        for line, row in zip(section.lines, rows, strict=True):
            assert text(row.xpath(".//a")[0]) == line.title
            value = text(row.xpath("./td[@data-value]")[0])
            rag = text(row.xpath(".//*[@data-rag]")[0])
            england = text(row.xpath("./td[@data-england]")[0])
            if line.value is None:  # nothing counted in the period: said, not left blank
                assert (value, rag) == ("—", "No value"), line.code
            else:
                assert re.fullmatch(r"[\d,]+(\.\d)?(%| days)?", value), (line.code, value)
                assert rag == {"green": "Green", "amber": "Amber", "red": "Red"}.get(
                    line.rag or "", "No target"
                ), line.code
            if rag in tags:
                tags[rag] += 1
            # England's figure beside every indicator DfE publishes for the year.
            published = line.comparators is not None and line.comparators.england is not None
            assert (england != "—") is published, line.code
    assert sum(tags.values()) > 0
    assert sum(1 for line in card.lines if line.value is not None) > len(card.lines) * 3 // 4
    # The summary counts the tags the lines show.
    summary = text(page.xpath("//*[@data-rag-summary]")[0])
    assert summary == f"{tags['Green']} green {tags['Amber']} amber {tags['Red']} red"
    assert sum(tags.values()) == sum(1 for line in card.lines if line.rag)
    # The service's navigation is the same as on every other page.
    menu = {text(a) for a in page.xpath("//nav[@aria-label='Menu']//a")}
    assert {"Service", "Returns", "Validation", "Scorecards"} <= menu
    # England's published figure: 62 children looked after per 10,000 at 31 March 2017.
    cla = page.xpath('//tr[@data-indicator="cla_rate"]')[0]
    assert text(cla.xpath("./td[@data-england]")[0]) == "62.0"
    assert text(cla.xpath("./td[@data-neighbours]")[0]) != "—"


@pytest.mark.parametrize(
    ("label", "dates"),
    [
        ("2016-17 Q3", "1 October 2016 to 31 December 2016"),
        ("12 months to 2017-03", "1 April 2016 to 31 March 2017"),
    ],
)
def test_the_period_form_takes_a_quarter_and_a_rolling_year(
    client_for: SignedIn, label: str, dates: str
) -> None:
    page = page_of(client_for("head"), board_url(), period=label)

    assert text(page.xpath("//h1")[0]) == f"Monthly performance board: {label}"
    assert text(page.xpath("//*[@data-period-dates]")[0]) == f"Figures for {dates}."
    assert page.xpath("//input[@id='period']/@value") == [label]
    assert not page.xpath("//*[contains(@class, 'govuk-error-summary')]")
    # Every link on the page keeps the period.
    line = page.xpath('//tr[@data-indicator="cla_rate"]//a/@href')[0]
    assert line.startswith(indicator_url("cla_rate"))
    assert f"period={label.replace(' ', '+')}" in line


def test_a_period_that_is_not_one_shows_the_error_summary(client_for: SignedIn) -> None:
    page = page_of(client_for("head"), board_url(), period="last autumn")

    summary = page.xpath("//div[contains(@class, 'govuk-error-summary')]")[0]
    assert "There is a problem" in text(summary)
    link = summary.xpath(".//a")[0]
    assert link.get("href") == "#period"
    assert text(link).startswith("Enter a period like 2016-17")
    assert page.xpath("//div[contains(@class, 'govuk-form-group--error')]//input[@id='period']")
    # What was typed stays in the box, with the message beside it.
    assert page.xpath("//input[@id='period']/@value") == ["last autumn"]
    assert page.xpath("//p[@id='period-error'][contains(@class, 'govuk-error-message')]")
    assert text(page.xpath("//title")[0]).startswith("Error: ")


# --- A team's pack ----------------------------------------------------------------------------


def test_a_team_manager_sees_their_own_teams_pack(client_for: SignedIn) -> None:
    client = client_for("manager")
    page = page_of(client, board_url(TEAM_PACK))
    also = page_of(client, board_url(TEAM_PACK), team=OWN_TEAM)

    for shown in (page, also):
        assert OWN_TEAM_NAME in text(shown.xpath("//span[@class='govuk-caption-l']")[0])
        assert [t.get("data-section") for t in shown.xpath("//table[@data-section]")] == [
            s.key for s in pack(TEAM_PACK).sections
        ]
    assert page.xpath("//select[@id='team']/option/@value") == [OWN_TEAM]
    # A team has no published comparators: the columns show none, and the page still renders.
    assert {text(td) for td in page.xpath("//td[@data-england]")} == {"—"}


def test_a_team_manager_may_not_open_another_teams_pack(client_for: SignedIn) -> None:
    # scorecard_team_allowed: a team manager only their own current teams'.
    client = client_for("manager")
    assert client.get(board_url(TEAM_PACK), {"team": OTHER_TEAM}).status_code == 403
    assert client.get(indicator_url(INDICATOR, TEAM_PACK), {"team": OTHER_TEAM}).status_code == 403
    download = reverse("reports:download", args=[TEAM_PACK, "json"])
    assert client.get(download, {"team": OTHER_TEAM}).status_code == 403


def test_an_elected_member_may_not_open_a_team_pack(client_for: SignedIn) -> None:
    # scorecard_team_allowed: an elected member sees no team's pack.
    client = client_for("councillor")
    assert client.get(board_url(TEAM_PACK)).status_code == 403
    assert client.get(board_url(TEAM_PACK), {"team": OWN_TEAM}).status_code == 403


@pytest.mark.parametrize("name", ["analyst", "admin"])
def test_an_analyst_or_administrator_may_choose_any_team(client_for: SignedIn, name: str) -> None:
    page = page_of(client_for(name), board_url(TEAM_PACK), team=OTHER_TEAM)

    options = page.xpath("//select[@id='team']/option/@value")
    assert set(options) == set(Team.objects.values_list("code", flat=True))
    assert page.xpath("//select[@id='team']/option[@selected]/@value") == [OTHER_TEAM]


def test_a_team_that_does_not_exist_is_not_found(client_for: SignedIn) -> None:
    assert client_for("head").get(board_url(TEAM_PACK), {"team": "NOPE"}).status_code == 404


# --- One indicator: breakdowns and the children behind it --------------------------------------


def test_the_indicator_is_broken_down_by_team_age_sex_ethnicity_disability_and_need(
    client_for: SignedIn,
) -> None:
    page = page_of(client_for("analyst"), indicator_url(), period=YEAR)

    assert text(page.xpath("//h1")[0]) == REGISTRY[INDICATOR].title
    numerator = text(page.xpath("//*[@data-counts]")[0]).split(" / ")[0]
    names = [d.get("data-breakdown") for d in page.xpath("//details[@data-breakdown]")]
    assert set(BREAKDOWNS) <= set(names)
    for name in BREAKDOWNS:
        rows = page.xpath(f"//details[@data-breakdown='{name}']//tbody/tr")
        assert rows, name
        # Each breakdown shares out the same numerator.
        parts = [float(text(r.xpath("./td[2]")[0]).replace(",", "")) for r in rows]
        assert sum(parts) == float(numerator.replace(",", "")), name
    sexes = {
        text(r.xpath("./td[1]")[0])
        for r in page.xpath("//details[@data-breakdown='sex']//tbody/tr")
    }
    assert {"Male", "Female"} <= sexes
    assert page.xpath("//svg[@role='img']")  # the trend, drawn inline


def test_a_head_of_service_sees_the_children_behind_the_number_and_it_is_audited(
    client_for: SignedIn,
) -> None:
    page = page_of(client_for("head"), indicator_url(), period=YEAR)

    rows = page.xpath("//table[@data-children]/tbody/tr")
    assert rows
    listed = child_links(page)
    assert listed == {text(r.xpath("./td[1]")[0]) for r in rows}
    event = AuditEvent.objects.get(record_type="indicator_children")
    assert event.action == AuditAction.VIEWED
    assert event.actor is not None
    assert event.actor.username == "head"
    assert event.record_key == f"{BOARD}/{INDICATOR}/{YEAR}"
    # Every child shown is named, and only those shown.
    assert set(event.detail["child_ids"]) == listed


def test_a_team_manager_sees_only_the_children_of_their_own_teams(client_for: SignedIn) -> None:
    # children_visible_among: a team manager sees children open to, or allocated in, their
    # current teams, and no others.
    page = page_of(client_for("manager"), indicator_url(), period=YEAR)

    listed = child_links(page)
    own = Q(team__code=OWN_TEAM)
    in_team = set(
        CaseloadEntry.objects.filter(own).values_list("child__child_id", flat=True)
    ) | set(
        Allocation.objects.filter(own, started_on__lte=TODAY)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=TODAY))
        .values_list("child__child_id", flat=True)
    )
    assert listed
    assert listed <= in_team
    others = (
        CaseloadEntry.objects.filter(team__code=OTHER_TEAM)
        .exclude(child__child_id__in=in_team)
        .values_list("child__child_id", flat=True)
    )
    behind = set(
        page_of(client_for("head"), indicator_url(), period=YEAR).xpath(
            "//table[@data-children]/tbody/tr/td[1]//text()"
        )
    )
    elsewhere = sorted(set(others) & behind)
    assert elsewhere, "a child of another team is counted"
    assert not set(elsewhere) & listed
    assert "are of children whose records you cannot open" in text(
        page.xpath("//*[@data-children-count]")[0]
    )


def test_an_elected_member_sees_no_children(client_for: SignedIn) -> None:
    page = page_of(client_for("councillor"), indicator_url(), period=YEAR)

    assert page.xpath("//*[@data-no-children]")
    assert not page.xpath("//table[@data-children]")
    assert child_links(page) == set()
    assert not AuditEvent.objects.filter(record_type="indicator_children").exists()


def test_an_analyst_sees_the_children_behind_a_number_by_pseudonym_only(
    client_for: SignedIn,
) -> None:
    head = page_of(client_for("head"), indicator_url(), period=YEAR)
    named = head.xpath("//table[@data-children]/tbody/tr/td[1]//text()")
    page = page_of(client_for("analyst"), indicator_url(), period=YEAR)

    shown = page.xpath("//table[@data-children]/tbody/tr/td[1]//text()")
    assert len(shown) == len(named)
    assert sorted(shown) == sorted(child_pseudonym(child_id) for child_id in named)
    assert not set(shown) & set(named)
    assert child_links(page) == set()
    assert page.xpath("//*[@data-pseudonym]")
    event = AuditEvent.objects.filter(record_type="indicator_children").latest("pk")
    assert event.actor is not None
    assert event.actor.username == "analyst"
    assert event.detail["pseudonymised"] is True
    assert sorted(event.detail["child_ids"]) == sorted(set(named))


def test_a_pack_without_drill_down_lists_no_children_even_to_a_head_of_service(
    client_for: SignedIn,
) -> None:
    assert pack(NO_DRILL).drill_down is False
    page = page_of(client_for("head"), indicator_url("assessments_45wd_pct", NO_DRILL))

    assert page.xpath("//*[@data-no-children]")
    assert child_links(page) == set()
    names = [d.get("data-breakdown") for d in page.xpath("//details[@data-breakdown]")]
    assert names == list(BREAKDOWNS)  # no breakdown by worker either
    assert not AuditEvent.objects.filter(record_type="indicator_children").exists()


def test_an_indicator_not_on_the_board_is_not_found(client_for: SignedIn) -> None:
    assert client_for("head").get(indicator_url("cla_sdq_mean_score")).status_code == 404


# --- Commentary -------------------------------------------------------------------------------


def test_a_head_of_service_adds_commentary_and_a_second_keeps_the_first_as_history(
    client_for: SignedIn,
) -> None:
    client = client_for("head")
    url = f"{commentary_url()}?period={YEAR}"
    form = page_of(client, url, key="s1")
    assert text(form.xpath("//h1")[0]) == "Commentary: Front door"

    first = client.post(url, {"key": "s1", "text": "Contacts rose after the schools' week."})
    assert first.status_code == 302
    assert first["Location"] == f"{board_url()}?period={YEAR}"
    board = page_of(client, board_url(), period=YEAR)
    shown = text(board.xpath("//*[@data-commentary='s1']")[0])
    assert "Contacts rose after the schools' week." in shown

    client.post(url, {"key": "s1", "text": "Now falling again."})
    board = page_of(client, board_url(), period=YEAR)
    shown = text(board.xpath("//*[@data-commentary='s1']")[0])
    assert "Now falling again." in shown
    assert "schools' week" not in shown  # the latest is shown
    history = [text(h) for h in page_of(client, url, key="s1").xpath("//*[@data-history]")]
    assert len(history) == 2
    assert history[0].startswith("Now falling again.")
    assert history[1].startswith("Contacts rose after the schools' week.")
    events = AuditEvent.objects.filter(record_type="scorecard_commentary")
    assert events.count() == 2
    assert {e.detail["key"] for e in events} == {"s1"}
    assert {e.actor.username for e in events if e.actor} == {"head"}


def test_commentary_on_one_indicator_is_shown_beside_it(client_for: SignedIn) -> None:
    client = client_for("head")
    key = f"s2/{INDICATOR}"
    response = client.post(
        f"{commentary_url()}?period={YEAR}", {"key": key, "text": "Visits recovering."}
    )
    assert response.status_code == 302

    board = page_of(client, board_url(), period=YEAR)
    row = board.xpath(f"//tr[@data-indicator='{INDICATOR}']/following-sibling::tr[1]")[0]
    assert "Visits recovering." in text(row)
    indicator = page_of(client, indicator_url(), period=YEAR)
    assert "Visits recovering." in text(indicator)


def test_empty_commentary_shows_the_error_summary(client_for: SignedIn) -> None:
    client = client_for("head")
    response = client.post(f"{commentary_url()}?period={YEAR}", {"key": "s1", "text": "   "})

    assert response.status_code == 400
    page = parsed(response.content)
    summary = page.xpath("//div[contains(@class, 'govuk-error-summary')]")[0]
    assert text(summary.xpath(".//a[@href='#text']")[0]) == COMMENTARY_EMPTY
    assert page.xpath("//p[@id='text-error']")
    assert not ScorecardCommentary.objects.exists()
    assert not AuditEvent.objects.filter(record_type="scorecard_commentary").exists()


def test_commentary_for_a_period_that_is_not_one_is_refused(client_for: SignedIn) -> None:
    # A mistyped period must not put the comment on the default period's pack.
    response = client_for("head").post(
        f"{commentary_url()}?period=2016-17+Q5", {"key": "s1", "text": "Which quarter?"}
    )
    assert response.status_code == 400
    assert not ScorecardCommentary.objects.exists()


def test_commentary_on_a_key_the_board_does_not_have_is_not_found(client_for: SignedIn) -> None:
    response = client_for("head").get(commentary_url(), {"key": "s99"})
    assert response.status_code == 404


def test_a_team_manager_comments_on_their_own_teams_pack_only(client_for: SignedIn) -> None:
    # scorecard_commentary_allowed: a team manager writes on their own team's pack, not on
    # another team's nor on a council-wide board.
    client = client_for("manager")
    own = client.post(
        f"{commentary_url(TEAM_PACK)}?team={OWN_TEAM}", {"key": "s1", "text": "On track."}
    )
    assert own.status_code == 302
    saved = ScorecardCommentary.objects.get()
    assert (saved.board, saved.team, saved.key, saved.text) == (
        TEAM_PACK,
        OWN_TEAM,
        "s1",
        "On track.",
    )
    event = AuditEvent.objects.get(record_type="scorecard_commentary")
    assert event.record_key == str(saved.pk)
    assert event.detail["team"] == OWN_TEAM

    other = client.post(
        f"{commentary_url(TEAM_PACK)}?team={OTHER_TEAM}", {"key": "s1", "text": "Not mine."}
    )
    assert other.status_code == 403
    board = client.post(commentary_url(), {"key": "s1", "text": "Whole service."})
    assert board.status_code == 403
    assert ScorecardCommentary.objects.count() == 1


@pytest.mark.parametrize("name", ["councillor", "analyst"])
def test_an_elected_member_or_analyst_may_not_write_commentary(
    client_for: SignedIn, name: str
) -> None:
    # scorecard_commentary_allowed: only heads of service and team managers write it.
    client = client_for(name)
    assert client.get(commentary_url(), {"key": "s1"}).status_code == 403
    assert client.post(commentary_url(), {"key": "s1", "text": "Hello"}).status_code == 403
    assert not ScorecardCommentary.objects.exists()
    board = page_of(client, board_url())
    assert not [a for a in board.xpath("//a") if "commentary" in text(a).lower()]


# --- Downloads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_format", "content_type"),
    [
        ("pdf", "application/pdf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("json", "application/json"),
    ],
)
def test_each_download_is_the_pack_in_its_format_and_is_audited(
    client_for: SignedIn, file_format: str, content_type: str
) -> None:
    # The scrutiny panel's pack, downloaded by one of its members (its PDF is the quickest).
    response = client_for("councillor").get(
        reverse("reports:download", args=[NO_DRILL, file_format]), {"period": YEAR}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="{NO_DRILL}-{YEAR}.{file_format}"'
    )
    body = response.content
    assert body
    if file_format == "pdf":
        assert body.startswith(b"%PDF-")
    elif file_format == "xlsx":
        assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    else:
        document = json.loads(body)
        assert (document["board"], document["period"]["label"]) == (NO_DRILL, YEAR)
        assert [i["code"] for i in document["indicators"]] == [
            line.indicator.code for line in pack(NO_DRILL).lines
        ]
    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert event.record_type == "scorecard"
    assert event.record_key == f"{NO_DRILL}/{YEAR}"
    assert event.actor is not None
    assert event.actor.username == "councillor"
    assert event.detail["format"] == file_format
    assert event.detail["rows"] == len(pack(NO_DRILL).lines)
    assert event.detail["child_ids"] == []  # a pack names no child


def test_a_team_manager_downloads_their_teams_pack_and_the_audit_names_the_team(
    client_for: SignedIn,
) -> None:
    response = client_for("manager").get(
        reverse("reports:download", args=[TEAM_PACK, "json"]), {"team": OWN_TEAM}
    )

    assert response.status_code == 200
    document = json.loads(response.content)
    assert (document["team"], document["team_name"]) == (OWN_TEAM, OWN_TEAM_NAME)
    assert response["Content-Disposition"].endswith(f'{TEAM_PACK}-{YEAR}-{OWN_TEAM}.json"')
    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert event.record_key == f"{TEAM_PACK}/{YEAR}/{OWN_TEAM}"


def test_a_download_for_a_period_that_is_not_one_is_refused(client_for: SignedIn) -> None:
    # Not the default period's pack under a name that suggests another.
    response = client_for("head").get(
        reverse("reports:download", args=[BOARD, "json"]), {"period": "2016-17 Q5"}
    )
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


def test_a_format_that_is_not_offered_is_not_found(client_for: SignedIn) -> None:
    response = client_for("head").get(reverse("reports:download", args=[BOARD, "csv"]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


# --- Snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("label", [YEAR, "12 months to 2017-03"])
def test_storing_a_pack_keeps_its_values_and_the_code_that_computed_them(
    client_for: SignedIn, label: str
) -> None:
    client = client_for("head")
    response = client.post(f"{SNAPSHOT}?period={label}")

    assert response.status_code == 302
    stored = ScorecardSnapshot.objects.get()
    assert (stored.board, stored.period, stored.team) == (BOARD, label, "")
    assert stored.code_version == code_version()
    assert stored.created_by is not None
    assert stored.created_by.username == "head"
    assert (stored.document["board"], stored.document["period"]["label"]) == (BOARD, label)
    values = IndicatorValue.objects.filter(snapshot=stored)
    lines = pack(BOARD).lines
    assert {v.code for v in values} == {line.indicator.code for line in lines}
    headline = values.filter(period_start=D(2016, 4, 1), period_end=D(2017, 3, 31))
    assert headline.count() == len({line.indicator.code for line in lines})
    assert {v.org_unit_level for v in values} == {OrgUnitLevel.LA}
    assert {v.code_version for v in values} == {code_version()[:40]}
    # Each indicator once for each period of its twelve-point trend that it has a value for
    # (the year asked for is one of them), never twice for the same dates.
    per_code = Counter(v.code for v in values)
    assert max(per_code.values()) == 12
    assert per_code["cla_rate"] == 12
    # The stored value is the one the pack presented.
    presented = {i["code"]: i for i in stored.document["indicators"]}
    for value in headline:
        shown = presented[value.code]["value"]
        assert value.value == (None if shown is None else pytest.approx(shown, abs=1e-4))
    assert AuditEvent.objects.filter(
        record_type="scorecard_snapshot", record_key=str(stored.pk)
    ).exists()
    listed = page_of(client, reverse("reports:boards")).xpath("//table[@data-snapshots]//td")
    assert str(stored.pk) in {text(td) for td in listed}


def test_storing_a_pack_takes_a_post(client_for: SignedIn) -> None:
    response = client_for("head").get(SNAPSHOT)
    assert response.status_code == 405
    assert not ScorecardSnapshot.objects.exists()


def test_an_analyst_may_store_a_pack_they_cannot_comment_on(client_for: SignedIn) -> None:
    client = client_for("analyst")
    board = page_of(client, board_url(), period=YEAR)
    assert board.xpath(f"//form[starts-with(@action, '{SNAPSHOT}')]")

    assert client.post(f"{SNAPSHOT}?period=2017-03").status_code == 302
    assert ScorecardSnapshot.objects.get().period == "2017-03"


@pytest.mark.parametrize("name", ["councillor", "manager"])
def test_an_elected_member_or_team_manager_may_not_store_the_council_pack(
    client_for: SignedIn, name: str
) -> None:
    client = client_for(name)
    board = page_of(client, board_url())
    assert not board.xpath(f"//form[starts-with(@action, '{SNAPSHOT}')]")  # no button
    assert client.post(SNAPSHOT).status_code == 403
    assert not ScorecardSnapshot.objects.exists()


def test_a_team_manager_stores_their_own_teams_pack(client_for: SignedIn) -> None:
    response = client_for("manager").post(
        f"{reverse('reports:snapshot', args=[TEAM_PACK])}?team={OWN_TEAM}&period=2017-03"
    )
    assert response.status_code == 302
    stored = ScorecardSnapshot.objects.get()
    assert (stored.board, stored.team) == (TEAM_PACK, OWN_TEAM)
    values = IndicatorValue.objects.filter(snapshot=stored)
    assert {(v.org_unit_level, v.org_unit) for v in values} == {(OrgUnitLevel.TEAM, OWN_TEAM)}
