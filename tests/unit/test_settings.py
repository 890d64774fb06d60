import json

import pytest

from console.settings import Policy, Settings, SettingsError, SettingsStore


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_defaults_then_policy_then_user(tmp_path):
    policy = Policy.load(
        write(
            tmp_path / "policy.json",
            {"settings": {"server_url": "https://hulp.example.nl", "proxy_mode": "none"}},
        )
    )
    store = SettingsStore(tmp_path / "user.json", policy)
    assert store.current.server_url == "https://hulp.example.nl"
    assert store.current.language == Settings().language == "nl"
    store.update(proxy_mode="manual", proxy_url="http://proxy:3128")
    assert store.current.proxy_mode == "manual"  # user beats an unlocked policy value
    reread = SettingsStore(tmp_path / "user.json", policy)
    assert reread.current.proxy_url == "http://proxy:3128"


def test_locked_key_cannot_be_overridden_even_by_an_edited_user_file(tmp_path):
    policy = Policy.load(
        write(
            tmp_path / "policy.json",
            {"settings": {"server_url": "https://hulp.example.nl"}, "lock": ["server_url"]},
        )
    )
    write(tmp_path / "user.json", {"version": 2, "server_url": "https://evil.example.com"})
    store = SettingsStore(tmp_path / "user.json", policy)
    assert store.is_locked("server_url")
    assert store.current.server_url == "https://hulp.example.nl"
    with pytest.raises(SettingsError, match="policy"):
        store.update(server_url="https://other.example.nl")


def test_policy_may_not_set_or_lock_personal_keys(tmp_path):
    with pytest.raises(SettingsError, match="last_username"):
        Policy.load(write(tmp_path / "p.json", {"settings": {"last_username": "x"}}))
    with pytest.raises(SettingsError, match="remember_me"):
        Policy.load(write(tmp_path / "p2.json", {"lock": ["remember_me"]}))


def test_bad_values_are_refused_with_the_key_named(tmp_path):
    with pytest.raises(SettingsError, match="proxy_mode"):
        Policy.load(write(tmp_path / "p.json", {"settings": {"proxy_mode": "sometimes"}}))
    store = SettingsStore(tmp_path / "u.json", Policy({}, frozenset()))
    with pytest.raises(SettingsError, match="https"):
        store.update(server_url="ftp://x")


def test_broken_user_file_falls_back_to_defaults_and_says_why(tmp_path):
    (tmp_path / "user.json").write_text("{not json", encoding="utf-8")
    store = SettingsStore(tmp_path / "user.json", Policy({}, frozenset()))
    assert store.current == Settings()
    assert store.problems and "user.json" in store.problems[0]


def test_version_1_file_is_migrated(tmp_path):
    write(tmp_path / "user.json", {"version": 1, "proxy": "http://old-proxy:8080"})
    store = SettingsStore(tmp_path / "user.json", Policy({}, frozenset()))
    assert store.current.proxy_mode == "manual"
    assert store.current.proxy_url == "http://old-proxy:8080"


def test_no_secret_is_ever_written_to_the_settings_file(tmp_path):
    store = SettingsStore(tmp_path / "user.json", Policy({}, frozenset()))
    with pytest.raises(SettingsError):
        store.update(refresh_token="abc")
    store.update(last_username="bascule.helper1", remember_me=True)
    text = (tmp_path / "user.json").read_text()
    assert "token" not in text and "password" not in text


def test_remembered_transports_round_trip_including_when_buffering_was_seen(tmp_path):
    store = SettingsStore(tmp_path / "user.json", Policy({}, frozenset()))
    store.update(transports={"direct:10.1.2": "sse", "proxy:p:3128": "long-poll:1795380000"})
    again = SettingsStore(tmp_path / "user.json", Policy({}, frozenset()))
    assert again.current.transports == {
        "direct:10.1.2": "sse",
        "proxy:p:3128": "long-poll:1795380000",
    }
    with pytest.raises(SettingsError):
        store.update(transports={"x": "websocket"})


def test_policy_may_only_name_an_https_server(tmp_path):
    with pytest.raises(SettingsError, match="https"):
        Policy.load(
            write(tmp_path / "p.json", {"settings": {"server_url": "http://hulp.example.nl"}})
        )


def test_run_overrides_are_not_saved_and_do_not_beat_a_lock(tmp_path):
    policy = Policy({"language": "nl"}, frozenset({"language"}))
    store = SettingsStore(tmp_path / "user.json", policy)
    store.override(server_url="https://test.example.nl", language="en")
    assert store.current.server_url == "https://test.example.nl"
    assert store.current.language == "nl"
    store.update(last_username="x")
    assert "test.example.nl" not in (tmp_path / "user.json").read_text()


def test_the_policy_example_that_it_departments_copy_is_valid():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "installer" / "policy.example.json"
    policy = Policy.load(example)
    assert policy.values["server_url"].startswith("https://")
    assert "server_url" in policy.locked
