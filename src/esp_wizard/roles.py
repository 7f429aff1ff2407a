"""Roles as a client reads them: "IT integrations", not the questionnaires' id "it-integrations".

Ids stay in JSON and CSV (the consultant's working files); every client-facing text says the
label, in the report's language (the labels are read when used, see i18n.Labels), and so
does every face (the TUI and `ask` in the interface's language). Only `i18n` is imported
here: the home screen names people's roles before its first frame.
"""

from __future__ import annotations

from collections.abc import Iterable

from esp_wizard import i18n
from esp_wizard.i18n import N_, Labels, _

ROLE_LABELS = Labels(
    {
        "kickoff": N_("Kickoff group"),
        "executive": N_("Executive sponsor"),
        "email-ops": N_("Email operations"),
        "data-crm": N_("Data and CRM"),
        "it-integrations": N_("IT integrations"),
        "creative-content": N_("Creative and content"),
        "analytics": N_("Analytics"),
        "deliverability": N_("Deliverability"),
        "legal-privacy": N_("Legal and privacy"),
        "customer-service": N_("Customer service"),
    }
)


def role_label(role: str) -> str:
    """What a client reads for a role id ("IT integrations"), in the report's language; a
    role a workspace adds reads as its id in words ("field_sales" -> "Field sales")."""
    if role in ROLE_LABELS:
        return ROLE_LABELS[role]
    if not role:
        return _("Interviewee")
    words = role.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def role_labels(roles: Iterable[str]) -> str:
    """A list of roles as a client reads it: "Email operations, IT integrations"."""
    return ", ".join(role_label(r) for r in roles)


def role_id(typed: str) -> str:
    """The id a session file keeps for a role typed as its id or its label, in any of our
    languages ("Intégrations SI", "it integrations" -> "it-integrations"); a role of the
    workspace's own is kept as typed."""
    typed = typed.strip()
    wanted = " ".join(typed.split()).casefold()
    for role in ROLE_LABELS:
        if wanted == role:
            return role
        for language in i18n.LANGUAGES:
            with i18n.use(language):
                if wanted == ROLE_LABELS[role].casefold():
                    return role
    return typed


def shown_role(role: str) -> str:
    """A role in a field a person edits: a known id as its label, anything else as typed
    (so that saving it again with `role_id` gives back what the file held)."""
    return ROLE_LABELS.get(role, role)
