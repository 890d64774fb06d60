"""The forum's pure rules: marks, diffs, spelling-only edits, round windows, decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.forum import (
    AMSTERDAM,
    DEFAULT_WINDOWS,
    Decision,
    Mark,
    RoundWindow,
    control_characters,
    decision_problems,
    duty_institution,
    expected_by,
    find_marks,
    only_spelling_changed,
    word_diff,
)


def marked(text: str, kind: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marks(text) if m.kind == kind]


@pytest.mark.parametrize(
    "number",
    ["06-12345678", "0612345678", "+31 6 1234 5678", "020-1234567", "06 12 34 56 78",
     "+31612345678", "0031 6 12345678", "070 123 45 67"],
)  # fmt: skip
def test_dutch_phone_numbers_are_marked(number: str) -> None:
    assert marked(f"bel me op {number} ok", "phone") == [number]


@pytest.mark.parametrize("text", ["ik ben 16 jaar", "groep 8 in 2024", "1234567", "06-1234"])
def test_ordinary_numbers_are_not_phones(text: str) -> None:
    assert marked(text, "phone") == []


def test_email_postcode_address_url() -> None:
    text = (
        "Mail naar jan.jansen@example.nl of kom naar Kerkstraat 12, 1234 AB Utrecht. "
        "Of Lange Voorhout 3a (2514EA). Zie www.hulpmix.nl, https://x.com/a?b=1 en tiktok.com/@jan."
    )
    assert marked(text, "email") == ["jan.jansen@example.nl"]
    assert marked(text, "postcode") == ["1234 AB", "2514EA"]
    assert marked(text, "address") == ["Kerkstraat 12", "Lange Voorhout 3a"]
    assert marked(text, "url") == ["www.hulpmix.nl", "https://x.com/a?b=1", "tiktok.com/@jan"]


def test_lowercase_words_after_a_year_are_not_postcodes() -> None:
    assert marked("in 2020 en 2021 was het zwaar", "postcode") == []


def test_danger_words_accent_and_case_insensitive_as_prefixes() -> None:
    text = "Ik denk aan SUICIDE en zelfmoordgedachten, ik wil\ndood  willen. Niet snij."
    found = find_marks(text)
    danger = [text[m.start : m.end] for m in found if m.kind == "danger"]
    assert danger == ["SUICIDE", "zelfmoordgedachten", "dood  willen"]
    # "snij" is not "snijden": a prefix of the TEXT word, not of the danger word, is no match
    assert "snij" not in danger


def test_accented_text_maps_back_to_original_positions() -> None:
    text = "Ëen suïcidale gedachte"
    [mark] = find_marks(text, ["suicid"])
    assert text[mark.start : mark.end] == "suïcidale"


def test_custom_danger_list_and_empty_list() -> None:
    assert find_marks("ik wil vluchten", ["vlucht"]) == [Mark(7, 15, "danger")]
    assert find_marks("zelfmoord", []) == []


def test_email_is_not_also_a_url() -> None:
    assert [m.kind for m in find_marks("a@b.nl")] == ["email"]


def test_word_diff_shows_removed_and_added_words() -> None:
    diff = word_diff("ik ga me snijden vanavond", "ik ga me [...] vanavond")
    assert ("-", "snijden") in diff
    assert ("+", "[...]") in diff
    assert diff[0] == ("=", "ik ga me ")


@given(st.text(max_size=80), st.text(max_size=80))
def test_word_diff_rebuilds_both_texts(before: str, after: str) -> None:
    diff = word_diff(before, after)
    assert "".join(t for op, t in diff if op != "+") == before
    assert "".join(t for op, t in diff if op != "-") == after
    assert all(op in "=-+" for op, _ in diff)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("ik weet het niet", "Ik weet het niet.", True),
        ("mischien ga ik", "misschien ga ik", True),
        ("ik  weet\nniet", "ik weet niet", True),
        ("hij is gemeen", "hij is lief", False),
        ("ik wil dood", "ik wil [...]", False),
        ("ik ga me snijden", "ik ga", False),
        ("same", "same", True),
    ],
)
def test_only_spelling_changed(before: str, after: str, expected: bool) -> None:
    assert only_spelling_changed(before, after) is expected


def test_expected_by_inside_before_between_and_after_windows() -> None:
    day = date(2026, 11, 23)  # winter: UTC+1

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)

    assert expected_by(at(9)) == datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    assert expected_by(at(10, 30)) == datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    assert expected_by(at(12)) == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert expected_by(at(17, 59)) == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert expected_by(at(20)) == datetime(2026, 11, 24, 11, 0, tzinfo=UTC)


def test_expected_by_includes_weekends_and_skips_holidays() -> None:
    saturday = datetime(2026, 11, 28, 20, 0, tzinfo=AMSTERDAM)
    assert expected_by(saturday) == datetime(2026, 11, 29, 11, 0, tzinfo=UTC)
    assert expected_by(saturday, holidays=[date(2026, 11, 29)]) == datetime(
        2026, 11, 30, 11, 0, tzinfo=UTC
    )


def test_expected_by_follows_summer_time() -> None:
    summer = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 in Amsterdam (UTC+2)
    assert expected_by(summer) == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)


def test_round_window_validation() -> None:
    with pytest.raises(ValueError, match="starts before"):
        RoundWindow.of("12:00", "10:00")
    assert DEFAULT_WINDOWS[0].to_json() == {"start": "10:00", "end": "12:00"}
    with pytest.raises(ValueError):
        expected_by(datetime(2026, 1, 1, tzinfo=UTC), windows=())


def test_duty_rotation_by_day_weekends_included() -> None:
    rotation = [7, 8, 9]
    days = [date(2026, 11, d) for d in range(20, 27)]
    duty = [duty_institution(d, rotation) for d in days]
    assert set(duty) == {7, 8, 9}
    assert all(duty[i] != duty[i + 1] for i in range(len(duty) - 1))
    assert duty_institution(date(1970, 1, 1), rotation) == 7
    assert duty_institution(date(2026, 1, 1), []) is None


def test_decision_problems() -> None:
    assert decision_problems(Decision.PUBLISH, None, None, False) == []
    assert decision_problems(Decision.HOLD, None, "voor het overleg", False) == []
    assert [p["field"] for p in decision_problems(Decision.EDIT, None, None, False)] == [
        "reason",
        "body",
    ]
    assert [p["field"] for p in decision_problems(Decision.EDIT, "other", " ", True)] == ["remark"]
    assert decision_problems(Decision.EDIT, "glorifies", None, True) == []
    assert [p["field"] for p in decision_problems(Decision.REJECT, "nope", None, False)] == [
        "reason"
    ]
    assert decision_problems(Decision.REJECT, "disrespectful", None, False) == []
    assert decision_problems(Decision.REJECT, "other", "reclame", False) == []
    assert [p["field"] for p in decision_problems(Decision.PUBLISH, "x", None, False)] == ["reason"]


def test_control_characters() -> None:
    assert control_characters("a\nb\tc") == []
    assert control_characters("a\x00b\rc\x7f") == [1, 3, 5]
