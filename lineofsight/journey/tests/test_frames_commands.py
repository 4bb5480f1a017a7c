"""`frames-export` and `frames-load` on the command line."""

import polars as pl
import pytest
from django.core.management import CommandError, call_command

from lineofsight.core.models import AuditEvent
from lineofsight.journey.frames_db import frames_extract, frames_load
from lineofsight.journey.tests.test_frames_db import small_frames

pytestmark = pytest.mark.django_db


def test_export_then_load_again_changes_nothing(tmp_path, capsys):
    frames_load(frames=small_frames())
    call_command("frames_export", out=tmp_path)
    assert (tmp_path / "referral.parquet").exists()
    assert AuditEvent.objects.filter(action="exported").count() == 1
    call_command("frames_load", str(tmp_path))
    out = capsys.readouterr().out
    assert "added: 0" in out
    assert "updated: 0" in out
    assert frames_extract()["child"].height == small_frames()["child"].height


def test_a_bad_file_is_named_and_nothing_is_loaded(tmp_path):
    frames = small_frames()
    frames["child"].with_columns(pl.lit("Q").alias("sex")).write_parquet(tmp_path / "child.parquet")
    with pytest.raises(CommandError, match=r"child\.parquet: child\.sex: unknown codes \['Q'\]"):
        call_command("frames_load", str(tmp_path))
    assert frames_extract()["child"].is_empty()
