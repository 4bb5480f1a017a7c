"""Referrals for the front-door tests."""

import datetime as dt

from lineofsight.indicators.tests.frames import build

# One referral from each of six sources in 2016-17 (police 6, school 2A, education services
# 2B, GP 3A, other health 3F, individual 1A), and a police referral the day before it began.
SOURCES = {"R1": "6", "R2": "2A", "R3": "2B", "R4": "3A", "R5": "3F", "R6": "1A"}
BY_SOURCE = build(
    referral=[
        {"key": key, "child_id": f"C{key}", "referred_on": dt.date(2016, 6, 1), "source": code}
        for key, code in SOURCES.items()
    ]
    + [{"key": "R0", "child_id": "C0", "referred_on": dt.date(2016, 3, 31), "source": "6"}]
)
