"""Identifiers: natural keys, UPNs with the DfE check letter, NHS numbers, staff ids."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def keys(prefix: str, count: int, start: int = 1, width: int = 6) -> pl.Series:
    """`prefix-000001`, `prefix-000002`, …: natural keys for `count` rows."""
    numbers = pl.Series("n", np.arange(start, start + count, dtype=np.int64))
    return pl.select(
        pl.format(f"{prefix}-{{}}", numbers.cast(pl.String).str.zfill(width)).alias("key")
    ).to_series()


def upn_check_letter(digits: str) -> str:
    """The DfE check letter for the 12 digits of a UPN (positions 2-13 weighted 2-13, mod 23)."""
    total = sum(int(digit) * weight for digit, weight in zip(digits, range(2, 14), strict=True))
    return UPN_CHECK_LETTERS[total % 23]


def upn_is_valid(upn: str) -> bool:
    if len(upn) != 13 or not upn[1:].isdigit():
        return False
    return upn[0] == upn_check_letter(upn[1:])


def upns(rng: np.random.Generator, la_number: str, birth_years: npt.NDArray[np.int64]) -> list[str]:
    """Permanent UPNs: check letter, LA number, establishment, year allocated, serial.

    The year allocated is the year the child would have started school (birth year + 5), so
    siblings and cohorts look plausible; serials are drawn without repeats within the council.
    """
    count = len(birth_years)
    if count == 0:
        return []
    establishment = rng.integers(2000, 7000, size=count)
    year = (birth_years + 5) % 100
    serial = rng.integers(0, 1000, size=count)
    out: list[str] = []
    seen: set[str] = set()
    la = la_number.zfill(3)[-3:]
    for index in range(count):
        body = f"{la}{establishment[index]:04d}{year[index]:02d}{serial[index]:03d}"
        while body in seen:
            establishment[index] = (establishment[index] + 1) % 10000
            body = f"{la}{establishment[index]:04d}{year[index]:02d}{serial[index]:03d}"
        seen.add(body)
        out.append(upn_check_letter(body) + body)
    return out


def nhs_numbers(rng: np.random.Generator, count: int) -> list[str]:
    """Ten-digit NHS numbers in the 999 test range with a valid modulus-11 check digit."""
    out: list[str] = []
    if count == 0:
        return out
    weights = np.arange(10, 1, -1)
    if count > 900_000:
        raise ValueError("too many NHS numbers for the 999 test range")
    pool = rng.permutation(1_000_000)
    for number in pool:
        body = f"999{number:06d}"
        digits = np.array([int(c) for c in body])
        check = 11 - int((digits * weights).sum() % 11)
        if check == 11:
            check = 0
        if check == 10:
            continue
        out.append(body + str(check))
        if len(out) == count:
            break
    return out


def nhs_is_valid(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]
