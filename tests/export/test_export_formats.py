"""What each format promises its reader: structure, stability, charts, encodings."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from esp_wizard.export import (
    REPORT_FORMATS,
    SESSION_FORMATS,
    render_report,
    render_report_any,
    render_session,
)
from esp_wizard.export.charts import BAR_AREA, bar_chart, matrix
from esp_wizard.export.csv_export import COLUMNS
from esp_wizard.export.json_export import JSON_FORMAT
from esp_wizard.export.md import block, inline, quote
from esp_wizard.findings import compile_workspace, summarize_session
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.findings.model import EngagementReport, SessionSummary
from findings.fixture import build_fixture_engagement


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EngagementReport:
    return compile_workspace(build_fixture_engagement(tmp_path_factory.mktemp("fx")))


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> SessionSummary:
    workspace = build_fixture_engagement(tmp_path_factory.mktemp("fx"))
    _, opened, _ = load_engagement(workspace)
    return summarize_session(next(o for o in opened if o.session.id == "ops1aaaa"))


def test_json_has_a_format_version_and_a_stable_key_order(report: EngagementReport) -> None:
    text = render_report(report, "json")
    data = json.loads(text)
    assert data["format"] == JSON_FORMAT
    assert list(data)[:4] == ["format", "kind", "client", "engagement"]
    assert list(data["findings"][0])[:4] == ["key", "cause", "sources", "owner"]
    assert render_report(report, "json") == text


def test_json_holds_everything_the_report_shows(report: EngagementReport) -> None:
    data = json.loads(render_report(report, "json"))
    assert data["priority_formula"] == "priority = severity × impact × min(breadth, 4) × 3 ÷ effort"
    first = data["findings"][0]
    assert (first["key"], first["priority"], first["must_fix"], first["breadth"]) == (
        "manual-list-upload",
        112.5,
        True,
        3,
    )
    assert (
        first["evidence"][0]["answers"][0]["quote"] == "I need Mary in IT to move the data for me."
    )
    assert data["summary"]["timeline"]["estimate"] == "6-9 months"
    assert data["summary"]["timeline"]["driver_count"] == 3
    assert data["roles"]["missing"][0] == "executive"
    salesforce = next(
        row for t in data["inventory"] for row in t["rows"] if row["key"] == "salesforce"
    )
    assert [s["session"] for s in salesforce["sources"]] == ["it2bbbbb", "it4ddddd"]
    assert [c["question_id"] for c in data["conflicts"]] == ["list_source", "platform_stability"]
    assert {i["kind"] for i in data["checklist"]} == {
        "trigger",
        "template family",
        "inbound API",
        "integration",
    }
    assert [f["kind"] for f in data["follow_ups"]] == ["flagged", "required"]


def test_csv_is_the_findings_register_a_spreadsheet_opens_with_accents(
    report: EngagementReport,
) -> None:
    raw = render_report(report, "csv").encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + len(report.findings) + len(report.strengths)
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["key"] == "manual-list-upload"
    assert (first["priority"], first["must_fix"], first["breadth"]) == ("112.5", "yes", "3")
    assert first["sessions"] == "ops1aaaa; ops3cccc; it4ddddd"
    assert rows[-1][COLUMNS.index("category")] == "strength"
    assert first["rank"] == "1" and first["status"] == "open" and first["due_date"]
    assert b"\r\n" in raw


def test_markdown_prints_the_formula_once_and_every_priority(report: EngagementReport) -> None:
    text = render_report(report, "md")
    assert text.count("priority = severity × impact × min(breadth, 4) × 3 ÷ effort") == 1
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == [
        "1. Executive summary",
        "2. Roadmap",
        "3. Risk register",
        "4. Current-state map",
        "5. Send-at-parity checklist",
        "6. Go/no-go scorecard for cut-over",
        "7. Warm-up plan and roadmap",
        "Appendix A. Findings",
        "Appendix B. Inventory",
        "Appendix C. Acceptance-test checklist",
        "Appendix D. Conflicting inputs",
        "Appendix E. Follow-ups",
        "Appendix F. Sessions and roles",
    ]
    for finding in report.findings:
        assert f"priority {finding.priority:g}" in text
    assert "- [ ] **Inbound API: Password reset**" in text


def test_html_prints_the_formula_once_with_charts_and_print_styles(
    report: EngagementReport,
) -> None:
    page = render_report(report, "html")
    assert page.count('<p class="formula">') == 1
    assert page.count("<svg") == 5  # per category, per phase, severity × impact, roadmap; the map
    assert "@media print" in page and "size: A4" in page
    assert page.count("MUST FIX") >= len(report.must_fix)  # each must-fix card
    assert "<script" not in page


def test_bar_lengths_follow_the_counts() -> None:
    chart = bar_chart("t", {"gap": 4, "hack": 2, "manual": 0}, {}, {})
    assert [b.length for b in chart.bars] == [BAR_AREA, BAR_AREA / 2, 0]
    empty = bar_chart("t", {"gap": 0}, {}, {})
    assert empty.bars[0].length == 0


def test_the_matrix_has_every_cell_and_counts_findings() -> None:
    laid = matrix({(5, 5): 2, (1, 3): 1})
    assert len(laid.cells) == 25
    counts = {(c.severity, c.impact): c.count for c in laid.cells}
    assert counts[(5, 5)] == 2 and counts[(1, 3)] == 1 and sum(counts.values()) == 3
    top_right = next(c for c in laid.cells if (c.severity, c.impact) == (5, 5))
    assert top_right.y == 0 and top_right.x == max(c.x for c in laid.cells)


def test_session_summary_says_who_when_how_long_and_everything_said(
    summary: SessionSummary,
) -> None:
    text = render_session(summary, "md")
    for expected in (
        "Ana Souza (Email operations)",
        "Léa Martin",
        "2026-03-02 09:00 UTC",
        "26 min (planned 45)",
        "8 of 8 questions",
        "> I need Mary in IT to move the data for me.",
        "## Observations",
        "One person loads every list",
        "Subscriber lists reach the ESP by hand",
        "Flagged for follow-up",
    ):
        assert expected in text, expected
    data = json.loads(render_session(summary, "json"))
    assert data["kind"] == "session-summary" and data["active_minutes"] == 26
    assert [s["id"] for s in data["sections"]] == ["opening", "programs"]


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_report_format_renders_an_empty_engagement(fmt: str) -> None:
    from esp_wizard.findings import compile_engagement

    assert render_report_any(compile_engagement([], "Acme", ""), fmt)


def test_formats_offered_by_the_commands_match_the_renderers() -> None:
    from esp_wizard.commands import export, report

    assert report.FORMATS == REPORT_FORMATS
    assert export.FORMATS == SESSION_FORMATS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", r"a \| b"),
        ("<b>x</b>", r"\<b\>x\</b\>"),
        ("line one\nline two", "line one line two"),
        ("Title #", r"Title \#"),
        ("**bold** & _it_", r"\*\*bold\*\* \& \_it\_"),
    ],
)
def test_inline_markdown_escapes(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_block_and_quote_keep_lines_and_neutralise_line_starts() -> None:
    assert block("- one\n1. two\n\n+ three") == "\\- one\\\n1\\. two\\\n\\+ three"
    assert quote("# a\nb") == "> \\# a\n> b"
