import datetime as dt

import pytest

from lineofsight.indicators.domain.periods import (
    Frequency,
    PeriodError,
    period_parse,
    periods_back,
    periods_frame,
)


@pytest.mark.parametrize(
    ("label", "start", "end", "year"),
    [
        ("2016-17", dt.date(2016, 4, 1), dt.date(2017, 3, 31), 2017),
        ("2016/17", dt.date(2016, 4, 1), dt.date(2017, 3, 31), 2017),
        ("2016-17 Q1", dt.date(2016, 4, 1), dt.date(2016, 6, 30), 2017),
        ("2016-17 Q3", dt.date(2016, 10, 1), dt.date(2016, 12, 31), 2017),
        ("2016-17 q4", dt.date(2017, 1, 1), dt.date(2017, 3, 31), 2017),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), 2016),  # a leap February
        ("12 months to 2017-03", dt.date(2016, 4, 1), dt.date(2017, 3, 31), 2017),
        ("12 months to 2016-09", dt.date(2015, 10, 1), dt.date(2016, 9, 30), 2017),
        ("2017-01-15", dt.date(2016, 4, 1), dt.date(2017, 1, 15), 2017),  # year to date
        ("2016-04-01", dt.date(2016, 4, 1), dt.date(2016, 4, 1), 2017),
    ],
)
def test_labels_name_their_days_and_collection_year(label, start, end, year):
    period = period_parse(label)
    assert (period.start, period.end, period.collection_year) == (start, end, year)


@pytest.mark.parametrize("label", ["2016-18", "2016-13", "2017-00", "2016-17 Q5", "last year", ""])
def test_a_bad_label_says_which_forms_are_accepted(label):
    with pytest.raises(PeriodError, match="2016-17"):
        period_parse(label)


def test_whole_years_are_told_apart_from_shorter_periods():
    assert period_parse("2016-17").is_whole_year
    assert period_parse("12 months to 2016-09").is_whole_year
    assert not period_parse("2016-17 Q2").is_whole_year
    assert not period_parse("2017-03").is_whole_year


def test_quarters_step_back_across_financial_years():
    labels = [p.label for p in periods_back(period_parse("2016-17 Q2"), 4)]
    assert labels == ["2015-16 Q3", "2015-16 Q4", "2016-17 Q1", "2016-17 Q2"]


def test_a_year_can_be_shown_as_a_trend_of_months_or_rolling_years():
    year = period_parse("2016-17")
    months = periods_back(year, 12, Frequency.MONTH)
    assert [months[0].label, months[-1].label] == ["2016-04", "2017-03"]
    rolling = periods_back(year, 3, Frequency.ROLLING_12_MONTHS)
    assert [p.label for p in rolling] == [
        "12 months to 2017-01",
        "12 months to 2017-02",
        "12 months to 2017-03",
    ]
    assert [p.label for p in periods_back(year, 3)] == ["2014-15", "2015-16", "2016-17"]


def test_as_at_dates_step_back_a_month_keeping_the_day_where_it_exists():
    labels = [p.label for p in periods_back(period_parse("2017-03-31"), 3)]
    assert labels == ["2017-01-31", "2017-02-28", "2017-03-31"]


def test_the_periods_frame_is_what_definitions_take():
    frame = periods_frame([period_parse("2016-17"), period_parse("2017-03")])
    assert frame.columns == ["period", "start", "end"]
    assert frame.row(1) == ("2017-03", dt.date(2017, 3, 1), dt.date(2017, 3, 31))
