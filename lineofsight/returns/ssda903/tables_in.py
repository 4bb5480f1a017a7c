"""SSDA903 tables, as read from CSV or XML, back into journey frames (the inverse of `export.py`).

A reader hands over one frame per table, keyed by the spec's table names, with DfE's column
names, every value a string (null = blank) and a `_where` column saying where the row was
read (`episodes.csv line 12`). `ssda903_frames` checks everything first and raises
`ReturnError` naming `_where`, the column, the value and what was expected (the first few
problems, with a count of the rest); only when nothing is wrong are the frames built, so a
bad return builds nothing. It checks what the spec says of each value (dates in the spec's
format and real, codes in that year's lists, whole numbers) and what the model needs (a
value where a record cannot be without one, each child once in header and in uasc, every
CHILD in header, no event after the year ends, an OC3 care leaver with a 17th to 21st
birthday in the year, MOTHER 1 exactly when MC_DOB is given). DfE's other rules,
`canbeblank` included, are the validator's job.

What each table becomes (keys are natural, so reading a return twice gives the same keys; a
second record with the same key gets `#2`, and a key too long for its table keeps its start
and ends in a hash, as the CIN census reader does):

* **header** → `child`: SEX through the spec's labels (1/2 before 2025, M/F/U from 2025); UPN
  to `upn`, or to `upn_unknown_reason` when it is UN1-UN5; names null; `is_uasc` False unless
  the child is in **uasc**, which sets it True and `uasc_ceased_on` = DUC. MOTHER 0 or 1
  sets `motherhood_recorded` and MOTHER 1 gives `first_child_born_on` = MC_DOB; a blank
  MOTHER leaves motherhood not recorded (False), which the loader never lets clear a
  recorded one (`set_only`). MOTHER 1 without MC_DOB, or MC_DOB without MOTHER 1, or on or
  before DOB, is refused: the model records a mother by her first child's date of birth.
* **episodes** → `cla_episode`, key `{CHILD}/E/{DECOM yyyymmdd}`.
* **reviews** → `cla_review`, key `{CHILD}/CLAR/{REVIEW yyyymmdd}`.
* **placed_adoption** and **ad1** → `adoption`, one record per child and decision date, key
  `{CHILD}/A/{yyyymmdd}`: AD1's DATE_INT is the decision PlacedAdoption calls DATE_PLACED, so
  AD1's items (matched_on, adopted_by_foster_carer, adopter_count, adopter_sex,
  adopter_legal_status) join that record, which also gets `adoption_order_on` = DEC of the
  child's E11/E12 episode in the return (the latest, if several). `is_foster_for_adoption`
  is False; `placement_order_on` and `placed_on` are not in the return.
* **prev_perm** → `previous_permanence`, key `{CHILD}/PP`; a DATE_PERM with ZZ for an unknown
  day or month (`ZZ/ZZ/2012`) goes to `order_date_text`, a full date to `order_on`.
* **oc2** → `health_check` records dated 31 March of the year, keys
  `{CHILD}/OC2/{year}/{kind}`, made so that the exporter writes the same OC2 row back: SDQ
  score and reason as one `sdq` record; HEALTH_CHECK as `development`; IMMUNISATIONS as
  `immunisations` only when 1 (the exporter writes 0 when there is none); TEETH_CHECK,
  HEALTH_ASSESSMENT (as `rha`, the review assessment a child looked after for a year has),
  SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and INTERVENTION_OFFERED as a record only when the
  flag is 1 (0 is what the exporter writes when there is none). CONVICTED 1 becomes a
  `youth_justice_outcome` of kind `not_known` (the return does not say whether a conviction
  or a youth caution) dated 31 March, key `{CHILD}/OC2/{year}/convicted`: like the health
  items it says only "some time in the year", and the loader drops it where an outcome in
  the year is already held. CONVICTED 0 or blank adds nothing.
* **oc3** → `care_leaver_status` as of the young person's 17th to 21st birthday in the year
  (29 February birthdays fall on 28 February, as the exporter counts them), key
  `{CHILD}/OC3/{yyyymmdd}`; eligibility `relevant` at 17, else `former_relevant`; ACCOM's
  letter to `accommodation` and its digit to `accommodation_suitable` (1 suitable, 2 not; none
  for `0`); `staying_put` False. An OC3 row with IN_TOUCH, ACTIV and ACCOM all blank (the
  exporter writes that for a care leaver with no status recorded in the year) becomes a
  placeholder status dated the day before the year starts, in_touch NO, activity and
  accommodation `0`: it keeps the young person in the cohort while the exporter, finding no
  status in the year, writes the three blank again. Those values say nothing true about
  contact; a status recorded later supersedes them. ACCOM blank beside IN_TOUCH and ACTIV
  (the exporter writes that when suitability is unknown) becomes accommodation `R`
  (residence not known) with suitability unknown, which the exporter writes blank again. A
  blank IN_TOUCH or ACTIV beside given items is refused: the model needs both, and neither
  list has a code for "not known".
* **missing** → `missing_episode` (MISSING as `kind`), started and ended at midnight London
  time, key `{CHILD}/MIS/{MIS_START yyyymmdd}`.
* **social_worker** (2024 on) → `allocation` with role `social_worker`, worker SW_ID, team
  `SSDA903`, change_reason SW_REASON, key `{CHILD}/SW/{SW_DECOM yyyymmdd}`; one `team` row
  (`SSDA903`, "Social workers named in SSDA903 returns", children_in_care) and one `worker`
  row per SW_ID (given name "Social worker", family name the SW_ID, role social_worker,
  qualified, not agency, 1.0 FTE, started on the earliest SW_DECOM). The return knows nothing
  else of these workers, so **the loader must add the rows of `ADD_ONLY_TABLES` only when the
  key is new, never overwriting a real worker or team**.

**Not read**: DOB and SEX in tables other than header: the header's are the child's.

**Round trip.** For a return the exporter wrote, `ssda903_tables(ssda903_frames(tables))`
gives the same tables (tested on synthetic councils from 2016-17 to 2025-26), except:

* a header row with DOB blank is refused: the model needs it (a blank SEX, the exporter's way
  of writing a child whose sex is U before 2025, reads as U);
* an AD1 whose DATE_INT has no PlacedAdoption row (the exporter's AD1 record had ceased
  before the year) becomes a decision that the exporter then reports in placed_adoption too;
* one child's records on the same day with different values (two missing episodes, two
  reviews) may come back in another order, as the exporter's sort does not promise to keep
  ties in order.

What does not come back from other files: a DOB or SEX in another table that differs from
header; MOTHER for a child the exporter does not ask it of (a boy or a child of unknown sex,
a child looked after only under short breaks, a care leaver not looked after in the year);
MOTHER 1 whose MC_DOB is after 31 March or after she left care (rule 625), which comes back
as 0; an SDQ_REASON given with a score (the exporter writes the score only); OC2 items the
exporter leaves blank for that child (HEALTH_CHECK at 5 or over, interventions without
substance misuse, CONVICTED under 10) or writes as 0 when blank (IMMUNISATIONS, CONVICTED
at 10 or over); a second prev_perm or OC3 row for a child (the exporter writes one); and rows
the exporter leaves out by date or cohort (an episode or UASC status that ended before the
year, a DEC after it, OC2 for a child outside the 12-month cohort).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, frames_conform
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.keys import Keys
from lineofsight.returns.ssda903.checks import (
    LONDON,
    WHERE,
    Tables,
    care_leaver_birthday,
    season,
    tables_checked,
    ymd,
)
from lineofsight.returns.ssda903.export import (
    ACCOM_NO_SUITABILITY,
    ADOPTED,
    SEX_LABELS,
    UPN_UNKNOWN_903,
    year_bounds,
)
from lineofsight.returns.ssda903.spec import ColumnSpec, Spec, ssda903_spec

# The journey tables a return fills, in the order they are built.
FRAME_TABLES = (
    "team",
    "worker",
    "child",
    "cla_episode",
    "cla_review",
    "adoption",
    "previous_permanence",
    "health_check",
    "care_leaver_status",
    "missing_episode",
    "allocation",
    "youth_justice_outcome",
)
# Rows the loader adds only when their key is new: the return invents them (see docstring).
ADD_ONLY_TABLES = ("team", "worker")
# Columns the return does not carry but the model needs a value in: filled with a stand-in
# for new records, and left as the record has them when it exists (see detect.ReturnRead).
SSDA903_LACKS: dict[str, tuple[str, ...]] = {
    "adoption": ("is_foster_for_adoption",),
    "care_leaver_status": ("staying_put",),
}

SSDA903_TEAM: dict[str, Any] = {
    "code": "SSDA903",
    "name": "Social workers named in SSDA903 returns",
    "service_area": "children_in_care",
}

# OC2 flags kept as a record (kind, value) only when 1.
OC2_FLAGS: dict[str, tuple[str, str | None]] = {
    "TEETH_CHECK": ("dental", None),
    "HEALTH_ASSESSMENT": ("rha", None),
    "SUBSTANCE_MISUSE": ("substance_misuse", "1"),
    "INTERVENTION_RECEIVED": ("intervention_received", "1"),
    "INTERVENTION_OFFERED": ("intervention_offered", "1"),
}
PLACEHOLDER_STATUS = {"in_touch": "NO", "activity": "0", "accommodation": "0"}
ACCOM_UNKNOWN = "R"  # residence not known: a blank ACCOM beside a known IN_TOUCH and ACTIV

Row = dict[str, Any]


# -- building -------------------------------------------------------------------------------


def _sexes(column: ColumnSpec) -> dict[str, str]:
    """The year's SEX codes to the model's M/F/U, through their labels (1 = Male → M)."""
    by_label = {label.casefold(): model for model, label in SEX_LABELS.items()}
    sexes: dict[str, str] = {}
    for code in column.codes:
        for name in code.names:
            if name.casefold() in by_label:
                sexes[code.code] = by_label[name.casefold()]
        if code.code not in sexes and code.code in SEX_LABELS:
            sexes[code.code] = code.code
    return sexes


class _Builder:
    """Journey rows from checked, typed tables."""

    def __init__(self, typed: dict[str, pl.DataFrame], spec: Spec) -> None:
        self.tables = typed
        self.spec = spec
        self.year = spec.year
        self.start, self.end = year_bounds(spec.year)
        self.keys = Keys()
        self.rows: dict[str, list[Row]] = {name: [] for name in FRAME_TABLES}

    def each(self, table: str) -> Iterable[Row]:
        return self.tables[table].iter_rows(named=True)

    def key(self, table: str, key: str) -> str:
        return self.keys.make(table, key)

    def build(self) -> dict[str, list[Row]]:
        self.children()
        self.episodes()
        self.reviews()
        self.adoptions()
        self.permanence()
        self.health_checks()
        self.care_leavers()
        self.missing()
        self.social_workers()
        self.youth_justice()
        return self.rows

    def children(self) -> None:
        sexes = _sexes(self.spec.tables["header"].column("SEX"))
        uasc = {row["CHILD"]: row["DUC"] for row in self.each("uasc")}
        for row in self.each("header"):
            # A blank SEX is not known (before 2025 the list has no code for it).
            if row["SEX"] is not None and row["SEX"] not in sexes:
                raise ReturnError(f"{row[WHERE]}: SEX {row['SEX']!r} has no M, F or U")
            upn = row["UPN"]
            unknown = upn in UPN_UNKNOWN_903
            self.rows["child"].append(
                {
                    "child_id": row["CHILD"],
                    "upn": None if unknown else upn,
                    "upn_unknown_reason": upn if unknown else None,
                    "sex": sexes.get(row["SEX"] or "", "U"),
                    "born_on": row["DOB"],
                    "ethnicity": row["ETHNIC"],
                    "is_uasc": row["CHILD"] in uasc,
                    "uasc_ceased_on": uasc.get(row["CHILD"]),
                    "motherhood_recorded": row["MOTHER"] is not None,
                    "first_child_born_on": row["MC_DOB"] if row["MOTHER"] == "1" else None,
                }
            )

    def episodes(self) -> None:
        for row in self.each("episodes"):
            self.rows["cla_episode"].append(
                {
                    "key": self.key("cla_episode", f"{row['CHILD']}/E/{ymd(row['DECOM'])}"),
                    "child_id": row["CHILD"],
                    "started_on": row["DECOM"],
                    "reason_new": row["RNE"],
                    "legal_status": row["LS"],
                    "category_of_need": row["CIN"],
                    "placement_type": row["PLACE"],
                    "placement_provider": row["PLACE_PROVIDER"],
                    "ended_on": row["DEC"],
                    "reason_ceased": row["REC"],
                    "reason_place_change": row["REASON_PLACE_CHANGE"],
                    "home_postcode": row["HOME_POST"],
                    "placement_postcode": row["PL_POST"],
                    "urn": row["URN"],
                }
            )

    def reviews(self) -> None:
        for row in self.each("reviews"):
            self.rows["cla_review"].append(
                {
                    "key": self.key("cla_review", f"{row['CHILD']}/CLAR/{ymd(row['REVIEW'])}"),
                    "child_id": row["CHILD"],
                    "held_on": row["REVIEW"],
                    "participation": row["REVIEW_CODE"],
                }
            )

    def _adopted_on(self) -> dict[str, dt.date]:
        """Each child's adoption date: the DEC of their E11/E12 episode (the latest)."""
        adopted: dict[str, dt.date] = {}
        for row in self.each("episodes"):
            if row["REC"] in ADOPTED and row["DEC"] is not None:
                adopted[row["CHILD"]] = max(row["DEC"], adopted.get(row["CHILD"], row["DEC"]))
        return adopted

    def adoptions(self) -> None:
        records: dict[tuple[str, dt.date], Row] = {}
        for row in self.each("placed_adoption"):
            record = self._adoption(row["CHILD"], row["DATE_PLACED"])
            record |= {
                "ceased_on": row["DATE_PLACED_CEASED"],
                "ceased_reason": row["REASON_PLACED_CEASED"],
            }
            records.setdefault((row["CHILD"], row["DATE_PLACED"]), record)
        adopted_on = self._adopted_on()
        for row in self.each("ad1"):
            if row["DATE_INT"] is None:  # an adopted child whose AD1 items are all blank
                continue
            decision = (row["CHILD"], row["DATE_INT"])
            if decision not in records:
                records[decision] = self._adoption(*decision)
            records[decision] |= {
                "matched_on": row["DATE_MATCH"],
                "adopted_by_foster_carer": None
                if row["FOSTER_CARE"] is None
                else row["FOSTER_CARE"] == "1",
                "adopter_count": None if row["NB_ADOPTR"] is None else int(row["NB_ADOPTR"]),
                "adopter_sex": row["SEX_ADOPTR"],
                "adopter_legal_status": row["LS_ADOPTR"],
                "adoption_order_on": adopted_on.get(row["CHILD"]),
            }

    def _adoption(self, child: str, decided_on: dt.date) -> Row:
        record: Row = {
            "key": self.key("adoption", f"{child}/A/{ymd(decided_on)}"),
            "child_id": child,
            "decision_on": decided_on,
            "is_foster_for_adoption": False,
        }
        self.rows["adoption"].append(record)
        return record

    def permanence(self) -> None:
        for row in self.each("prev_perm"):
            text = row["DATE_PERM"]
            partial = text is not None and "Z" in text
            self.rows["previous_permanence"].append(
                {
                    "key": self.key("previous_permanence", f"{row['CHILD']}/PP"),
                    "child_id": row["CHILD"],
                    "kind": row["PREV_PERM"],
                    "order_on": None if text is None or partial else self._date_perm(text),
                    "order_date_text": text if partial else None,
                    "la_code": row["LA_PERM"],
                }
            )

    def _date_perm(self, text: str) -> dt.date:
        date_format = self.spec.tables["prev_perm"].column("DATE_PERM").date_format
        parsed = pl.Series([text]).str.to_date(date_format or "%d/%m/%Y")[0]
        assert isinstance(parsed, dt.date)  # checked in _check_date
        return parsed

    def health_checks(self) -> None:
        for row in self.each("oc2"):
            found: list[tuple[str, str | None, str | None]] = []
            if row["SDQ_SCORE"] is not None or row["SDQ_REASON"] is not None:
                found.append(("sdq", row["SDQ_SCORE"], row["SDQ_REASON"]))
            for column, kind in (
                ("HEALTH_CHECK", "development"),
                ("IMMUNISATIONS", "immunisations"),
            ):
                # IMMUNISATIONS 0 is what the exporter writes when there is no record.
                if row[column] is not None and (kind, row[column]) != ("immunisations", "0"):
                    found.append((kind, row[column], None))
            for column, (kind, value) in OC2_FLAGS.items():
                if row[column] == "1":
                    found.append((kind, value, None))
            for kind, value, reason in found:
                self.rows["health_check"].append(
                    {
                        "key": self.key("health_check", f"{row['CHILD']}/OC2/{self.year}/{kind}"),
                        "child_id": row["CHILD"],
                        "kind": kind,
                        "done_on": self.end,
                        "value": value,
                        "sdq_reason": reason,
                    }
                )

    def youth_justice(self) -> None:
        for row in self.each("oc2"):
            if row["CONVICTED"] == "1":
                key = f"{row['CHILD']}/OC2/{self.year}/convicted"
                self.rows["youth_justice_outcome"].append(
                    {
                        "key": self.key("youth_justice_outcome", key),
                        "child_id": row["CHILD"],
                        "kind": "not_known",
                        "outcome_on": self.end,
                    }
                )

    def care_leavers(self) -> None:
        born = {row["CHILD"]: row["DOB"] for row in self.each("header")}
        for row in self.each("oc3"):
            found = care_leaver_birthday(born[row["CHILD"]], self.year)
            assert found is not None  # checked in _check_care_leavers
            age, birthday = found
            status: Row = {
                "child_id": row["CHILD"],
                "eligibility": "relevant" if age == 17 else "former_relevant",
                "staying_put": False,
            }
            if row["IN_TOUCH"] is None:
                # Nothing known in the year: a placeholder before it (see the docstring).
                status |= {"as_of": self.start - dt.timedelta(days=1), **PLACEHOLDER_STATUS}
            else:
                accom = row["ACCOM"]
                status |= {
                    "as_of": birthday,
                    "in_touch": row["IN_TOUCH"],
                    "activity": row["ACTIV"],
                    "accommodation": ACCOM_UNKNOWN if accom is None else accom[0],
                    "accommodation_suitable": None
                    if accom in (None, ACCOM_NO_SUITABILITY)
                    else accom[1:] == "1",
                }
            key = f"{row['CHILD']}/OC3/{ymd(status['as_of'])}"
            self.rows["care_leaver_status"].append(
                {"key": self.key("care_leaver_status", key)} | status
            )

    def missing(self) -> None:
        for row in self.each("missing"):
            self.rows["missing_episode"].append(
                {
                    "key": self.key(
                        "missing_episode", f"{row['CHILD']}/MIS/{ymd(row['MIS_START'])}"
                    ),
                    "child_id": row["CHILD"],
                    "kind": row["MISSING"],
                    "started_at": _midnight(row["MIS_START"]),
                    "ended_at": _midnight(row["MIS_END"]),
                }
            )

    def social_workers(self) -> None:
        if "social_worker" not in self.tables:
            return
        first_seen: dict[str, dt.date] = {}
        for row in self.each("social_worker"):
            worker = row["SW_ID"]
            if worker is not None:
                first_seen[worker] = min(row["SW_DECOM"], first_seen.get(worker, row["SW_DECOM"]))
            self.rows["allocation"].append(
                {
                    "key": self.key("allocation", f"{row['CHILD']}/SW/{ymd(row['SW_DECOM'])}"),
                    "child_id": row["CHILD"],
                    "worker_id": worker,
                    "team_id": SSDA903_TEAM["code"],
                    "role": "social_worker",
                    "started_on": row["SW_DECOM"],
                    "ended_on": row["SW_DEC"],
                    "change_reason": row["SW_REASON"],
                }
            )
        if self.rows["allocation"]:
            self.rows["team"].append(dict(SSDA903_TEAM))
        for worker, started_on in first_seen.items():
            self.rows["worker"].append(
                {
                    "staff_id": worker,
                    "given_name": "Social worker",
                    "family_name": worker,
                    "role": "social_worker",
                    "is_qualified": True,
                    "is_agency": False,
                    "fte": 1.0,
                    "started_on": started_on,
                }
            )


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=LONDON)


def ssda903_frames(tables: Tables, *, year: int) -> dict[str, pl.DataFrame]:
    """Journey frames from the SSDA903 tables of the collection year ending 31 March `year`
    (DfE column names, string values, null = blank, and `_where`). Everything is checked
    before anything is built; ReturnError names where, the column, the value and what was
    expected. See the module docstring for what each table becomes."""
    spec = ssda903_spec(year)
    typed = tables_checked(tables, spec)
    rows = _Builder(typed, spec).build()
    try:
        return frames_conform(
            {name: TABLES[name] for name in FRAME_TABLES},
            {
                name: pl.DataFrame(rows[name], schema=TABLES[name].polars_schema)
                if rows[name]
                else pl.DataFrame(schema=TABLES[name].polars_schema)
                for name in FRAME_TABLES
            },
        )
    except FrameError as error:  # the checks above should leave nothing for this to find
        raise ReturnError(f"SSDA903 {season(year)}: {error}") from error
