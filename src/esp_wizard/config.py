"""The user's small settings, remembered between runs: who facilitates, which theme.

A convenience, never a blocker: a missing, unreadable or hand-broken file reads as the
defaults, and a failed write is reported to the caller, who carries on. The folder is
platformdirs' user config folder unless `ESP_WIZARD_CONFIG_DIR` names another (tests,
portable installs); the file is TOML so a person can read and edit it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import tomli

from esp_wizard.i18n import _

ENV_VAR = "ESP_WIZARD_CONFIG_DIR"
FILE_NAME = "config.toml"


@dataclass(frozen=True)
class UserConfig:
    facilitator: str = ""
    theme: str = ""
    language: str = ""  # the interface's (en, fr); "" follows the locale

    def with_changes(self, **changes: str) -> UserConfig:
        return replace(self, **changes)


def config_dir(env: Mapping[str, str] = os.environ) -> Path:
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("esp-wizard", appauthor=False))


def config_path(env: Mapping[str, str] = os.environ) -> Path:
    return config_dir(env) / FILE_NAME


def load_config(path: Path | None = None) -> UserConfig:
    """The saved settings; the defaults for anything missing or not text."""
    try:
        data = tomli.loads((path or config_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # decoding and TOML errors are ValueErrors
        return UserConfig()
    known = {key: value for key, value in data.items() if key in UserConfig.__dataclass_fields__}
    return UserConfig(**{key: value for key, value in known.items() if isinstance(value, str)})


def save_config(config: UserConfig, path: Path | None = None) -> str:
    """Write the settings atomically; "" on success, else why not (the caller notifies)."""
    import tomli_w  # writing is rare: `esp-wizard --help` reads the language only

    from esp_wizard.session.atomic import atomic_write_bytes

    path = path or config_path()
    data = {key: value for key, value in asdict(config).items() if value}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, tomli_w.dumps(data).encode("utf-8"))
    except OSError as error:
        message = _("could not save settings to {file}: {reason}")
        from esp_wizard.reasons import os_reason

        return message.format(file=path, reason=os_reason(error))
    return ""
