"""The questionnaire listing (`esp-wizard questionnaires`), without parsing unchanged files.

Validating a questionnaire (pydantic, cross-checks, every expression) costs far more than
listing it. The listed fields of each file that loaded cleanly are kept in a FileCache,
keyed on its size, time and inode; a changed file is loaded again, and a bad one is
reported every time. With no cache yet (a first run, a new cache folder), a bundled file
byte for byte as it was shipped is listed from `listing.json`, written when the bundled
files were last checked in full; any other file is checked in full.

Which folders, in which order, is `catalog_folders`, used by the catalog as well: a
workspace file replaces the bundled one of the same id and language.
"""

from __future__ import annotations

import hashlib
import json
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
    checked = _Checked()
    listing = QuestionnaireListing()
    chosen: dict[tuple[str, str], Listed] = {}
    for path, origin in catalog_folders(workspace_dir):
        key = file_key(path)
        entry = _entry(cache.get(path, key), origin)
        if entry is None:  # new, changed, or a damaged cache entry
            try:
                entry = _read(path, origin, checked)
            except FileProblems as problems:
                listing.problems.append(problems)
                continue
            cache.put(path, key, _stored(entry))
        chosen[(entry.id, entry.language)] = entry
    cache.save()
    listing.entries = sorted(chosen.values(), key=lambda e: (e.id, e.language))
    return listing


def _read(path: Path, origin: Origin, checked: _Checked) -> Listed:
    """A bundled file as recorded when it was checked, else the file checked in full."""
    entry = _entry(checked.fields(path), origin) if origin == "bundled" else None
    if entry is None:
        entry = _entry(listed_fields(path), origin)
    if entry is None:  # the loader's model guarantees every field's type
        raise AssertionError(path)
    return entry


def _entry(fields: Any, origin: Origin) -> Listed | None:
    """The listed fields as stored (cache or `listing.json`), or None if any is amiss."""
    if not isinstance(fields, dict):
        return None
    try:
        roles = fields["roles"]
        if not isinstance(roles, list):
            return None
        return Listed(
            _text(fields["id"]),
            _text(fields["language"]),
            _text(fields["title"]),
            tuple(_text(role) for role in roles),
            _count(fields["questions"]),
            _count(fields["minutes"]),
            origin,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(value)
    return value


def _stored(entry: Listed) -> dict[str, Any]:
    return {
        "id": entry.id,
        "language": entry.language,
        "title": entry.title,
        "roles": list(entry.roles),
        "questions": entry.questions,
        "minutes": entry.minutes,
    }


def listed_fields(path: Path) -> dict[str, Any]:
    """Load and check the file in full (FileProblems if it is bad): what the listing shows."""
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


CHECKED_NAME = "listing.json"


class _Checked:
    """The bundled questionnaires' `listing.json`: each file's SHA-256 when it was last
    checked in full (scripts/update_bundled_listing.py, held current by the tests) and its
    listed fields. A bundled file with that exact content needs no second check, even with
    an empty cache; one changed in any byte is checked in full. Read only when needed."""

    def __init__(self) -> None:
        self._files: dict[str, Any] | None = None

    def fields(self, path: Path) -> Any:
        if self._files is None:
            self._files = _read_checked(path.parent / CHECKED_NAME)
        known = self._files.get(path.name)
        if not isinstance(known, dict):
            return None
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return known.get("fields") if known.get("sha256") == digest else None


def _read_checked(path: Path) -> dict[str, Any]:
    try:
        files = json.loads(path.read_bytes()).get("files")
    except (OSError, ValueError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}


def checked_text(folder: Path) -> str:
    """`listing.json` for the questionnaires of `folder`, each checked in full now;
    FileProblems for the first bad one (a broken file is never recorded as checked)."""
    files = {
        path.name: {
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "fields": listed_fields(path),
        }
        for path in sorted(folder.glob("*.toml"))
    }
    about = "Written by scripts/update_bundled_listing.py: never edit by hand."
    return json.dumps({"about": about, "files": files}, ensure_ascii=False, indent=1) + "\n"
