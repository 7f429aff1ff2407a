"""The current-state map: systems, flows, flags, a deterministic layout, safe SVG/Mermaid."""

from __future__ import annotations

from esp_wizard.export.playbook_markdown import mermaid
from esp_wizard.export.playbook_svg import map_svg
from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.inventory import merge_inventory
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.current_map import LEFT_X, RIGHT_X, system_map
from esp_wizard.findings.playbook.gonogo import scorecard
from playbook.facts import answer, inventory, playbook, ref, session

MARY = ref("s1", ("Mary", "it-integrations"))
HOSTILE = '<script>alert(1)</script> "Shop" ```'


def facts() -> SessionFacts:
    return session(
        MARY,
        answers=(answer("current_esp", "mailharbor", "MailHarbor"),),
        inventories=(
            inventory(
                "integrations",
                {
                    "name": "CRM",
                    "direction": "to_esp",
                    "transport": "sftp",
                    "schedule": "daily",
                    "owner": "Mary",
                    "documented": True,
                },
                {
                    "name": "BI export",
                    "direction": "from_esp",
                    "transport": "sftp",
                    "schedule": "weekly",
                    "owner": "Mary",
                    "documented": False,
                },
                {"name": HOSTILE, "direction": "both", "transport": "api"},
            ),
            inventory("api_messages", {"name": "Password reset", "trigger_system": "Web shop"}),
        ),
    )


def test_systems_are_placed_by_direction_and_flagged_when_undocumented_or_ownerless() -> None:
    system_map = playbook(facts()).system_map
    nodes = {n.name: n for n in system_map.nodes}
    assert system_map.esp == "MailHarbor"
    assert nodes["CRM"].x == LEFT_X and nodes["Web shop"].x == LEFT_X
    assert nodes["BI export"].x == RIGHT_X and nodes[HOSTILE].x == RIGHT_X
    assert nodes["CRM"].flagged == ()
    assert nodes["BI export"].flagged == ("undocumented",)
    assert nodes[HOSTILE].flagged == ("no owner",)
    edges = {e.source if e.source != "esp" else e.target: e for e in system_map.edges}
    assert edges[nodes["CRM"].id].label == "sftp · daily"
    assert edges[nodes[HOSTILE].id].direction == "both"
    assert edges[nodes["Web shop"].id].label == "API"
    missing = {m.question_id: m.ask for m in system_map.missing}
    assert missing == {"data_sources": "Data and CRM", "integrations": "IT integrations (Mary)"}


def test_the_same_answers_draw_the_same_svg_byte_for_byte_with_every_text_escaped() -> None:
    first = map_svg(playbook(facts()).system_map)
    assert first == map_svg(playbook(facts()).system_map)
    assert "<script>" not in first
    assert "&lt;script&gt;" in first
    assert first.count("<svg") == 1 and first.rstrip().endswith("</svg>")


def test_the_mermaid_block_cannot_be_broken_by_a_name() -> None:
    block = mermaid(playbook(facts()).system_map)
    body = block.removeprefix("```mermaid\n").removesuffix("\n```")
    assert "```" not in body and "<script" not in body
    assert body.count('"') % 2 == 0
    assert "#60;script#62;" in body
    assert 'esp <-.->|"api"| n1' in body  # both ways, flagged: no owner


def test_no_inventory_draws_the_esp_alone_and_says_so() -> None:
    system_map = playbook(session(MARY)).system_map
    assert system_map.nodes == ()
    svg = map_svg(system_map)
    assert "No integration or data source answered yet." in svg
    assert {m.question_id for m in system_map.missing} == {"integrations", "data_sources"}


def test_a_custom_questionnaires_odd_field_types_are_not_drawn_as_directions() -> None:
    # straight to the artefacts: the acceptance checklist has its own view of such fields
    odd = session(
        MARY,
        inventories=(
            inventory("integrations", {"name": "ERP", "direction": ["to_esp", "from_esp"]}),
            inventory("domains", {"name": "acme.example", "kind": ["sending"], "spf": True}),
        ),
    )
    answers = Answers([odd], merge_inventory([odd]))
    assert system_map(answers).edges[0].direction == "unknown"
    auth = next(c for c in scorecard(answers, []).criteria if c.id == "authentication")
    assert auth.status == "not met"  # no DKIM or DMARC given for the one domain listed
