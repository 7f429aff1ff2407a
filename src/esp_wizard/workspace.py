"""The workspace: one engagement's folder of plain files (sessions, questionnaires, exports).

Plain files so that a team can keep a workspace in git or on a shared drive; nothing here
creates folders, so a typo in `--workspace` fails loudly instead of scattering sessions.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from esp_wizard.errors import UserError
from esp_wizard.i18n import _

ENV_VAR = "ESP_WIZARD_WORKSPACE"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    @property
    def questionnaires_dir(self) -> Path:
        return self.root / "questionnaires"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def snapshots_dir(self) -> Path:
        """Exact copies of the questionnaires sessions ran with; hidden so listings skip it."""
        return self.sessions_dir / ".questionnaires"

    @classmethod
    def resolve(cls, option: str | None, env: Mapping[str, str] = os.environ) -> Workspace:
        """`--workspace DIR` beats `ESP_WIZARD_WORKSPACE`, which beats the current folder.

        An empty environment variable counts as unset (a common shell idiom); an empty
        `--workspace ""` is a mistake (an unset script variable) and is refused.
        """
        if option is not None:
            raw = option
        elif env.get(ENV_VAR):
            raw = env[ENV_VAR]
        else:
            return cls(Path.cwd())
        path = Path(raw)
        with contextlib.suppress(RuntimeError):  # `~nobody`: no such home, not found below
            path = path.expanduser()
        if not raw or not path.is_dir():
            message = _(
                "workspace folder not found: {folder} "
                "(give an existing folder with --workspace or {variable})"
            )
            raise UserError(message.format(folder=raw, variable=ENV_VAR))
        return cls(path.absolute())
