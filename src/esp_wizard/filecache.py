"""Facts about files kept between runs, so a listing need not parse what has not changed.

`esp-wizard sessions`, `esp-wizard questionnaires` and the home screen show a few fields
of every file; parsing and validating each one costs far more than the listing itself.
A FileCache keeps, per file, what a listing needs, keyed on the file's size, modification
time and inode (an atomic save replaces the inode): any change reads the file again.

The cache is an optimisation only: it lives in platformdirs' user cache folder (or
`ESP_WIZARD_CACHE_DIR`), never beside the sessions; a missing, unreadable or damaged cache
is ignored, and a cache that cannot be written is silently not written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from esp_wizard import __version__

Key = list[int]
KEY_BYTES = 32


def cache_dir() -> Path:
    override = os.environ.get("ESP_WIZARD_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("esp-wizard", appauthor=False))


def file_key(path: str | Path) -> Key | None:
    """What identifies this version of a file (None if it cannot be stat'ed)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


class FileCache:
    """One JSON file of `{path: [key, value]}` for one listing of one folder."""

    def __init__(self, kind: str, scope: Path) -> None:
        scope_id = hashlib.sha256(str(scope.absolute()).encode()).hexdigest()[:16]
        self.path = cache_dir() / f"{kind}-{scope_id}.json"
        self._entries: dict[str, list[Any]] = {}
        self._used: set[str] = set()
        self._dirty = False
        try:
            stored = json.loads(self.path.read_bytes())
            if stored.get("version") == __version__ and isinstance(stored.get("files"), dict):
                self._entries = stored["files"]
        except (OSError, ValueError, AttributeError):
            pass

    def get(self, path: Path, key: Key | None) -> Any:
        """The value stored for this exact version of the file, else None."""
        name = str(path)
        self._used.add(name)
        hit = self._entries.get(name)
        if key is None or not isinstance(hit, list) or len(hit) != 2 or hit[0] != key:
            return None
        return hit[1]

    def put(self, path: Path, key: Key | None, value: Any) -> None:
        name = str(path)
        self._used.add(name)
        if key is not None:
            self._entries[name] = [key, value]
            self._dirty = True

    def save(self) -> None:
        """Write what changed, forgetting files not asked about (removed or renamed)."""
        stale = set(self._entries) - self._used
        for name in stale:
            del self._entries[name]
        if not (self._dirty or stale):
            return
        data = json.dumps({"version": __version__, "files": self._entries}).encode()
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def signing_key(folder: Path) -> bytes | None:
    """This user's key for signing what the report caches (HMAC), made on first use, mode
    0600; a damaged one is replaced (what it signed is then computed again). None if no
    key can be read or made: then nothing is cached."""
    path = folder / "report.key"
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    key = secrets.token_bytes(KEY_BYTES)
    temporary = folder / f".report.key.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(key)
        os.replace(temporary, path)  # whole or absent, never half a key
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return None
    return key
