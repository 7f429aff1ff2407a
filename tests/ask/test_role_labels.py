"""`ask` names roles as a consultant reads them, in the interface's language: the role
picker and the introduction say "Email operations", the session file keeps "email-ops"."""

from __future__ import annotations

import io

import pytest

from esp_wizard import i18n
from esp_wizard.ask.main import introduction
from esp_wizard.ask.plain import PlainPrompter
from esp_wizard.ask.start import _ask_role
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee


def ask_role(questionnaire: Questionnaire, typed: str) -> tuple[str, str]:
    out = io.StringIO()
    role = _ask_role(PlainPrompter(io.StringIO(typed + "\n"), out), questionnaire)
    return role, out.getvalue()


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "  4. IT integrations\n"), ("fr", "  4. Intégrations SI\n")],
)
def test_the_role_picker_lists_labels_and_records_the_id(
    complete: Questionnaire, language: str, shown: str
) -> None:
    with i18n.use(language):
        role, out = ask_role(complete, "4")
    assert shown in out
    assert "it-integrations" not in out and "email-ops" not in out
    assert role == "it-integrations"


@pytest.mark.parametrize("typed", ["Data and CRM", "data and crm", "data-crm", "Data"])
def test_a_role_is_typed_by_its_label_or_its_id(complete: Questionnaire, typed: str) -> None:
    with i18n.use("en"):
        assert ask_role(complete, typed)[0] == "data-crm"


def test_the_introduction_names_the_interviewees_roles(interview: Interview) -> None:
    interview.session.interviewees = [Interviewee(name="Ana", role="email-ops")]
    with i18n.use("fr"):
        lines = introduction(interview, "sessions/x.toml")
    assert any("Ana (Opérations email)" in line for line in lines), lines
