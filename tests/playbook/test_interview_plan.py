"""The interview plan: people named across sessions, merged, with the questionnaire to use."""

from __future__ import annotations

import pytest

from esp_wizard.findings.playbook.interview_plan import questionnaire_for
from esp_wizard.questionnaire.model import ROLES
from playbook.facts import inventory, playbook, ref, session


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Marketing Analyst", "analytics"),
        ("Senior Email Designer & Developer", "creative-content"),
        ("Email Deliverability & Operations Specialist", "deliverability"),
        ("CRM Data Lead", "data-crm"),
        ("CRM & Email Manager", "email-ops"),
        ("Data Protection Officer", "legal-privacy"),
        ("Head of IT Applications", "it-integrations"),
        ("Responsable du service client", "customer-service"),
        ("Juriste données personnelles", "legal-privacy"),
        ("Chief Marketing Officer", "executive"),
        ("deliverability", "deliverability"),
        ("Procurement Manager", ""),
        ("Zendesk administrator", "customer-service"),
        ("DNS and change board", "it-integrations"),
        ("Editor", ""),  # "edit" must not read as "it"
    ],
)
def test_a_job_title_picks_the_questionnaire_to_use(title: str, role: str) -> None:
    assert questionnaire_for(title) == role


def test_people_named_in_several_sessions_are_one_row_with_every_topic() -> None:
    exec_session = session(
        ref("s1", ("Helen", "executive")),
        inventories=(
            inventory(
                "who_else", {"name": "Owen Price", "role": "Analyst", "why": "The board numbers"}
            ),
        ),
    )
    ops_session = session(
        ref("s2", ("Sophie", "email-ops"), number=1),
        inventories=(
            inventory(
                "who_else",
                {"name": "owen  price", "role": "Analyst", "why": "The Monday report"},
                {"name": "Helen", "role": "CMO", "why": "Budget"},
            ),
        ),
    )
    plan = playbook(exec_session, ops_session).interview_plan
    owen = next(p for p in plan.people if p.name == "Owen Price")
    assert owen.topics == ("The board numbers", "The Monday report")
    assert owen.named_by == ("Helen (Executive sponsor)", "Sophie (Email operations)")
    assert owen.questionnaire == "analytics"
    assert not owen.interviewed
    helen = next(p for p in plan.people if p.name == "Helen")
    assert helen.interviewed  # she was heard in s1
    assert plan.people[0] == owen  # people still to interview come first
    assert "analytics" in plan.roles_missing
    assert plan.candidates["analytics"] == ("Owen Price",)


def test_no_one_named_leaves_an_empty_plan_and_every_other_role_missing() -> None:
    plan = playbook(session(ref("s1", ("Kim", "email-ops")))).interview_plan
    assert plan.people == ()
    assert plan.roles_missing == tuple(r for r in ROLES if r != "email-ops")
    assert all(names == () for names in plan.candidates.values())


def test_one_person_given_two_titles_keeps_both_and_the_first_that_fits() -> None:
    first = session(
        ref("s1", ("Helen", "executive")),
        inventories=(inventory("who_else", {"name": "Mary", "role": "Procurement"}),),
    )
    second = session(
        ref("s2", ("Owen", "analytics"), number=1),
        inventories=(inventory("who_else", {"name": "MARY", "role": "Integration developer"}),),
    )
    mary = playbook(first, second).interview_plan.people[0]
    assert mary.roles_given == ("Procurement", "Integration developer")
    assert mary.questionnaire == "it-integrations"
    assert mary.topics == ()
