"""Opening an interview: a new session from the options (asking for what they leave out),
or `--resume SESSION`, locked and read with the exact questionnaire it ran with."""

from __future__ import annotations

import argparse
import sys

from questionary import Choice

from esp_wizard.ask.prompter import Marker, Prompter
from esp_wizard.errors import UserError
from esp_wizard.i18n import _
from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import ROLES, Questionnaire
from esp_wizard.roles import role_label
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore

NEW_SESSION_OPTIONS = ("client", "engagement", "questionnaire", "language", "interviewee")
OTHER_ROLE = Marker("OTHER_ROLE")  # a role typed in, for roles a workspace adds
NO_ROLE = ""


def open_interview(args: argparse.Namespace, store: SessionStore, prompter: Prompter) -> Interview:
    if args.resume:
        return _resume(args, store, prompter)
    return _new(args, store, _catalog(store), prompter)


def _catalog(store: SessionStore) -> Catalog:
    catalog = load_catalog(store.workspace.questionnaires_dir)
    for problems in catalog.problems:
        for line in problems.lines():
            print(_("skipped: {line}").format(line=line), file=sys.stderr)
    return catalog


def _resume(args: argparse.Namespace, store: SessionStore, prompter: Prompter) -> Interview:
    """The session with its own questionnaire copy; the installed one only if that is gone."""
    given = [f"--{name}" for name in NEW_SESSION_OPTIONS if getattr(args, name, None)]
    if given:
        leave_out = ", ".join(given)
        raise UserError(
            _("--resume continues a session as it is; leave out {options}").format(
                options=leave_out
            )
        )
    opened = open_session(store, args.resume, lambda: _catalog(store))
    if opened.warning:
        prompter.say(_("Warning: {warning}").format(warning=opened.warning))
    return opened.interview()


def _new(
    args: argparse.Namespace, store: SessionStore, catalog: Catalog, prompter: Prompter
) -> Interview:
    # Options are checked before anything is asked: a typo costs no typing.
    people = [Interviewee.parse(raw) for raw in args.interviewee or []]
    given = catalog.find(args.questionnaire, args.language) if args.questionnaire else None
    offered = [] if given else questionnaire_choices(args.language, catalog)
    client = args.client or _required_text(prompter, _("Client"))
    engagement = _optional_text(prompter, _("Engagement"), args.engagement)
    questionnaire = given or prompter.select(_("Questionnaire"), offered)
    people = people or _ask_interviewees(prompter, questionnaire)
    facilitator = _optional_text(prompter, _("Facilitator (you)"), args.facilitator)
    session = store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client=client.strip(),
        engagement=engagement,
        facilitator=facilitator,
        interviewees=people,
    )
    return Interview(questionnaire, session)


def questionnaire_choices(language: str | None, catalog: Catalog) -> list[Choice]:
    entries = [e for e in catalog.entries if not language or e.questionnaire.language == language]
    if not entries:
        raise UserError(
            _(
                "no questionnaires found in language '{language}' "
                "(esp-wizard questionnaires lists them)"
            ).format(language=language)
            if language
            else _("no questionnaires found (esp-wizard questionnaires lists them)")
        )
    return [
        Choice(
            _("{id} ({language}): {title}, {minutes} min").format(
                id=q.id, language=q.language, title=q.title, minutes=q.minutes
            ),
            value=q,
        )
        for q in (e.questionnaire for e in entries)
    ]


def _ask_interviewees(prompter: Prompter, questionnaire: Questionnaire) -> list[Interviewee]:
    people: list[Interviewee] = []
    while True:
        name = _required_text(prompter, _("Interviewee's name"))
        people.append(Interviewee(name=name.strip(), role=_ask_role(prompter, questionnaire)))
        if not prompter.confirm(_("Add another interviewee?"), default=False):
            return people


def _ask_role(prompter: Prompter, questionnaire: Questionnaire) -> str:
    roles = list(dict.fromkeys([*questionnaire.roles, *ROLES]))
    choices = [Choice(role_label(role), value=role) for role in roles]  # the id is the file's
    choices += [Choice(_("Another role…"), value=OTHER_ROLE), Choice(_("No role"), value=NO_ROLE)]
    default = questionnaire.roles[0] if questionnaire.roles else None
    role = prompter.select(_("Role"), choices, default=default)
    if role is OTHER_ROLE:
        return prompter.text(_("Role")).strip()
    return role


def _required_text(prompter: Prompter, label: str) -> str:
    required = _("{text}: required.").format(text=label)
    return prompter.text(label, validate=lambda text: bool(text.strip()) or required)


def _optional_text(prompter: Prompter, label: str, given: str | None) -> str:
    if given is not None:
        return given.strip()
    return prompter.text(label, instruction=_("(optional)")).strip()
