"""Journey frames from the Annex A lists that `import_.py` reads.

What each list gives (keys in the CIN census reader's style, so an Annex A and a CIN census
of the same council meet on the same referral, assessment, plan and conference keys):

* **child** (every list 1-10): id, sex (Gender), ethnicity, born_on, from the first list
  that gives each; is_uasc if list 8's or list 9's UASC column says Yes. A "No" to "Does the
  Child have a Disability" gives a NONE disability; a "Yes" does not say which disability,
  so none is recorded. Names and the rest are left null, and motherhood not recorded.
* **contact** (1): `{child}/CT/{yyyymmdd}`, received at midnight on the date.
* **early_help_episode** (2): `{child}/EH/{yyyymmdd}`; the episode is taken to start when
  its assessment did (the list has no episode start).
* **referral** (3, and 6 for CIN episodes that began before list 3's six months):
  `{child}/R/{yyyymmdd}`; list 6 adds primary need, closure date and reason. A referral known
  only from list 6 has source 10 (unknown).
* **assessment** (4), **cp_plan** and its latest review conference (7), **section47_enquiry**
  and its initial conference (5) hang off the child's latest referral on or before their
  start (preferring one open then). With none, a referral is assumed on that start date
  (source 10), and a note says so.
* **cin_plan** (6): a list 6 row whose case status is "Child in need plan" is a plan open at
  the inspection; Annex A does not give the plan's start, so the CIN episode's start stands in.
* **cla_episode** (8): the current (or last) episode only, starting on the later of the
  start of the current legal status and of the most recent placement; its reason for a new
  episode is worked out from which of those began it.
* **care_leaver_status** (9): dated at `as_of`, else at the latest date in lists 1-5
  (Annex A does not record the inspection date).
* **adoption** (10): `{child}/AD/{decision}`; fostering for adoption if the FFA date is given.
* **adopter_household** (11): one household per family identifier (or adopter), with as
  many adopters as rows; its stage is the furthest its dates reach.

**Not recovered**: derived counts (referrals, s47s and ICPCs in 12 months, placements and
missing/absent episodes in 12 months, previous periods of care), ages, allocated teams,
workers and personal advisers (names, not ids), the dates of visits, reviews, health and
dental checks and IRO contact, whether the child was seen during an assessment and the
assessment's outcome, EPO/police protection, the start of a period of care before its
current episode, permanence plans, list 10's family identifier, date entered care and FFA
date, and list 11's adopter details (gender, ethnicity, disability, stage ends, application,
children placed, adoption order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_conform
from lineofsight.returns.annex_a.codes import category_column
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.keys import Keys, key_fit

# The tables an Annex A fills, in the order they are built.
ANNEX_A_TABLES = (
    "child",
    "child_disability",
    "contact",
    "early_help_episode",
    "referral",
    "assessment",
    "cin_plan",
    "section47_enquiry",
    "conference",
    "cp_plan",
    "cla_episode",
    "care_leaver_status",
    "adoption",
    "adopter_household",
)
# Columns holding a stand-in rather than what the workbook says: loading should keep what
# the records already hold there (for `ReturnRead.lacks`).
ANNEX_A_LACKS: dict[str, tuple[str, ...]] = {
    "child": ("is_uasc", "expected_birth_on", "motherhood_recorded"),
    "contact": ("is_mash",),
    "referral": ("source",),
    "early_help_episode": ("started_on",),
    "cla_episode": ("reason_new",),
    "care_leaver_status": ("staying_put",),
}
CHILD_LISTS = tuple(f"list_{n}" for n in range(1, 11))
UNKNOWN_SOURCE = "10"
NOT_OBTAINED = "NOBT"
LONDON = ZoneInfo("Europe/London")
YES = "Yes"
ID = "Child Unique ID"
UASC = {
    "list_8": "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    "list_9": "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
}
# The dates that place a workbook in time (each list's rows fall in the six months before
# the inspection), for dating list 9 when no `as_of` is given.
RECENT_DATES = {
    "list_1": "Date of Contact",
    "list_2": "Assessment start date",
    "list_3": "Date of referral",
    "list_4": "Continuous Assessment Start Date",
    "list_5": "Strategy discussion initiating Section 47 Enquiry Start Date",
}

Row = dict[str, Any]


class Notes:
    """Notes on a workbook, each message once with where it applies."""

    def __init__(self) -> None:
        self._where: dict[str, list[str]] = {}

    def add(self, message: str, where: str | None = None) -> None:
        places = self._where.setdefault(message, [])
        if where is not None:
            places.append(where)

    def lines(self) -> tuple[str, ...]:
        lines = []
        for message, unordered in self._where.items():
            places = sorted(unordered, key=_natural)
            if not places:
                lines.append(message)
            elif len(places) == 1:
                lines.append(f"{message} ({places[0]})")
            else:
                lines.append(f"{message} ({len(places):,} times, e.g. {', '.join(places[:3])})")
        return tuple(lines)


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    """ "List 6 row 10" after "List 6 row 9"; "List 6!M10" after "List 6!M9"."""
    return tuple(
        (int(part), "") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", text)
    )


def _ymd(value: dt.date) -> str:
    return f"{value:%Y%m%d}"


def _sort_key(row: Row) -> tuple[str, ...]:
    return tuple("" if value is None else str(value) for value in row.values())


def workbook_date(lists: dict[str, pl.DataFrame]) -> dt.date | None:
    """The latest contact, early help, referral, assessment or s47 date: the nearest the
    workbook comes to saying when it was made."""
    dates = [
        lists[key][heading].max()
        for key, heading in RECENT_DATES.items()
        if key in lists and lists[key].height
    ]
    found = [d for d in dates if isinstance(d, dt.date)]
    return max(found) if found else None


class _Builder:
    def __init__(
        self,
        lists: dict[str, pl.DataFrame],
        rows: dict[str, tuple[int, ...]],
        name: str,
        notes: Notes,
    ) -> None:
        self.lists = lists
        self.rows = rows
        self.name = name
        self.notes = notes
        self.keys = Keys()
        self.out: dict[str, list[Row]] = {table: [] for table in ANNEX_A_TABLES}
        self.children: dict[str, Row] = {}
        self.referrals: dict[str, list[Row]] = {}
        self.plans: dict[tuple[str, dt.date], str] = {}

    # -- reading the lists ------------------------------------------------------------

    def records(self, key: str) -> Iterator[tuple[str, Row]]:
        """(where, row) for each row of a list, in content order: keys that take `#2` for a
        second record on a day do not depend on the order of the sheet's rows."""
        frame = self.lists[key]
        sheet = f"List {key.removeprefix('list_')}"
        pairs = [
            (f"{sheet} row {number}", row)
            for number, row in zip(self.rows[key], frame.iter_rows(named=True), strict=True)
        ]
        yield from sorted(pairs, key=lambda pair: _sort_key(pair[1]))

    def code(self, key: str, heading: str, row: Row) -> str | None:
        return category_column(key, heading).code(row.get(heading))

    def note(self, where: str, message: str) -> None:
        self.notes.add(message, where)

    # -- children ---------------------------------------------------------------------

    def child_rows(self) -> None:
        limit = TABLES["child"].column("child_id").max_length or 20
        for key in CHILD_LISTS:
            for where, row in self.records(key):
                child_id = row[ID]
                if len(child_id) > limit:
                    raise ReturnError(
                        f"{self.name}: {where} ({ID}): {child_id!r} is longer than {limit} "
                        "characters; expected the council's child ID"
                    )
                self.child_seen(key, where, row)
        for child in self.children.values():
            child.pop("_disability", None)
            self.out["child"].append(child)

    def child_seen(self, key: str, where: str, row: Row) -> None:
        child = self.children.setdefault(
            row[ID],
            {
                "child_id": row[ID],
                "sex": None,
                "ethnicity": None,
                "born_on": None,
                "expected_birth_on": None,
                "is_uasc": False,
                "motherhood_recorded": False,
                "_disability": None,
            },
        )
        if child["sex"] is None and row.get("Gender") is not None:
            child["sex"] = self.code(key, "Gender", row)
        if child["ethnicity"] is None and row.get("Ethnicity") is not None:
            child["ethnicity"] = self.code(key, "Ethnicity", row)
            if child["ethnicity"] is None:
                self.note(where, "Ethnicity gives only a group, not a code (NOBT if no other)")
        if child["born_on"] is None:
            child["born_on"] = row.get("Date of Birth")
        if key in UASC and row.get(UASC[key]) == YES:
            child["is_uasc"] = True
        disability = row.get("Does the Child have a Disability")
        if child["_disability"] is None and disability is not None:
            child["_disability"] = disability
            self.disability(row[ID], disability, where)

    def disability(self, child_id: str, answer: str, where: str) -> None:
        if answer == "No":
            self.out["child_disability"].append(
                {
                    "key": key_fit("child_disability", f"{child_id}/D/NONE"),
                    "child_id": child_id,
                    "disability": "NONE",
                }
            )
        elif answer == YES:
            self.note(
                where, "Disability Yes, but Annex A does not say which: no disability recorded"
            )

    def children_finish(self, dated: dt.date | None) -> None:
        unborn = []
        for child in self.out["child"]:
            child["sex"] = child["sex"] or "U"
            child["ethnicity"] = child["ethnicity"] or NOT_OBTAINED
            if child["born_on"] is None:
                unborn.append(child["child_id"])
                # A record needs a birth or an expected birth; the lists give neither for an
                # unborn child, who was still to be born at the lists' date.
                child["expected_birth_on"] = dated
        if unborn and dated is None:
            raise ReturnError(
                f"{self.name}: child {unborn[0]} has no Date of Birth and the workbook has no "
                "dates to place an expected birth after"
            )
        if unborn:
            self.notes.add(
                f"{len(unborn):,} children have no Date of Birth (unborn): their expected "
                f"birth is taken as {dated:%d/%m/%Y}, the lists' date, until a record says"
            )

    # -- referrals and what hangs off them ----------------------------------------------

    def referral_add(self, child_id: str, on: dt.date, *, source: str, is_nfa: bool = False) -> Row:
        referral: Row = {
            "key": self.keys.make("referral", f"{child_id}/R/{_ymd(on)}"),
            "child_id": child_id,
            "referred_on": on,
            "source": source,
            "is_nfa": is_nfa,
        }
        self.out["referral"].append(referral)
        self.referrals.setdefault(child_id, []).append(referral)
        return referral

    def list_3(self) -> None:
        for where, row in self.records("list_3"):
            on = row["Date of referral"]
            if on is None:
                self.note(where, "List 3 rows with no referral date: no referral recorded")
                continue
            source = self.code("list_3", "Referral Source", row)
            if source is None:
                self.note(where, "Referral Source blank or a group: recorded as 10 (unknown)")
            self.referral_add(
                row[ID],
                on,
                source=source or UNKNOWN_SOURCE,
                is_nfa=row["Referral NFA?"] == YES,
            )

    def list_6(self) -> None:
        claimed: set[str] = set()
        for where, row in self.records("list_6"):
            child_id, on = row[ID], row["CIN Start Date"]
            if on is None:
                self.note(where, "List 6 rows with no CIN start date: no CIN episode recorded")
                continue
            same_day = [
                r
                for r in self.referrals.get(child_id, [])
                if r["referred_on"] == on and r["key"] not in claimed
            ]
            same_day.sort(key=lambda r: (r["is_nfa"], r["key"]))
            if same_day:
                referral = same_day[0]
            else:
                self.note(
                    where,
                    "CIN episodes with no list 3 referral (before its six months): "
                    "referral source recorded as 10 (unknown)",
                )
                referral = self.referral_add(child_id, on, source=UNKNOWN_SOURCE)
            claimed.add(referral["key"])
            referral["primary_need"] = self.code("list_6", "Primary Need Code", row)
            referral["closed_on"] = row["CIN Closure Date"]
            referral["closure_reason"] = self.code("list_6", "Reason for Closure", row)
            if row["Case Status"] == "c) Child in need plan" and row["CIN Closure Date"] is None:
                self.out["cin_plan"].append(
                    {
                        "key": self.keys.make("cin_plan", f"{referral['key']}/P/{_ymd(on)}"),
                        "referral_id": referral["key"],
                        "started_on": on,
                    }
                )

    def parent_referral(self, child_id: str, on: dt.date, where: str) -> str:
        """The child's latest referral on or before `on`, preferring one open then."""
        before = [r for r in self.referrals.get(child_id, []) if r["referred_on"] <= on]
        open_then = [
            r
            for r in before
            if not r["is_nfa"] and (r.get("closed_on") is None or r["closed_on"] >= on)
        ]
        pool = open_then or before
        if pool:
            return str(max(pool, key=lambda r: (r["referred_on"], r["key"]))["key"])
        self.note(
            where,
            "No referral in lists 3 or 6 on or before the record's start: a referral was "
            "assumed on that date (source 10, unknown)",
        )
        return str(self.referral_add(child_id, on, source=UNKNOWN_SOURCE)["key"])

    def list_4(self) -> None:
        for where, row in self.records("list_4"):
            started_on = row["Continuous Assessment Start Date"]
            if started_on is None:
                self.note(where, "List 4 rows with no start date: no assessment recorded")
                continue
            referral = self.parent_referral(row[ID], started_on, where)
            self.out["assessment"].append(
                {
                    "key": self.keys.make("assessment", f"{referral}/A/{_ymd(started_on)}"),
                    "referral_id": referral,
                    "started_on": started_on,
                    "authorised_on": row["Continuous Assessment Date of Authorisation"],
                }
            )

    def list_7(self) -> None:
        for where, row in self.records("list_7"):
            started_on = row["Child Protection Plan Start Date"]
            initial = self.code("list_7", "Initial Category of Abuse", row)
            latest = self.code("list_7", "Latest Category of Abuse", row)
            if started_on is None or initial is None or latest is None:
                self.note(
                    where, "List 7 rows with no start date or category of abuse: no plan recorded"
                )
                continue
            referral = self.parent_referral(row[ID], started_on, where)
            plan = self.keys.make("cp_plan", f"{referral}/CP/{_ymd(started_on)}")
            self.plans.setdefault((row[ID], started_on), plan)
            self.out["cp_plan"].append(
                {
                    "key": plan,
                    "referral_id": referral,
                    "started_on": started_on,
                    "ended_on": row["Child Protection Plan End Date"],
                    "initial_category": initial,
                    "latest_category": latest,
                    "previous_plans_count": row["Number of Previous Child Protection Plans"] or 0,
                }
            )
            reviewed_on = row["Date of latest review conference"]
            if reviewed_on is not None:
                self.out["conference"].append(
                    {
                        "key": self.keys.make("conference", f"{plan}/V/{_ymd(reviewed_on)}"),
                        "referral_id": referral,
                        "cp_plan_id": plan,
                        "kind": "review",
                        "held_on": reviewed_on,
                        "outcome": "plan_continues",
                    }
                )

    def list_5(self) -> None:
        heading = "Strategy discussion initiating Section 47 Enquiry Start Date"
        for where, row in self.records("list_5"):
            started_on = row[heading]
            if started_on is None:
                self.note(where, "List 5 rows with no start date: no enquiry recorded")
                continue
            referral = self.parent_referral(row[ID], started_on, where)
            enquiry = self.keys.make("section47_enquiry", f"{referral}/S/{_ymd(started_on)}")
            self.out["section47_enquiry"].append(
                {
                    "key": enquiry,
                    "referral_id": referral,
                    "started_on": started_on,
                    "icpc_not_required": row[
                        "Was an Initial Child Protection Conference deemed unnecessary?"
                    ]
                    == YES,
                }
            )
            held_on = row["Date of Initial Child Protection Conference"]
            if held_on is not None:
                planned = (
                    row[
                        "Did the Initial Child Protection Conference Result in a Child Protection"
                        " Plan"
                    ]
                    == YES
                )
                self.out["conference"].append(
                    {
                        "key": self.keys.make("conference", f"{enquiry}/C/{_ymd(held_on)}"),
                        "referral_id": referral,
                        "section47_enquiry_id": enquiry,
                        "cp_plan_id": self.plans.get((row[ID], held_on)) if planned else None,
                        "kind": "initial",
                        "held_on": held_on,
                        "outcome": "plan" if planned else "no_plan",
                    }
                )

    # -- lists about the child alone ----------------------------------------------------

    def list_1(self) -> None:
        for where, row in self.records("list_1"):
            on = row["Date of Contact"]
            if on is None:
                self.note(where, "List 1 rows with no contact date: no contact recorded")
                continue
            source = self.code("list_1", "Contact Source", row)
            if source is None:
                self.note(where, "Contact Source blank or a group: recorded as 10 (unknown)")
            self.out["contact"].append(
                {
                    "key": self.keys.make("contact", f"{row[ID]}/CT/{_ymd(on)}"),
                    "child_id": row[ID],
                    "received_at": dt.datetime(on.year, on.month, on.day, tzinfo=LONDON),
                    "source": source or UNKNOWN_SOURCE,
                    "is_mash": False,
                }
            )

    def list_2(self) -> None:
        limit = TABLES["early_help_episode"].column("lead_agency").max_length or 60
        for where, row in self.records("list_2"):
            started_on = row["Assessment start date"]
            if started_on is None:
                self.note(where, "List 2 rows with no assessment start: no episode recorded")
                continue
            agency = row["Organisation completing assessment"]
            if agency is not None and len(agency) > limit:
                self.note(where, f"Organisations longer than {limit} characters were shortened")
                agency = agency[:limit]
            self.out["early_help_episode"].append(
                {
                    "key": self.keys.make("early_help_episode", f"{row[ID]}/EH/{_ymd(started_on)}"),
                    "child_id": row[ID],
                    "started_on": started_on,
                    "assessment_started_on": started_on,
                    "assessment_completed_on": row["Assessment completion date"],
                    "lead_agency": agency,
                }
            )

    def list_8(self) -> None:
        for where, row in self.records("list_8"):
            episode = self.episode(row, where)
            if episode is not None:
                self.out["cla_episode"].append(episode)

    def episode(self, row: Row, where: str) -> Row | None:
        period_on = row["Date Started to be Looked After"]
        status_on = row["Start date of current legal status"]
        placed_on = row["Start Date of Most Recent Placement"]
        starts = [d for d in (period_on, status_on, placed_on) if d is not None]
        codes = {
            "legal_status": self.code("list_8", "Child's Legal Status", row),
            "category_of_need": self.code("list_8", "Child's Category of Need", row),
            "placement_type": self.code("list_8", "Placement Type", row),
        }
        if not starts or None in codes.values():
            self.note(
                where,
                "List 8 rows lacking a start date, legal status, category of need or "
                "placement type (as one of our codes): no episode recorded",
            )
            return None
        started_on = max(starts)
        if started_on == period_on:
            reason_new = "S"
        elif started_on == placed_on == status_on:
            reason_new = "B"
        else:
            reason_new = "P" if started_on == placed_on else "L"
        return {
            "key": self.keys.make("cla_episode", f"{row[ID]}/E/{_ymd(started_on)}"),
            "child_id": row[ID],
            "started_on": started_on,
            "reason_new": reason_new,
            **codes,
            "placement_provider": self.code("list_8", "Placement Provider", row),
            "placement_postcode": self.fitting(
                row, "Placement postcode", "placement_postcode", where
            ),
            "urn": self.fitting(row, "URN of Placement", "urn", where),
            "placement_la": self.code("list_8", "LA of Placement", row),
            "placement_location": self.code("list_8", "Placement Location", row),
            "ended_on": row["Date Ceased to be Looked After"],
            "reason_ceased": self.code("list_8", "Reason Ceased to be Looked After", row),
        }

    def fitting(self, row: Row, heading: str, column: str, where: str) -> str | None:
        """An episode's text if it fits the column, else None with a note."""
        value: str | None = row[heading]
        limit = TABLES["cla_episode"].column(column).max_length
        if value is not None and limit is not None and len(value) > limit:
            self.note(where, f"{heading} longer than {limit} characters: left blank")
            return None
        return value

    def list_9(self, as_of: dt.date | None) -> None:
        if as_of is None:
            if self.lists["list_9"].height:
                self.notes.add("List 9: no date in the workbook to date the statuses; none read")
            return
        for where, row in self.records("list_9"):
            eligibility = self.code("list_9", "Eligibility Category", row)
            in_touch = self.code("list_9", "LA in Touch", row)
            if eligibility is None or in_touch is None:
                self.note(
                    where,
                    "List 9 rows whose eligibility or LA in Touch is blank or not one of our "
                    "codes: no care-leaver status recorded",
                )
                continue
            suitable = self.code("list_9", "Suitability of Accommodation", row)
            self.out["care_leaver_status"].append(
                {
                    "key": self.keys.make("care_leaver_status", f"{row[ID]}/CL/{_ymd(as_of)}"),
                    "child_id": row[ID],
                    "as_of": as_of,
                    "eligibility": eligibility,
                    "in_touch": in_touch,
                    "activity": self.code("list_9", "Activity Status", row) or "0",
                    "accommodation": self.code("list_9", "Type of Accommodation", row) or "0",
                    "accommodation_suitable": None if suitable is None else suitable == "suitable",
                    "staying_put": False,
                    "pathway_plan_reviewed_on": row["Latest Pathway Plan Review Date"],
                }
            )

    def list_10(self) -> None:
        ffa = "Date the child was placed for fostering in FFA or concurrent planning placement"
        decided = "Date of Decision that Child Should be Placed for Adoption"
        for where, row in self.records("list_10"):
            decision_on = row[decided]
            if decision_on is None:
                self.note(where, "List 10 rows with no decision date: no adoption recorded")
                continue
            self.out["adoption"].append(
                {
                    "key": self.keys.make("adoption", f"{row[ID]}/AD/{_ymd(decision_on)}"),
                    "child_id": row[ID],
                    "decision_on": decision_on,
                    "placement_order_on": row["Date of Placement Order"],
                    "matched_on": row["Date of Matching Child and Prospective Adopters"],
                    "placed_on": row["Date Placed for Adoption"],
                    "adoption_order_on": row["Date of Adoption Order"],
                    "ceased_on": row[
                        "Date of Decision that Child Should No Longer be Placed for Adoption"
                    ],
                    "ceased_reason": self.code(
                        "list_10", "Reason Why Child No Longer Placed for Adoption", row
                    ),
                    "is_foster_for_adoption": row[ffa] is not None,
                }
            )

    def list_11(self) -> None:
        families: dict[str, list[Row]] = {}
        for where, row in self.records("list_11"):
            if row["Date enquiry received"] is None:
                self.note(where, "List 11 rows with no enquiry date: not counted in a household")
                continue
            family = row["Family identifier"] or row["Individual adopter identifier"]
            families.setdefault(family, []).append(row)
        for family, adopters in families.items():
            self.out["adopter_household"].append(_household(family, adopters))

    # -- all together -------------------------------------------------------------------

    def build(self, as_of: dt.date | None) -> dict[str, list[Row]]:
        self.child_rows()
        self.children_finish(as_of)
        self.list_3()
        self.list_6()
        self.list_4()
        self.list_7()
        self.list_5()
        self.list_2()
        self.list_1()
        self.list_8()
        self.list_9(as_of)
        self.list_10()
        self.list_11()
        return self.out


_HOUSEHOLD_DATES = {
    "enquiry_on": "Date enquiry received",
    "stage_1_started_on": "Date Stage 1 started",
    "stage_2_started_on": "Date Stage 2 started",
    "approved_on": "Date application approved",
    "matched_on": "Date adopter matched with child(ren)",
    "placed_on": "Date child/children placed with adopter(s)",
    "withdrawn_on": "Date of leaving adoption process",
}
# The furthest stage a household's dates reach, furthest first.
_STAGES = (
    ("withdrawn_on", "withdrawn"),
    ("placed_on", "placed"),
    ("matched_on", "matched"),
    ("approved_on", "approved"),
    ("stage_2_started_on", "stage_2"),
    ("stage_1_started_on", "stage_1"),
)


def _household(family: str, adopters: list[Row]) -> Row:
    """One household from its adopters' rows: each date the earliest any of them gives."""
    household: Row = {"key": key_fit("adopter_household", family)}
    for column, heading in _HOUSEHOLD_DATES.items():
        dates = [row[heading] for row in adopters if row[heading] is not None]
        household[column] = min(dates) if dates else None
    household["stage"] = next(
        (stage for column, stage in _STAGES if household[column] is not None), "enquiry"
    )
    household["adopter_count"] = len(adopters)
    return household


def annex_a_frames(
    lists: dict[str, pl.DataFrame],
    rows: dict[str, tuple[int, ...]],
    *,
    name: str,
    as_of: dt.date | None,
    notes: Notes,
) -> dict[str, pl.DataFrame]:
    """The journey frames the lists carry (see the module docstring); `rows` gives each
    list row's sheet row, for notes."""
    dated = as_of or workbook_date(lists)
    if as_of is None and dated is not None and lists["list_9"].height:
        notes.add(
            f"List 9: care-leaver statuses dated {dated:%d/%m/%Y}, the latest contact, "
            "referral, assessment or s47 date (the workbook does not record the inspection date)"
        )
    built = _Builder(lists, rows, name, notes).build(dated)
    tables = {table: TABLES[table] for table in ANNEX_A_TABLES}
    try:
        return frames_conform(
            tables,
            {
                table: pl.DataFrame(records, schema=tables[table].polars_schema)
                if records
                else pl.DataFrame(schema=tables[table].polars_schema)
                for table, records in built.items()
            },
        )
    except FrameError as error:
        raise ReturnError(f"{name}: {error}") from error
