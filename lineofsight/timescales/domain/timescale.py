"""What a timescale rule is, and how a council's configuration changes the local ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from lineofsight.timescales.domain.allowances import Allowance
from lineofsight.timescales.domain.calendar import WorkingDayCalendar, national_calendar


class Tag(StrEnum):
    """How sure we are of the rule (timescales.md, "Verification tags")."""

    VERIFIED = "verified"  # wording seen in the source
    RECALLED = "recalled"  # standard practice from the instrument, not re-read
    LOCAL = "local"  # not statutory: a council's own standard, configurable


class Area(StrEnum):
    FRONT_DOOR = "front_door"
    CHILDREN_IN_NEED = "children_in_need"
    CHILD_PROTECTION = "child_protection"
    COURT = "court"
    LOOKED_AFTER = "looked_after"
    CARE_LEAVERS = "care_leavers"
    ADOPTION = "adoption"
    PRIVATE_FOSTERING = "private_fostering"
    PARTNERSHIP = "partnership"


@dataclass(frozen=True, kw_only=True)
class Timescale:
    """One row of timescales.md as data.

    `allowance` is the first interval; in a chain (`chained`), `then` holds the intervals that
    follow, each running from the *actual* previous event, the last one repeating. A rule with
    `tracked=False` is reference data: the model holds no event that starts or meets it, and
    `not_tracked_because` says so.
    """

    code: str
    title: str
    area: Area
    starts_from: str
    met_by: str
    allowance: Allowance | None
    then: tuple[Allowance, ...] = ()
    source: str
    tag: Tag
    tracked: bool = True
    not_tracked_because: str = ""
    responsible: str = "social_worker"
    # Who chairs the meeting that meets it, when that is not the responsible worker ("iro").
    chaired_by: str = ""
    # A shorter interval owed to a child under 5 on the clock's start (review health assessments)
    under_five: Allowance | None = None
    version: int = 1

    @property
    def chained(self) -> bool:
        return bool(self.then)

    @property
    def is_local(self) -> bool:
        return self.tag is Tag.LOCAL

    def interval(self, sequence: int) -> Allowance:
        """The allowance for the `sequence`-th obligation of a chain (0 = from the start)."""
        if self.allowance is None:
            raise ValueError(f"{self.code} has no allowance: it is not tracked")
        if sequence == 0 or not self.then:
            return self.allowance
        return self.then[min(sequence, len(self.then)) - 1]

    def rule_text(self) -> str:
        if self.allowance is None:
            return "reference only"
        text = f"within {self.allowance}"
        if self.then:
            text += ", then " + ", then ".join(f"every {step}" for step in self.then)
        if self.under_five is not None:
            text += f" ({self.under_five} for a child under 5)"
        return text


class ConfigurationError(ValueError):
    """A council tried to change a statutory rule, or named one that does not exist."""


@dataclass(frozen=True)
class LocalStandard:
    """A council's own allowance for a local rule."""

    allowance: Allowance
    then: tuple[Allowance, ...] = ()


@dataclass(frozen=True, kw_only=True)
class TimescaleConfig:
    """A council's settings for the engine.

    * `local_standards` replace the defaults of local rules only; statutory ones can't change.
    * `closures` are local closure days: they lengthen local rules, never statutory ones, so
      national measures stay comparable (ADR 0007).
    * `soon_days`: an open obligation due within this many calendar days is "due soon".
    """

    local_standards: Mapping[str, LocalStandard] = field(default_factory=dict)
    closures: frozenset[dt.date] = frozenset()
    soon_days: int = 7

    def calendar_for(self, rule: Timescale) -> WorkingDayCalendar:
        national = national_calendar()
        return national.with_closures(self.closures) if rule.is_local else national

    def apply(self, rule: Timescale) -> Timescale:
        standard = self.local_standards.get(rule.code)
        if standard is None:
            return rule
        if not rule.is_local:
            raise ConfigurationError(f"{rule.code} is statutory; only local standards can change")
        # A chained rule given one interval uses it for every link ("every 15 working days").
        then = (standard.then or (standard.allowance,)) if rule.then else ()
        return Timescale(**{**rule.__dict__, "allowance": standard.allowance, "then": then})
