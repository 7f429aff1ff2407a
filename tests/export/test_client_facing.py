"""What the client reads: people by role, no internal keys, no glitches, the sponsor's decisions."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from esp_wizard.export import render_report
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
CLIENT_FACING = ("md", "html")


@pytest.fixture(scope="module")
def example() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


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
    text = visible(render_report(example, fmt), fmt)
    shown = {name for name in names(example) if re.search(rf"(?<!\w){name}(?!\w)", text)}
    assert not shown
    assert "IT integrations" in text


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_named_attribution_names_people_and_anonymous_names_nobody(
    example: EngagementReport, fmt: str
) -> None:
    assert "Mary Delaney" in visible(render_report(example, fmt, "named"), fmt)
    anonymous = visible(render_report(example, fmt, "anonymous"), fmt)
    assert "Mary Delaney" not in anonymous and "IT integrations" not in anonymous
    assert "an interviewee" in anonymous


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_no_internal_key_is_visible(example: EngagementReport, fmt: str) -> None:
    text = visible(render_report(example, fmt, "named"), fmt)
    keys = {k for f in example.all_findings for k in (f.key, *f.sources) if "-" in k}
    assert not {k for k in keys if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)}


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_no_text_glitch(example: EngagementReport, fmt: str) -> None:
    text = visible(render_report(example, fmt), fmt)
    for glitch in ("variants variants", "Fires on An", "single point of failure"):
        assert glitch not in text


def test_no_title_labels_a_person_a_failure(example: EngagementReport) -> None:
    for finding in example.all_findings:
        assert not any(name in finding.title for name in names(example))


@pytest.mark.parametrize("fmt", CLIENT_FACING)
def test_the_contract_decision_leads_the_example(example: EngagementReport, fmt: str) -> None:
    text = visible(render_report(example, fmt), fmt)
    executive = text.split("Roadmap", 2)[-2] if fmt == "md" else text
    assert "Extend the current contract or shorten the scope" in executive
    assert "3 to 9 months after the contract" in executive
    assert "5 January 2027" in executive  # six months' notice before the July 2027 end


def test_the_contract_decision_changes_with_the_dates(tmp_path: Path) -> None:
    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    for path in (tmp_path / "sessions").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        longer = text.replace(
            'contract_months_left]\nstatus = "answered"\nvalue = 9\n',
            'contract_months_left]\nstatus = "answered"\nvalue = 30\n',
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
