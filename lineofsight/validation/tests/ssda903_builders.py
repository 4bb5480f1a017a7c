"""A small valid SSDA903 return (2024-25) as rows of text per DfE table, and returns from rows."""

from __future__ import annotations

import copy
from typing import Any

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.ssda903.tables import ssda903_return

Rows = dict[str, list[dict[str, Any]]]
YEAR = 2025  # 1 April 2024 - 31 March 2025

C1 = {"CHILD": "C1", "DOB": "01/06/2010"}
_EPISODE = {"CHILD": "C1", "LS": "C2", "CIN": "N1", "HOME_POST": "WS1 1AA", "PL_POST": "WS2 2BB"}


def valid_return() -> Rows:
    """C1, a girl of 13 looked after since May 2024 in two foster placements, with a row in
    every table; C2, a care leaver who turns 18 in the year."""
    return copy.deepcopy(
        {
            "Header": [
                {**C1, "SEX": "F", "ETHNIC": "WBRI", "UPN": "A123456789012", "MOTHER": "0"},
                {"CHILD": "C2", "SEX": "M", "DOB": "01/06/2006", "ETHNIC": "WBRI", "UPN": "UN3"},
            ],
            "Episodes": [
                {
                    **_EPISODE,
                    "DECOM": "01/05/2024",
                    "RNE": "S",
                    "PLACE": "U4",
                    "PLACE_PROVIDER": "PR1",
                    "DEC": "01/08/2024",
                    "REC": "X1",
                    "REASON_PLACE_CHANGE": "CARPL",
                    "URN": "SC123456",
                },
                {
                    **_EPISODE,
                    "DECOM": "01/08/2024",
                    "RNE": "P",
                    "PLACE": "U6",
                    "PLACE_PROVIDER": "PR4",
                    "URN": "SC654321",
                },
            ],
            "Reviews": [{**C1, "REVIEW": "01/06/2024", "REVIEW_CODE": "PN1"}],
            "UASC": [{**C1, "SEX": "F"}],
            "AD1": [
                {
                    **C1,
                    "DATE_INT": "01/01/2024",
                    "DATE_MATCH": "01/02/2024",
                    "FOSTER_CARE": "0",
                    "NB_ADOPTR": "2",
                    "SEX_ADOPTR": "MF",
                    "LS_ADOPTR": "L11",
                }
            ],
            "PlacedAdoption": [
                {
                    **C1,
                    "DATE_PLACED": "01/01/2024",
                    "DATE_PLACED_CEASED": "01/03/2024",
                    "REASON_PLACED_CEASED": "RD1",
                }
            ],
            "PrevPerm": [{**C1, "PREV_PERM": "P2", "LA_PERM": "335", "DATE_PERM": "ZZ/ZZ/2015"}],
            "OC2": [
                {
                    **C1,
                    "SDQ_SCORE": "10",
                    "CONVICTED": "0",
                    "IMMUNISATIONS": "1",
                    "TEETH_CHECK": "1",
                    "HEALTH_ASSESSMENT": "1",
                    "SUBSTANCE_MISUSE": "1",
                    "INTERVENTION_RECEIVED": "0",
                    "INTERVENTION_OFFERED": "1",
                }
            ],
            "OC3": [
                {
                    "CHILD": "C2",
                    "DOB": "01/06/2006",
                    "IN_TOUCH": "YES",
                    "ACTIV": "F2",
                    "ACCOM": "U1",
                }
            ],
            "Missing": [{**C1, "MISSING": "M", "MIS_START": "01/09/2024", "MIS_END": "02/09/2024"}],
            "SWEpisodes": [
                {**C1, "SW_ID": "SW12345", "SW_DECOM": "01/05/2024", "SW_REASON": "FCONTA"}
            ],
        }
    )


def string_tables(rows: Rows) -> dict[str, pl.DataFrame]:
    """Each table as the exporter gives it: every column a string (absent = blank)."""
    tables = {}
    for name, table_rows in rows.items():
        columns = sorted({column for row in table_rows for column in row})
        data = {column: [row.get(column) for row in table_rows] for column in columns}
        tables[name] = pl.DataFrame(data, schema=dict.fromkeys(columns, pl.String))
    return tables


def ssda903(rows: Rows, year: int = YEAR) -> Return:
    return ssda903_return(string_tables(rows), year=year)
