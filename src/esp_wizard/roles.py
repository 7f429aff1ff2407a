"""Roles as a client reads them: "IT integrations", not the questionnaires' id "it-integrations".

Ids stay in JSON and CSV (the consultant's working files); every client-facing text says the
label, in the report's language (the labels are read when used, see i18n.Labels), and so
does every face (the TUI and `ask` in the interface's language). Only `i18n` is imported
here: the home screen names people's roles before its first frame.
"""

from __future__ import annotations

from collections.abc import Iterable

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
