"""Episodes from before last year's return, for the rules that ask about a child's whole
care history (1001, 1002: was a care leaver ever looked after, and long enough?).

DfE holds every year's return, so its checks see the whole history; a file-based check sees
only this year's and last year's (hence the notes on those rules' texts about false
positives). The records hold the whole history too, so the return they make carries it as
the optional `EpisodesEarlier` table: every episode that ended before last year's return
began, in DfE's column names.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.ssda903.checks import year_start

EARLIER = "EpisodesEarlier"
_COLUMNS = {
    "child_id": "CHILD",
    "started_on": "DECOM",
    "ended_on": "DEC",
    "reason_new": "RNE",
    "legal_status": "LS",
    "placement_type": "PLACE",
    "reason_ceased": "REC",
}


def episodes_earlier_table(cla_episode: pl.DataFrame, *, year: int) -> pl.DataFrame:
    """The episodes of the journey frame `cla_episode` that ended before 1 April of last
    year's return (so are in neither return), typed as the return's tables are."""
    before = year_start(year - 1)
    ended = cla_episode.filter(pl.col("ended_on").is_not_null() & (pl.col("ended_on") < before))
    return (
        ended.select(pl.col(model).alias(dfe) for model, dfe in _COLUMNS.items())
        .sort("CHILD", "DECOM")
        .with_row_index("row")
        .with_columns(pl.col("row").cast(pl.Int64))
    )


def episodes_known(ret: Return, *columns: str) -> pl.DataFrame:
    """`columns` of every episode the return knows of: this year's, last year's (if given)
    and the earlier ones (if carried), each (CHILD, DECOM) once."""
    wanted = ["CHILD", "DECOM", *(c for c in columns if c not in ("CHILD", "DECOM"))]
    frames = [ret.table("Episodes").select(wanted)]
    if ret.previous is not None and "Episodes" in ret.previous.tables:
        frames.append(ret.previous.table("Episodes").select(wanted))
    if EARLIER in ret.tables:
        frames.append(ret.table(EARLIER).select(wanted))
    return pl.concat(frames).unique(["CHILD", "DECOM"], keep="first", maintain_order=True)


def whole_history(ret: Return) -> bool:
    """Whether the return carries the episodes before last year's (the records' does)."""
    return EARLIER in ret.tables
