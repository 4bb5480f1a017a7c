"""What the validation engine is given: a CIN census or SSDA903 return's files (and last
year's), or the return the records make for a year. Both become the same tables, so a rule is
one piece of code whichever it reads (the exporter and the validator share each mapping)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from lineofsight.validation.cin.tables import CinFileError, cin_return, cin_tables_from_xml
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.run import Validation, validate
from lineofsight.validation.rulesets import ruleset

# The first collection year whose returns are written (2016-17).
FIRST_CENSUS_YEAR = 2017


def _season(year: int) -> str:
    return f"{year - 1}-{str(year)[2:]}"


def _census_file(path: Path, year: int | None) -> Return:
    try:
        tables = cin_tables_from_xml(path)
    except CinFileError as error:
        message = str(error)
        named = message if message.startswith(path.name) else f"{path.name}: {message}"
        raise ValueError(named) from error
    said = tables["Header"]["Year"].drop_nulls()
    if said.is_empty() and year is None:
        raise ValueError(f"{path.name}: the header gives no Year: give --year")
    found = int(said[0]) if not said.is_empty() else year
    assert found is not None
    if year is not None and found != year:
        raise ValueError(
            f"{path.name}: this is the census for {_season(found)}, not {_season(year)} as asked"
        )
    return cin_return(tables, found)


def census_validated(
    paths: Sequence[Path], *, year: int | None, previous: Sequence[Path] = ()
) -> tuple[str, Validation]:
    """One census file validated against its year's rules (last year's file for the rules
    that need it)."""
    if len(paths) != 1:
        raise ValueError(f"give one CIN census file, not {len(paths)}")
    path = Path(paths[0])
    current = _census_file(path, year)
    if previous:
        if len(previous) != 1:
            raise ValueError(f"give one previous CIN census file, not {len(previous)}")
        before = _census_file(Path(previous[0]), current.year - 1)
        current = cin_return(current.tables, current.year, previous=before)
    title = f"{path.name}: CIN census {_season(current.year)}"
    return title, validate(current, ruleset("cin_census", current.year))


def database_census_validated(*, year: int) -> tuple[str, Validation]:
    """The census the records make for the year, validated (and last year's, for the rules
    that compare)."""
    from lineofsight.core.selectors import council_get
    from lineofsight.journey.frames_db import frames_extract
    from lineofsight.returns.cin_census.export import cin_census_build

    council = council_get()
    la_number = str(council.la_number) if council and council.la_number else "000"
    frames = frames_extract()
    before = None
    if year - 1 >= FIRST_CENSUS_YEAR:  # the census before has a schema to build it to
        before = cin_return(
            cin_tables_from_xml(cin_census_build(frames, year=year - 1, la_number=la_number)),
            year - 1,
        )
    tree = cin_census_build(frames, year=year, la_number=la_number)
    current = cin_return(cin_tables_from_xml(tree), year, previous=before)
    title = f"the records' CIN census {_season(year)}"
    return title, validate(current, ruleset("cin_census", year))


def ssda903_validated(
    paths: Sequence[Path],
    *,
    year: int | None,
    previous: Sequence[Path] = (),
    la_code: str | None = None,
    providers: pl.DataFrame | None = None,
) -> tuple[str, Validation]:
    """An SSDA903 return's CSV tables (files or folders) validated against its year's rules:
    with the council's ONS code and Ofsted's provider list if given, for the rules that
    need them (the rest of those are reported not run)."""
    from lineofsight.validation.ssda903.tables import ssda903_return_from_files

    current = ssda903_return_from_files(
        paths, year=year, previous_paths=previous, la_code=la_code, providers=providers
    )
    names = ", ".join(Path(path).name for path in paths)
    return f"{names}: SSDA903 {_season(current.year)}", validate(
        current, ruleset("ssda903", current.year)
    )


def database_ssda903_validated(
    *, year: int, la_code: str | None = None, providers: pl.DataFrame | None = None
) -> tuple[str, Validation]:
    """The SSDA903 return the records make for the year, validated: with last year's, every
    earlier episode, the placement LA, location and distance DfE derives from postcodes (not
    written to the return's files), and the council's ONS code (its record's unless
    `la_code` is given). See `ssda903.records`."""
    from lineofsight.core.selectors import council_get
    from lineofsight.journey.frames_db import frames_extract
    from lineofsight.validation.ssda903.records import records_return

    if la_code is None:
        council = council_get()
        la_code = (council.la_code if council else "") or None
    current = records_return(frames_extract(), year=year, la_code=la_code, providers=providers)
    title = f"the records' SSDA903 {_season(year)}"
    return title, validate(current, ruleset("ssda903", year))


def files_validated(
    paths: Sequence[Path],
    *,
    year: int | None,
    previous: Sequence[Path] = (),
    la_code: str | None = None,
    providers: pl.DataFrame | None = None,
) -> tuple[str, Validation]:
    """Whichever return the files are, told from their content as the importer tells it.
    The council's code and the provider list are for SSDA903 returns only."""
    from lineofsight.returns.detect import file_sniff

    first = Path(paths[0])
    kind = "csv" if first.is_dir() else file_sniff(first)
    if kind == "cin_census_xml":
        if la_code is not None or providers is not None:
            raise ValueError(
                "--la-code and --providers are for SSDA903 returns, not the CIN census"
            )
        return census_validated(paths, year=year, previous=previous)
    if kind == "csv":
        return ssda903_validated(
            paths, year=year, previous=previous, la_code=la_code, providers=providers
        )
    raise ValueError(f"{first.name}: only CIN census XML and SSDA903 CSV tables can be validated")
