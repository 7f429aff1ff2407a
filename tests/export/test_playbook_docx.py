"""The playbook in the DOCX report: its four numbered parts, the map as a table of flows,
the interview plan in the follow-ups appendix, and people's text kept as text."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document

from esp_wizard.export import render_report_any
from esp_wizard.export.docx_export import outline
from esp_wizard.export.playbook_docx import FLOW_HEADER, flow_row
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import MapEdge, MapNode, SystemMap
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
PARTS = (
    "4. Current-state map",
    "5. Send-at-parity checklist",
    "6. Go/no-go scorecard for cut-over",
    "7. Warm-up plan and roadmap",
)


@pytest.fixture(scope="module")
def example() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


def docx_outline(report: EngagementReport) -> str:
    data = render_report_any(report, "docx")
    assert isinstance(data, bytes)
    return outline(data)


def test_the_four_playbook_parts_are_headings_between_the_register_and_appendix_a(
    example: EngagementReport,
) -> None:
    lines = docx_outline(example).splitlines()
    places = [lines.index(f"[Heading1] {part}") for part in PARTS]
    assert places == sorted(places)
    assert lines.index("[Heading1] 3. Risk register") < places[0]
    assert places[-1] < lines.index("[Heading1] Appendix A. Findings")


def test_the_map_is_a_table_of_every_flow_with_a_header_row(example: EngagementReport) -> None:
    assert example.playbook is not None
    system_map = example.playbook.system_map
    lines = docx_outline(example).splitlines()
    start = lines.index("|= " + " | ".join(FLOW_HEADER) + " |")
    flows = lines[start + 1 : start + 1 + len(system_map.edges)]
    assert all(line.startswith("| ") for line in flows)
    assert all(system_map.esp in line for line in flows)
    names = {n.name for n in system_map.nodes}
    assert {line.split(" | ")[0].removeprefix("| ") for line in flows} - {system_map.esp} <= names


def test_the_interview_plan_closes_the_follow_ups_appendix(example: EngagementReport) -> None:
    lines = docx_outline(example).splitlines()
    plan = lines.index("[Heading2] Interview plan: who else to talk to")
    assert lines.index("[Heading1] Appendix E. Follow-ups") < plan
    assert plan < lines.index("[Heading1] Appendix F. Sessions and roles")
    assert lines[plan + 1].startswith("|= Person | Role given |")


def test_a_flow_reads_in_the_direction_the_data_goes() -> None:
    node = MapNode("n1", "Shop", "integration", "", False)
    system_map = SystemMap("Mailer", (node,), (), 0, 0, ())
    out = MapEdge("esp", "n1", "from_esp", "webhook", "", ("undocumented", "no owner"))
    into = MapEdge("n1", "esp", "to_esp", "", "nightly", ())
    assert flow_row(out, system_map) == [
        "Mailer",
        "Shop",
        "out of the ESP",
        "webhook",
        "not given",
        "no owner",
        "undocumented, no owner",
    ]
    assert flow_row(into, system_map)[:5] == [
        "Shop",
        "Mailer",
        "into the ESP",
        "not given",
        "nightly",
    ]


def test_hostile_system_names_stay_text_and_the_document_opens(
    example: EngagementReport,
) -> None:
    assert example.playbook is not None
    hostile = '</w:t></w:r><w:p>Evil & "co" <b>\x07'
    system_map = example.playbook.system_map
    nodes = (dataclasses.replace(system_map.nodes[0], name=hostile), *system_map.nodes[1:])
    playbook = dataclasses.replace(
        example.playbook, system_map=dataclasses.replace(system_map, nodes=nodes)
    )
    data = render_report_any(dataclasses.replace(example, playbook=playbook), "docx")
    assert isinstance(data, bytes)
    document = Document(io.BytesIO(data))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert '</w:t></w:r><w:p>Evil & "co" <b>' in cells


def test_table_columns_follow_their_content_and_keep_words_whole() -> None:
    from esp_wizard.export.docx_export import CELL_MARGINS, CHAR, TEXT_WIDTH, column_widths

    rows = [
        ["No.", "Owner", "Impact", "Mitigation"],
        ["1", "IT integrations", "High", "Name an owner who signs off the test " * 4],
        ["2", "to assign", "Low", "Document the feed and its schedule " * 3],
    ]
    number, owner, impact, prose = column_widths(rows)
    assert number + owner + impact + prose <= TEXT_WIDTH
    assert owner >= CELL_MARGINS + CHAR * len("integrations")  # "integrations" never breaks
    assert impact >= CELL_MARGINS + CHAR * len("Impact")
    assert prose > 2 * max(number, owner, impact)


def test_a_table_keeps_its_intro_on_its_page_and_rows_whole() -> None:
    from esp_wizard.export.docx_export import Body

    body = Body()
    body.para("Intro", "Subtitle")
    body.para("Plain intro")
    body.table(["A", "B"], [["1", "2"]])
    assert body.parts[0] == (
        '<w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">Intro</w:t></w:r></w:p>'
    )
    assert body.parts[1].startswith("<w:p><w:pPr><w:keepNext/></w:pPr><w:r>")
    assert body.parts[2].count("<w:cantSplit/>") == 2


def test_a_styled_intro_keeps_its_style_first() -> None:
    from esp_wizard.export.docx_export import Body

    body = Body()
    body.heading("Stop rules", 2)
    body.table(["A"], [["1"]])
    assert body.parts[0].startswith('<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:keepNext/>')
