"""CP-03 ICPCs per 10,000: initial, pre-birth and transfer-in conferences held, each counted."""

import datetime as dt

from lineofsight.indicators.definitions.icpc_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    conference=[
        # First day of the year: in.
        {"key": "K1", "referral_id": "R1", "kind": "initial", "held_on": dt.date(2016, 4, 1)},
        # A pre-birth conference is an initial conference for an unborn child: in.
        {"key": "K2", "referral_id": "R2", "kind": "pre_birth", "held_on": dt.date(2016, 7, 1)},
        # A transfer-in conference: DfE counts it among ICPCs.
        {
            "key": "K3",
            "referral_id": "R2",
            "kind": "transfer_in",
            "held_on": dt.date(2017, 3, 31),
        },
        # A review conference is not an initial one.
        {"key": "K4", "referral_id": "R1", "kind": "review", "held_on": dt.date(2016, 7, 1)},
        # Before and after the year: out.
        {"key": "K5", "referral_id": "R1", "kind": "initial", "held_on": dt.date(2016, 3, 31)},
        {"key": "K6", "referral_id": "R1", "kind": "initial", "held_on": dt.date(2017, 4, 1)},
    ],
)


def test_initial_pre_birth_and_transfer_in_conferences_count():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id").rows() == [("K1", "C1"), ("K2", "C2"), ("K3", "C2")]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=60_000) == (3.0, 6.0, 0.5)
