"""The report and the session summary as one self-contained HTML file.

Jinja2 with autoescape on renders templates shipped inside the package: inline CSS,
inline SVG charts, no script, no network. Nothing from a person or a questionnaire is
ever marked safe, so every such text reaches the page escaped.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from esp_wizard import __version__, i18n
from esp_wizard.export import charts
from esp_wizard.export import text as t
from esp_wizard.export.playbook_html import interview_plan_html, playbook_html
from esp_wizard.export.roadmap_chart import roadmap_chart
from esp_wizard.findings.model import EngagementReport, SessionSummary
from esp_wizard.findings.risks import first_sentence
from esp_wizard.roles import role_labels


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("esp_wizard.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        t=t,
        version=__version__,
        css_string=css_string,
        first_sentence=first_sentence,
        role_labels=role_labels,
        _=_trusted,
        ngettext=i18n.ngettext,
        lang=i18n.current,
        i18n=i18n,
    )
    return env


def report_html(report: EngagementReport) -> str:
    categories = charts.bar_chart(
        i18n._("Findings per category"),
        report.category_counts(),
        t.CATEGORY_LABELS,
        charts.CATEGORY_COLOURS,
    )
    phases = charts.bar_chart(
        i18n._("Findings to fix per phase"), report.phase_counts(), t.PHASE_LABELS, {}
    )
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            title=t.report_title(report),
            category_chart=categories,
            phase_chart=phases,
            matrix=charts.matrix(report.matrix()),
            roadmap_chart=roadmap_chart(report.roadmap, t.PHASE_LABELS) if report.roadmap else None,
            running_head=t.report_title(report) + " · " + i18n._("Confidential"),
            page_words=t.page_words(),
            playbook=playbook_html(report),
            interview_plan=interview_plan_html(report),
        )
    )


def _trusted(message: str) -> Markup:
    """A template's own words from the catalogue: ours, so shown as written (an apostrophe
    stays an apostrophe); `.format()` on the result escapes what is put into it."""
    return Markup(i18n._(message))


def css_string(text: str) -> Markup:
    """A quoted CSS string for the running header: every character that is not a letter or
    digit becomes a six-digit CSS hex escape followed by a space (which the escape consumes),
    so no text can close the string, the rule or the <style> element. Only [A-Za-z0-9 \\"]
    can come out, which is why it is safe markup."""
    escaped = "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x} " for c in text)
    return Markup(f'"{escaped}"')


def session_html(summary: SessionSummary) -> str:
    template = environment().get_template("session.html.j2")
    return template.render(summary=summary, s=summary.session, page_words=t.page_words())
