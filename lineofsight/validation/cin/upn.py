"""Unique Pupil Numbers: DfE's check letter, and the LA numbers a UPN may begin with.

A UPN is 13 characters: a check letter, the 3-digit LA number of the LA that allocated it,
8 more digits, and a digit or (for a temporary UPN) a letter. The check letter is the sum of
characters 2-13 weighted 2..13, mod 23, as a letter of CHECK_LETTERS; a letter at character 13
counts as its position in CHECK_LETTERS.
"""

from __future__ import annotations

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # A-Z without I, O and S

# DfE's rule 1530 text: valid post-April-1998 LA codes and recognised "pseudo LA" codes,
# as ranges, plus 942 and 943 (Cumberland, Westmorland and Furness, from April 2023; in
# shared/data/dfe/lait/la_code_list.xlsx).
_LA_RANGES = (
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846),
    (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919),
    (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 943),
)  # fmt: skip
UPN_LA_NUMBERS = frozenset(
    f"{number:03d}" for low, high in _LA_RANGES for number in range(low, high + 1)
)


def upn_check_letter(upn: str) -> str | None:
    """The check letter characters 2-13 call for, or None if they are not digits
    (2-12) and a digit or check-list letter (13)."""
    body, last = upn[1:12], upn[12:13]
    if len(upn) != 13 or not body.isdigit():
        return None
    if last.isdigit():
        final = int(last)
    elif last in CHECK_LETTERS:
        final = CHECK_LETTERS.index(last)
    else:
        return None
    total = sum(int(digit) * weight for digit, weight in zip(body, range(2, 13), strict=True))
    return CHECK_LETTERS[(total + final * 13) % 23]
