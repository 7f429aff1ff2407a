"""The go/no-go scorecard for cut-over: each criterion of the domain, met, not met or unknown.

A criterion reads the answers that prove it. Sessions that disagree make it unknown
(the conflict must be settled first), an answer that fails it makes it not met, and no
answer leaves it unknown with whom to ask. A finding to fix blocks a criterion when its
evidence is one of the criterion's questions. Discovery answers describe today's platform:
a criterion met today must still be re-checked on the new one at cut-over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from esp_wizard import i18n
from esp_wizard.findings.model import Finding, InventoryRow
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Criterion, Scorecard, Status
from esp_wizard.i18n import N_, _

Verdict = tuple[Status, str]


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    questions: tuple[str, ...]
    roles: tuple[str, ...]
    judge: Callable[[Answers], Verdict]


def _yes_no(answers: Answers, question_id: str, met: str, not_met: str) -> Verdict | None:
    value = answers.one(question_id)
    if value is True:
        return "met", met
    if value is False:
        return "not met", not_met
    return None


def _suppressions(a: Answers) -> Verdict:
    if a.one("suppressions_exportable") is False:
        return "not met", _("the suppression list cannot be exported")
    return _yes_no(
        a,
        "suppression_export_tested",
        _("a suppression export has been tested: reconcile its counts on the new platform"),
        _("the suppression export has never been tested"),
    ) or ("unknown", "")


def _history(a: Answers) -> Verdict:
    plan = a.one("history_export_plan")
    if plan == "tested":
        return "met", _("the history export has been tested")
    if plan in ("planned", "no_plan"):
        said = _("planned, not tested") if plan == "planned" else _("no plan")
        return "not met", _("history export: {said}").format(said=said)
    return _yes_no(
        a,
        "history_export_tested",
        _("the history export has been tested: load and check 12+ months"),
        _("the history export has never been tested"),
    ) or ("unknown", "")


def _authentication(a: Answers) -> Verdict:
    table = a.table("domains")
    sending = [r for r in table.rows if _sending(r)] if table else []
    if sending:
        failing = [r.name for r in sending if not _authenticated(r)]
        if failing:
            failed = _("not fully authenticated (SPF, DKIM, DMARC): {domains}")
            return "not met", failed.format(domains=", ".join(failing))
        return "met", _("SPF, DKIM and DMARC in place on every sending domain today")
    policy = a.one("dmarc_policy")
    if policy == "absent":
        return "not met", _("no DMARC policy")
    if policy is not None:
        return "unknown", _("DMARC is in place but the domains were not listed")
    return "unknown", ""


def _sending(row: InventoryRow) -> bool:
    kinds = {k for s in row.sources if isinstance(k := s.raw.get("kind"), str)}
    return not kinds or "sending" in kinds


def _authenticated(row: InventoryRow) -> bool:
    raw = [s.raw for s in row.sources]
    return all(
        r.get("spf") is True and r.get("dkim") is True and r.get("dmarc") not in (None, "absent")
        for r in raw
    )


def _unsubscribe(a: Answers) -> Verdict:
    value = a.one("one_click_unsubscribe")
    if value == "one_click":
        return "met", _("one-click List-Unsubscribe (RFC 8058) works today")
    if value in ("header_only", "no_header"):
        return "not met", _("no one-click unsubscribe (RFC 8058)")
    return "unknown", ""


def _fallback(a: Answers) -> Verdict:
    if a.one("transactional_in_esp") is False:
        return "met", _("no transactional mail goes through the ESP")
    value = a.one("transactional_fallback")
    if value in ("old_platform", "smtp_relay"):
        shown = a.values("transactional_fallback")[0].shown
        return "met", _("fallback for transactional mail: {fallback}").format(fallback=shown)
    if value == "none":
        return "not met", _("no fallback for transactional mail")
    return "unknown", ""


def _rollback(a: Answers) -> Verdict:
    plan = a.one("transactional_cutover_plan")
    budget = a.one("parallel_run_budget")
    if plan is False or budget is False:
        said = [
            _("no cut-over plan for transactional mail") if plan is False else "",
            _("no budget to run both platforms in parallel") if budget is False else "",
        ]
        return "not met", i18n.semicolons(s for s in said if s)
    if plan is True and budget is True:
        return "met", _("a transactional cut-over plan and budget for a parallel run")
    return "unknown", ""


def _warmup(a: Answers) -> Verdict:
    if a.one("target_ip_plan") == "shared":
        return "unknown", _("shared IPs planned: confirm the provider's ramp for the new domains")
    return "unknown", _("a cut-over fact: confirm the warm-up ramp finished without a stop rule")


RULES: tuple[Rule, ...] = (
    Rule(
        "suppressions",
        N_("Suppressions and consent reconciled between platforms"),
        ("suppressions_exportable", "suppression_export_tested"),
        ("legal-privacy", "data-crm"),
        _suppressions,
    ),
    Rule(
        "history",
        N_("12+ months of history exported and loaded"),
        ("history_export_plan", "history_export_tested", "history_location"),
        ("data-crm", "analytics"),
        _history,
    ),
    Rule(
        "authentication",
        N_("SPF, DKIM and DMARC passing on the sending domains"),
        ("domains", "dmarc_policy"),
        ("deliverability",),
        _authentication,
    ),
    Rule(
        "unsubscribe",
        N_("One-click unsubscribe works"),
        ("one_click_unsubscribe",),
        ("deliverability",),
        _unsubscribe,
    ),
    Rule(
        "fallback",
        N_("Fallback ready for transactional mail"),
        ("transactional_fallback",),  # transactional_in_esp no: met, read by the judge
        ("it-integrations",),
        _fallback,
    ),
    Rule(
        "rollback",
        N_("Rollback plan: cut-over plan and a parallel run"),
        ("transactional_cutover_plan", "parallel_run_budget"),
        ("it-integrations", "executive"),
        _rollback,
    ),
    Rule(
        "warmup",
        N_("IP and domain warm-up done"),
        ("target_ip_plan", "daily_peak_volume"),
        ("deliverability",),
        _warmup,
    ),
)


def scorecard(answers: Answers, findings: Sequence[Finding]) -> Scorecard:
    return Scorecard(tuple(_criterion(rule, answers, findings) for rule in RULES))


def _criterion(rule: Rule, answers: Answers, findings: Sequence[Finding]) -> Criterion:
    disputes = [d for q in rule.questions if (d := answers.disputed(q))]
    if disputes:
        status: Status = "unknown"
        reason = _("answers disagree, settle first: {disputes}").format(
            disputes=i18n.semicolons(disputes)
        )
    else:
        status, reason = rule.judge(answers)
        reason = reason or _("not answered")
    blocking = tuple(
        dict.fromkeys(
            f.title
            for f in findings
            if any(a.question_id in rule.questions for e in f.evidence for a in e.answers)
        )
    )
    ask = answers.ask(rule.roles) if status == "unknown" else ""
    return Criterion(rule.id, _(rule.label), status, reason, blocking, ask)
