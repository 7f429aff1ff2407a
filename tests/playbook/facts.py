"""Small in-memory engagements for the playbook tests: session facts built by hand.

The playbook reads only what `collect` gathers (compared answers and inventories), so a
test states exactly the answers it needs, in a few lines, without questionnaires.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from esp_wizard.findings.collect import Compared, InventoryFacts, RowFacts, SessionFacts
from esp_wizard.findings.compile import compile_facts
from esp_wizard.findings.model import EngagementReport, Person, SessionRef
from esp_wizard.findings.playbook.model import Playbook
from esp_wizard.questionnaire.kinds.inventory import row_key

DAY = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC)


def ref(session_id: str, *people: tuple[str, str], number: int = 0) -> SessionRef:
    when = DAY + dt.timedelta(days=number)
    return SessionRef(
        id=session_id,
        client="Acme",
        engagement="Move",
        facilitator="Léa",
        status="completed",
        started=when,
        updated=when,
        interviewees=tuple(Person(n, r) for n, r in people),
        questionnaire_id=people[0][1] if people else "",
        questionnaire_title="",
        language="en",
    )


def answer(question_id: str, value: Any, shown: str | None = None) -> Compared:
    kind = {bool: "bool", str: "option"}.get(type(value), "number")
    canon_value = float(value) if kind == "number" else value
    return Compared(question_id, question_id, (kind, canon_value), shown or str(value))


def inventory(question_id: str, *rows: dict[str, Any]) -> InventoryFacts:
    columns = tuple(dict.fromkeys(k for r in rows for k in r if k != "must_move"))
    facts = tuple(
        RowFacts(
            key=row_key(r["name"]),
            name=r["name"],
            cells={k: str(v) for k, v in r.items() if k != "must_move"},
            raw=dict(r),
            must_move=r.get("must_move"),
        )
        for r in rows
    )
    has_move = any("must_move" in r for r in rows)
    return InventoryFacts(
        question_id, question_id, "item", tuple((c, c) for c in columns), has_move, facts
    )


def session(
    session_ref: SessionRef,
    answers: tuple[Compared, ...] = (),
    inventories: tuple[InventoryFacts, ...] = (),
) -> SessionFacts:
    return SessionFacts(session_ref, (), (), inventories, answers, ())


def compiled(*facts: SessionFacts) -> EngagementReport:
    return compile_facts(list(facts), "Acme", "Move")


def playbook(*facts: SessionFacts) -> Playbook:
    book = compiled(*facts).playbook
    assert book is not None
    return book
