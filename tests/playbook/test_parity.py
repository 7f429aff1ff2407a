"""The send-at-parity checklist: baseline, owner, dependencies and test per automation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from esp_wizard.cli import main
from esp_wizard.export.playbook_csv import parity_csv
from findings.fixture import build_fixture_engagement
from playbook.facts import answer, compiled, inventory, playbook, ref, session

JOURNEY = {
    "name": "Welcome",
    "trigger": "signup",
    "owner": "Sophie",
    "monthly_volume": 42_000,
    "depends_on": "nightly CRM file",
    "must_move": True,
}


def test_a_journey_gets_a_year_of_volume_its_owner_and_the_feed_it_needs() -> None:
    ops = session(
        ref("s1", ("Sophie", "email-ops")),
        answers=(answer("kpis", "click_rate", "Click rate"),),
        inventories=(inventory("journeys", JOURNEY),),
    )
    data = session(
        ref("s2", ("Raj", "data-crm"), number=1),
        inventories=(
            inventory("data_sources", {"name": "CRM", "transport": "sftp", "frequency": "daily"}),
        ),
    )
    line = next(x for x in playbook(ops, data).parity.lines if x.name == "Welcome")
    assert line.kind == "trigger"
    assert line.yearly_volume == 504_000
    assert line.baseline == "504,000 messages in 12 months"
    assert playbook(ops, data).parity.kpis == ("Click rate",)
    assert line.owner == "Sophie"
    assert line.dependencies == ("CRM (sftp, daily)",)
    assert "within ±10% of 9,692" in line.test


def test_a_journey_without_volume_or_owner_says_what_is_missing_and_whom_to_ask() -> None:
    bare = {"name": "Winback", "trigger": "inactivity"}
    book = playbook(
        session(ref("s1", ("Tom", "email-ops")), inventories=(inventory("journeys", bare),))
    )
    line = book.parity.lines[0]
    assert line.yearly_volume is None
    assert line.owner == "not named: ask Email operations (Tom)"
    assert "Record its volume first" in line.test
    asks = {(m.question_id, m.ask) for m in book.parity.missing}
    assert ("journeys", "Email operations (Tom)") in asks
    assert ("kpis", "Analytics") in asks
    assert ("baselines", "Analytics") in asks


def test_the_kpi_baseline_answer_says_what_to_record_before_switching() -> None:
    answers = (answer("baselines", "no_baseline"), answer("kpis", "click_rate", "Click rate"))
    parity = playbook(session(ref("s1", ("Owen", "analytics")), answers=answers)).parity
    assert parity.kpi_baseline.startswith("No KPI baseline: record each line's KPIs")
    assert parity.missing[-1].question_id == "journeys"  # nothing inventoried: all to ask


def test_rows_that_will_not_move_are_not_tested_and_reports_are() -> None:
    retired = {**JOURNEY, "name": "Old promo", "must_move": False}
    report_row = {"name": "Weekly pack", "source": "ESP export", "frequency": "weekly"}
    book = playbook(
        session(
            ref("s1", ("Owen", "analytics")),
            inventories=(inventory("journeys", retired), inventory("reports", report_row)),
        )
    )
    assert [(x.kind, x.name) for x in book.parity.lines] == [("report", "Weekly pack")]
    assert book.parity.lines[0].dependencies == ("ESP export",)
    assert book.parity.lines[0].owner == "Analytics (Owen)"


def test_no_inventory_at_all_gives_no_line_and_names_every_role_to_ask() -> None:
    book = playbook(session(ref("s1", ("Kim", "executive"))))
    assert book.parity.lines == ()
    assert "Email operations or Creative and content" in book.parity.missing[0].ask


def test_the_parity_csv_has_a_line_per_automation_and_defuses_formulas() -> None:
    hostile = {**JOURNEY, "name": '=HYPERLINK("http://x")', "owner": "@admin"}
    report = compiled(
        session(ref("s1", ("Sophie", "email-ops")), inventories=(inventory("journeys", hostile),))
    )
    text = parity_csv(report)
    assert text.startswith("\ufeffkind,automation,baseline,yearly_volume,kpis,owner")
    lines = text.split("\r\n")
    assert len([x for x in lines if x]) == 2
    assert "'=HYPERLINK" in lines[1] and ",'@admin," in lines[1]


def test_report_part_parity_writes_the_csv_and_refuses_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_fixture_engagement(tmp_path)
    out = tmp_path / "parity.csv"
    assert main(["--workspace", str(tmp_path), "report", "--part", "parity", "-o", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:2] == ["kind", "automation"]
    assert ("inbound API", "Password reset") in {(r[0], r[1]) for r in rows[1:]}
    assert "automations to test at parity" in capsys.readouterr().out
    args = ["--workspace", str(tmp_path), "report", "--part", "parity", "--format", "md"]
    assert main(args) == 2
    assert capsys.readouterr().err.count("\n") == 1
