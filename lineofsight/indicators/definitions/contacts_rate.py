"""FD-01 Contacts per 10,000 children."""

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
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Each contact counts, whatever its outcome; the decider names the front-door worker.
    rows = contacts(frames, periods)
    return counted(
        rows, item="key", on="received_on", team="worker_team_id", worker="decided_by_id"
    )


DEFINITION = IndicatorDefinition(
    code="contacts_rate",
    ref="FD-01",
    title="Contacts per 10,000 children",
    description=(
        "Contacts received in the period (by the local date of receipt), each one counted "
        "whatever its outcome, per 10,000 children aged 0-17. A contact is a request for advice "
        "or help about a child not yet accepted as a referral. Attributed to the worker who "
        "decided the contact and their team that day. Source: Ofsted ILACS Annex A, list 1; "
        "not published by DfE."
    ),
    source="local (Annex A list 1)",
    area=Area.FRONT_DOOR,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("contact", "team_membership"),
    compute=compute,
)
