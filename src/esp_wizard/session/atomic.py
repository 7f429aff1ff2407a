"""Crash-safe file writes: a reader sees the old file or the new one, never a torn mix.

The new bytes go to a hidden temporary file in the same folder (a rename is only atomic
within one file system), are flushed and fsynced, then renamed over the target; the folder
is fsynced last so that the rename itself survives a power cut. Temporary names are
`.<target name>.<random>.tmp`: hidden, so listings of `*.toml` never mistake one for a
session, and recognisable, so the next writer of the same file can sweep crash leftovers.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

from esp_wizard.i18n import _

TEMP_SUFFIX = ".tmp"
_REPLACE_RETRIES = 5  # Windows: a virus scanner or indexer may hold the target for a moment


def temp_prefix(path: str | Path) -> str:
    """Every temporary file for `path` starts with this name (and ends with `.tmp`)."""
    return f".{Path(path).name}."


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    On failure the temporary file is removed and the OSError propagates; the old file is
    untouched. The new file keeps the old one's permissions (a new one gets the umask's).
    """
    path = Path(path)
    temp = _write_temp(path, data, durable=True)
    try:
        _replace(temp, path)
    except BaseException:
        _remove(temp)
        raise
    fsync_dir(path.parent)


def atomic_create_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Create `path` holding `data`, raising FileExistsError if it already exists.

    The complete file appears at once (a hard link of the finished temporary file, which
    fails if the name is taken), so a racer never sees it empty. Where the file system has
    no hard links it falls back to O_EXCL and writes in place: still exclusive, just not
    all-at-once.
    """
    path = Path(path)
    temp = _write_temp(path, data, durable=durable)
    try:
        os.link(temp, path)
    except FileExistsError:
        _remove(temp)
        raise
    except OSError:  # no hard links here (FAT, some network shares)
        _remove(temp)
        _create_in_place(path, data, durable=durable)
    else:
        _remove(temp)
    if durable:
        fsync_dir(path.parent)


def remove_stray_temps(path: str | Path) -> int:
    """Delete temporary files a crashed writer of `path` left behind; returns how many.

    Only safe for the one writer of `path` (the session lock's holder).
    """
    path = Path(path)
    prefix = temp_prefix(path)
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def fsync_dir(folder: str | Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened or synced."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:  # Windows, or a file system that refuses
        return
    try:
        os.fsync(fd)
    except OSError:  # EINVAL on some file systems: nothing more we can do
        pass
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, *, durable: bool) -> Path:
    mode = _mode_of(path)
    for _attempt in range(100):
        temp = path.with_name(f"{temp_prefix(path)}{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - 100 collisions of 32 random bits
        raise FileExistsError(_("no free temporary name beside {file}").format(file=path))
    try:
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        _write_all(fd, data)
        if durable:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise
    os.close(fd)
    return temp


def _create_in_place(path: Path, data: bytes, *, durable: bool) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        _write_all(fd, data)
        if durable:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(path)
        raise
    os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _replace(temp: Path, path: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


_BINARY = getattr(os, "O_BINARY", 0)
