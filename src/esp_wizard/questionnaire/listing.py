"""The questionnaire listing (`esp-wizard questionnaires`), without parsing unchanged files.

Validating a questionnaire (pydantic, cross-checks, every expression) costs far more than
listing it. The listed fields of each file that loaded cleanly are kept in a FileCache,
keyed on its size, time and inode; a changed file is loaded again, and a bad one is
reported every time. Which folders, in which order, is `catalog_folders`, used by the
catalog as well: a workspace file replaces the bundled one of the same id and language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from esp_wizard.errors import FileProblems
from esp_wizard.filecache import FileCache, file_key

Origin = Literal["bundled", "workspace"]


def bundled_dir() -> Path:
    """Inside an installed wheel, or the repository's `questionnaires/` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_bundled_questionnaires"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "questionnaires"


def catalog_folders(
    workspace_dir: Path | None, bundled: Path | None = None
) -> Iterator[tuple[Path, Origin]]:
    """Every `*.toml` of the bundled folder, then of the workspace's (which wins)."""
    bundled = bundled or bundled_dir()
    folders: list[tuple[Path, Origin]] = [(bundled, "bundled")]
    if workspace_dir is not None and _differs(workspace_dir, bundled):
        folders.append((workspace_dir, "workspace"))
    for folder, origin in folders:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            yield path, origin


def _differs(a: Path, b: Path) -> bool:
    try:
        return a.resolve() != b.resolve()
    except OSError:
        return True


@dataclass(frozen=True)
class Listed:
    id: str
    language: str
    title: str
    roles: tuple[str, ...]
    questions: int
    minutes: int
    origin: Origin


@dataclass
class QuestionnaireListing:
    entries: list[Listed] = field(default_factory=list)  # by id, then language
    problems: list[FileProblems] = field(default_factory=list)


def list_questionnaires(workspace_dir: Path | None) -> QuestionnaireListing:
    """What `load_catalog` would hold, from the cache for every unchanged file."""
    cache = FileCache("questionnaires", workspace_dir or bundled_dir())
    listing = QuestionnaireListing()
    chosen: dict[tuple[str, str], Listed] = {}
    for path, origin in catalog_folders(workspace_dir):
        key = file_key(path)
        fields = cache.get(path, key)
        if not isinstance(fields, dict):
            try:
                fields = _fields(path)
            except FileProblems as problems:
                listing.problems.append(problems)
                continue
            cache.put(path, key, fields)
        try:
            entry = Listed(
                str(fields["id"]),
                str(fields["language"]),
                str(fields["title"]),
                tuple(str(role) for role in fields["roles"]),
                int(fields["questions"]),
                int(fields["minutes"]),
                origin,
            )
        except (KeyError, TypeError, ValueError):
            cache.put(path, None, None)
            continue
        chosen[(entry.id, entry.language)] = entry
    cache.save()
    listing.entries = sorted(chosen.values(), key=lambda e: (e.id, e.language))
    return listing


def _fields(path: Path) -> dict[str, Any]:
    from esp_wizard.questionnaire.loader import load_questionnaire

    questionnaire = load_questionnaire(path)
    return {
        "id": questionnaire.id,
        "language": questionnaire.language,
        "title": questionnaire.title,
        "roles": list(questionnaire.roles),
        "questions": questionnaire.answerable_count,
        "minutes": questionnaire.minutes,
    }
