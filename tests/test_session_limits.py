"""A session file past tomlfile's limits reads exactly as it did when every file was walked
first: the same located problem, whatever else is wrong with it, and a number within the
limits is still taken.

`load_session` checks the limits on its ways to a problem and, on a session its model took,
only where the model keeps a number as the file gave it (store._numbers_within). Each
place of the file is tried with each kind of value past the limits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from esp_wizard.errors import FileProblems
from esp_wizard.session.model import Session
from esp_wizard.session.store import load_session
from esp_wizard.tomlfile import MAX_DEPTH, MAX_INT, MIN_INT, read_toml

BASE: dict[str, Any] = {
    "id": "k3j5m2pq",
    "client": "Acme",
    "questionnaire": {"id": "core", "version": "1.0", "language": "en", "hash": "ab"},
}


def deep(leaf: Any) -> Any:
    node = leaf
    for _level in range(MAX_DEPTH + 1):
        node = [node]
    return node


PLACES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "format": lambda v: {"format": v, **BASE},
    "client": lambda v: {**BASE, "client": v},
    "started": lambda v: {**BASE, "started": v},
    "value": lambda v: {**BASE, "answers": {"q1": {"value": v}}},
    "list item": lambda v: {**BASE, "answers": {"q1": {"value": ["a", v]}}},
    "row cell": lambda v: {**BASE, "answers": {"q1": {"value": [{"name": "A", "n": v}]}}},
    "note": lambda v: {**BASE, "answers": {"q1": {"note": v}}},
    "follow_up": lambda v: {**BASE, "answers": {"q1": {"follow_up": v}}},
    "at": lambda v: {**BASE, "answers": {"q1": {"at": v}}},
    "severity": lambda v: {
        **BASE,
        "observations": [{"id": "o", "category": "hack", "severity": v, "text": "t"}],
    },
    "interviewee": lambda v: {**BASE, "interviewees": [{"name": v}]},
    "done": lambda v: {**BASE, "progress": {"done": v, "total": 3}},
    "total": lambda v: {**BASE, "progress": {"done": 1, "total": v}},
    "unknown key": lambda v: {**BASE, "surprise": v},
}
VALUES = {
    "2^63": 2**63,
    "-2^63-1": MIN_INT - 1,
    "10^30": 10**30,
    "nan": float("nan"),
    "inf": float("inf"),
    "-inf": float("-inf"),
    "too deep": deep(1),
    "MAX_INT": MAX_INT,
    "MIN_INT": MIN_INT,
    "1e30": 1e30,
}


def written(tmp_path: Path, data: dict[str, Any], newer: bool = False) -> Path:
    path = tmp_path / "s.toml"
    text = tomli_w.dumps(data)
    if newer:  # also a format this version does not read: the limits are still said first
        text = text.replace("format = 1\n", "") if "format = 1\n" in text else text
        text = "format = 99\n" + text if not text.startswith("format") else text
    path.write_text(text, encoding="utf-8")
    return path


def outcome(read: Callable[[], object]) -> str:
    try:
        result = read()
    except FileProblems as problems:
        return f"problem: {problems}"
    return f"read: {result!r}"


def as_before(path: Path) -> str:
    """What load_session said when read_toml walked every value before the model."""

    def read() -> Session:
        read_toml(path, "s.toml")  # the limits first: FileProblems if one is past
        return load_session(path)  # within them, loading is what it always was

    return outcome(read)


@pytest.mark.parametrize("value", VALUES, ids=list(VALUES))
@pytest.mark.parametrize("place", PLACES, ids=list(PLACES))
def test_a_value_at_any_place_reads_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    path = written(tmp_path, PLACES[place](VALUES[value]))
    assert outcome(lambda: load_session(path)) == as_before(path)


def test_every_past_limit_value_in_a_kept_place_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for place in ("format", "value", "row cell", "done", "total"):
        path = written(tmp_path, PLACES[place](2**63))
        with pytest.raises(FileProblems, match=r"s\.toml:\d+: .*at most 2\^63-1"):
            load_session(path)


def test_a_newer_format_past_the_limits_says_the_limit_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = written(tmp_path, PLACES["value"](float("nan")), newer=True)
    message = outcome(lambda: load_session(path))
    assert message == as_before(path) and "nan is not a number" in message
    within = written(tmp_path, PLACES["value"](3), newer=True)
    assert "newer than this esp-wizard reads" in outcome(lambda: load_session(within))
