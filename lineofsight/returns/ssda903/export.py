"""SSDA903 (children looked after) CSV tables from journey frames.

The collection year ends 31 March `year` and starts 1 April `year - 1`. What goes in:

* **episodes**: every episode open at any time in the year (started on or before 31 March
  and not ended before 1 April). An episode that ends after 31 March is reported open (blank
  DEC, REC and REASON_PLACE_CHANGE). Short-break episodes (V3/V4) are *kept*: §1.1 of
  statutory-formats.md only leaves them out of the OC2 cohort (and rules 399/628 relax
  MOTHER and reviews for them); DfE collects them.
* **header**: one row per child with an episode in the year, plus the OC3 care leavers.
  MOTHER only for girls (SEX F) looked after in the year other than only under short breaks
  (rules 393, 607; not for V3/V4-only children, 399, nor OC3-only care leavers, 628; not for
  boys or sex unknown, 165) whose motherhood is recorded (`motherhood_recorded`): 1 when her
  first child (`first_child_born_on`) was born by 31 March, or by the day she left care if
  her last episode in the year ended then with a REC other than X1 (625), else 0; blank when
  motherhood is not recorded. MC_DOB only with MOTHER 1 (611, 612, 174).
* **reviews**: reviews held in the year, for children looked after in the year.
* **uasc**: children looked after in the year who were UASC at any time in it
  (`is_uasc` and UASC not ceased before 1 April); DUC is blank if it ceased after 31 March.
* **ad1**: children whose episode ended in the year with REC E11/E12, with their adoption
  record (the one with an adoption order, else the latest decision).
* **placed_adoption**: "should be placed for adoption" decisions made by 31 March and not
  ceased before 1 April, for children looked after in the year; a cessation after 31 March
  is reported blank.
* **prev_perm**: one row per child looked after in the year with a previous-permanence
  record, except one made for a period of care starting after the year when the child's
  care in the year began before 1 April 2016 (rule 634);
  DATE_PERM uses the recorded partial date text (e.g. `ZZ/ZZ/2012`) where there is one.
* **oc2**: children continuously looked after for 12 months at 31 March (§1.1: an episode
  in the year, none in the year starting with RNE S, none ending in the year with a REC other
  than X1, no V3/V4 episode in the year). SDQ_SCORE/SDQ_REASON from the latest SDQ in the
  year, for children 4 by 31 March and under 17 on 1 April (rules 188, 189); HEALTH_CHECK
  from the latest development check up to 31 March for under-5s at 31 March (0 when there is
  none); IMMUNISATIONS from the latest immunisations record up to 31 March (0 if none);
  TEETH_CHECK and HEALTH_ASSESSMENT 1 if a dental check / health assessment (initial or
  review) was done in the year, else 0; SUBSTANCE_MISUSE 1 if any record in the year says
  1, else 0; INTERVENTION_RECEIVED only when SUBSTANCE_MISUSE = 1; INTERVENTION_OFFERED
  only when INTERVENTION_RECEIVED = 0. CONVICTED for children aged 10 or over at 31 March
  (blank under 10, rules 542/543): 1 if a youth justice outcome (conviction, youth caution or
  youth conditional caution) is dated in the year, else 0.
* **oc3**: young people with a care-leaver record as relevant or former relevant whose
  17th to 21st birthday falls in the year, who were not looked after on that birthday, had
  left care by it (unless no episode is held) and had not died by it; IN_TOUCH/ACTIV/ACCOM
  from the care-leaver record nearest the birthday within the year (blank when there is
  none). ACCOM is the type letter plus 1 (suitable) or 2 (not suitable).
* **missing**: missing/away episodes starting in the year, or still open on 1 April (reported
  again with their start, rule 576), for children looked after in the year; MIS_END blank if
  still missing at 31 March.
* **social_worker** (years whose spec has it, 2024 on): social-worker allocations
  overlapping the year, for children looked after in the year.

Codes: the model already holds DfE codes. SEX is mapped through the spec's labels (M/F/U →
1/2 before 2025, M/F/U from 2025); a value with no code that year is left blank. Every
coded value written is checked against the year's code list and a value outside it raises
ReturnError (for example K3 in a 2017 return), rather than writing a file DfE would reject.

**Left blank because the 903 has no code for them**: UPN unknown codes UN6 to UN10 (CIN
census only).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import polars as pl

from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.spec import ColumnSpec, Spec, TableSpec, ssda903_spec

SHORT_BREAKS = ("V3", "V4")
ADOPTED = ("E11", "E12")
UPN_UNKNOWN_903 = ("UN1", "UN2", "UN3", "UN4", "UN5")
SEX_LABELS = {"M": "Male", "F": "Female", "U": "Unknown"}
ACCOM_NO_SUITABILITY = "0"

Frames = dict[str, pl.DataFrame]


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the collection year ending 31 March `year`."""
    return dt.date(year - 1, 4, 1), dt.date(year, 3, 31)


def _table(frames: Frames, name: str) -> pl.DataFrame:
    try:
        return frames[name]
    except KeyError as error:
        raise ReturnError(f"the frames have no {name!r} table") from error


def _episodes_in_year(frames: Frames, start: dt.date, end: dt.date) -> pl.DataFrame:
    episodes = _table(frames, "cla_episode")
    return episodes.filter(
        pl.col("started_on") <= end,
        pl.col("ended_on").is_null() | (pl.col("ended_on") >= start),
    )


def _dob(frames: Frames) -> pl.DataFrame:
    return _table(frames, "child").select("child_id", pl.col("born_on").alias("DOB"))


def _birthday(born: pl.Expr, age: int) -> pl.Expr:
    """The `age`th birthday (29 February birthdays fall on 28 February in other years)."""
    return born.dt.offset_by(f"{age}y")


class _Builder:
    def __init__(self, frames: Frames, spec: Spec) -> None:
        self.frames = frames
        self.spec = spec
        self.start, self.end = year_bounds(spec.year)
        self.episodes = _episodes_in_year(frames, self.start, self.end)
        self.looked_after = self.episodes.select("child_id").unique()

    # -- helpers ----------------------------------------------------------------------------

    def _in_looked_after(self, frame: pl.DataFrame) -> pl.DataFrame:
        return frame.join(self.looked_after, on="child_id", how="semi")

    def _if_ended_in_year(self, column: str, value: pl.Expr) -> pl.Expr:
        return pl.when(pl.col(column) <= self.end).then(value).otherwise(None)

    def _with_dob(self, frame: pl.DataFrame) -> pl.DataFrame:
        return frame.join(_dob(self.frames), on="child_id", how="left")

    def _motherhood(self) -> pl.DataFrame:
        """MOTHER and MC_DOB for the girls asked (looked after in the year other than only
        under short breaks, rules 393/399/607) whose motherhood is recorded: 1 with MC_DOB
        when her first child was born by 31 March, or by the day she left care when her last
        episode in the year ended with a REC other than X1 (rule 625), else 0."""
        last = self.episodes.sort("child_id", "started_on").unique("child_id", keep="last")
        left = pl.col("ended_on").is_not_null() & (pl.col("ended_on") <= self.end)
        left &= pl.col("reason_ceased").is_not_null() & (pl.col("reason_ceased") != "X1")
        until = last.select(
            "child_id", pl.when(left).then("ended_on").otherwise(pl.lit(self.end)).alias("until")
        )
        asked = (
            self.episodes.filter(~pl.col("legal_status").is_in(SHORT_BREAKS))
            .select("child_id")
            .unique()
        )
        girls = _table(self.frames, "child").filter(
            pl.col("sex") == "F", pl.col("motherhood_recorded").fill_null(value=False)
        )
        mother = pl.col("first_child_born_on") <= pl.col("until")
        return (
            girls.join(asked, on="child_id", how="semi")
            .join(until, on="child_id")
            .select(
                "child_id",
                pl.when(mother.fill_null(value=False))
                .then(pl.lit("1"))
                .otherwise(pl.lit("0"))
                .alias("MOTHER"),
                pl.when(mother).then("first_child_born_on").alias("MC_DOB"),
            )
        )

    def _convicted(self) -> pl.Expr:
        """OC2 CONVICTED: 1 for a child aged 10 or over at 31 March convicted or given a youth
        (conditional) caution in the year, else 0; blank under 10 (rules 542, 543)."""
        outcomes = _table(self.frames, "youth_justice_outcome")
        in_year = outcomes.filter(pl.col("outcome_on").is_between(self.start, self.end))
        convicted = pl.col("child_id").is_in(in_year["child_id"].unique().implode())
        flag = pl.when(convicted).then(pl.lit("1")).otherwise(pl.lit("0"))
        return pl.when(_birthday(pl.col("DOB"), 10) <= self.end).then(flag)

    # -- tables -----------------------------------------------------------------------------

    def header(self) -> pl.DataFrame:
        children = pl.concat(
            [self.looked_after, self.oc3().select(pl.col("CHILD").alias("child_id"))]
        ).unique()
        child = _table(self.frames, "child").join(children, on="child_id", how="semi")
        sex = self.spec.tables["header"].column("SEX")
        child = child.join(self._motherhood(), on="child_id", how="left")
        return child.sort("child_id").select(
            pl.col("child_id").alias("CHILD"),
            _sex(pl.col("sex"), sex).alias("SEX"),
            pl.col("born_on").alias("DOB"),
            pl.col("ethnicity").alias("ETHNIC"),
            pl.coalesce(
                pl.col("upn"),
                pl.when(pl.col("upn_unknown_reason").is_in(UPN_UNKNOWN_903)).then(
                    pl.col("upn_unknown_reason")
                ),
            ).alias("UPN"),
            "MOTHER",
            "MC_DOB",
        )

    def episodes_table(self) -> pl.DataFrame:
        ended = pl.col("ended_on") <= self.end
        return self.episodes.sort("child_id", "started_on").select(
            pl.col("child_id").alias("CHILD"),
            pl.col("started_on").alias("DECOM"),
            pl.col("reason_new").alias("RNE"),
            pl.col("legal_status").alias("LS"),
            pl.col("category_of_need").alias("CIN"),
            pl.col("placement_type").alias("PLACE"),
            pl.col("placement_provider").alias("PLACE_PROVIDER"),
            pl.when(ended).then(pl.col("ended_on")).alias("DEC"),
            pl.when(ended).then(pl.col("reason_ceased")).alias("REC"),
            pl.when(ended).then(pl.col("reason_place_change")).alias("REASON_PLACE_CHANGE"),
            pl.col("home_postcode").alias("HOME_POST"),
            pl.col("placement_postcode").alias("PL_POST"),
            pl.col("urn").alias("URN"),
        )

    def reviews(self) -> pl.DataFrame:
        reviews = _table(self.frames, "cla_review").filter(
            pl.col("held_on").is_between(self.start, self.end)
        )
        return (
            self._with_dob(self._in_looked_after(reviews))
            .sort("child_id", "held_on")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("held_on").alias("REVIEW"),
                pl.col("participation").alias("REVIEW_CODE"),
            )
        )

    def uasc(self) -> pl.DataFrame:
        child = self._in_looked_after(_table(self.frames, "child")).filter(
            pl.col("is_uasc"),
            pl.col("uasc_ceased_on").is_null() | (pl.col("uasc_ceased_on") >= self.start),
        )
        sex = self.spec.tables["uasc"].column("SEX")
        return child.sort("child_id").select(
            pl.col("child_id").alias("CHILD"),
            _sex(pl.col("sex"), sex).alias("SEX"),
            pl.col("born_on").alias("DOB"),
            self._if_ended_in_year("uasc_ceased_on", pl.col("uasc_ceased_on")).alias("DUC"),
        )

    def ad1(self) -> pl.DataFrame:
        adopted = (
            self.episodes.filter(
                pl.col("ended_on").is_between(self.start, self.end),
                pl.col("reason_ceased").is_in(ADOPTED),
            )
            .select("child_id")
            .unique()
        )
        adoption = (
            _table(self.frames, "adoption")
            .join(adopted, on="child_id", how="semi")
            .sort(
                pl.col("adoption_order_on").is_not_null(),
                "decision_on",
                "key",
            )
            .unique("child_id", keep="last")
        )
        rows = adopted.join(adoption, on="child_id", how="left")
        return (
            self._with_dob(rows)
            .sort("child_id")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("decision_on").alias("DATE_INT"),
                pl.col("matched_on").alias("DATE_MATCH"),
                _flag(pl.col("adopted_by_foster_carer")).alias("FOSTER_CARE"),
                pl.col("adopter_count").cast(pl.String).alias("NB_ADOPTR"),
                pl.col("adopter_sex").alias("SEX_ADOPTR"),
                pl.col("adopter_legal_status").alias("LS_ADOPTR"),
            )
        )

    def placed_adoption(self) -> pl.DataFrame:
        decisions = _table(self.frames, "adoption").filter(
            pl.col("decision_on") <= self.end,
            pl.col("ceased_on").is_null() | (pl.col("ceased_on") >= self.start),
        )
        return (
            self._with_dob(self._in_looked_after(decisions))
            .sort("child_id", "decision_on")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("decision_on").alias("DATE_PLACED"),
                self._if_ended_in_year("ceased_on", pl.col("ceased_on")).alias(
                    "DATE_PLACED_CEASED"
                ),
                self._if_ended_in_year("ceased_on", pl.col("ceased_reason")).alias(
                    "REASON_PLACED_CEASED"
                ),
            )
        )

    def prev_perm(self, date_format: str) -> pl.DataFrame:
        # Asked of children who started to be looked after from 1 April 2016 (rule 634). A
        # record made when a later period of care began (after this year) belongs to the
        # returns from then on, not to this one if the child's care in this year began
        # before April 2016 with no period of care started since.
        since = dt.date(2016, 4, 1)
        later = _table(self.frames, "cla_episode").filter(
            (pl.col("reason_new") == "S") & (pl.col("started_on") > self.end)
        )
        earlier_care = (
            self.episodes.join(later.select("child_id"), on="child_id", how="semi")
            .group_by("child_id")
            .agg(
                (pl.col("started_on").min() < since).alias("before"),
                ((pl.col("reason_new") == "S") & (pl.col("started_on") >= since))
                .any()
                .alias("new_since"),
            )
            .filter(pl.col("before") & ~pl.col("new_since"))
        )
        permanence = (
            self._in_looked_after(_table(self.frames, "previous_permanence"))
            .join(earlier_care, on="child_id", how="anti")
            .sort("key")
            .unique("child_id", keep="last")
        )
        return (
            self._with_dob(permanence)
            .sort("child_id")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("kind").alias("PREV_PERM"),
                pl.col("la_code").alias("LA_PERM"),
                pl.coalesce(
                    pl.col("order_date_text"), pl.col("order_on").dt.strftime(date_format)
                ).alias("DATE_PERM"),
            )
        )

    def oc2_cohort(self) -> pl.DataFrame:
        """Children continuously looked after for 12 months at 31 March (§1.1)."""
        in_year = pl.col("started_on") >= self.start
        ends_in_year = pl.col("ended_on").is_not_null() & (pl.col("ended_on") <= self.end)
        disqualified = self.episodes.filter(
            (in_year & (pl.col("reason_new") == "S"))
            | (ends_in_year & (pl.col("reason_ceased") != "X1"))
            | pl.col("legal_status").is_in(SHORT_BREAKS)
        ).select("child_id")
        return self.looked_after.join(disqualified, on="child_id", how="anti")

    def oc2(self) -> pl.DataFrame:
        cohort = self._with_dob(self.oc2_cohort())
        checks = _table(self.frames, "health_check").join(cohort, on="child_id", how="semi")
        upto_end = checks.filter(pl.col("done_on") <= self.end)
        in_year = upto_end.filter(pl.col("done_on") >= self.start)

        def latest(frame: pl.DataFrame, kind: str, alias: str) -> pl.DataFrame:
            return (
                frame.filter(pl.col("kind") == kind)
                .sort("done_on", "key")
                .unique("child_id", keep="last")
                .select("child_id", pl.col("value").alias(alias), pl.col("sdq_reason"))
            )

        def any_one(kind: str, alias: str, *, value_one: bool) -> pl.DataFrame:
            rows = in_year.filter(pl.col("kind") == kind)
            if value_one:
                rows = rows.filter(pl.col("value") == "1")
            return rows.select("child_id").unique().with_columns(pl.lit("1").alias(alias))

        sdq = latest(in_year, "sdq", "sdq_value").rename({"sdq_reason": "sdq_why"})
        development = latest(upto_end, "development", "development").drop("sdq_reason")
        immunisations = latest(upto_end, "immunisations", "immunisations").drop("sdq_reason")
        joined = (
            cohort.join(sdq, on="child_id", how="left")
            .join(development, on="child_id", how="left")
            .join(immunisations, on="child_id", how="left")
            .join(any_one("dental", "dental", value_one=False), on="child_id", how="left")
            .join(any_one("iha", "iha", value_one=False), on="child_id", how="left")
            .join(any_one("rha", "rha", value_one=False), on="child_id", how="left")
            .join(any_one("substance_misuse", "misuse", value_one=True), on="child_id", how="left")
            .join(
                any_one("intervention_received", "received", value_one=False),
                on="child_id",
                how="left",
            )
            .join(
                any_one("intervention_offered", "offered", value_one=False),
                on="child_id",
                how="left",
            )
        )
        under_five = _birthday(pl.col("DOB"), 5) > self.end
        misuse = pl.col("misuse").fill_null("0")
        received = pl.when(misuse == "1").then(pl.col("received").fill_null("0"))
        score_ok = pl.col("sdq_value").str.contains(r"^\d+$")
        # The SDQ is reported for children 4 by 31 March and not yet 17 on 1 April (188, 189).
        sdq_asked = (_birthday(pl.col("DOB"), 4) <= self.end) & (
            _birthday(pl.col("DOB"), 17) > self.start
        )
        return joined.sort("child_id").select(
            pl.col("child_id").alias("CHILD"),
            "DOB",
            pl.when(score_ok & sdq_asked).then(pl.col("sdq_value")).alias("SDQ_SCORE"),
            pl.when(sdq_asked & (score_ok.not_() | pl.col("sdq_value").is_null()))
            .then(pl.col("sdq_why"))
            .alias("SDQ_REASON"),
            self._convicted().alias("CONVICTED"),
            # Under fives: 0 when no development check is recorded (DfE needs 0 or 1, 545).
            pl.when(under_five).then(pl.col("development").fill_null("0")).alias("HEALTH_CHECK"),
            pl.col("immunisations").fill_null("0").alias("IMMUNISATIONS"),
            pl.col("dental").fill_null("0").alias("TEETH_CHECK"),
            pl.coalesce("iha", "rha").fill_null("0").alias("HEALTH_ASSESSMENT"),
            misuse.alias("SUBSTANCE_MISUSE"),
            received.alias("INTERVENTION_RECEIVED"),
            pl.when(received == "0")
            .then(pl.col("offered").fill_null("0"))
            .alias("INTERVENTION_OFFERED"),
        )

    def oc3(self) -> pl.DataFrame:
        statuses = _table(self.frames, "care_leaver_status")
        leavers = (
            statuses.filter(pl.col("eligibility").is_in(("relevant", "former_relevant")))
            .select("child_id")
            .unique()
        )
        child = _table(self.frames, "child").join(leavers, on="child_id", how="semi")
        birthdays = (
            child.select(
                "child_id",
                "born_on",
                "died_on",
                pl.concat_list([_birthday(pl.col("born_on"), age) for age in range(17, 22)])
                .alias("birthday")
                .list.eval(pl.element().filter(pl.element().is_between(self.start, self.end))),
            )
            .explode("birthday")
            .drop_nulls("birthday")
            .unique("child_id", keep="first")
            .filter(pl.col("died_on").is_null() | (pl.col("died_on") > pl.col("birthday")))
        )
        episodes = _table(self.frames, "cla_episode")
        in_care = (
            birthdays.join(episodes.select("child_id", "started_on", "ended_on"), on="child_id")
            .filter(
                pl.col("started_on") <= pl.col("birthday"),
                pl.col("ended_on").is_null() | (pl.col("ended_on") > pl.col("birthday")),
            )
            .select("child_id")
        )
        # Care that only began after the birthday makes no care leaver of them yet (so a
        # past year's return leaves them out). One with no episode held at all stays: a care
        # leaver loaded from a return whose care is older than the records.
        episode_ends = birthdays.join(
            episodes.select("child_id", "ended_on"), on="child_id"
        ).with_columns(left=(pl.col("ended_on") <= pl.col("birthday")).fill_null(value=False))
        not_yet = (
            episode_ends.group_by("child_id").agg(pl.col("left").any()).filter(~pl.col("left"))
        )
        cohort = birthdays.join(in_care, on="child_id", how="anti").join(
            not_yet, on="child_id", how="anti"
        )
        nearest = (
            statuses.filter(pl.col("as_of").is_between(self.start, self.end))
            .join(cohort.select("child_id", "birthday"), on="child_id")
            .with_columns(distance=(pl.col("as_of") - pl.col("birthday")).dt.total_days().abs())
            .sort("distance", "key")
            .unique("child_id", keep="first")
        )
        letter = pl.col("accommodation")
        accom = (
            pl.when(letter == ACCOM_NO_SUITABILITY)
            .then(letter)
            .when(pl.col("accommodation_suitable").is_not_null())
            .then(
                letter
                + pl.when(pl.col("accommodation_suitable")).then(pl.lit("1")).otherwise(pl.lit("2"))
            )
        )
        return (
            cohort.join(nearest, on="child_id", how="left")
            .sort("child_id")
            .select(
                pl.col("child_id").alias("CHILD"),
                pl.col("born_on").alias("DOB"),
                pl.col("in_touch").alias("IN_TOUCH"),
                pl.col("activity").alias("ACTIV"),
                accom.alias("ACCOM"),
            )
        )

    def missing(self) -> pl.DataFrame:
        missing = _table(self.frames, "missing_episode").with_columns(
            start=pl.col("started_at").dt.date(), end=pl.col("ended_at").dt.date()
        )
        # A period still open on 1 April is reported again, with its start (rule 576).
        open_at_start = (pl.col("start") < self.start) & (
            pl.col("end").is_null() | (pl.col("end") >= self.start)
        )
        missing = self._in_looked_after(
            missing.filter(pl.col("start").is_between(self.start, self.end) | open_at_start)
        )
        return (
            self._with_dob(missing)
            .sort("child_id", "started_at")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("kind").alias("MISSING"),
                pl.col("start").alias("MIS_START"),
                self._if_ended_in_year("end", pl.col("end")).alias("MIS_END"),
            )
        )

    def social_worker(self) -> pl.DataFrame:
        allocations = _table(self.frames, "allocation").filter(
            pl.col("role") == "social_worker",
            pl.col("started_on") <= self.end,
            pl.col("ended_on").is_null() | (pl.col("ended_on") >= self.start),
        )
        return (
            self._with_dob(self._in_looked_after(allocations))
            .sort("child_id", "started_on", "key")
            .select(
                pl.col("child_id").alias("CHILD"),
                "DOB",
                pl.col("worker_id").alias("SW_ID"),
                pl.col("started_on").alias("SW_DECOM"),
                self._if_ended_in_year("ended_on", pl.col("ended_on")).alias("SW_DEC"),
                pl.col("change_reason").alias("SW_REASON"),
            )
        )


def _sex(sex: pl.Expr, column: ColumnSpec) -> pl.Expr:
    mapping = {
        model: code
        for model, label in SEX_LABELS.items()
        if (code := column.code_named(label) or (model if model in column.code_values else None))
    }
    return sex.replace_strict(mapping, default=None, return_dtype=pl.String)


def _flag(flag: pl.Expr) -> pl.Expr:
    return pl.when(flag).then(pl.lit("1")).when(flag.not_()).then(pl.lit("0"))


def _format(frame: pl.DataFrame, table: TableSpec) -> pl.DataFrame:
    """DfE columns in DfE order, every value a string, dates in the spec's format; codes
    checked against the year's code lists."""
    missing = [name for name in table.column_names if name not in frame.columns]
    if missing:
        raise ReturnError(f"SSDA903 {table.name}: the exporter does not fill {missing}")
    columns: list[pl.Expr] = []
    for column in table.columns:
        expr = pl.col(column.name)
        if column.kind == "date" and frame.schema[column.name] == pl.Date:
            expr = expr.dt.strftime(column.date_format or "%d/%m/%Y")
        columns.append(expr.cast(pl.String).alias(column.name))
    out = frame.select(columns)
    for column in table.columns:
        if column.kind != "category" or not column.codes:
            continue
        bad = out.filter(
            pl.col(column.name).is_not_null()
            & pl.col(column.name).is_in(sorted(column.code_values)).not_()
        )
        if bad.height:
            first = bad.row(0, named=True)
            values = sorted(set(bad[column.name].to_list()))
            raise ReturnError(
                f"SSDA903 {table.name}.{column.name}: {', '.join(values)} not valid in the "
                f"year's code list (first for CHILD {first.get('CHILD')}; {bad.height} rows)"
            )
    return out


def ssda903_tables(frames: Frames, *, year: int) -> dict[str, pl.DataFrame]:
    """One frame per table in the year's spec, keyed by the spec's table name, with DfE's
    column names and order, every value a string (null = blank), dates in the spec's format.
    See the module docstring for who is in each table and what is left blank."""
    spec = ssda903_spec(year)
    builder = _Builder(frames, spec)
    date_format = spec.tables["prev_perm"].column("DATE_PERM").date_format or "%d/%m/%Y"
    builders: dict[str, Callable[[], pl.DataFrame]] = {
        "header": builder.header,
        "episodes": builder.episodes_table,
        "reviews": builder.reviews,
        "uasc": builder.uasc,
        "ad1": builder.ad1,
        "placed_adoption": builder.placed_adoption,
        "prev_perm": lambda: builder.prev_perm(date_format),
        "oc2": builder.oc2,
        "oc3": builder.oc3,
        "missing": builder.missing,
        "social_worker": builder.social_worker,
    }
    tables: dict[str, pl.DataFrame] = {}
    for name, table in spec.tables.items():
        if name not in builders:
            raise ReturnError(f"SSDA903 {year}: no exporter yet for the {name!r} table")
        tables[name] = _format(builders[name](), table)
    return tables


def ssda903_write(frames: Frames, *, year: int, out: Path) -> str:
    """Write one CSV per table of the year's spec into the folder `out`, all or nothing: the
    files are written into a temporary folder beside `out`, which is then renamed. `out` may
    be absent or an empty folder; anything else raises ReturnError and changes nothing."""
    spec = ssda903_spec(year)
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReturnError(f"{out}: exists and is not an empty folder")
    tables = ssda903_tables(frames, year=year)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as error:
        raise ReturnError(f"{out}: cannot write beside it ({error})") from error
    try:
        for name, frame in tables.items():
            frame.write_csv(staging / spec.tables[name].file_name, null_value="")
        if out.exists():
            out.rmdir()
        staging.rename(out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReturnError(f"{out}: could not write the SSDA903 files ({error})") from error
    children = tables["header"].height
    return f"{len(tables)} tables, {children:,} children, to {out}"
