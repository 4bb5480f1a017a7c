"""Small hand-made councils for tests, built with the ORM: explicit dates, nothing random."""

from dataclasses import dataclass
from datetime import date

from lineofsight.core.models import Council
from lineofsight.journey.models import ChildProtectionPlan, CLAEpisode, Referral
from lineofsight.people.models import Child

REFERENCE_DATE = date(2017, 3, 31)


@dataclass(frozen=True, kw_only=True)
class HeadlineScenario:
    """What `headline_figures` should count on REFERENCE_DATE for `headline_scenario()`."""

    children_on_record: int = 17
    children_in_need: int = 3
    on_child_protection_plan: int = 1
    looked_after: int = 2
    care_leavers: int = 2


def council_create(*, is_synthetic: bool = True, child_population: int | None = 10_000) -> Council:
    return Council.objects.create(
        name="Walsall",
        la_number="335",
        la_code="E08000030",
        region="West Midlands",
        reference_date=REFERENCE_DATE,
        child_population=child_population,
        is_synthetic=is_synthetic,
        synth_seed=1 if is_synthetic else None,
    )


def headline_scenario() -> HeadlineScenario:
    """Seventeen children on either side of each headline's rule at 31 March 2017."""
    kids = {
        number: Child.objects.create(
            child_id=f"C{number:03d}",
            given_name="Test",
            family_name=f"Child{number}",
            sex="F" if number % 2 else "M",
            born_on=date(2005, 1, number),
            ethnicity="WBRI",
        )
        for number in range(1, 13)
    }

    def referral(
        number: int, key: str, referred_on: date, closed_on: date | None = None
    ) -> Referral:
        return Referral.objects.create(
            key=key,
            child=kids[number],
            referred_on=referred_on,
            source="6",
            closed_on=closed_on,
            closure_reason="RC7" if closed_on else "",
        )

    # Children in need: 1 (open), 4 (closes after the date), 5 (two open referrals: once).
    referral(1, "R1", date(2016, 6, 1))
    closed_before = referral(2, "R2", date(2016, 5, 1), closed_on=date(2017, 2, 1))
    referral(3, "R3", date(2016, 7, 1), closed_on=REFERENCE_DATE)  # closed on the day: not open
    open_past_date = referral(4, "R4", date(2016, 9, 1), closed_on=date(2017, 5, 1))
    referral(5, "R5a", date(2016, 10, 1))
    referral(5, "R5b", date(2017, 1, 10))
    referral(6, "R6", date(2017, 4, 3))  # referred after the date

    def plan(key: str, on: Referral, started_on: date, ended_on: date | None = None) -> None:
        ChildProtectionPlan.objects.create(
            key=key,
            referral=on,
            started_on=started_on,
            ended_on=ended_on,
            initial_category="NEG",
            latest_category="NEG",
            end_reason="",
        )

    # On a plan: child 4 only.
    plan("P4", open_past_date, date(2016, 10, 1))
    plan("P2", closed_before, date(2016, 6, 1), ended_on=date(2017, 1, 15))
    plan("P1", Referral.objects.get(key="R1"), date(2017, 4, 1))  # starts after the date

    def episode(number: int, started_on: date, legal_status: str = "C2", **ended: object) -> None:
        CLAEpisode.objects.create(
            key=f"E{number}-{started_on:%Y%m%d}",
            child=kids[number],
            started_on=started_on,
            reason_new="S",
            legal_status=legal_status,
            category_of_need="N1",
            placement_type="U4",
            **ended,
        )

    # Looked after: 7, and 9 (two episodes, once); 8 is on short breaks (V3), 10 left on the day.
    episode(7, date(2015, 2, 1))
    episode(8, date(2016, 11, 1), legal_status="V3")
    episode(9, date(2016, 1, 1), legal_status="E1", ended_on=date(2016, 12, 1), reason_ceased="X1")
    episode(9, date(2016, 12, 1))
    episode(10, date(2014, 1, 1), ended_on=REFERENCE_DATE, reason_ceased="E13")

    def leaver(number: int, born_on: date, started_on: date, ended_on: date) -> None:
        kids[number] = Child.objects.create(
            child_id=f"C{number:03d}",
            given_name="Test",
            family_name=f"Leaver{number}",
            sex="F",
            born_on=born_on,
            ethnicity="WBRI",
        )
        episode(number, started_on, ended_on=ended_on, reason_ceased="E8")

    # Care leavers (former relevant, 18 to 21, left care at 16+ after 13 weeks since 14):
    leaver(13, date(1997, 6, 1), date(2012, 1, 1), date(2014, 3, 1))  # counts: 19, left at 16
    leaver(14, date(1998, 1, 1), date(2013, 6, 1), date(2013, 12, 1))  # left before 16
    leaver(15, date(1997, 6, 1), date(2013, 10, 1), date(2013, 11, 1))  # under 13 weeks
    leaver(16, date(1994, 6, 1), date(2010, 6, 1), date(2012, 6, 1))  # 22: too old
    leaver(17, date(1998, 12, 1), date(2014, 1, 1), date(2016, 12, 1))  # counts: 18
    return HeadlineScenario()
