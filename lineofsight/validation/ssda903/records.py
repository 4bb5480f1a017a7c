"""The SSDA903 return the records make for a year, as the rules read it.

It is the exporter's return (the same tables a council would upload), plus what DfE holds or
derives beside the upload and the records hold too: the placement LA, location and distance
on each episode (`derived.derived_joined`), the council's ONS code, last year's return, and
every earlier episode (`history.EpisodesEarlier`). So the rules that a file-based check can
only run on two years (1001, 1002) see the whole history, as DfE's own check does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import polars as pl

from lineofsight.returns.ssda903.export import ssda903_tables
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.ssda903.derived import derived_joined
from lineofsight.validation.ssda903.history import EARLIER, episodes_earlier_table
from lineofsight.validation.ssda903.tables import ssda903_return

# The first collection year whose return is written (2016-17): earlier years have no spec.
FIRST_RETURN_YEAR = 2017


def records_return(
    frames: Mapping[str, pl.DataFrame],
    *,
    year: int,
    la_code: str | None = None,
    providers: pl.DataFrame | None = None,
) -> Return:
    """The records' return for the collection year ending 31 March `year`, with last
    year's (when it has a spec) and the episodes before both."""

    def built(for_year: int, previous: Return | None = None) -> Return:
        tables = derived_joined(ssda903_tables(dict(frames), year=for_year), frames)
        return ssda903_return(
            tables, year=for_year, previous=previous, la_code=la_code, providers=providers
        )

    before = built(year - 1) if year - 1 >= FIRST_RETURN_YEAR else None
    current = built(year, before)
    earlier = episodes_earlier_table(frames["cla_episode"], year=year)
    return dataclasses.replace(current, tables={**current.tables, EARLIER: earlier})
