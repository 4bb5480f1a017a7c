"""LOCAL-AUDIT Case audits graded good or outstanding (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    audits = during(table(frames, "case_audit"), "audited_on", periods)
    # Moderation overrides the auditor's grade.
    grade = pl.coalesce("moderated_grade", "grade")
    # The practice audited is the allocated worker's, so the engine attributes each audit to
    # the child's allocation on the audit date, not to the auditor.
    return counted(
        audits, item="key", on="audited_on", numerator=grade.is_in(["good", "outstanding"])
    )


DEFINITION = IndicatorDefinition(
    code="case_audits_good_pct",
    ref="LOCAL-AUDIT",
    title="Case audits graded good or outstanding",
    description=(
        "Of the case audits completed in the period, the share graded good or outstanding, "
        "using the moderated grade where the audit was moderated and the auditor's grade "
        "otherwise. Each audit is listed under the team and worker holding the child's case "
        "on the audit date. Source: local quality assurance measure (not in the catalogue)."
    ),
    source="local",
    area=Area.OVERSIGHT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("case_audit",),
    compute=compute,
)
