"""One interviewee: a name and a role (the spec's roles are suggested; any other is fine).

A known role is shown and suggested as its label in the interface's language ("Email
operations"); its id is accepted too, and the id is what the session file keeps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Input

from esp_wizard.i18n import _
from esp_wizard.questionnaire.model import ROLES
from esp_wizard.roles import role_id, shown_role
from esp_wizard.session.model import Interviewee
from esp_wizard.tui.widgets.form_input import FormInput


class IntervieweeRow(Horizontal):
    def __init__(self, given: Interviewee | None = None, roles: list[str] | None = None) -> None:
        super().__init__(classes="interviewee")
        self.given = given
        self.roles = roles or list(ROLES)

    def compose(self) -> ComposeResult:
        given = self.given
        locked = given is not None  # from the command line: shown, not asked again
        yield FormInput(
            given.name if given else "",
            placeholder=_("Name"),
            compact=True,
            disabled=locked,
            classes="person-name",
        )
        yield FormInput(
            shown_role(given.role) if given else "",
            placeholder=_("Role, e.g. {role} (→ completes)").format(role=shown_role("email-ops")),
            suggester=SuggestFromList(role_suggestions(self.roles), case_sensitive=False),
            compact=True,
            disabled=locked,
            classes="person-role",
        )

    def value(self) -> tuple[str, str]:
        name = self.query_one(".person-name", Input).value.strip()
        role = role_id(self.query_one(".person-role", Input).value)
        return name, role

    def focus_name(self) -> None:
        self.query_one(".person-name", Input).focus()


def role_suggestions(roles: list[str]) -> list[str]:
    """The labels first (what the form shows), then the ids a consultant may type."""
    return [*(shown_role(role) for role in roles), *roles]
