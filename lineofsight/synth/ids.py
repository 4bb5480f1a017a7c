"""Identifiers: natural keys, UPNs with the DfE check letter, NHS numbers, staff ids."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def keys(
    prefix: str, count: int, start: int = 1, width: int = 6, sep: str = "-"
) -> npt.NDArray[np.object_]:
    """`prefix-000001`, `prefix-000002`, ...: natural keys for `count` rows."""
    series = pl.select(
        pl.concat_str(
            pl.lit(f"{prefix}{sep}"),
            pl.int_range(start, start + count, dtype=pl.Int64).cast(pl.String).str.zfill(width),
        )
    ).to_series()
    return series.to_numpy().astype(object) if count else np.zeros(0, dtype=object)


def upn_check_letter(digits: str) -> str:
    """The DfE check letter for the 12 digits of a UPN (positions 2-13 weighted 2-13, mod 23)."""
    total = sum(int(digit) * weight for digit, weight in zip(digits, range(2, 14), strict=True))
    return UPN_CHECK_LETTERS[total % 23]


def upn_is_valid(upn: str) -> bool:
    if len(upn) != 13 or not upn[1:].isdigit():
        return False
    return upn[0] == upn_check_letter(upn[1:])


def upns(
    rng: np.random.Generator, la_number: str, birth_years: npt.NDArray[np.int64]
) -> npt.NDArray[np.object_]:
    """Permanent UPNs: check letter, LA number, establishment, year allocated, serial.

    The year allocated is the year the child would have started school (birth year + 5);
    the establishment and serial together are drawn without repeats within the council.
    """
    count = len(birth_years)
    if count == 0:
        return np.zeros(0, dtype=object)
    la = int(la_number.zfill(3)[-3:])
    # establishment (4 digits) and serial (3 digits) as one unique 7-digit number
    unique = rng.choice(np.arange(2_000_000, 7_000_000), size=count, replace=False)
    year = (birth_years + 5) % 100
    body = la * 10**9 + (unique // 1000) * 10**5 + year * 1000 + unique % 1000
    digits = (body[:, None] // 10 ** np.arange(11, -1, -1)) % 10
    letters = np.array(list(UPN_CHECK_LETTERS))[(digits * np.arange(2, 14)).sum(axis=1) % 23]
    text = np.char.add(letters, np.char.zfill(body.astype(str), 12))
    return text.astype(object)


def nhs_numbers(rng: np.random.Generator, count: int) -> npt.NDArray[np.object_]:
    """Ten-digit NHS numbers in the 999 test range with a valid modulus-11 check digit."""
    if count > 900_000:
        raise ValueError("too many NHS numbers for the 999 test range")
    body = 999_000_000 + rng.permutation(1_000_000)[: int(count * 1.15) + 20]
    digits = (body[:, None] // 10 ** np.arange(8, -1, -1)) % 10
    check = 11 - (digits * np.arange(10, 1, -1)).sum(axis=1) % 11
    check = np.where(check == 11, 0, check)
    ok = check != 10
    numbers = (body[ok] * 10 + check[ok])[:count]
    out: npt.NDArray[np.object_] = numbers.astype(str).astype(object)
    return out


def nhs_is_valid(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]
