"""CLA-06 long-term stability: under 16s looked after 2.5 years, in the same placement 2 years."""

import datetime as dt
from functools import partial

from lineofsight.indicators.definitions.cla_long_term_stability_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# The episodes here are new placements (P) unless they say otherwise.
episode = partial(cla_episode, reason="P")

D = dt.date
BORN = D(2007, 1, 1)  # aged 10 on 31 March 2017
FRAMES = build(
    child=[
        *({"child_id": c, "born_on": BORN} for c in ("C1", "C2", "C4", "C5", "C6", "C8")),
        {"child_id": "C3", "born_on": D(2001, 3, 31)},  # 16 on 31 March 2017: too old
        {"child_id": "C7", "born_on": None},  # age unknown: left out
    ],
    cla_episode=[
        # C1: looked after and placed exactly 2.5 years before 31 March 2017: stable.
        episode("C1", D(2014, 9, 30), reason="S"),
        # C2: a day short of 2.5 years: not in the base.
        episode("C2", D(2014, 10, 1), reason="S"),
        # C3: turned 16 on the end date: not in the base.
        episode("C3", D(2012, 1, 1), reason="S"),
        # C4: current placement a day short of 2 years: in the base, not stable.
        episode("C4", D(2012, 1, 1), D(2015, 4, 1), reason="S"),
        episode("C4", D(2015, 4, 1)),
        # C5: current placement exactly 2 years: stable.
        episode("C5", D(2012, 1, 1), D(2015, 3, 31), reason="S"),
        episode("C5", D(2015, 3, 31)),
        # C6: placed for adoption in 2016 (new carers); with the foster placement before it,
        # more than 2 years: stable.
        episode("C6", D(2012, 1, 1), D(2014, 1, 1), reason="S"),
        episode("C6", D(2014, 1, 1), D(2016, 6, 1)),
        episode("C6", D(2016, 6, 1), place="A4", status="E1"),
        # C7: no date of birth: not in the base.
        episode("C7", D(2012, 1, 1), reason="S"),
        # C8: a change of legal status only does not change the placement: stable.
        episode("C8", D(2013, 1, 1), D(2016, 1, 1), reason="S", status="C1"),
        episode("C8", D(2016, 1, 1), reason="L"),
    ],
)


def test_base_and_stable_children():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C5", 1.0, 1.0),
        ("C6", 1.0, 1.0),
        ("C8", 1.0, 1.0),
    ]


def test_value_is_the_share_of_the_base():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 5.0, 80.0)
