"""What the client reads: people by role, no internal keys, no glitches, the sponsor's decisions."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from esp_wizard.export import render_report, render_report_any
from esp_wizard.export.docx_export import outline
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.attribution import Attribution
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
CLIENT_FACING = ("md", "html", "docx")


@pytest.fixture(scope="module")
def example() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


def shown(report: EngagementReport, fmt: str, attribution: Attribution = "role") -> str:
    """What a reader of `fmt` sees (the DOCX's text, read back from its document.xml)."""
    rendered = render_report_any(report, fmt, attribution)
    if isinstance(rendered, bytes):
        return outline(rendered)
    return visible(rendered, fmt)


def visible(page: str, fmt: str) -> str:
    """What a reader sees: for HTML the text outside tags and the style element."""
    if fmt != "html":
        return page
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def names(report: EngagementReport) -> set[str]:
    people = {p.name for s in report.sessions for p in s.interviewees}
    return people | {name.split()[0] for name in people}


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_role_attribution_shows_no_interviewee_name(example: EngagementReport, fmt: str) -> None:
    text = shown(example, fmt)
    found = {name for name in names(example) if re.search(rf"(?<!\w){name}(?!\w)", text)}
    assert not found
    assert "IT integrations" in text


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_named_attribution_names_people_and_anonymous_names_nobody(
    example: EngagementReport, fmt: str
) -> None:
    assert "Mary Delaney" in shown(example, fmt, "named")
    anonymous = shown(example, fmt, "anonymous")
    assert "Mary Delaney" not in anonymous and "an interviewee" in anonymous
    # Roles still count the breadth; only who said what is hidden.
    said_by_role = ("IT integrations (IT) reruns",)
    assert all(words in shown(example, fmt) for words in said_by_role)
    assert not [words for words in said_by_role if words in anonymous]


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_no_internal_key_is_visible(example: EngagementReport, fmt: str) -> None:
    text = shown(example, fmt, "named")
    keys = {k for f in example.all_findings for k in (f.key, *f.sources) if "-" in k}
    assert not {k for k in keys if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)}


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_no_text_glitch(example: EngagementReport, fmt: str) -> None:
    text = shown(example, fmt)
    for glitch in ("variants variants", "Fires on An", "single point of failure"):
        assert glitch not in text


def test_no_title_labels_a_person_a_failure(example: EngagementReport) -> None:
    for finding in example.all_findings:
        assert not any(name in finding.title for name in names(example))


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_the_contract_decision_leads_the_example(example: EngagementReport, fmt: str) -> None:
    text = shown(example, fmt)
    executive = text.split("2. Roadmap", 1)[0]
    assert "Extend the current contract or shorten the scope" in executive
    assert "3 to 9 months after the contract" in executive
    assert "30 December 2026" in executive  # six months before the 30 June 2027 end, clamped


def test_the_contract_decision_changes_with_the_dates(tmp_path: Path) -> None:
    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    for path in (tmp_path / "sessions").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        longer = text.replace(
            'contract_end_date]\nstatus = "answered"\nvalue = 2027-06-30\n',
            'contract_end_date]\nstatus = "answered"\nvalue = 2029-06-30\n',
        )
        path.write_text(longer, encoding="utf-8")
    report = compile_workspace(Workspace(tmp_path))
    assert report.executive is not None
    titles = [d.title for d in report.executive.decisions]
    assert "Give notice on the current contract" in titles
    assert "Extend the current contract or shorten the scope" not in titles
    assert report.executive.dates.contract_end is not None
    assert report.executive.dates.contract_end.year == 2029


def test_an_executive_note_comes_first(tmp_path: Path) -> None:
    from esp_wizard.findings.engagement_file import save_executive_note

    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    workspace = Workspace(tmp_path)
    client = "Northwind Outfitters (fictional example)"
    engagement = "ESP migration 2027 (example)"
    save_executive_note(workspace, client, engagement, "Sign the extension <b>now</b>.")
    markdown = render_report(compile_workspace(workspace), "md")
    assert markdown.index("Sign the extension") < markdown.index("Decisions needed")
    page = render_report(compile_workspace(workspace), "html")
    assert "Sign the extension &lt;b&gt;now&lt;/b&gt;." in page
    save_executive_note(workspace, client, engagement, "")
    assert "Sign the extension" not in render_report(compile_workspace(workspace), "md")


def test_the_docx_has_real_headings_header_rows_and_page_numbers(
    example: EngagementReport,
) -> None:
    import io
    import zipfile

    data = render_report_any(example, "docx")
    assert isinstance(data, bytes)
    text = outline(data)
    for heading in ("1. Executive summary", "2. Roadmap", "3. Risk register"):
        assert f"[Heading1] {heading}" in text
    assert "|= Decision | Why | Decide by |" in text
    roles_missing = 1  # the interview plan's "Roles not yet interviewed"
    assert (
        text.count("[Heading3] ") == len(example.findings) + len(example.strengths) + roles_missing
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if "footer" in n]
    assert any(" PAGE " in f and " NUMPAGES " in f for f in footers)
    from docx import Document

    reopened = Document(io.BytesIO(data))  # a valid package Word-compatible tools can open
    assert reopened.tables[0].style.name == "Table Grid"
    assert sum(p.style.name == "Heading 1" for p in reopened.paragraphs) == 13


def test_the_docx_drops_characters_word_cannot_hold() -> None:
    from esp_wizard.export.docx_export import clean

    assert clean("bell\x07 and\x00 nul\ttab") == "bell and nul\ttab"


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_breadth_and_roles_heard_read_as_role_labels(example: EngagementReport, fmt: str) -> None:
    text = shown(example, fmt, "named")  # labels whatever the attribution
    breadths = re.findall(r"breadth \**(\d+)\**\s*\(([^)]*)\)", text)
    assert len(breadths) == len(example.all_findings)
    listed = {role for _, roles in breadths for role in roles.split(", ")}
    assert {"IT integrations", "Email operations", "Executive sponsor"} <= listed
    assert not {r for r in listed if "-" in r or r.islower()}
    heard = text[text.index("Roles covered:") :][:400]
    assert "Customer service" in heard
    assert "customer-service" not in heard


def test_role_attribution_says_each_role_once_and_reads_as_english() -> None:
    from esp_wizard.findings.attribution import name_replacer
    from esp_wizard.findings.model import Person

    people = [Person("Mary Delaney", "it-integrations"), Person("Ravi Patel", "it-integrations")]
    people.append(Person("Helen Marsh", "executive"))
    replace = name_replacer(people, "role")
    assert replace("ask IT integrations (Mary Delaney, Ravi Patel)") == "ask IT integrations"
    assert replace("Mary Delaney (IT integrations), Ravi Patel (IT integrations)") == (
        "IT integrations"
    )
    assert replace("Helen's team and Mary's scripts") == (
        "Executive sponsor's team and IT integrations' scripts"
    )
    assert replace("yes (Helen; Mary) vs no (Ravi)") == (
        "yes (Executive sponsor; IT integrations) vs no (IT integrations)"
    )
    assert replace("nobody named (a, a)") == "nobody named (a, a)"  # no name: left as said
