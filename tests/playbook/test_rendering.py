"""The playbook in the report's formats: people's words never become structure."""

from __future__ import annotations

import json
import re

from esp_wizard.export import render_report
from esp_wizard.findings.model import EngagementReport
from playbook.facts import answer, compiled, inventory, ref, session

HOSTILE = '<img src=x onerror=alert(1)> | **bold** ``` "quoted"'


def hostile_report() -> EngagementReport:
    facts = session(
        ref("s1", ("Mary", "it-integrations")),
        answers=(answer("daily_peak_volume", 50_000),),
        inventories=(
            inventory("who_else", {"name": HOSTILE, "role": "Analyst", "why": HOSTILE}),
            inventory("integrations", {"name": HOSTILE, "direction": "to_esp", "owner": HOSTILE}),
            inventory("journeys", {"name": HOSTILE, "trigger": "signup", "owner": HOSTILE}),
        ),
    )
    return compiled(facts)


def test_html_escapes_every_playbook_text() -> None:
    page = render_report(hostile_report(), "html")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    for anchor in ("current-map", "parity", "go-no-go", "warm-up"):
        assert f'<section id="{anchor}" class="playbook">' in page
    assert '<div id="interview-plan">' in page  # closes the follow-ups appendix


def test_markdown_tables_keep_their_columns_and_the_mermaid_block_stays_closed() -> None:
    text = render_report(hostile_report(), "md")
    plan = text.split("### Interview plan: who else to talk to", 1)[1].split("\n\n")[1]
    header, _, row = plan.splitlines()
    assert header.count(" | ") == row.count(" | ") == 5  # the pipe in the name is escaped
    assert re.search(r"(?<!\\)<img", text) is None  # only ever as \\<img
    assert text.count("```mermaid") == 1
    block = text.split("```mermaid\n", 1)[1].split("\n```\n", 1)[0]
    assert "```" not in block


def test_json_holds_the_playbook_with_its_verdicts_and_what_is_missing() -> None:
    data = json.loads(render_report(hostile_report(), "json"))
    book = data["playbook"]
    assert book["interview_plan"]["people"][0]["name"] == HOSTILE
    assert book["scorecard"]["verdict"] == "not yet decidable"
    assert book["warmup"]["length_weeks"] == len(book["warmup"]["weeks"]) > 0
    assert book["system_map"]["mermaid"].startswith("```mermaid\nflowchart LR")
    asks = {m["question_id"] for m in book["system_map"]["missing"]}
    assert asks == {"data_sources", "integrations"}
