"""The playbook parts: timeline, conflicts, merged inventory and the acceptance checklist."""

from __future__ import annotations

import pytest

from esp_wizard.findings import compile_engagement
from esp_wizard.findings.model import EngagementReport, InventoryTable
from esp_wizard.findings.timeline import estimate
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from findings.fixture import fixture_questionnaire, make_opened


@pytest.fixture(scope="module")
def ops() -> Questionnaire:
    return fixture_questionnaire("ops")


@pytest.fixture(scope="module")
def it() -> Questionnaire:
    return fixture_questionnaire("it")


@pytest.mark.parametrize(
    ("drivers", "months"),
    [
        (0, "3-4 months"),
        (2, "3-4 months"),
        (3, "6-9 months"),
        (5, "6-9 months"),
        (6, "12-18 months"),
        (11, "12-18 months"),
    ],
)
def test_timeline_bands(drivers: int, months: str) -> None:
    assert estimate(drivers) == months


def test_a_driver_counts_once_across_sessions_and_questionnaires(
    ops: Questionnaire, it: Questionnaire
) -> None:
    journeys = [{"name": "A"}, {"name": "B"}]
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {"transactional_in_esp": True}, day=1),
            make_opened(ops, "s2", ["analytics"], {"transactional_in_esp": True}, day=2),
            make_opened(
                it, "s3", ["it-integrations"], {"api_messages": [{"name": "Reset"}]}, day=3
            ),
            make_opened(ops, "s4", ["email-ops"], {"journeys": journeys}, day=4),
        ]
    )
    drivers = {d.id: [s.id for s in d.sessions] for d in report.timeline.drivers}
    assert drivers == {"transactional-mail": ["s1", "s2", "s3"], "many-journeys": ["s4"]}
    assert report.timeline.count == 2
    assert report.timeline.estimate == "3-4 months"


def stability(
    opened_roles: list[tuple[str, list[str], int]], ops: Questionnaire
) -> EngagementReport:
    return compile_engagement(
        [
            make_opened(ops, sid, roles, {"platform_stability": value}, day=n + 1)
            for n, (sid, roles, value) in enumerate(opened_roles)
        ]
    )


def test_a_conflict_says_who_said_what(ops: Questionnaire, it: Questionnaire) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {"list_source": "csv_upload"}, day=1),
            make_opened(it, "s2", ["it-integrations"], {"list_source": "api"}, day=2),
            make_opened(ops, "s3", ["analytics"], {"list_source": "csv_upload"}, day=3),
        ]
    )
    assert [c.question_id for c in report.conflicts] == ["list_source"]
    positions = [(p.answer, [s.id for s in p.sessions]) for p in report.conflicts[0].positions]
    assert positions == [
        ("Manual CSV upload", ["s1", "s3"]),
        ("Automated sync (API or connector)", ["s2"]),
    ]
    assert report.conflicts[0].positions[0].roles == ("email-ops", "analytics")


def test_people_of_the_same_role_who_disagree_are_not_a_conflict_between_roles(
    ops: Questionnaire,
) -> None:
    report = stability([("s1", ["email-ops"], 2), ("s2", ["email-ops"], 4)], ops)
    assert report.conflicts == ()


def test_roles_that_agree_are_not_a_conflict(ops: Questionnaire) -> None:
    report = stability([("s1", ["email-ops"], 3), ("s2", ["analytics"], 3)], ops)
    assert report.conflicts == ()


def test_a_session_without_role_can_disagree_with_a_role(ops: Questionnaire) -> None:
    report = stability([("s1", ["email-ops"], 3), ("s2", [], 1)], ops)
    assert [c.question_id for c in report.conflicts] == ["platform_stability"]


def test_choices_are_compared_by_option_value_not_label(ops: Questionnaire) -> None:
    relabelled = parse_questionnaire(
        ops.source.replace('"Manual CSV upload"', '"Import CSV à la main"').replace(
            'language = "en"', 'language = "fr"'
        )
    )
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {"list_source": "csv_upload"}, day=1),
            make_opened(relabelled, "s2", ["data-crm"], {"list_source": "csv_upload"}, day=2),
        ]
    )
    assert report.conflicts == ()


def test_free_text_is_not_compared(ops: Questionnaire) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {"biggest_worry": "Data loss"}, day=1),
            make_opened(ops, "s2", ["analytics"], {"biggest_worry": "Reports"}, day=2),
        ]
    )
    assert report.conflicts == ()


def table(report: EngagementReport, question_id: str) -> InventoryTable:
    return next(t for t in report.inventory if t.question_id == question_id)


def test_inventory_rows_merge_by_first_field_keeping_every_source(it: Questionnaire) -> None:
    first = [
        {"name": "Salesforce", "kind": "crm", "owner": "Raj", "must_move": True},
        {"name": "FTP export", "must_move": False},
    ]
    second = [
        {"name": "  SALESFORCE ", "kind": "crm", "owner": "Omar", "must_move": True},
        {"name": "Shop", "must_move": True},
        {"name": "ftp  export", "must_move": True},
    ]
    report = compile_engagement(
        [
            make_opened(it, "s1", ["it-integrations"], {"integrations": first}, day=1),
            make_opened(it, "s2", ["data-crm"], {"integrations": second}, day=2),
        ]
    )
    systems = table(report, "integrations")
    rows = {r.key: r for r in systems.rows}
    assert list(rows) == ["ftp export", "salesforce", "shop"]
    salesforce = rows["salesforce"]
    assert salesforce.name == "Salesforce"
    assert salesforce.cells["owner"] == ("Raj", "Omar")
    assert salesforce.cells["kind"] == ("CRM",)
    assert [s.session.id for s in salesforce.sources] == ["s1", "s2"]
    assert [(r.name, r.must_move) for r in systems.rows] == [
        ("FTP export", "disputed"),
        ("Salesforce", "yes"),
        ("Shop", "yes"),
    ]
    assert "must_move" not in dict(systems.columns)  # shown as its own decision


def test_must_move_and_must_not_move(ops: Questionnaire) -> None:
    templates = [
        {"name": "News", "family": "newsletter", "must_move": True},
        {"name": "Old promo", "family": "promotional", "must_move": False},
        {"name": "Receipt", "family": "transactional"},
    ]
    report = compile_engagement([make_opened(ops, "s1", ["email-ops"], {"templates": templates})])
    found = table(report, "templates")
    assert [r.name for r in found.rows_where("yes")] == ["News"]
    assert [r.name for r in found.rows_where("no")] == ["Old promo"]
    assert [r.name for r in found.rows_where("unknown")] == ["Receipt"]


def test_checklist_has_a_line_per_trigger_family_inbound_api_and_integration(
    ops: Questionnaire, it: Questionnaire
) -> None:
    ops_answers = {
        "journeys": [
            {"name": "Welcome", "trigger": "signup"},
            {"name": "Retired flow", "trigger": "signup", "must_move": False},
        ],
        "templates": [
            {"name": "News A", "family": "newsletter", "variants": 2},
            {"name": "News B", "family": "newsletter"},
            {"name": "Receipt", "family": "transactional"},
        ],
    }
    it_answers = {
        "integrations": [
            {"name": "CRM sync", "direction": "to_esp", "transport": "api"},
            {"name": "Shop hook", "direction": "both", "transport": "webhook"},
            {"name": "BI export", "direction": "from_esp", "transport": "api"},
            {"name": "Nightly feed", "direction": "to_esp", "transport": "sftp"},
        ],
        "api_messages": [{"name": "Password reset", "trigger_system": "Website"}],
    }
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], ops_answers, day=1),
            make_opened(it, "s2", ["it-integrations"], it_answers, day=2),
        ]
    )
    lines = [(i.kind, i.name) for i in report.checklist]
    assert lines == [
        ("trigger", "Welcome"),
        ("template family", "Newsletter"),
        ("template family", "Transactional"),
        ("inbound API", "CRM sync"),
        ("inbound API", "Password reset"),
        ("inbound API", "Shop hook"),
        ("integration", "BI export"),
        ("integration", "Nightly feed"),
    ]
    newsletter = next(i for i in report.checklist if i.name == "Newsletter")
    assert "News A (2 variants), News B" in newsletter.check
    reset = next(i for i in report.checklist if i.name == "Password reset")
    assert "Website" in reset.check
    assert [s.id for s in reset.sessions] == ["s2"]
