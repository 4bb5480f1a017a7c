"""Regenerate the shipped England and Wales bank holidays from the `holidays` package.

    python scripts/update_bank_holidays.py [--first 1975] [--last 2035]

Writes `lineofsight/timescales/domain/bank_holidays_england_and_wales.csv` (date,title), one row
per day that is not a working day because of a bank holiday. `holidays` lists a holiday that
falls at a weekend on its own date *and* its weekday substitute marked "(observed)"; the weekend
date changes no working day, so only weekdays are kept. A test cross-checks the file against
GOV.UK's own list (bundled in `govuk-bank-holidays`) from 2012.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

import holidays

TARGET = (
    Path(__file__).resolve().parent.parent
    / "lineofsight/timescales/domain/bank_holidays_england_and_wales.csv"
)


def england_and_wales(first: int, last: int) -> list[tuple[dt.date, str]]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1))
    days: dict[dt.date, str] = {}
    for day, title in sorted(calendar.items()):
        if day.weekday() >= 5:
            continue
        days[day] = days[day] + "; " + title if day in days else title
    return sorted(days.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=1975)
    parser.add_argument("--last", type=int, default=2035)
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    rows = england_and_wales(args.first, args.last)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["date", "title"])
        writer.writerows((day.isoformat(), title) for day, title in rows)
    tmp.replace(args.out)
    print(f"wrote {len(rows)} bank holidays {args.first}-{args.last} to {args.out}")


if __name__ == "__main__":
    main()
