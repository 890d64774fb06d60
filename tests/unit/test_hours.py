from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.hours import ALWAYS_OPEN, DEFAULT_SCHEDULE, WeeklySchedule, Window

AMS = ZoneInfo("Europe/Amsterdam")


def at(y, m, d, hh, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


def test_open_on_a_weekday_afternoon_until_six():
    status = DEFAULT_SCHEDULE.status(at(2026, 11, 23, 16, 30))  # a Monday
    assert status.open and not status.short_chat_only
    assert status.closes_at == at(2026, 11, 23, 18)


def test_the_last_quarter_hour_is_short_chat_only():
    assert DEFAULT_SCHEDULE.status(at(2026, 11, 23, 17, 44)).short_chat_only is False
    assert DEFAULT_SCHEDULE.status(at(2026, 11, 23, 17, 45)).short_chat_only is True
    assert DEFAULT_SCHEDULE.status(at(2026, 11, 23, 17, 59)).short_chat_only is True


def test_no_new_chats_from_six_and_the_next_opening_is_named():
    status = DEFAULT_SCHEDULE.status(at(2026, 11, 23, 18, 0))
    assert not status.open
    assert status.opens_at == at(2026, 11, 24, 16)


def test_weekend_points_to_monday():
    status = DEFAULT_SCHEDULE.status(at(2026, 11, 28, 12))  # Saturday
    assert not status.open and status.opens_at == at(2026, 11, 30, 16)


def test_christmas_is_closed_with_its_name_and_boxing_day_too():
    status = DEFAULT_SCHEDULE.status(at(2026, 12, 25, 16, 30))  # a Friday
    assert not status.open
    assert status.holiday == "Eerste kerstdag"
    assert status.opens_at == at(2026, 12, 28, 16)


def test_a_coordinator_can_open_a_public_holiday():
    kings_day = date(2027, 4, 27)  # Koningsdag, a Tuesday
    assert not DEFAULT_SCHEDULE.status(at(2027, 4, 27, 16, 30)).open
    opened = WeeklySchedule(DEFAULT_SCHEDULE.windows, opened_dates=frozenset({kings_day}))
    assert opened.status(at(2027, 4, 27, 16, 30)).open


def test_extra_closures_close_an_ordinary_day():
    closed = WeeklySchedule(DEFAULT_SCHEDULE.windows, closed_dates=frozenset({date(2026, 11, 23)}))
    assert not closed.status(at(2026, 11, 23, 16, 30)).open


def test_opening_time_is_wall_clock_across_the_daylight_saving_switch():
    # Clocks go forward on Sunday 28 March 2027: 16:00 is 15:00 UTC before, 14:00 UTC after.
    before = DEFAULT_SCHEDULE.status(datetime(2027, 3, 25, 10, tzinfo=UTC)).opens_at
    after = DEFAULT_SCHEDULE.status(datetime(2027, 3, 30, 10, tzinfo=UTC)).opens_at
    assert before == at(2027, 3, 25, 16) and before.astimezone(UTC).hour == 15
    assert after == at(2027, 3, 30, 16) and after.astimezone(UTC).hour == 14


def test_easter_follows_the_holidays_package_good_friday_included():
    # holidays 0.109 counts Goede vrijdag as a Dutch public holiday (Bevrijdingsdag is
    # only "optional"), so the chat is closed then unless a coordinator opens the day.
    status = DEFAULT_SCHEDULE.status(at(2027, 3, 26, 16, 30))
    assert not status.open and status.holiday == "Goede vrijdag"
    assert status.opens_at == at(2027, 3, 30, 16)  # Easter Monday is closed as well
    assert DEFAULT_SCHEDULE.status(at(2027, 5, 5, 16, 30)).open  # Bevrijdingsdag 2027


def test_the_demo_schedule_is_always_open():
    assert ALWAYS_OPEN.status(at(2026, 12, 25, 3)).open
    assert ALWAYS_OPEN.status(at(2026, 11, 29, 23, 59)).open


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        DEFAULT_SCHEDULE.status(datetime(2026, 11, 23, 16, 30))
    with pytest.raises(ValueError):
        Window.of("18:00", "16:00")


moments = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300)
@given(moments)
def test_status_is_consistent_at_any_moment(now):
    status = DEFAULT_SCHEDULE.status(now)
    local = now.astimezone(AMS)
    if status.open:
        assert local.weekday() < 5
        assert 16 <= local.hour < 18
        assert DEFAULT_SCHEDULE.holiday(local.date()) is None
        assert status.closes_at > now
        assert status.short_chat_only == (status.closes_at - now <= timedelta(minutes=15))
    else:
        assert not status.short_chat_only
        assert status.opens_at is not None and status.opens_at > now
        assert DEFAULT_SCHEDULE.status(status.opens_at).open
        assert status.opens_at - now < timedelta(days=6)  # the longest gap: Christmas


def test_a_window_that_runs_on_past_midnight_is_never_a_short_chat():
    late = datetime(2026, 11, 22, 23, 55, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert ALWAYS_OPEN.status(late).open
    assert not ALWAYS_OPEN.status(late).short_chat_only
    assert DEFAULT_SCHEDULE.status(
        datetime(2026, 11, 23, 17, 50, tzinfo=late.tzinfo)
    ).short_chat_only
