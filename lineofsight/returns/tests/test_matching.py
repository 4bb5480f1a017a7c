"""A return's records take the keys of the same records already held."""

from __future__ import annotations

import polars as pl

from lineofsight.returns.detect import ReturnRead
from lineofsight.returns.matching import frames_merged, keys_matched
from lineofsight.timescales.tests.builders import D, journey_frames


def _held() -> dict[str, pl.DataFrame]:
    return journey_frames(
        referral=[
            {"key": "R1", "child_id": "C1", "referred_on": D(2016, 6, 1), "source": "1A"},
        ],
        assessment=[{"key": "A1", "referral_id": "R1", "started_on": D(2016, 6, 2)}],
    )


def _returned(**more: list[dict]) -> dict[str, pl.DataFrame]:
    tables = {
        "referral": [
            {
                "key": "C1/R/20160601",
                "child_id": "C1",
                "referred_on": D(2016, 6, 1),
                "source": "1A",
            },
            {
                "key": "C1/R/20170101",
                "child_id": "C1",
                "referred_on": D(2017, 1, 1),
                "source": "2A",
            },
        ],
        "assessment": [
            {
                "key": "C1/R/20160601/A/20160602",
                "referral_id": "C1/R/20160601",
                "started_on": D(2016, 6, 2),
            },
            {
                "key": "C1/R/20160601/A/20160901",
                "referral_id": "C1/R/20160601",
                "started_on": D(2016, 9, 1),
            },
        ],
    }
    return journey_frames(**(tables | more))


def test_the_same_referral_and_assessment_take_the_held_keys() -> None:
    matched = keys_matched(_returned(), _held())
    assert matched["referral"]["key"].to_list() == ["R1", "C1/R/20170101"]
    assessments = matched["assessment"].select("key", "referral_id").rows()
    # The held assessment is matched; the new one keeps its key and follows its referral.
    assert assessments == [("A1", "R1"), ("C1/R/20160601/A/20160901", "R1")]


def test_nothing_held_changes_nothing() -> None:
    returned = _returned()
    matched = keys_matched(returned, {})
    for name, frame in returned.items():
        assert matched[name].equals(frame)


def test_two_returned_records_alike_keep_their_own_keys() -> None:
    twice = _returned(
        referral=[
            {"key": "X1", "child_id": "C1", "referred_on": D(2016, 6, 1), "source": "1A"},
            {"key": "X2", "child_id": "C1", "referred_on": D(2016, 6, 1), "source": "1B"},
        ],
        assessment=[],
    )
    assert keys_matched(twice, _held())["referral"]["key"].to_list() == ["X1", "X2"]


def test_a_held_key_the_return_uses_for_another_record_is_not_taken() -> None:
    clash = _returned(
        referral=[
            {"key": "C1/R/x", "child_id": "C1", "referred_on": D(2016, 6, 1), "source": "1A"},
            {"key": "R1", "child_id": "C9", "referred_on": D(2015, 1, 1), "source": "1A"},
        ],
        assessment=[],
    )
    assert keys_matched(clash, _held())["referral"]["key"].to_list() == ["C1/R/x", "R1"]


def _read(frames: dict[str, pl.DataFrame], **rules: object) -> ReturnRead:
    return ReturnRead(kind="ssda903", title="t", sources=(), frames=frames, **rules)  # type: ignore[arg-type]


def _episode(**extra: object) -> dict[str, object]:
    return {
        "key": "E1",
        "child_id": "C1",
        "started_on": D(2016, 9, 1),
        "reason_new": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U1",
    } | extra


def test_a_blank_in_a_return_never_erases_what_is_held() -> None:
    held = journey_frames(cla_episode=[_episode(ended_on=D(2017, 6, 1), reason_ceased="E11")])
    # The 2016-17 return: the episode was still open at 31 March 2017.
    returned = journey_frames(cla_episode=[_episode(key="C1/E/20160901", urn="SC123456")])
    merged = frames_merged(_read(returned), held)["cla_episode"].row(0, named=True)
    assert (merged["key"], merged["ended_on"], merged["reason_ceased"]) == (
        "E1",
        D(2017, 6, 1),
        "E11",
    )
    assert merged["urn"] == "SC123456"  # what the return says is taken


def test_stand_ins_keep_the_held_value_and_flags_are_only_set() -> None:
    child = {"child_id": "C1", "sex": "M", "ethnicity": "WBRI", "born_on": D(2010, 1, 1)}
    held = journey_frames(
        child=[child | {"is_uasc": True}, child | {"child_id": "C2", "is_uasc": False}]
    )
    returned = journey_frames(
        child=[child | {"is_uasc": False}, child | {"child_id": "C2", "is_uasc": True}]
    )
    merged = frames_merged(_read(returned, set_only={"child": ("is_uasc",)}), held)["child"]
    assert merged["is_uasc"].to_list() == [True, True]
    kept = frames_merged(_read(returned, lacks={"child": ("is_uasc",)}), held)["child"]
    assert kept["is_uasc"].to_list() == [True, False]


def test_summaries_already_covered_in_the_period_are_dropped() -> None:
    held = journey_frames(
        health_check=[{"key": "H1", "child_id": "C1", "kind": "iha", "done_on": D(2016, 9, 1)}]
    )
    returned = journey_frames(
        health_check=[
            {"key": "C1/OC2/2017/rha", "child_id": "C1", "kind": "rha", "done_on": D(2017, 3, 31)},
            {
                "key": "C1/OC2/2017/dental",
                "child_id": "C1",
                "kind": "dental",
                "done_on": D(2017, 3, 31),
            },
        ]
    )
    read = _read(returned, summaries={"health_check": (D(2016, 4, 1), D(2017, 3, 31))})
    kinds = frames_merged(read, held)["health_check"]["kind"].to_list()
    assert kinds == ["dental"]


def test_a_care_leavers_stand_in_status_is_dropped_where_statuses_are_held() -> None:
    status = {
        "child_id": "C1",
        "eligibility": "former_relevant",
        "in_touch": "NO",
        "activity": "0",
        "accommodation": "0",
        "staying_put": False,
    }
    held = journey_frames(
        care_leaver_status=[status | {"key": "S1", "as_of": D(2015, 9, 1), "in_touch": "YES"}]
    )
    returned = journey_frames(
        care_leaver_status=[
            status | {"key": "C1/OC3/20160331", "as_of": D(2016, 3, 31)},
            status | {"key": "C2/OC3/20160331", "child_id": "C2", "as_of": D(2016, 3, 31)},
        ]
    )
    read = _read(returned, summaries={"care_leaver_status": (D(2016, 4, 1), D(2017, 3, 31))})
    kept = frames_merged(read, held)["care_leaver_status"]["child_id"].to_list()
    assert kept == ["C2"]  # C1 has a real status held; C2 has none, so the stand-in stays
