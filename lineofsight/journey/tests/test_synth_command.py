"""`lineofsight synth`: load a synthetic council into the database, or refuse clearly."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from polars.testing import assert_frame_equal

from lineofsight.core.models import AuditEvent, Council
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_read_parquet
from lineofsight.journey.domain.headline import headline_counts
from lineofsight.journey.frames_db import frames_extract
from lineofsight.journey.selectors import headline_figures

pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=True)
def test_synth_loads_walsall_and_the_database_gives_back_the_same_frames(tmp_path):
    call_command("synth", la="Walsall", year=2017, seed=1, no_progress=True)
    council = Council.objects.get()
    assert (council.name, council.reference_date, council.is_synthetic) == (
        "Walsall",
        date(2017, 3, 31),
        True,
    )
    assert AuditEvent.objects.filter(action="loaded").count() == 1

    call_command("synth", la="Walsall", year=2017, seed=1, no_progress=True, out=tmp_path)
    written = frames_read_parquet(tmp_path, TABLES)
    extracted = frames_extract()
    for name, table in TABLES.items():
        assert_frame_equal(
            extracted[name].sort(table.key), written[name].sort(table.key), check_exact=True
        )
    # The home page's ORM counts and the engines' frame counts are the same numbers.
    counts = headline_counts(extracted, date(2017, 3, 31))
    figures = headline_figures(viewer=AnonymousUser(), as_of=date(2017, 3, 31))
    assert counts == {
        "children_in_need": figures.children_in_need,
        "on_cp_plan": figures.on_child_protection_plan,
        "looked_after": figures.looked_after,
        "care_leavers": figures.care_leavers,
    }
    assert counts["looked_after"] > 500

    # A second council (or the same one again) is refused and nothing changes.
    with pytest.raises(CommandError, match="already holds Walsall"):
        call_command("synth", la="Walsall", year=2017, seed=2, no_progress=True)
    assert Council.objects.count() == 1
    call_command("synth", la="Walsall", year=2017, seed=1, no_progress=True, if_empty=True)


def test_unknown_council_lists_close_matches(tmp_path):
    with pytest.raises(CommandError, match="Walsall"):
        call_command("synth", la="Walsal", year=2017, seed=1, no_progress=True, out=tmp_path)


def test_england_needs_an_output_directory():
    with pytest.raises(CommandError, match="--out"):
        call_command("synth", la="England", year=2017, seed=1, no_progress=True)
