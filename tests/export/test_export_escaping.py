"""Text from people and files comes out harmless and intact in every format.

One engagement where the client, the interviewees, the answers, notes, quotes, an
observation and the questionnaire's own texts all hold markup, quotes, ampersands and
Markdown table breakers; each format is then parsed back and checked.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from esp_wizard.export import render_report, render_session
from esp_wizard.findings import compile_workspace, summarize_session
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.findings.model import EngagementReport, SessionSummary
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.session.model import Observation
from findings.fixture import at, write_session

NASTY = '<script>alert("x")</script> & "quoted" | pipe'
LINES = NASTY + "\n* not a list | [not a link](http://evil.example) _x_ `y`\n# not a heading"
CLIENT = 'Acme <script>alert(1)</script> & "Sons" | Co'
PERSON = 'Zoë "Z" <i>Ng</i> | ops'


def toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


QUESTIONNAIRE = f"""
format = 1
id = "nasty"
version = "1"
language = "en"
title = {toml("Questionnaire " + NASTY)}
roles = ["email-ops"]
minutes = 10

[[sections]]
id = "main"
title = {toml("Section " + NASTY)}

[[sections.questions]]
id = "story"
type = "long_text"
text = {toml("Story? " + NASTY)}

[[sections.questions]]
id = "source"
type = "choice"
text = {toml("Source? " + NASTY)}
options = [{{ value = "a", label = {toml("Option " + NASTY)} }}, {{ value = "b", label = "Plain" }}]

[[sections.questions]]
id = "systems"
type = "inventory"
text = {toml("Systems " + NASTY)}
fields = [
  {{ id = "name", type = "text", text = {toml("Name " + NASTY)} }},
  {{ id = "owner", type = "text", text = "Owner" }},
  {{ id = "must_move", type = "yes_no", text = "Must move?" }},
]

[[findings]]
id = "nasty-rule"
category = "gap"
when = 'source == "a"'
title = {toml("Rule " + NASTY + " ({story})")}
detail = "Said: {{story}}"
severity = 5
impact = 5
phase = "move"
recommendation = {toml("Fix " + NASTY)}

[[findings]]
id = "formula"
category = "hack"
when = 'source == "a"'
title = "=HYPERLINK(\\"http://evil.example\\")"
severity = 2
impact = 2
phase = "send"

[[findings]]
id = "no-owner"
category = "gap"
for_each = "systems"
when = 'not answered(item.owner)'
title = "{{item.name}}"
severity = 3
impact = 3
phase = "uat"
"""


@pytest.fixture(scope="module")
def nasty_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nasty")
    from esp_wizard.workspace import Workspace

    workspace = Workspace(root)
    questionnaire = parse_questionnaire(QUESTIONNAIRE)
    common = {"client": CLIENT, "engagement": "Wave | 1 <b>", "facilitator": NASTY}
    write_session(
        workspace,
        questionnaire,
        session_id="nasty001",
        started=at(2, 9),
        people=[(PERSON, "email-ops")],
        answers={
            "story": LINES,
            "source": "a",
            "systems": [{"name": "CRM | <b>core</b> & co", "must_move": True}],
        },
        notes={"source": {"note": LINES, "quote": LINES, "follow_up": True}},
        observations=[
            Observation(
                id="obs-nasty",
                category="manual",
                severity=3,
                title="Obs " + NASTY,
                text=LINES,
                question="source",
                at=at(2, 9),
            )
        ],
        **common,
    )
    write_session(
        workspace,
        questionnaire,
        session_id="nasty002",
        started=at(3, 9),
        people=[("Raj", "it-integrations")],
        answers={"source": "b", "systems": [{"name": "crm | <B>CORE</B> &  co"}]},
        **common,
    )
    return root


@pytest.fixture(scope="module")
def report(nasty_workspace: Path) -> EngagementReport:
    from esp_wizard.workspace import Workspace

    return compile_workspace(Workspace(nasty_workspace))


@pytest.fixture(scope="module")
def summary(nasty_workspace: Path) -> SessionSummary:
    from esp_wizard.workspace import Workspace

    _, opened, _ = load_engagement(Workspace(nasty_workspace))
    return summarize_session(next(o for o in opened if o.session.id == "nasty001"))


def test_the_engagement_really_holds_the_nasty_texts(report: EngagementReport) -> None:
    assert report.client == CLIENT
    assert [c.question_id for c in report.conflicts] == ["source"]
    keys = {f.key for f in report.all_findings}
    assert {"nasty-rule", "formula", "obs-nasty", "no-owner:crm | <b>core</b> & co"} <= keys


# -- HTML ------------------------------------------------------------------------------------
def page_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize("which", ["report", "session"])
def test_html_has_no_markup_from_people_yet_shows_their_words(
    which: str, report: EngagementReport, summary: SessionSummary
) -> None:
    page = (
        render_report(report, "html", "named")
        if which == "report"
        else render_session(summary, "html")
    )
    assert "<script" not in page.lower()
    assert "<i>" not in page and "<b>core" not in page
    assert "&lt;script&gt;alert(" in page
    text = page_text(page)
    for expected in (CLIENT, PERSON, NASTY, "# not a heading"):
        assert expected in text
    assert LINES in text  # notes and quotes keep their lines (shown with white-space: pre-line)


def test_html_is_self_contained(report: EngagementReport) -> None:
    page = render_report(report, "html")
    assert "<style>" in page and "<svg" in page
    for outside in ("<link", "<script", "@import", "url(", "src="):
        assert outside not in page.lower()
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") for h in hrefs)


# -- Markdown --------------------------------------------------------------------------------
def unescape_markdown(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def table_rows(markdown: str) -> list[list[str]]:
    """Each table line split on the pipes Markdown sees (escaped ones are content)."""
    return [
        re.split(r"(?<!\\)\|", line)[1:-1] for line in markdown.splitlines() if line.startswith("|")
    ]


@pytest.mark.parametrize("which", ["report", "session"])
def test_markdown_holds_no_raw_html_and_tables_keep_their_columns(
    which: str, report: EngagementReport, summary: SessionSummary
) -> None:
    text = render_report(report, "md") if which == "report" else render_session(summary, "md")
    assert re.search(r"(?<!\\)<", text) is None  # every < is escaped: never a tag
    blocks = re.split(r"\n(?!\|)", text)
    for block in blocks:
        rows = table_rows(block)
        assert len({len(r) for r in rows}) <= 1, block
    for line in text.splitlines():
        assert not line.startswith("# not"), line  # user text never opens a heading


def test_markdown_keeps_the_words_intact(report: EngagementReport) -> None:
    plain = unescape_markdown(render_report(report, "md"))
    for expected in (CLIENT, NASTY, "[not a link](http://evil.example) _x_ `y`"):
        assert expected in plain
    flattened = " ".join(LINES.split())
    assert flattened in " ".join(plain.split())


# -- JSON and CSV ----------------------------------------------------------------------------
def strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


@pytest.mark.parametrize("which", ["report", "session"])
def test_json_round_trips_every_text_exactly(
    which: str, report: EngagementReport, summary: SessionSummary
) -> None:
    text = render_report(report, "json") if which == "report" else render_session(summary, "json")
    found = strings(json.loads(text))
    for expected in (CLIENT, PERSON, LINES, "Option " + NASTY):
        assert expected in found


def test_csv_parses_back_with_every_text_intact(report: EngagementReport) -> None:
    text = render_report(report, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)
    by_key = {row[1]: dict(zip(header, row, strict=True)) for row in body}
    assert by_key["nasty-rule"]["title"] == f"Rule {NASTY} ({' '.join([LINES])})"
    assert by_key["nasty-rule"]["recommendation"] == "Fix " + NASTY
    assert by_key["obs-nasty"]["title"] == "Obs " + NASTY


def test_csv_cells_never_run_as_spreadsheet_formulas(report: EngagementReport) -> None:
    text = render_report(report, "csv").removeprefix("\ufeff")
    rows = {row[1]: row for row in csv.reader(io.StringIO(text, newline=""))}
    assert rows["formula"][4] == '\'=HYPERLINK("http://evil.example")'
