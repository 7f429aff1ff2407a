"""The French example's golden reports hold no English the app wrote: every heading, label,
sentence, date and number the core and the exporters compose is in French.

The French example (examples/fr, built from scripts/example/fr) is the English story told
through the French questionnaires, so every word the people said is French too; an English
phrase below can only come from code that skipped the catalogue. JSON keys and the codes
JSON keeps as values (`"status": "not met"`, `"category": "gap"`) are data, not text: they
are left out, as is the CSS of the HTML files.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from export.goldens import GOLDEN, KEPT_FILES

FRENCH = GOLDEN / "example-fr"
# Phrases the app writes in English reports: none may appear in a French one.
ENGLISH = (
    "Must fix",
    "MUST FIX",
    "Must-fix",
    "must-fix",
    "months",
    "weeks",
    "Recommendation",
    "Blocked",
    "Verdict today",
    "Missing:",
    "Stop rules",
    "Assumptions",
    "Roadmap",
    "to assign",
    "not answered",
    "Said as",
    "Interview plan",
    "Send at parity",
    "Systems around the ESP",
    "undocumented",
    "no owner",
    "not given",
    "Discovery",
    "Target go-live",
    "Contract ends",
    "Notice deadline",
    "Freeze",
    "Feeds the ESP",
    "KPIs tracked",
    "Likelihood",
    "Next steps",
    "Key messages",
    "worries",
    "Strength",
    "follow-up",
    "priority =",
    "breadth",
    "severity",
    "to interview",
    "dedicated IP",
    "Growth:",
    "Target:",
    "Engaged share",
    "stand in the way",
    "Extend the current contract",
    "Fund and staff",
    "The estimate",
    "A realistic migration",
    "Keep what works",
    "Most urgent",
    "Roles disagree",
    "Fires once",
    "Trigger",
    ">trigger<",
    "Template family",
    "Inbound API",
    "(note:",
    "Called by",
    "Every template",
    "volume not given",
    "messages in 12 months",
    "today:",
    "Page 1 of",
    '"Page "',
    " of the ",
    " the ",
    " and the ",
)
# JSON fields whose values are codes the JSON documents (docs/report.md), not prose.
CODE_FIELDS = frozenset(
    {
        "category",
        "phase",
        "status",
        "kind",
        "level",
        "likelihood",
        "impact",
        "verdict",
        "direction",
        "flagged",
        "must_move",
        "readiness",
        "priority_formula",
        "id",
        "key",
        "cause",
        "question_id",
        "roles",
        "roles_covered",
        "roles_missing",
        "role",
        "questionnaire",
        "questionnaire_id",
        "sources",
    }
)
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")  # ids, classes and anchors are names, not text
_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")  # a finding's key or cause
CSV_CODES = ("clé", "cause", "rôles", "sessions", "catégorie", "phase")


def prose(value: Any, field: str = "") -> Iterator[str]:
    """Every string a JSON document holds outside its keys and code fields."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from prose(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from prose(item, field)
    elif isinstance(value, str) and field not in CODE_FIELDS and not _ID.fullmatch(value):
        yield value


def text_of(path: Path) -> str:
    content = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return "\n".join(prose(json.loads(content)))
    if path.suffix in (".html", ".svg"):
        return _TAG.sub(" ", _STYLE.sub("", content))
    if path.suffix == ".csv":
        return "\n".join(_csv_text(content))
    return content


def _csv_text(content: str) -> Iterator[str]:
    """Every cell but those of the columns that hold codes (keys, causes, role ids)."""
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    kept = [n for n, name in enumerate(rows[0]) if name not in CSV_CODES]
    for row in rows:
        yield " | ".join(row[n] for n in kept if n < len(row))


FILES = sorted(p for p in FRENCH.iterdir() if p.name not in KEPT_FILES)


def test_the_french_set_covers_every_format() -> None:
    suffixes = {p.name.split(".", 1)[1] for p in FILES}
    assert {"md", "html", "json", "csv", "docx.txt", "svg"} <= suffixes
    assert (FRENCH / "workspace.txt").read_text(encoding="utf-8").strip() == "examples/fr"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_english_is_left_in_a_french_golden(path: Path) -> None:
    text = text_of(path)
    found = [phrase for phrase in ENGLISH if phrase in text]
    context = {p: text[max(0, text.find(p) - 40) : text.find(p) + 40] for p in found}
    assert not found, f"{path.name}: English left: {context}"


def test_the_french_report_is_french_where_it_states_facts() -> None:
    """Dates, numbers and the decisions read as a French consultant writes them."""
    report = (FRENCH / "report.md").read_text(encoding="utf-8")
    assert "30 décembre 2026 (la date limite de préavis)" in report
    assert "12 à 18 mois" in report
    assert "Prolonger le contrat actuel ou réduire le périmètre" in report
    assert "920 000" in report and "2,5" in report  # grouping and the decimal comma
    csv_header = (FRENCH / "report.csv").read_text(encoding="utf-8").splitlines()[0]
    assert csv_header.startswith("\ufeffrang;clé;")
    assert (FRENCH / "parity.csv").read_text(encoding="utf-8").startswith("\ufefftype;")
