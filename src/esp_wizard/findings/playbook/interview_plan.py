"""The interview plan: everyone a "who else should we talk to?" answer named, merged by name.

Each person gets the bundled questionnaire that fits the job title people gave (matched
on words, English and French, first rule wins; a title that is already a role id is
taken as is), the topics they were named for, who named them, and whether a session of
the engagement already heard them. The roles nobody has been interviewed for close it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from esp_wizard.findings.model import InventoryRow, InventoryTable, SessionRef
from esp_wizard.findings.playbook.model import InterviewPlan, PlannedPerson
from esp_wizard.questionnaire.model import ROLES

QUESTION_ID = "who_else"

# (words that reveal the role, the role); order matters: "email designer" is creative
# before "email" is email-ops, and "CRM & email manager" is email-ops before "crm" is data.
ROLE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("deliverability", "délivrabilité", "postmaster"), "deliverability"),
    (
        (
            "legal",
            "privacy",
            "protection",
            "dpo",
            "compliance",
            "counsel",
            "juridique",
            "juriste",
            "conformité",
            "rgpd",
            "gdpr",
        ),
        "legal-privacy",
    ),
    (
        (
            "customer service",
            "customer care",
            "support",
            "service client",
            "relation client",
            "contact center",
            "zendesk",
            "helpdesk",
            "call center",
        ),
        "customer-service",
    ),
    (
        (
            "design",
            "creative",
            "content",
            "copy",
            "graphiste",
            "créa",
            "contenu",
            "rédact",
            "template",
        ),
        "creative-content",
    ),
    (("analyst", "analytics", "insight", "reporting", "bi ", "analyste", "mesure"), "analytics"),
    (
        (
            "email",
            "e-mail",
            "campaign",
            "campagne",
            "emailing",
            "crm marketing",
            "marketing automation",
        ),
        "email-ops",
    ),
    (("data", "crm", "cdp", "données"), "data-crm"),
    (
        (
            "it ",
            "integration",
            "intégration",
            "engineer",
            "ingénieur",
            "architect",
            "developer",
            "développeu",
            "informatique",
            "dsi",
            "devops",
            "tech",
            "dns ",
        ),
        "it-integrations",
    ),
    (
        (
            "chief",
            "cmo",
            "director",
            "directeur",
            "directrice",
            "head of",
            "vp",
            "sponsor",
            "ceo",
            "responsable marketing",
        ),
        "executive",
    ),
)


def questionnaire_for(title: str) -> str:
    """The bundled role that fits a job title, or '' when none does."""
    text = f" {' '.join(title.casefold().split())} "
    if text.strip() in ROLES:
        return text.strip()
    for words, role in ROLE_WORDS:
        if any(_has(text, word) for word in words):
            return role
    return ""


def _has(text: str, word: str) -> bool:
    if word.endswith(" "):  # a short word: whole word only ("it " is not "edit")
        return re.search(rf"\b{re.escape(word.strip())}\b", text) is not None
    return word in text


def interview_plan(
    tables: Sequence[InventoryTable],
    sessions: Sequence[SessionRef],
    roles_missing: Sequence[str],
) -> InterviewPlan:
    heard = {_key(p.name) for s in sessions for p in s.interviewees}
    table = next((t for t in tables if t.question_id == QUESTION_ID), None)
    people = [_person(row, heard) for row in table.rows] if table else []
    people.sort(key=lambda p: (p.interviewed, p.questionnaire == "", p.name.casefold()))
    candidates = {
        role: tuple(p.name for p in people if p.questionnaire == role and not p.interviewed)
        for role in roles_missing
    }
    return InterviewPlan(tuple(people), tuple(roles_missing), candidates)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _person(row: InventoryRow, heard: set[str]) -> PlannedPerson:
    titles = row.cells.get("role", ())
    role = next((r for r in map(questionnaire_for, titles) if r), "")
    named_by = tuple(dict.fromkeys(s.session.people for s in row.sources))
    return PlannedPerson(
        name=row.name,
        roles_given=titles,
        questionnaire=role,
        topics=row.cells.get("why", ()),
        named_by=named_by,
        interviewed=row.key in heard or _key(row.name) in heard,
    )
