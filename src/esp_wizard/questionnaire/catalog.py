"""Which questionnaires are available: the bundled ones plus the workspace's own.

A workspace file with the same id and language as a bundled one replaces it, so an
engagement can adapt a questionnaire without forking the tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from esp_wizard.errors import FileProblems, UserError
from esp_wizard.i18n import _
from esp_wizard.questionnaire.listing import bundled_dir as bundled_dir
from esp_wizard.questionnaire.listing import catalog_folders
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.questionnaire.model import Questionnaire

Origin = Literal["bundled", "workspace"]


@dataclass(frozen=True)
class Entry:
    questionnaire: Questionnaire
    origin: Origin
    path: Path


@dataclass
class Catalog:
    entries: list[Entry] = field(default_factory=list)
    problems: list[FileProblems] = field(default_factory=list)
    broken: dict[tuple[str, str], FileProblems] = field(default_factory=dict)  # workspace files

    def find(self, questionnaire_id: str, language: str | None = None) -> Questionnaire:
        """By id, in `language` if given, else English, else the first language found.

        A broken workspace file with that id stops here with its problems: it is meant to
        replace the bundled one, and running the bundled one instead would fool the user.
        """
        for (broken_id, broken_language), problems in self.broken.items():
            if broken_id == questionnaire_id and language in (None, broken_language or language):
                raise problems
        matches = [e.questionnaire for e in self.entries if e.questionnaire.id == questionnaire_id]
        if language:
            matches = [q for q in matches if q.language == language]
        if not matches:
            known = ", ".join(sorted({e.questionnaire.id for e in self.entries})) or _("none")
            wanted = f"{questionnaire_id} ({language})" if language else questionnaire_id
            message = _("no questionnaire '{wanted}' (available: {known})")
            raise UserError(message.format(wanted=wanted, known=known))
        return next((q for q in matches if q.language == "en"), matches[0])

    def questionnaires(self) -> list[Questionnaire]:
        return [e.questionnaire for e in self.entries]


def load_catalog(workspace_dir: Path | None = None, bundled: Path | None = None) -> Catalog:
    """Load every `*.toml` of both folders; bad files are kept aside as problems."""
    catalog = Catalog()
    chosen: dict[tuple[str, str], Entry] = {}
    for path, origin in catalog_folders(workspace_dir, bundled or bundled_dir()):
        try:
            questionnaire = load_questionnaire(path)
        except FileProblems as problems:
            catalog.problems.append(problems)
            if origin == "workspace":
                catalog.broken[claimed_id(path)] = problems
            continue
        chosen[(questionnaire.id, questionnaire.language)] = Entry(questionnaire, origin, path)
    catalog.entries = sorted(
        chosen.values(), key=lambda e: (e.questionnaire.id, e.questionnaire.language)
    )
    return catalog


_CLAIM = re.compile(r'^(id|language)\s*=\s*["\']([^"\'\n]*)["\']', re.MULTILINE)


def claimed_id(path: Path) -> tuple[str, str]:
    """The id and language a broken file says it has (its top lines), as far as readable."""
    from esp_wizard.tomlfile import head_bytes

    text = head_bytes(path, 8192).decode("utf-8", errors="replace")
    text = text.split("\n[", 1)[0]  # top-level keys only
    found: dict[str, str] = {m.group(1): m.group(2) for m in _CLAIM.finditer(text)}
    return found.get("id", path.stem.split(".")[0]), found.get("language", "")
