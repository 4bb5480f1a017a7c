"""Ofsted ILACS Annex A lists 1-11 from journey frames, and the .xlsx workbook.

Windows (statutory-formats.md Part 3), with `as_of` the inspection date and every date after
`as_of` treated as not yet happened: "6 months" is the same day six calendar months earlier up
to `as_of`, both inclusive ("12 months" likewise).

* **List 1**: every contact received in the 6 months; one row per contact.
* **List 2**: early help episodes whose assessment started in the 6 months, plus episodes
  open at `as_of` that have an assessment.
* **List 3**: every referral in the 6 months. Number of referrals: the child's referrals in
  the 12 months to `as_of` (this one included).
* **List 4**: assessments open at any time in the 6 months (started by `as_of`, not authorised
  before the window). Requiring support: Yes for outcome CIN plan / s47 / looked after, No for
  NFA / early help / other, blank while unauthorised.
* **List 5**: every s47 enquiry started in the 6 months. ICPC: the initial conference linked to
  the enquiry; counts are the child's s47s started / initial conferences held in 12 months.
* **List 6**: CIN episodes (referrals that were not NFA at referral) open at `as_of` or closed
  in the 6 months. Case status at `as_of`: closed episode, else looked after, CP plan, CIN
  plan, open assessment, in that order.
* **List 7**: CP plans open at `as_of` or ended in the 6 months. Last statutory visit: latest
  CP visit in the plan; EPO / police protection: an L1/L2 care episode overlapping the 6 months.
* **List 8**: children looked after at `as_of` or whose period of care ended (not X1) in the
  6 months; a period of care is a run of episodes each starting the day the last ended.
  Second period: an earlier period ended in the 12 months. Placements in 12 months: episodes
  overlapping the 12 months that start a placement (RNE S/P/B), plus the one in place at the
  start. Missing/absent counts: episodes starting in the 12 months.
* **List 9**: young people whose latest care-leaver record by `as_of` is relevant, former
  relevant, qualifying or eligible, aged 16-24 and alive at `as_of`.
* **List 10**: adoption decisions with an adoption order in the 12 months, a decision ceased
  (no longer to be placed) in the 12 months, or a decision current at `as_of`.
* **List 11**: adopter households whose enquiry came in the 12 months, one row per adopter
  (identifier `<household>-<n>`, family identifier the household).

Common columns: age in completed years at `as_of`; disability Yes if any coded disability,
No if only NONE, else Unknown. Allocated team/worker: the allocation current at `as_of`
(social worker role first, then the latest started); personal adviser on list 9 from the
care-leaver record, else a current personal-adviser allocation.

Values use the template's forms: dates as dates, categories as the template option the spec
lists for the model code (e.g. "a) Male", "a) WBRI", "q) 6: Police", "C2: FCO",
"f) U6: Foster placement - not FFA"), Yes/No flags as "Yes"/"No" ("Unknown" where allowed).

**Left blank, because the model has no such field**: list 8 permanence plan, date of last
IRO visit/contact; list 8 LA of placement is the ONS code the model holds (the template wants
the LA name); list 10 family identifier (no link from a child's adoption to an adopter
household); list 11 gender, ethnicity, disability, fostering for adoption, stage 1 ended,
stage 2 ended, application submitted, number of children placed, adoption order; list 8/10
placement type codes Z11-Z14 have no template option.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import polars as pl
import xlsxwriter

from lineofsight.returns.annex_a.spec import ColumnSpec, ListSpec, annex_a_spec
from lineofsight.returns.domain.errors import ReturnError

Frames = Mapping[str, pl.DataFrame]

YES, NO, UNKNOWN = "Yes", "No", "Unknown"
SEX_OPTION = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
ELIGIBILITY_TEXT = {
    "relevant": "Relevant",
    "former_relevant": "Former relevant",
    "qualifying": "Qualifying",
    "eligible": "Eligible",
}
IN_TOUCH_TEXT = {"YES": "Yes", "NO": "No", "DIED": "Died", "REFU": "Refu", "NREQ": "NREQ"}
CP_CATEGORY = {
    "NEG": "a) Neglect",
    "PHY": "b) Physical Abuse",
    "SAB": "c) Sexual Abuse",
    "EMO": "d) Emotional Abuse",
    "MUL": "e) Multiple",
}
SUPPORT_OUTCOMES = ("cin_plan", "s47", "looked_after")
PLACEMENT_STARTS = ("S", "P", "B")
FFA_PLACEMENTS = ("U2", "U5")
PROTECTION_STATUSES = ("L1", "L2")
LEAVING_CARE_MIN_AGE, LEAVING_CARE_MAX_AGE = 16, 25


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day if it is short)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _table(frames: Frames, name: str) -> pl.DataFrame:
    try:
        return frames[name]
    except KeyError as error:
        raise ReturnError(f"Annex A: the journey frames have no {name!r} table") from error


def _flag(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.is_null()).then(None).when(expr).then(pl.lit(YES)).otherwise(pl.lit(NO))


def _upto(column: str, as_of: dt.date) -> pl.Expr:
    """A date column, blank if it is after `as_of`."""
    return pl.when(pl.col(column) <= as_of).then(pl.col(column)).otherwise(None)


def _options(column: ColumnSpec, codes: Mapping[str, str]) -> dict[str, str]:
    """Model code -> template option via the spec; codes with no option are left out."""
    found: dict[str, str] = {}
    for code, text in codes.items():
        option = column.option(text)
        if option is not None:
            found[code] = option
    return found


def _map(expr: pl.Expr, mapping: Mapping[str, str]) -> pl.Expr:
    return expr.replace_strict(dict(mapping), default=None, return_dtype=pl.String)


class _Builder:
    def __init__(self, frames: Frames, as_of: dt.date) -> None:
        self.frames = frames
        self.as_of = as_of
        self.start6 = months_before(as_of, 6)
        self.start12 = months_before(as_of, 12)
        self.specs = {spec.key: spec for spec in annex_a_spec()}

    def t(self, name: str) -> pl.DataFrame:
        return _table(self.frames, name)

    def column(self, key: str, name: str) -> ColumnSpec:
        return self.specs[key].column(name)

    # -- shared pieces -----------------------------------------------------------------

    def children(self) -> pl.DataFrame:
        """Child Unique ID, Gender, Ethnicity, Date of Birth, Age and Disability per child."""
        child = self.t("child")
        ethnicity = _options(
            self.column("list_1", "Ethnicity"),
            {code: code for code in child["ethnicity"].unique().drop_nulls().to_list()},
        )
        born = pl.col("born_on")
        as_of = self.as_of
        completed = (
            pl.lit(as_of.year)
            - born.dt.year()
            - pl.when(
                (born.dt.month() > as_of.month)
                | ((born.dt.month() == as_of.month) & (born.dt.day() > as_of.day))
            )
            .then(1)
            .otherwise(0)
        )
        disability = (
            self.t("child_disability")
            .group_by("child_id")
            .agg((pl.col("disability") != "NONE").any().alias("_disabled"))
        )
        return child.join(disability, on="child_id", how="left").select(
            pl.col("child_id").alias("Child Unique ID"),
            _map(pl.col("sex"), SEX_OPTION).alias("Gender"),
            _map(pl.col("ethnicity"), ethnicity).alias("Ethnicity"),
            _upto("born_on", as_of).alias("Date of Birth"),
            pl.when(born <= as_of)
            .then(completed)
            .otherwise(None)
            .cast(pl.Int64)
            .alias("Age of Child (Years)"),
            pl.when(pl.col("_disabled").is_null())
            .then(pl.lit(UNKNOWN))
            .otherwise(_flag(pl.col("_disabled")))
            .alias("Does the Child have a Disability"),
            pl.col("is_uasc"),
            pl.col("uasc_ceased_on"),
            pl.col("died_on"),
            pl.col("born_on").alias("_born_on"),
        )

    def _names(self) -> pl.DataFrame:
        return self.t("worker").select(
            pl.col("staff_id").alias("worker_id"),
            pl.concat_str("given_name", pl.lit(" "), "family_name").alias("_worker_name"),
        )

    def allocations(self) -> pl.DataFrame:
        """The allocation current at `as_of` per child: Allocated Team / Worker names."""
        as_of = self.as_of
        current = self.t("allocation").filter(
            (pl.col("started_on") <= as_of)
            & (pl.col("ended_on").is_null() | (pl.col("ended_on") > as_of))
            & (pl.col("role") != "personal_adviser")
        )
        teams = self.t("team").select(pl.col("code").alias("team_id"), pl.col("name"))
        return (
            current.sort(
                [pl.col("role") == "social_worker", pl.col("started_on"), pl.col("key")],
                descending=True,
            )
            .unique("child_id", keep="first", maintain_order=True)
            .join(teams, on="team_id", how="left")
            .join(self._names(), on="worker_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("name").alias("Allocated Team"),
                pl.col("_worker_name").alias("Allocated Worker"),
            )
        )

    def referral_child(self) -> pl.DataFrame:
        return self.t("referral").select(pl.col("key").alias("referral_id"), "child_id")

    def finish(self, key: str, rows: pl.DataFrame, sort: list[str]) -> pl.DataFrame:
        """Join the child and allocation columns, and give the template's columns in order."""
        spec = self.specs[key]
        frame = (
            rows.join(self.children(), on="Child Unique ID", how="left")
            if ("Gender" in spec.headings and "Individual adopter identifier" not in spec.headings)
            else rows
        )
        if "Allocated Team" in spec.headings and "Allocated Team" not in frame.columns:
            frame = frame.join(self.allocations(), on="Child Unique ID", how="left")
        frame = frame.sort(sort, nulls_last=True, maintain_order=True)
        return _conform(frame, spec)

    # -- lists -------------------------------------------------------------------------

    def list_1(self) -> pl.DataFrame:
        source = _options(
            self.column("list_1", "Contact Source"), _codes(self.t("contact"), "source")
        )
        rows = (
            self.t("contact")
            .with_columns(pl.col("received_at").dt.date().alias("_on"))
            .filter(pl.col("_on").is_between(self.start6, self.as_of))
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("_on").alias("Date of Contact"),
                _map(pl.col("source"), source).alias("Contact Source"),
            )
        )
        return self.finish("list_1", rows, ["Date of Contact", "Child Unique ID"])

    def list_2(self) -> pl.DataFrame:
        as_of = self.as_of
        eh = self.t("early_help_episode")
        started = pl.col("assessment_started_on")
        current = (pl.col("started_on") <= as_of) & (
            pl.col("ended_on").is_null() | (pl.col("ended_on") > as_of)
        )
        rows = eh.filter(
            started.is_between(self.start6, as_of) | (current & (started <= as_of))
        ).select(
            pl.col("child_id").alias("Child Unique ID"),
            started.alias("Assessment start date"),
            _upto("assessment_completed_on", as_of).alias("Assessment completion date"),
            pl.col("lead_agency").alias("Organisation completing assessment"),
        )
        return self.finish("list_2", rows, ["Assessment start date", "Child Unique ID"])

    def list_3(self) -> pl.DataFrame:
        referral = self.t("referral")
        source = _options(self.column("list_3", "Referral Source"), _codes(referral, "source"))
        last_12 = (
            referral.filter(pl.col("referred_on").is_between(self.start12, self.as_of))
            .group_by("child_id")
            .len("Number of Referrals in Last 12 Months")
        )
        rows = (
            referral.filter(pl.col("referred_on").is_between(self.start6, self.as_of))
            .join(last_12, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("referred_on").alias("Date of referral"),
                _map(pl.col("source"), source).alias("Referral Source"),
                _flag(pl.col("is_nfa")).alias("Referral NFA?"),
                pl.col("Number of Referrals in Last 12 Months").fill_null(0),
            )
        )
        return self.finish("list_3", rows, ["Date of referral", "Child Unique ID"])

    def list_4(self) -> pl.DataFrame:
        as_of = self.as_of
        authorised = pl.col("authorised_on")
        rows = (
            self.t("assessment")
            .filter(
                (pl.col("started_on") <= as_of)
                & (authorised.is_null() | (authorised >= self.start6))
            )
            .join(self.referral_child(), on="referral_id", how="left")
            .with_columns(done=authorised.is_not_null() & (authorised <= as_of))
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("started_on").alias("Continuous Assessment Start Date"),
                _flag(
                    pl.col("child_seen_on").is_not_null() & (pl.col("child_seen_on") <= as_of)
                ).alias("Child Seen During Continuous Assessment"),
                pl.when("done")
                .then(authorised)
                .otherwise(None)
                .alias("Continuous Assessment Date of Authorisation"),
                pl.when(pl.col("done") & pl.col("outcome").is_not_null())
                .then(_flag(pl.col("outcome").is_in(SUPPORT_OUTCOMES)))
                .otherwise(None)
                .alias("Was the child assessed as requiring LA children's social care support?"),
            )
        )
        return self.finish("list_4", rows, ["Continuous Assessment Start Date", "Child Unique ID"])

    def list_5(self) -> pl.DataFrame:
        as_of = self.as_of
        s47 = self.t("section47_enquiry").join(self.referral_child(), on="referral_id", how="left")
        icpc = self.t("conference").filter(
            (pl.col("kind") == "initial") & (pl.col("held_on") <= as_of)
        )
        icpc_by_s47 = (
            icpc.filter(pl.col("section47_enquiry_id").is_not_null())
            .sort("held_on")
            .unique("section47_enquiry_id", keep="first", maintain_order=True)
            .select(
                pl.col("section47_enquiry_id").alias("key"),
                pl.col("held_on").alias("_icpc_on"),
                pl.col("outcome").alias("_icpc_outcome"),
            )
        )
        s47_12 = (
            s47.filter(pl.col("started_on").is_between(self.start12, as_of))
            .group_by("child_id")
            .len("Number of Section 47 Enquiries in the last 12 months")
        )
        icpc_12 = (
            icpc.filter(pl.col("held_on") >= self.start12)
            .join(self.referral_child(), on="referral_id", how="inner")
            .group_by("child_id")
            .len("Number of ICPCs in the last 12 months")
        )
        strategy = self.t("strategy_discussion").select(
            pl.col("key").alias("strategy_discussion_id"), pl.col("held_on").alias("_sd_on")
        )
        rows = (
            s47.filter(pl.col("started_on").is_between(self.start6, as_of))
            .join(strategy, on="strategy_discussion_id", how="left")
            .join(icpc_by_s47, on="key", how="left")
            .join(s47_12, on="child_id", how="left")
            .join(icpc_12, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.coalesce("_sd_on", "started_on").alias(
                    "Strategy discussion initiating Section 47 Enquiry Start Date"
                ),
                _flag(pl.col("icpc_not_required")).alias(
                    "Was an Initial Child Protection Conference deemed unnecessary?"
                ),
                pl.col("_icpc_on").alias("Date of Initial Child Protection Conference"),
                _flag(pl.col("_icpc_outcome") == "plan").alias(
                    "Did the Initial Child Protection Conference Result in a Child Protection Plan"
                ),
                pl.col("Number of Section 47 Enquiries in the last 12 months").fill_null(0),
                pl.col("Number of ICPCs in the last 12 months").fill_null(0),
            )
        )
        return self.finish(
            "list_5",
            rows,
            ["Strategy discussion initiating Section 47 Enquiry Start Date", "Child Unique ID"],
        )

    def _open_at(self, name: str, start: str = "started_on", end: str = "ended_on") -> pl.Expr:
        as_of = self.as_of
        return (pl.col(start) <= as_of) & (pl.col(end).is_null() | (pl.col(end) > as_of))

    def _children_with(self, frame: pl.DataFrame, flag: str) -> pl.DataFrame:
        return frame.select("child_id").unique().with_columns(pl.lit(True).alias(flag))

    def list_6(self) -> pl.DataFrame:
        as_of = self.as_of
        referral = self.t("referral")
        need = _options(
            self.column("list_6", "Primary Need Code"), _codes(referral, "primary_need")
        )
        closure = _options(
            self.column("list_6", "Reason for Closure"), _codes(referral, "closure_reason")
        )
        rc = self.referral_child()
        looked_after = self._children_with(
            self.t("cla_episode").filter(self._open_at("cla_episode")), "_la"
        )
        on_cp = self._children_with(
            self.t("cp_plan").filter(self._open_at("cp_plan")).join(rc, on="referral_id"), "_cp"
        )
        on_cin = self._children_with(
            self.t("cin_plan").filter(self._open_at("cin_plan")).join(rc, on="referral_id"), "_cin"
        )
        assessing = self._children_with(
            self.t("assessment")
            .filter(self._open_at("assessment", end="authorised_on"))
            .join(rc, on="referral_id"),
            "_asmt",
        )
        seen = (
            self.t("visit")
            .filter(pl.col("child_seen") & (pl.col("visited_on") <= as_of))
            .group_by("child_id")
            .agg(pl.col("visited_on").max().alias("Date Child Was Last Seen"))
        )
        closed = pl.col("closed_on").is_not_null() & (pl.col("closed_on") <= as_of)
        rows = (
            referral.filter(
                ~pl.col("is_nfa")
                & (pl.col("referred_on") <= as_of)
                & (pl.col("closed_on").is_null() | (pl.col("closed_on") >= self.start6))
            )
            .join(looked_after, on="child_id", how="left")
            .join(on_cp, on="child_id", how="left")
            .join(on_cin, on="child_id", how="left")
            .join(assessing, on="child_id", how="left")
            .join(seen, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("referred_on").alias("CIN Start Date"),
                _map(pl.col("primary_need"), need).alias("Primary Need Code"),
                "Date Child Was Last Seen",
                pl.when(closed).then(pl.col("closed_on")).otherwise(None).alias("CIN Closure Date"),
                pl.when(closed)
                .then(_map(pl.col("closure_reason"), closure))
                .otherwise(None)
                .alias("Reason for Closure"),
                pl.when(closed)
                .then(pl.lit("e) Closed episode"))
                .when(pl.col("_la").is_not_null())
                .then(pl.lit("a) Looked after child"))
                .when(pl.col("_cp").is_not_null())
                .then(pl.lit("b) Child Protection plan"))
                .when(pl.col("_cin").is_not_null())
                .then(pl.lit("c) Child in need plan"))
                .when(pl.col("_asmt").is_not_null())
                .then(pl.lit("d) Open assessment"))
                .otherwise(None)
                .alias("Case Status"),
            )
        )
        return self.finish("list_6", rows, ["CIN Start Date", "Child Unique ID"])

    def list_7(self) -> pl.DataFrame:
        as_of = self.as_of
        plans = (
            self.t("cp_plan")
            .filter(
                (pl.col("started_on") <= as_of)
                & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= self.start6))
            )
            .join(self.referral_child(), on="referral_id", how="left")
            .with_columns(
                pl.when(pl.col("ended_on") <= as_of)
                .then(pl.col("ended_on"))
                .otherwise(None)
                .alias("_end")
            )
        )
        visits = (
            self.t("visit")
            .filter((pl.col("kind") == "cp") & (pl.col("visited_on") <= as_of))
            .select("child_id", "visited_on", "child_seen_alone")
        )
        last_visit = (
            plans.select("key", "child_id", "started_on", "_end")
            .join(visits, on="child_id", how="inner")
            .filter(
                (pl.col("visited_on") >= pl.col("started_on"))
                & (pl.col("_end").is_null() | (pl.col("visited_on") <= pl.col("_end")))
            )
            .sort(["visited_on", "child_seen_alone"], nulls_last=False)
            .unique("key", keep="last", maintain_order=True)
            .select("key", pl.col("visited_on").alias("_visit_on"), "child_seen_alone")
        )
        reviews = (
            self.t("conference")
            .filter(
                (pl.col("kind") == "review")
                & (pl.col("held_on") <= as_of)
                & pl.col("cp_plan_id").is_not_null()
            )
            .group_by("cp_plan_id")
            .agg(pl.col("held_on").max().alias("Date of latest review conference"))
            .rename({"cp_plan_id": "key"})
        )
        protected = self._children_with(
            self.t("cla_episode").filter(
                pl.col("legal_status").is_in(PROTECTION_STATUSES)
                & (pl.col("started_on") <= as_of)
                & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= self.start6))
            ),
            "_epo",
        )
        rows = (
            plans.join(last_visit, on="key", how="left")
            .join(reviews, on="key", how="left")
            .join(protected, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.col("started_on").alias("Child Protection Plan Start Date"),
                _map(pl.col("initial_category"), CP_CATEGORY).alias("Initial Category of Abuse"),
                _map(pl.col("latest_category"), CP_CATEGORY).alias("Latest Category of Abuse"),
                pl.col("_visit_on").alias("Date of the Last Statutory Visit"),
                _flag(pl.col("child_seen_alone")).alias("Was the Child Seen Alone?"),
                "Date of latest review conference",
                pl.col("_end").alias("Child Protection Plan End Date"),
                _flag(pl.col("_epo").is_not_null()).alias(
                    "Subject to Emergency Protection Order or Protected Under Police Powers"
                    " in Last Six Months (Y/N)"
                ),
                pl.col("previous_plans_count")
                .fill_null(0)
                .alias("Number of Previous Child Protection Plans"),
            )
        )
        return self.finish("list_7", rows, ["Child Protection Plan Start Date", "Child Unique ID"])

    def episodes(self) -> pl.DataFrame:
        """Episodes started by `as_of`, ends after `as_of` blanked, with period-of-care and
        legal-status-run ids and starts."""
        as_of = self.as_of
        return (
            self.t("cla_episode")
            .filter(pl.col("started_on") <= as_of)
            .with_columns(
                pl.when(pl.col("ended_on") <= as_of)
                .then(pl.col("ended_on"))
                .otherwise(None)
                .alias("ended_on"),
            )
            .sort(["child_id", "started_on", "key"])
            .with_columns(
                (pl.col("started_on") != pl.col("ended_on").shift(1).over("child_id"))
                .fill_null(True)
                .cum_sum()
                .over("child_id")
                .alias("_period"),
            )
            .with_columns(
                (
                    pl.col("legal_status")
                    != pl.col("legal_status").shift(1).over("child_id", "_period")
                )
                .fill_null(True)
                .cum_sum()
                .over("child_id", "_period")
                .alias("_ls_run"),
                pl.col("started_on").min().over("child_id", "_period").alias("_period_start"),
            )
            .with_columns(
                pl.col("started_on")
                .min()
                .over("child_id", "_period", "_ls_run")
                .alias("_ls_start"),
            )
        )

    def list_8(self) -> pl.DataFrame:
        as_of = self.as_of
        spec = "list_8"
        episodes = self.episodes()
        last = episodes.unique(["child_id"], keep="last", maintain_order=True)
        ceased = pl.col("ended_on").is_not_null() & (pl.col("reason_ceased") != "X1")
        current = last.filter(
            pl.col("ended_on").is_null() | (ceased & (pl.col("ended_on") >= self.start6))
        )
        periods = (
            episodes.filter(pl.col("ended_on").is_not_null())
            .group_by("child_id", "_period")
            .agg(pl.col("ended_on").max().alias("_period_end"))
        )
        earlier = (
            current.select("child_id", pl.col("_period").alias("_this"))
            .join(periods, on="child_id")
            .filter((pl.col("_period") < pl.col("_this")) & (pl.col("_period_end") >= self.start12))
            .select("child_id")
            .unique()
            .with_columns(pl.lit(True).alias("_again"))
        )
        in_12 = episodes.filter(
            pl.col("ended_on").is_null() | (pl.col("ended_on") >= self.start12)
        ).with_columns(pl.int_range(pl.len()).over("child_id").alias("_n"))
        placements = (
            in_12.filter(pl.col("reason_new").is_in(PLACEMENT_STARTS) | (pl.col("_n") == 0))
            .group_by("child_id")
            .len("Number of Placements in the Last 12 months")
        )
        placed = (
            episodes.filter(pl.col("reason_new").is_in(PLACEMENT_STARTS))
            .group_by("child_id", "_period")
            .agg(pl.col("started_on").max().alias("Start Date of Most Recent Placement"))
        )

        def latest(frame: pl.DataFrame, column: str, alias: str) -> pl.DataFrame:
            return (
                frame.filter(pl.col(column) <= as_of)
                .group_by("child_id")
                .agg(pl.col(column).max().alias(alias))
            )

        reviews = latest(self.t("cla_review"), "held_on", "_review_on")
        visits = latest(self.t("visit").filter(pl.col("kind") == "cla"), "visited_on", "_visit_on")
        health = self.t("health_check")
        assessed = latest(
            health.filter(pl.col("kind").is_in(["iha", "rha"])),
            "done_on",
            "Date of Last Health Assessment",
        )
        dental = latest(
            health.filter(pl.col("kind") == "dental"), "done_on", "Date of Last Dental Check"
        )
        missing = (
            self.t("missing_episode")
            .with_columns(pl.col("started_at").dt.date().alias("_on"))
            .filter(pl.col("_on") <= as_of)
        )
        counts = (
            missing.filter(pl.col("_on") >= self.start12)
            .group_by("child_id")
            .agg(
                (pl.col("kind") == "M").sum().alias(_MISSING),
                (pl.col("kind") == "A").sum().alias(_ABSENT),
            )
        )
        last_missing = (
            missing.filter(pl.col("kind") == "M")
            .sort("started_at")
            .unique("child_id", keep="last", maintain_order=True)
            .select(
                "child_id",
                _flag(pl.col("return_interview_offered")).alias(_RI_OFFERED),
                _flag(pl.col("return_interview_accepted")).alias(_RI_ACCEPTED),
            )
        )
        legal = _options(
            self.column(spec, "Child's Legal Status"), _codes(episodes, "legal_status")
        )
        need = _options(
            self.column(spec, "Child's Category of Need"), _codes(episodes, "category_of_need")
        )
        ceased_reason = _options(
            self.column(spec, "Reason Ceased to be Looked After"), _codes(episodes, "reason_ceased")
        )
        placement = _options(
            self.column(spec, "Placement Type"), _codes(episodes, "placement_type")
        )
        provider = _options(
            self.column(spec, "Placement Provider"), _codes(episodes, "placement_provider")
        )
        first_need = episodes.unique(
            ["child_id", "_period"], keep="first", maintain_order=True
        ).select("child_id", "_period", pl.col("category_of_need").alias("_need"))
        uasc = pl.col("is_uasc") & (
            pl.col("uasc_ceased_on").is_null() | (pl.col("uasc_ceased_on") >= self.start12)
        )
        rows = (
            current.join(first_need, on=["child_id", "_period"], how="left")
            .join(earlier, on="child_id", how="left")
            .join(placements, on="child_id", how="left")
            .join(placed, on=["child_id", "_period"], how="left")
            .join(reviews, on="child_id", how="left")
            .join(visits, on="child_id", how="left")
            .join(assessed, on="child_id", how="left")
            .join(dental, on="child_id", how="left")
            .join(counts, on="child_id", how="left")
            .join(last_missing, on="child_id", how="left")
            .join(
                self.t("child").select("child_id", "is_uasc", "uasc_ceased_on"),
                on="child_id",
                how="left",
            )
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                _flag(uasc.fill_null(False)).alias(
                    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
                ),
                pl.col("_period_start").alias("Date Started to be Looked After"),
                _map(pl.col("_need"), need).alias("Child's Category of Need"),
                _flag(pl.col("_again").is_not_null()).alias(
                    "Is this a second or subsequent period of being a Looked After Child"
                    " within the last 12 months (Y/N)"
                ),
                pl.col("_ls_start").alias("Start date of current legal status"),
                _map(pl.col("legal_status"), legal).alias("Child's Legal Status"),
                pl.when(pl.col("_review_on") >= pl.col("_period_start"))
                .then(pl.col("_review_on"))
                .alias("Date of Latest Statutory Review"),
                pl.when(pl.col("_visit_on") >= pl.col("_period_start"))
                .then(pl.col("_visit_on"))
                .alias("Date of Last Social Work Visit"),
                "Date of Last Health Assessment",
                "Date of Last Dental Check",
                pl.col("Number of Placements in the Last 12 months").fill_null(0),
                pl.when(ceased).then(pl.col("ended_on")).alias("Date Ceased to be Looked After"),
                pl.when(ceased)
                .then(_map(pl.col("reason_ceased"), ceased_reason))
                .alias("Reason Ceased to be Looked After"),
                pl.coalesce("Start Date of Most Recent Placement", "_period_start").alias(
                    "Start Date of Most Recent Placement"
                ),
                _map(pl.col("placement_type"), placement).alias("Placement Type"),
                _map(pl.col("placement_provider"), provider).alias("Placement Provider"),
                pl.col("placement_postcode").alias("Placement postcode"),
                pl.col("urn").alias("URN of Placement"),
                _map(pl.col("placement_location"), {"IN": "a) In", "OUT": "b) Out"}).alias(
                    "Placement Location"
                ),
                pl.col("placement_la").alias("LA of Placement"),
                pl.col(_MISSING).fill_null(0),
                pl.col(_ABSENT).fill_null(0),
                _RI_OFFERED,
                _RI_ACCEPTED,
            )
        )
        return self.finish(spec, rows, ["Date Started to be Looked After", "Child Unique ID"])

    def list_9(self) -> pl.DataFrame:
        as_of = self.as_of
        spec = "list_9"
        status = (
            self.t("care_leaver_status")
            .filter(pl.col("as_of") <= as_of)
            .sort(["as_of", "key"])
            .unique("child_id", keep="last", maintain_order=True)
        )
        eligibility = _options(self.column(spec, "Eligibility Category"), ELIGIBILITY_TEXT)
        in_touch = _options(self.column(spec, "LA in Touch"), IN_TOUCH_TEXT)
        in_touch["RHOM"] = self.column(spec, "LA in Touch").option("Rhom") or "f) Rhom"
        accommodation = _options(
            self.column(spec, "Type of Accommodation"), _codes(status, "accommodation")
        )
        activity = _options(self.column(spec, "Activity Status"), _codes(status, "activity"))
        suitability = self.column(spec, "Suitability of Accommodation")
        suitable = suitability.option("Suitable")
        unsuitable = suitability.option("Unsuitable")
        names = self._names()
        adviser = (
            self.t("allocation")
            .filter(self._open_at("allocation") & (pl.col("role") == "personal_adviser"))
            .sort("started_on")
            .unique("child_id", keep="last", maintain_order=True)
            .select("child_id", pl.col("worker_id").alias("_pa_alloc"))
        )
        contact = (
            self.t("visit")
            .filter((pl.col("kind") == "care_leaver") & (pl.col("visited_on") <= as_of))
            .group_by("child_id")
            .agg(pl.col("visited_on").max().alias("Latest Date of Contact"))
        )
        children = self.children()
        age = pl.col("Age of Child (Years)")
        rows = (
            status.filter(pl.col("eligibility").is_in(list(ELIGIBILITY_TEXT)))
            .join(
                children.rename({"Child Unique ID": "child_id"}).select(
                    "child_id", "Age of Child (Years)", "died_on", "is_uasc", "uasc_ceased_on"
                ),
                on="child_id",
                how="left",
            )
            .filter(
                (age >= LEAVING_CARE_MIN_AGE)
                & (age < LEAVING_CARE_MAX_AGE)
                & (pl.col("died_on").is_null() | (pl.col("died_on") > as_of))
            )
            .join(adviser, on="child_id", how="left")
            .with_columns(pl.coalesce("personal_adviser_id", "_pa_alloc").alias("worker_id"))
            .join(names, on="worker_id", how="left")
            .join(contact, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                _flag(
                    pl.col("is_uasc")
                    & (
                        (age >= 18)
                        | pl.col("uasc_ceased_on").is_null()
                        | (pl.col("uasc_ceased_on") > as_of)
                    )
                ).alias(
                    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over"
                    " (Y/N)"
                ),
                pl.col("_worker_name").alias("Allocated Personal Advisor"),
                _map(pl.col("eligibility"), eligibility).alias("Eligibility Category"),
                _upto("pathway_plan_reviewed_on", as_of).alias("Latest Pathway Plan Review Date"),
                _map(pl.col("in_touch"), in_touch).alias("LA in Touch"),
                "Latest Date of Contact",
                _map(pl.col("accommodation"), accommodation).alias("Type of Accommodation"),
                pl.when(pl.col("accommodation") == "0")
                .then(None)
                .when(pl.col("accommodation_suitable"))
                .then(pl.lit(suitable))
                .when(~pl.col("accommodation_suitable"))
                .then(pl.lit(unsuitable))
                .alias("Suitability of Accommodation"),
                _map(pl.col("activity"), activity).alias("Activity Status"),
            )
        )
        return self.finish(spec, rows, ["Child Unique ID"])

    def list_10(self) -> pl.DataFrame:
        as_of = self.as_of
        spec = "list_10"
        adoption = self.t("adoption").filter(pl.col("decision_on") <= as_of)
        order = pl.col("adoption_order_on")
        ceased = pl.col("ceased_on")
        chosen = adoption.filter(
            order.is_between(self.start12, as_of)
            | ceased.is_between(self.start12, as_of)
            | ((order.is_null() | (order > as_of)) & (ceased.is_null() | (ceased > as_of)))
        )
        periods = self.episodes().select("child_id", "_period_start").unique()
        entered = (
            chosen.select("key", "child_id", "decision_on")
            .join(periods, on="child_id", how="inner")
            .filter(pl.col("_period_start") <= pl.col("decision_on"))
            .group_by("key")
            .agg(pl.col("_period_start").max().alias("Date the Child Entered Care"))
        )
        ffa = (
            self.t("cla_episode")
            .filter(
                pl.col("placement_type").is_in(FFA_PLACEMENTS) & (pl.col("started_on") <= as_of)
            )
            .group_by("child_id")
            .agg(pl.col("started_on").min().alias("_ffa_on"))
        )
        reason = _options(
            self.column(spec, "Reason Why Child No Longer Placed for Adoption"),
            _codes(adoption, "ceased_reason"),
        )
        is_ceased = ceased.is_not_null() & (ceased <= as_of)
        rows = (
            chosen.join(entered, on="key", how="left")
            .join(ffa, on="child_id", how="left")
            .select(
                pl.col("child_id").alias("Child Unique ID"),
                pl.lit(None, pl.String).alias("Family identifier"),
                "Date the Child Entered Care",
                pl.col("decision_on").alias(
                    "Date of Decision that Child Should be Placed for Adoption"
                ),
                _upto("placement_order_on", as_of).alias("Date of Placement Order"),
                _upto("matched_on", as_of).alias("Date of Matching Child and Prospective Adopters"),
                _upto("placed_on", as_of).alias("Date Placed for Adoption"),
                _upto("adoption_order_on", as_of).alias("Date of Adoption Order"),
                pl.when(is_ceased)
                .then(ceased)
                .alias("Date of Decision that Child Should No Longer be Placed for Adoption"),
                pl.when(is_ceased)
                .then(_map(pl.col("ceased_reason"), reason))
                .alias("Reason Why Child No Longer Placed for Adoption"),
                pl.when(pl.col("is_foster_for_adoption"))
                .then(pl.col("_ffa_on"))
                .alias(
                    "Date the child was placed for fostering in FFA or concurrent planning"
                    " placement"
                ),
            )
        )
        return self.finish(
            spec,
            rows,
            ["Date of Decision that Child Should be Placed for Adoption", "Child Unique ID"],
        )

    def list_11(self) -> pl.DataFrame:
        as_of = self.as_of
        spec = "list_11"
        withdrew = self.column(spec, "Reason for leaving adoption process").option("1")
        households = self.t("adopter_household").filter(
            pl.col("enquiry_on").is_between(self.start12, as_of)
        )
        rows = (
            households.with_columns(
                pl.int_ranges(1, pl.col("adopter_count").clip(1, None) + 1).alias("_n")
            )
            .explode("_n")
            .with_columns(left=pl.col("withdrawn_on") <= as_of)
            .select(
                pl.concat_str("key", pl.lit("-"), pl.col("_n").cast(pl.String)).alias(
                    "Individual adopter identifier"
                ),
                pl.col("key").alias("Family identifier"),
                pl.col("enquiry_on").alias("Date enquiry received"),
                _upto("stage_1_started_on", as_of).alias("Date Stage 1 started"),
                _upto("stage_2_started_on", as_of).alias("Date Stage 2 started"),
                _upto("approved_on", as_of).alias("Date application approved"),
                _upto("matched_on", as_of).alias("Date adopter matched with child(ren)"),
                _upto("placed_on", as_of).alias("Date child/children placed with adopter(s)"),
                pl.when("left")
                .then(pl.col("withdrawn_on"))
                .alias("Date of leaving adoption process"),
                pl.when("left").then(pl.lit(withdrew)).alias("Reason for leaving adoption process"),
            )
        )
        return self.finish(spec, rows, ["Date enquiry received", "Individual adopter identifier"])


_MISSING = (
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
)
_ABSENT = (
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"
)
_RI_OFFERED = "Was the child offered a Return Interview after their last missing episode (Y/N)?"
_RI_ACCEPTED = "Did the child accept a Return Interview after their last missing episode (Y/N)?"


def _codes(frame: pl.DataFrame, column: str) -> dict[str, str]:
    return {code: code for code in frame[column].unique().drop_nulls().to_list()}


def _dtype(column: ColumnSpec) -> pl.DataType:
    if column.kind == "date":
        return pl.Date()
    if column.kind == "numeric":
        return pl.Int64()
    return pl.String()


def _conform(frame: pl.DataFrame, spec: ListSpec) -> pl.DataFrame:
    """The template's columns in order; a column the model cannot fill is all blank."""
    return frame.select(
        (pl.col(c.name) if c.name in frame.columns else pl.lit(None)).cast(_dtype(c)).alias(c.name)
        for c in spec.columns
    )


def annex_a_lists(frames: Frames, *, as_of: dt.date) -> dict[str, pl.DataFrame]:
    """Lists 1-11 at the inspection date `as_of`, keyed list_1 … list_11."""
    builder = _Builder(frames, as_of)
    makers: dict[str, Callable[[], pl.DataFrame]] = {
        "list_1": builder.list_1,
        "list_2": builder.list_2,
        "list_3": builder.list_3,
        "list_4": builder.list_4,
        "list_5": builder.list_5,
        "list_6": builder.list_6,
        "list_7": builder.list_7,
        "list_8": builder.list_8,
        "list_9": builder.list_9,
        "list_10": builder.list_10,
        "list_11": builder.list_11,
    }
    return {spec.key: makers[spec.key]() for spec in annex_a_spec()}


def _workbook_write(lists: dict[str, pl.DataFrame], path: Path) -> None:
    """A sheet per list with the template's header row; dates shown as DD/MM/YYYY. XlsxWriter
    is several times faster than openpyxl at this size."""
    workbook = xlsxwriter.Workbook(str(path))
    try:
        for spec in annex_a_spec():
            sheet = workbook.add_worksheet(spec.sheet_name)
            sheet.freeze_panes(1, 0)
            sheet.write_row(0, 0, spec.headings)
            dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
            frame = lists[spec.key]
            # Column by column with the writer for its type, skipping blanks: a blank cell
            # needs nothing in the file, and many Annex A columns are blank.
            for column, series in enumerate(frame.iter_columns()):
                if series.dtype == pl.Date:
                    for number, value in enumerate(series, start=1):
                        if value is not None:
                            sheet.write_datetime(number, column, value, dates)
                elif series.dtype.is_numeric():
                    for number, value in enumerate(series, start=1):
                        if value is not None:
                            sheet.write_number(number, column, value)
                else:
                    for number, value in enumerate(series.cast(pl.String), start=1):
                        if value is not None:
                            sheet.write_string(number, column, value)
    finally:
        workbook.close()


def annex_a_write(frames: Frames, *, as_of: dt.date, out: Path | str) -> str:
    """Write the Annex A workbook (a sheet per list, the template's header row) to `out`,
    atomically: a temporary file beside `out` is written and then renamed over it."""
    out = Path(out)
    lists = annex_a_lists(frames, as_of=as_of)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".xlsx", dir=out.parent)
        os.close(handle)
    except OSError as error:
        raise ReturnError(f"{out}: cannot write beside it ({error})") from error
    try:
        _workbook_write(lists, Path(temp))
        os.replace(temp, out)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise ReturnError(f"{out}: could not write the Annex A workbook ({error})") from error
    counts = ", ".join(f"{spec.number}: {lists[spec.key].height:,}" for spec in annex_a_spec())
    return f"Annex A at {as_of.isoformat()}, rows per list {counts}, to {out}"
