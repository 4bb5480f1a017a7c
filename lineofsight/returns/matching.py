"""A return's records matched to, and merged with, the records already held.

**Matching.**
Records a return brings are keyed from the file (`C1/R/20160601`), while the same referral
recorded in Line of Sight, or loaded from elsewhere, has its own key. Matching by key alone
would add the referral a second time. So before loading, each record is given the key of the
record already held for the same child (or parent record) and the same defining date: the
same referral is the same child referred on the same day. References to a re-keyed record
(an assessment's referral) follow it, so tables are matched parents first.

Only a one-to-one match is taken: a return holding two records with the same identity (two
missing episodes starting the same minute) keeps its own keys for them. Times are compared by
their day (returns carry dates), and a matched record keeps any time held on the same day.

**Merging.** A return is a snapshot: what it says fills and updates a record, but a blank
never erases what is held (an episode still open at the return's 31 March may have ended
since). Columns the return fills with stand-ins (`ReturnRead.lacks`) keep the held value; a
flag the return can only set (`set_only`, the 903's UASC table lists who *is* UASC this year,
and its blank MOTHER leaves motherhood not recorded) never clears a held one; and summary
records (the 903's OC2 health items and CONVICTED outcome, dated 31 March, and its stand-in
status for a care leaver with none in the year) are dropped where a record of that kind for
that child is already held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES

if TYPE_CHECKING:
    from lineofsight.returns.detect import ReturnRead

# What makes a record the same record, per table (child or parent record, then its date).
IDENTITIES: dict[str, tuple[str, ...]] = {
    "child_disability": ("child_id", "disability"),
    "contact": ("child_id", "received_at"),
    "referral": ("child_id", "referred_on"),
    "early_help_episode": ("child_id", "started_on"),
    "assessment": ("referral_id", "started_on"),
    "assessment_factor": ("assessment_id", "factor"),
    "cin_plan": ("referral_id", "started_on"),
    "cin_plan_review": ("cin_plan_id", "held_on"),
    "strategy_discussion": ("referral_id", "held_on"),
    "section47_enquiry": ("referral_id", "started_on"),
    "cp_plan": ("referral_id", "started_on"),
    # Not the kind: a census cannot tell a pre-birth conference from an initial one.
    "conference": ("referral_id", "held_on"),
    "cla_episode": ("child_id", "started_on"),
    "cla_review": ("child_id", "held_on"),
    "health_check": ("child_id", "kind", "done_on"),
    "missing_episode": ("child_id", "started_at"),
    "youth_justice_outcome": ("child_id", "kind", "outcome_on"),
    "adoption": ("child_id", "decision_on"),
    "previous_permanence": ("child_id", "kind"),
    "care_leaver_status": ("child_id", "as_of"),
    "allocation": ("child_id", "role", "worker_id", "started_on"),
}

Frames = Mapping[str, pl.DataFrame]


def _unique_by(frame: pl.DataFrame, identity: list[str]) -> pl.DataFrame:
    """Rows whose identity no other row shares (nulls never identify)."""
    rows = frame.drop_nulls(identity)
    return rows.filter(pl.len().over(identity) == 1)


def _by_day(frame: pl.DataFrame, identity: list[str]) -> pl.DataFrame:
    """The identity columns as compared: a time by its day, since returns carry dates."""
    return frame.with_columns(
        pl.col(c).dt.date() for c in identity if isinstance(frame.schema[c], pl.Datetime)
    )


def _rekeyed(
    frame: pl.DataFrame, held: pl.DataFrame, key: str, identity: list[str]
) -> pl.DataFrame:
    """old key → held key, for the frame's rows matching exactly one held record."""
    ours = _unique_by(_by_day(frame, identity), identity)
    theirs = _unique_by(_by_day(held, identity), identity)
    ours = ours.select(*identity, pl.col(key).alias("_ours"))
    theirs = theirs.select(*identity, pl.col(key).alias("_held"))
    return (
        ours.join(theirs, on=identity, how="inner", nulls_equal=False)
        .filter(pl.col("_ours") != pl.col("_held"))
        # A held key the return already uses for another record stays that record's.
        .filter(pl.col("_held").is_in(frame[key].implode()).not_())
        .select("_ours", "_held")
    )


def _references_followed(
    name: str, frame: pl.DataFrame, moved: Mapping[str, pl.DataFrame]
) -> pl.DataFrame:
    """The frame with each reference to a re-keyed record pointing at its new key."""
    updates = []
    for column in TABLES[name].columns:
        mapping = moved.get(column.references or "")
        if mapping is None or mapping.is_empty() or column.name not in frame.columns:
            continue
        old, new = mapping["_ours"].to_list(), mapping["_held"].to_list()
        updates.append(pl.col(column.name).replace(old, new))
    return frame.with_columns(updates) if updates else frame


def keys_matched(frames: Frames, held: Frames) -> dict[str, pl.DataFrame]:
    """`frames` with each record that is, by its identity, a record already `held` given the
    held record's key, and references followed. Tables not in `frames` are left alone."""
    moved: dict[str, pl.DataFrame] = {}
    matched: dict[str, pl.DataFrame] = {}
    for name in TABLES:  # TABLES lists parents before the records that refer to them
        if name not in frames:
            continue
        frame = _references_followed(name, frames[name], moved)
        identity = list(IDENTITIES.get(name, ()))
        old = held.get(name)
        if identity and old is not None and not old.is_empty() and not frame.is_empty():
            key = TABLES[name].key
            mapping = _rekeyed(frame, old, key, identity)
            if not mapping.is_empty():
                moved[name] = mapping
                frame = frame.with_columns(
                    pl.col(key).replace(mapping["_ours"].to_list(), mapping["_held"].to_list())
                )
        matched[name] = frame
    for name in frames:
        matched.setdefault(name, frames[name])
    return matched


# OC2 reports the latest of these up to 31 March, however old (export.py), not one in the year.
_LATEST_EVER = ("immunisations", "development")


def _summaries_dropped(
    name: str, frame: pl.DataFrame, held: pl.DataFrame, period: tuple[dt.date, dt.date]
) -> pl.DataFrame:
    """Summary rows, less those whose child already has a record of the kind in `period`."""
    start, end = period
    if name == "care_leaver_status" and not held.is_empty():
        # The 903 reader's stand-in for "no status in the year" is dated before the year;
        # a care leaver with statuses held needs none.
        stand_in = pl.col("as_of") < start
        known = held.select("child_id").unique()
        return pl.concat(
            [frame.filter(~stand_in), frame.filter(stand_in).join(known, on="child_id", how="anti")]
        )
    if name == "youth_justice_outcome":
        # OC2's CONVICTED says only that there was an outcome in the year: a held one says more.
        known = held.filter(pl.col("outcome_on").is_between(start, end)).select("child_id")
        return frame.join(known.unique(), on="child_id", how="anti")
    if name != "health_check" or held.is_empty():
        return frame
    in_period = pl.col("done_on").is_between(start, end)
    latest = pl.col("kind").is_in(_LATEST_EVER) & (pl.col("done_on") <= end)
    covered = held.filter(in_period | latest).select(
        "child_id",
        # OC2's HEALTH_ASSESSMENT (read as a review assessment) counts an initial one too.
        pl.col("kind").replace("iha", "rha"),
    )
    covered = pl.concat([covered, held.filter(in_period).select("child_id", "kind")]).unique()
    return frame.join(covered, on=["child_id", "kind"], how="anti")


def _merged(name: str, frame: pl.DataFrame, old: pl.DataFrame, read: ReturnRead) -> pl.DataFrame:
    key = TABLES[name].key
    others = [c for c in frame.columns if c != key]
    previous = old.select(key, *[pl.col(c).alias(f"_old_{c}") for c in others])
    lacks, set_only = read.lacks.get(name, ()), read.set_only.get(name, ())
    timed = {c for c in others if isinstance(frame.schema[c], pl.Datetime)}

    def merged(column: str) -> pl.Expr:
        new, held = pl.col(column), pl.col(f"_old_{column}")
        if column in timed:  # returns carry days: on the same day the held time is exact
            same_day = held.dt.date() == new.dt.date()
            return pl.when(same_day).then(held).otherwise(pl.coalesce(new, held))
        if column in lacks:
            return pl.coalesce(held, new)
        if column in set_only:
            return pl.when(held.is_null()).then(new).otherwise(held | new)
        return pl.coalesce(new, held)

    return (
        frame.join(previous, on=key, how="left")
        .with_columns(merged(c).alias(c) for c in others)
        .select(frame.columns)
    )


def frames_merged(read: ReturnRead, held: Frames) -> dict[str, pl.DataFrame]:
    """The return's frames ready to load over `held`: summaries already covered dropped,
    records matched to held keys, and each column merged as the module docstring says; rows
    of add-only tables whose key is held are dropped."""
    frames = dict(read.frames)
    for name, period in read.summaries.items():
        if name in frames and name in held:
            frames[name] = _summaries_dropped(name, frames[name], held[name], period)
    merged: dict[str, pl.DataFrame] = {}
    for name, frame in keys_matched(frames, held).items():
        old = held.get(name)
        if old is None or old.is_empty() or frame.is_empty():
            merged[name] = frame
        elif name in read.add_only:
            merged[name] = frame.join(old.select(TABLES[name].key), on=TABLES[name].key, how="anti")
        else:
            merged[name] = _merged(name, frame, old, read)
    return merged
