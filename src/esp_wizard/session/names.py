"""File names the store gives sessions and questionnaire copies, and where a session
file's progress table starts: what a listing needs, without the models.

Here rather than in store.py so that a listing can find a session's questionnaire copy
and its saved progress without importing pydantic (see session/summary.py).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Protocol

SESSION_FORMAT = 1  # the newest session file format this version reads and writes
SLUG_LENGTH = 30
PROGRESS_MARK = b"\n[progress]\n"  # Session.to_toml writes its progress table last, so


def progress_digest(body: bytes, done: int, total: int) -> str:
    """What binds a progress table to the file above it and to its own counts."""
    return hashlib.sha256(body + f"\n{done}/{total}".encode()).hexdigest()


def split_progress(data: bytes) -> tuple[bytes, bytes | None]:
    """A session file's bytes before its progress table, and the table's lines (None
    when the file has none)."""
    body, mark, table = data.rpartition(PROGRESS_MARK)
    return (body, table) if mark else (data, None)


class CopyRef(Protocol):
    """What names a questionnaire copy: a QuestionnaireRef, or a listing's Ref."""

    @property
    def id(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def hash(self) -> str: ...


_UNDECOMPOSED = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
    }
)


def slugify(text: str, max_length: int = SLUG_LENGTH) -> str:
    """`Société Générale` -> `societe-generale`: ASCII, lowercase, hyphens, at most 30."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def questionnaire_copy_name(ref: CopyRef) -> str:
    """`<id>-<language>-<hash16>.toml`: the same questionnaire file is kept once."""
    return _copy_name(ref.id, ref.language, ref.hash[:16])


@functools.lru_cache(maxsize=256)
def _copy_name(questionnaire_id: str, language: str, short_hash: str) -> str:
    """(A report asks it of every session, and most share one or two questionnaires.)"""
    parts = [slugify(questionnaire_id, 60) or "questionnaire", slugify(language), short_hash]
    return "-".join(part for part in parts if part) + ".toml"
