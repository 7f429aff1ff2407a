"""The go/no-go scorecard: met, not met or unknown from the answers, with blockers."""

from __future__ import annotations

import dataclasses

from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.model import Evidence, Finding, NamedAnswer
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.gonogo import scorecard
from playbook.facts import answer, inventory, playbook, ref, session

BEN = ref("s1", ("Ben", "deliverability"))


def statuses(*facts: SessionFacts) -> dict[str, str]:
    return {c.id: c.status for c in playbook(*facts).scorecard.criteria}


def test_nothing_answered_leaves_every_criterion_unknown_with_whom_to_ask() -> None:
    card = playbook(session(BEN)).scorecard
    assert {c.status for c in card.criteria} == {"unknown"}
    assert card.verdict == "not yet decidable"
    unsubscribe = next(c for c in card.criteria if c.id == "unsubscribe")
    assert unsubscribe.reason == "not answered"
    assert unsubscribe.ask == "Deliverability (Ben)"


def test_answers_decide_met_and_not_met() -> None:
    facts = session(
        BEN,
        answers=(
            answer("one_click_unsubscribe", "one_click"),
            answer("transactional_in_esp", True),
            answer("transactional_fallback", "none"),
            answer("suppression_export_tested", True),
        ),
        inventories=(
            inventory(
                "domains",
                {
                    "name": "news.acme.example",
                    "kind": "sending",
                    "spf": True,
                    "dkim": True,
                    "dmarc": "reject",
                },
                {
                    "name": "acme.example",
                    "kind": "sending",
                    "spf": True,
                    "dkim": False,
                    "dmarc": "absent",
                },
            ),
        ),
    )
    found = statuses(facts)
    assert found["unsubscribe"] == "met"
    assert found["suppressions"] == "met"
    assert found["fallback"] == "not met"
    assert found["authentication"] == "not met"
    card = playbook(facts).scorecard
    assert card.verdict == "no-go"
    auth = next(c for c in card.criteria if c.id == "authentication")
    assert auth.reason.endswith(": acme.example")


def test_sessions_that_disagree_make_a_criterion_unknown_and_say_who_said_what() -> None:
    legal = session(
        ref("s1", ("Aisha", "legal-privacy")),
        answers=(answer("suppressions_exportable", True, "yes"),),
    )
    data = session(
        ref("s2", ("Raj", "data-crm"), number=1),
        answers=(answer("suppressions_exportable", False, "no"),),
    )
    criterion = next(c for c in playbook(legal, data).scorecard.criteria if c.id == "suppressions")
    assert criterion.status == "unknown"
    assert criterion.reason == (
        "answers disagree, settle first: yes (Aisha (Legal and privacy)) vs no (Raj (Data and CRM))"
    )


def test_a_finding_on_a_criterions_question_blocks_it() -> None:
    facts = session(BEN, answers=(answer("one_click_unsubscribe", "header_only"),))
    evidence = Evidence(BEN, "t", "d", (NamedAnswer("one_click_unsubscribe", "q", "a"),))
    finding = Finding(
        "k",
        "rule",
        "gap",
        "No one-click unsubscribe",
        "",
        "",
        5,
        5,
        1,
        "move",
        1,
        ("deliverability",),
        1.0,
        True,
        (evidence,),
    )
    other = dataclasses.replace(
        finding, title="Unrelated", evidence=(dataclasses.replace(evidence, answers=()),)
    )
    card = scorecard(Answers([facts], []), [finding, other])
    unsubscribe = next(c for c in card.criteria if c.id == "unsubscribe")
    assert unsubscribe.status == "not met"
    assert unsubscribe.blocking == ("No one-click unsubscribe",)
