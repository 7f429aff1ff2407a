"""The exports of a known engagement, byte for byte, against files reviewed by eye.

When a renderer changes on purpose: `.venv/bin/python scripts/update_goldens.py`, then
read the diff of tests/export/golden/ before committing it.
"""

from __future__ import annotations

import pytest

from export.goldens import GOLDEN, KEPT_FILES, golden_sets, render_named

UPDATE = "regenerate with: .venv/bin/python scripts/update_goldens.py (and review the diff)"


@pytest.mark.parametrize("name", golden_sets())
def test_exports_match_their_golden_files(name: str) -> None:
    rendered = render_named(name)
    folder = GOLDEN / name
    kept = {p.name for p in folder.iterdir() if p.name not in KEPT_FILES}
    assert kept == set(rendered), f"golden files differ from the exports; {UPDATE}"
    for file_name, content in rendered.items():
        expected = (folder / file_name).read_bytes().decode("utf-8")
        assert content == expected, f"{name}/{file_name} changed; {UPDATE}"


def test_the_fixture_set_covers_every_format() -> None:
    names = {p.name for p in (GOLDEN / "fixture").iterdir()}
    for suffix in ("md", "html", "json", "csv", "docx.txt"):
        assert f"report.{suffix}" in names
    assert {"session-ops1aaaa.md", "session-ops1aaaa.html", "session-ops1aaaa.json"} <= names
