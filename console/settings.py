"""Layered, typed settings: built-in defaults < machine policy (placed by IT) < the user's own.

The machine policy is a JSON file IT places on the workstation (see docs/workstations.md).
It may set the server address, the proxy and an extra CA file, and lock keys so the user
cannot change them (the settings dialog greys them out). The user's file lives in the
user's config directory; it never holds a secret (tokens and proxy passwords go to the OS
keyring). Both files carry a version so later releases can migrate them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "Hulpmix"
SETTINGS_VERSION = 2
POLICY_ENV = "HULPMIX_POLICY_FILE"
CONFIG_DIR_ENV = "HULPMIX_CONFIG_DIR"
DATA_DIR_ENV = "HULPMIX_DATA_DIR"

PROXY_MODES = ("system", "none", "manual")
#: "sse", "long-poll", or "long-poll:<unix time>" (buffering seen then; probe again later).
_TRANSPORT = re.compile(r"sse|long-poll(:[0-9]+)?")
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Settings:
    server_url: str = "https://localhost:8443"
    #: "system" (the OS or environment proxy), "none", or "manual" (proxy_url).
    proxy_mode: str = "system"
    proxy_url: str = ""
    #: A PEM file with extra root certificates (a TLS-inspecting proxy's root), in addition
    #: to the operating system's trust store. Usually IT installs the root in the OS store.
    extra_ca_file: str = ""
    language: str = "nl"
    remember_me: bool = False
    last_username: str = ""
    notification_sound: bool = True
    #: Transport that worked per network, e.g. {"<network key>": "sse" | "long-poll"}.
    transports: Mapping[str, str] | None = None


#: Keys the machine policy may set (and lock).
POLICY_KEYS = frozenset({"server_url", "proxy_mode", "proxy_url", "extra_ca_file", "language"})
_FIELD_TYPES = {f.name: f.type for f in fields(Settings)}


class SettingsError(ValueError):
    """A settings or policy file is unreadable or holds a value of the wrong kind."""


def default_policy_path() -> Path:
    if os.environ.get(POLICY_ENV):
        return Path(os.environ[POLICY_ENV])
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / APP_NAME / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "policy.json"
    return Path("/etc/hulpmix/policy.json")


def config_dir() -> Path:
    if os.environ.get(CONFIG_DIR_ENV):
        return Path(os.environ[CONFIG_DIR_ENV])
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _check(key: str, value: Any) -> Any:
    if key == "transports":
        if value is None:
            return None
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _TRANSPORT.fullmatch(v)
            for k, v in value.items()
        ):
            raise SettingsError(f"{key}: expected a map of network to transport")
        return dict(value)
    kind = _FIELD_TYPES[key]
    if kind == "bool" and not isinstance(value, bool):
        raise SettingsError(f"{key}: expected true or false, got {value!r}")
    if kind == "str" and not isinstance(value, str):
        raise SettingsError(f"{key}: expected text, got {value!r}")
    if key == "proxy_mode" and value not in PROXY_MODES:
        raise SettingsError(f"proxy_mode: expected one of {', '.join(PROXY_MODES)}")
    if key == "language" and value not in LANGUAGES:
        raise SettingsError(f"language: expected one of {', '.join(LANGUAGES)}")
    if key == "server_url" and value and not value.startswith("https://"):
        raise SettingsError("server_url: must start with https://")
    return value


def _migrate_user(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older user file up to SETTINGS_VERSION."""
    version = int(data.get("version", 1))
    if version < 2:
        # Version 1 stored "proxy" as one string; empty meant the system proxy.
        proxy = data.pop("proxy", "")
        if proxy:
            data["proxy_mode"], data["proxy_url"] = "manual", proxy
    data["version"] = SETTINGS_VERSION
    return data


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise SettingsError(f"{path}: expected a JSON object")
    return raw


@dataclass(frozen=True)
class Policy:
    values: Mapping[str, Any]
    locked: frozenset[str]
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Policy:
        path = path or default_policy_path()
        raw = _read_json(path)
        values: dict[str, Any] = {}
        for key, value in raw.get("settings", {}).items():
            if key not in POLICY_KEYS:
                raise SettingsError(f"{path}: {key} cannot be set by policy")
            values[key] = _check(key, value)
        locked = frozenset(raw.get("lock", []))
        unknown = locked - POLICY_KEYS
        if unknown:
            raise SettingsError(f"{path}: cannot lock {', '.join(sorted(unknown))}")
        return cls(values=values, locked=locked, path=path if raw else None)


class SettingsStore:
    """Reads and writes the layers; `current` is the merged view."""

    def __init__(self, user_path: Path | None = None, policy: Policy | None = None) -> None:
        self.user_path = user_path or config_dir() / "settings.json"
        self.policy = policy if policy is not None else Policy.load()
        self._user: dict[str, Any] = {}
        self.problems: list[str] = []
        self._listeners: list[Callable[[Settings], None]] = []
        self._overrides: dict[str, Any] = {}
        self.reload()

    def reload(self) -> None:
        self.problems = []
        try:
            raw = _migrate_user(_read_json(self.user_path))
        except SettingsError as exc:
            # A broken user file must not lock anyone out: start from defaults, say why.
            log.warning("ignoring user settings: %s", exc)
            self.problems.append(str(exc))
            raw = {}
        self._user = {}
        for key, value in raw.items():
            if key == "version" or key not in _FIELD_TYPES:
                continue
            try:
                self._user[key] = _check(key, value)
            except SettingsError as exc:
                self.problems.append(str(exc))

    @property
    def current(self) -> Settings:
        merged: dict[str, Any] = {}
        merged.update(self.policy.values)
        for layer in (self._user, self._overrides):
            for key, value in layer.items():
                if key not in self.policy.locked:
                    merged[key] = value
        return replace(Settings(), **merged)

    def override(self, **values: Any) -> None:
        """Values for this run only (command-line flags): never saved, never above a lock."""
        for key, value in values.items():
            if key not in _FIELD_TYPES:
                raise SettingsError(f"unknown setting {key}")
            self._overrides[key] = _check(key, value)

    def is_locked(self, key: str) -> bool:
        return key in self.policy.locked

    def update(self, **changes: Any) -> Settings:
        for key, value in changes.items():
            if key not in _FIELD_TYPES:
                raise SettingsError(f"unknown setting {key}")
            if key in self.policy.locked:
                raise SettingsError(f"{key} is set by your organisation's policy")
            self._user[key] = _check(key, value)
        self._save()
        settings = self.current
        for listener in list(self._listeners):
            listener(settings)
        return settings

    def subscribe(self, listener: Callable[[Settings], None]) -> None:
        self._listeners.append(listener)

    def _save(self) -> None:
        self.user_path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": SETTINGS_VERSION, **self._user}
        tmp = self.user_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        tmp.replace(self.user_path)


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)
