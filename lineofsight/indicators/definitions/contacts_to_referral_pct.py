"""FD-02 Contacts progressing to referral (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import contacts
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # The referral names the contact it came from, so no matching on child and date is needed;
    # a contact whose outcome says referral counts even where the referral is not loaded.
    referred = table(frames, "referral")["contact_id"].drop_nulls().unique()
    rows = contacts(frames, periods)
    progressed = (pl.col("outcome") == "referral").fill_null(False) | pl.col("key").is_in(
        referred.implode()
    )
    return counted(
        rows,
        item="key",
        on="received_on",
        numerator=progressed,
        team="worker_team_id",
        worker="decided_by_id",
    )


DEFINITION = IndicatorDefinition(
    code="contacts_to_referral_pct",
    ref="FD-02",
    title="Contacts progressing to referral",
    description=(
        "Of the contacts received in the period (each counted), the share that became a "
        "referral to children's social care: a referral records the contact it came from, or "
        "the contact's outcome is 'referral'. A contact passed to an already open case is not "
        "a referral. Local measure (Annex A lists 1 and 3); not published by DfE."
    ),
    source="local (Annex A lists 1, 3)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("contact", "referral", "team_membership"),
    compute=compute,
)
