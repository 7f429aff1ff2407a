"""The report as an editable Word document (python-docx): the format consultants edit.

Same content and order as the HTML report: cover, executive summary, roadmap, risk
register, the playbook's parts (playbook_docx), appendices. Real heading styles (Word's
navigation pane lists them), tables with a repeating header row, the roadmap drawn as a
table, page numbers and a running header in the page footer and header. Texts from people
are inserted as text runs (never parsed as markup); characters XML cannot hold are
dropped. `outline` reads a document back as its structure and text, which the golden
files compare instead of bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from esp_wizard import __version__, i18n
from esp_wizard.export import text as t
from esp_wizard.export.docx_gantt import gantt_table
from esp_wizard.export.docx_gantt import legend as gantt_legend
from esp_wizard.export.playbook_docx import interview_plan_docx, playbook_docx
from esp_wizard.findings.model import EngagementReport, Evidence, Finding
from esp_wizard.findings.risks import first_sentence
from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.roles import role_labels

_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def clean(text: object) -> str:
    """Text Word can hold: control characters other than tab and newline removed."""
    return _NOT_XML.sub("", str(text))


def report_docx(report: EngagementReport) -> bytes:
    doc = Document()
    _page_setup(doc, report)
    body = Body()
    _cover(body, report)
    _executive(body, report)
    _roadmap(body, report)
    _register(body, report)
    playbook_docx(body, report)
    _findings(body, report)
    _appendices(body, report)
    out = io.BytesIO()
    doc.core_properties.title = clean(t.report_title(report))
    doc.core_properties.author = clean(t.facilitators(report))
    _language(doc)
    doc.save(out)
    return body.into(out.getvalue())


# -- page, header, footer ---------------------------------------------------------------------
def _page_setup(doc: DocumentType, report: EngagementReport) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    section.different_first_page_header_footer = True
    doc.styles["Normal"].font.size = Pt(10)
    header = section.header.paragraphs[0]
    header.text = clean(t.report_title(report) + " · " + i18n._("Confidential"))
    footer = section.footer.paragraphs[0]
    # "Page {page} of {pages}": the words around Word's two fields, in the report's language
    before, between, after = t.page_words()
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(between)
    _field(footer, "NUMPAGES")
    if after:
        footer.add_run(after)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "1"
            run._r.append(shown)


# -- building blocks -------------------------------------------------------------------------
class Body:
    """The document's body as WordprocessingML text, parsed once at the end.

    python-docx builds every paragraph as objects and looks styles up by name each time;
    a thousand-session report has tens of thousands of paragraphs, so the body is written
    here as escaped XML (styles by id) and python-docx only packages it.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []

    def para(self, text: str, style: str = "", bold_lead: str = "") -> None:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        lead = _run(bold_lead, bold=True) if bold_lead else ""
        self.parts.append(f"<w:p>{props}{lead}{_run(text) if text else ''}</w:p>")

    def heading(self, text: str, level: int) -> None:
        self.para(text, "Title" if level == 0 else f"Heading{level}")

    def bullets(self, lines: Iterable[str], style: str = "ListBullet") -> None:
        for line in lines:
            self.para(line, style)

    def page_break(self) -> None:
        self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        rows = list(rows)
        self._keep_with_next()
        widths = column_widths([header, *rows])
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        out = [
            f"<w:tbl>{TABLE_PROPS}<w:tblGrid>{grid}</w:tblGrid>",
            '<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>',
            *(_cell(text, width, bold=True) for text, width in zip(header, widths, strict=True)),
            "</w:tr>",
        ]
        for row in rows:
            out += [
                ROW,
                *(_cell(text, width) for text, width in zip(row, widths, strict=True)),
                "</w:tr>",
            ]
        out.append("</w:tbl>")
        self.parts.append("".join(out))

    def block(self, xml: str) -> None:
        """A table built elsewhere (the roadmap's calendar), kept with its introduction."""
        if xml:
            self._keep_with_next()
            self.parts.append(xml)

    def _keep_with_next(self) -> None:
        """The paragraph introducing a table stays on the table's page."""
        last = self.parts[-1] if self.parts else ""
        if not last.startswith("<w:p>") or "<w:br w:type=" in last:
            return
        if last.startswith("<w:p><w:pPr>"):
            cut = last.index("/>") + 2  # after the style, where the schema wants keepNext
            self.parts[-1] = last[:cut] + "<w:keepNext/>" + last[cut:]
        else:
            self.parts[-1] = "<w:p><w:pPr><w:keepNext/></w:pPr>" + last[len("<w:p>") :]

    def into(self, package: bytes) -> bytes:
        """The saved package with this body spliced into word/document.xml, before the
        section properties (python-docx's own tree is never asked to hold it)."""
        source = zipfile.ZipFile(io.BytesIO(package))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "word/document.xml":
                    text = data.decode("utf-8")
                    cut = text.rindex("<w:sectPr")
                    data = (text[:cut] + "".join(self.parts) + text[cut:]).encode("utf-8")
                target.writestr(item, data)
        return out.getvalue()


TABLE_PROPS = (
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblCellMar>'
    '<w:left w:w="72" w:type="dxa"/><w:right w:w="72" w:type="dxa"/></w:tblCellMar></w:tblPr>'
)
ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"  # a row never splits across pages
TEXT_WIDTH = 9638  # twentieths of a point: 170 mm between the margins
CHAR = 115  # a wide character of 9-point table text (bold headers too), in twips
CELL_MARGINS = 144  # left and right cell margins together (TABLE_PROPS: 72 each)
SHORT_WORD, LONGEST_WORD = 8, 14  # words never broken / a column's claim for one word


def column_widths(rows: Sequence[Sequence[str]]) -> list[int]:
    """Widths in proportion to what each column holds on average, each wide enough for its
    longest word when the page allows (and for words of up to 8 letters always): equal
    widths broke "integrations" and "Impact" mid-word in narrow columns while prose
    columns ran over many pages."""
    count = max((len(r) for r in rows), default=1) or 1
    columns = [[str(r[i]) if i < len(r) else "" for r in rows] for i in range(count)]
    words = [max((len(w) for c in col for w in c.split()), default=1) for col in columns]
    for longest in range(LONGEST_WORD, SHORT_WORD - 1, -1):  # the longest that fits
        floors = [_chars(min(w, longest) + 1) for w in words]
        if sum(floors) <= TEXT_WIDTH:
            break
    weights = [max(1, sum(len(c) for c in col) // len(col)) for col in columns]
    fixed: set[int] = set()  # columns held at their floor: their share would be smaller
    while True:
        left = TEXT_WIDTH - sum(floors[i] for i in fixed)
        share = sum(weights[i] for i in range(count) if i not in fixed)
        below = {
            i for i in range(count) if i not in fixed and left * weights[i] < floors[i] * share
        }
        if not below or len(fixed | below) == count:
            break
        fixed |= below
    return [floors[i] if i in fixed else left * weights[i] // share for i in range(count)]


def _chars(count: int) -> int:
    return CELL_MARGINS + CHAR * count


def _run(text: str, bold: bool = False, small: bool = False) -> str:
    """A run of text; line breaks become <w:br/> so people's lines survive."""
    marks = ("<w:b/>" if bold else "") + ('<w:sz w:val="18"/>' if small else "")
    props = f"<w:rPr>{marks}</w:rPr>" if marks else ""
    pieces = [escape(line) for line in clean(text).split("\n")]
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{piece}</w:t>' for piece in pieces)
    return f"<w:r>{props}{body}</w:r>"


def _cell(text: str, width: int, bold: bool = False) -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f"<w:p>{_run(text, bold, small=True) if text else ''}</w:p></w:tc>"
    )


# -- parts -----------------------------------------------------------------------------------
def _cover(doc: Body, report: EngagementReport) -> None:
    doc.para(_("ESP migration discovery · engagement report"))
    doc.heading(clean(report.client or _("Discovery report")), 0)
    if report.engagement:
        doc.para(report.engagement, "Subtitle")
    facts = [
        (_("Client"), report.client or _("not named")),
        (_("Engagement"), report.engagement or _("not named")),
        (_("Facilitator"), t.facilitators(report)),
        (_("Date"), t.date(report.as_of.date()) if report.as_of else _("no session yet")),
        (_("Sources"), _sources(report)),
    ]
    for label, value in facts:
        doc.para(value, bold_lead=_("{label}: ").format(label=label))
    doc.para(t.confidential(report), bold_lead="")
    doc.page_break()


def _sources(report: EngagementReport) -> str:
    interviews, roles = len(report.sessions), len(report.roles_covered)
    return (
        ngettext("{count} interview", "{count} interviews", interviews).format(count=interviews)
        + ", "
        + ngettext("{count} role heard", "{count} roles heard", roles).format(count=roles)
    )


def _executive(doc: Body, report: EngagementReport) -> None:
    doc.heading(_("1. Executive summary"), 1)
    summary = report.executive
    if summary is None:
        doc.para(_("No interview yet."))
        return
    if summary.note:
        doc.heading(_("Consultant's note"), 2)
        doc.para(summary.note)
    verdict = summary.verdict
    doc.para(
        t.sentence(verdict.reason),
        bold_lead=_("Readiness: {verdict}. ").format(verdict=t.VERDICT_LABELS[verdict.level]),
    )
    doc.heading(_("Decisions needed"), 2)
    rows = [
        [d.title, d.why, f"{t.date(d.deadline)} ({d.deadline_reason})" if d.deadline else "now"]
        for d in summary.decisions
    ]
    doc.table([_("Decision"), _("Why"), _("Decide by")], rows) if rows else doc.para(_("None."))
    doc.heading(_("Key messages"), 2)
    doc.bullets(summary.messages, "ListNumber")
    doc.heading(_("Top risks"), 2)
    doc.table(
        [_("Risk"), _("Likelihood"), _("Impact")],
        [
            [r.finding.title, t.LEVEL_LABELS[r.likelihood], t.LEVEL_LABELS[r.impact]]
            for r in summary.top_risks
        ],
    )
    doc.heading(_("Next steps"), 2)
    doc.table(
        [_("Action"), _("Owner"), _("By")],
        [[s.action, s.owner or _("to assign"), t.date(s.due) or "—"] for s in summary.next_steps],
    )
    doc.heading(_("What worries people most"), 2)
    for group in summary.worries:
        doc.para("", bold_lead=group.theme)
        doc.bullets(f"“{w.answer}” — {w.session.people}" for w in group.worries)


def _roadmap(doc: Body, report: EngagementReport) -> None:
    doc.page_break()
    doc.heading(_("2. Roadmap"), 1)
    plan = report.roadmap
    if plan is None or not plan.phases:
        doc.para(_("No timeline estimate yet: the roadmap needs the kickoff date."))
        return
    doc.para(
        _(
            "From the kickoff on {start}, with the {estimate} estimate "
            "(the later end date is the estimate's longest duration)."
        ).format(start=t.date(plan.start), estimate=report.timeline.estimate),
    )
    doc.block(gantt_table(plan, t.phase))
    doc.para(gantt_legend(), "Caption")
    doc.table(
        [_("Phase"), _("Starts"), _("Ends"), _("To fix"), _("Blocked by (must-fix)")],
        [
            [
                t.phase(p.phase),
                t.date(p.start),
                _("{start} to {end}").format(start=t.date(p.end), end=t.date(p.latest_end)),
                str(p.open),
                i18n.semicolons(f.title for f in p.blocking) or _("nothing"),
            ]
            for p in plan.phases
        ],
    )
    if plan.milestones:
        doc.heading(_("Dates that constrain the plan"), 2)
        doc.table(
            [_("Date"), _("When")],
            [[m.label, _when(m.day, m.until)] for m in plan.milestones],
        )


def _when(day: dt.date, until: dt.date | None) -> str:
    if until is None:
        return t.date(day)
    return _("{start} to {end}").format(start=t.date(day), end=t.date(until))


def _register(doc: Body, report: EngagementReport) -> None:
    doc.heading(_("3. Risk register"), 1)
    doc.para(
        _(
            "Likelihood: high when severity is 5, or 4 and felt by two roles or more. "
            "Mitigation: the finding's recommendation (in full in Appendix A)."
        )
    )
    doc.table(
        [
            _("No."),
            _("Risk"),
            _("Cause"),
            _("Likelihood"),
            _("Impact"),
            _("Mitigation"),
            _("Owner"),
        ],
        [
            [
                str(n),
                r.finding.title,
                r.cause_text,
                t.LEVEL_LABELS[r.likelihood],
                t.LEVEL_LABELS[r.impact],
                first_sentence(r.mitigation),
                r.owner or _("to assign"),
            ]
            for n, r in enumerate(report.risks, start=1)
        ],
    )


FINDING_HEADER = [
    N_("No."),
    N_("Finding"),
    N_("Category"),
    N_("Sev."),
    N_("Impact"),
    N_("Effort"),
    N_("Breadth"),
    N_("Priority"),
]


def _finding_row(number: str, f: Finding) -> list[str]:
    return [
        number,
        f.title,
        t.category(f.category),
        str(f.severity),
        str(f.impact),
        str(f.effort),
        str(f.breadth),
        t.number(f.priority),
    ]


def _findings(doc: Body, report: EngagementReport) -> None:
    doc.page_break()
    doc.heading(_("Appendix A. Findings"), 1)
    doc.para(
        _("{formula}. Must-fix findings first, each list by priority.").format(
            formula=t.formula(report)
        )
    )
    numbered = list(enumerate(report.findings, start=1))
    for must, label in ((True, _("Must-fix")), (False, _("Other findings to fix"))):
        rows = [_finding_row(str(n), f) for n, f in numbered if f.must_fix == must]
        if rows:
            doc.heading(label, 2)
            doc.table([_(h) for h in FINDING_HEADER], rows)
    for n, finding in numbered:
        _finding(doc, str(n), finding)
    doc.heading(_("Strengths: what the new platform must keep"), 2)
    for n, finding in enumerate(report.strengths, start=1):
        _finding(doc, f"S{n}", finding)


def _finding(doc: Body, number: str, finding: Finding) -> None:
    mark = " (" + _("MUST FIX") + ")" if finding.must_fix else ""
    doc.heading(clean(f"{number}. {finding.title}{mark}"), 3)
    doc.para(
        t.facts(finding, role_labels(finding.roles)),
    )
    if finding.detail:
        doc.para(finding.detail)
    if finding.recommendation:
        doc.para(finding.recommendation, bold_lead=_("Recommendation: "))
    for note in finding.notes:
        doc.para(note, bold_lead=_("Note: "))
    for evidence in finding.evidence:
        _evidence(doc, evidence, finding)


def _evidence(doc: Body, evidence: Evidence, finding: Finding) -> None:
    lines = [f"{evidence.session.people}, {t.day(evidence.session.started)}"]
    said = [s for s in evidence.said if s != finding.title]
    if said:
        lines.append(_("Said as:") + " " + i18n.semicolons(said))
    if evidence.detail and evidence.detail != finding.detail:
        lines.append(evidence.detail)
    for answer in evidence.answers:
        line = t.labelled(answer.question, answer.answer)
        if answer.note:
            line += f" ({_('Note:')} {answer.note})"
        if answer.quote:
            line += f" “{answer.quote}”"
        lines.append(line)
    doc.para(lines[0], "ListBullet")
    doc.bullets(lines[1:], "ListBullet2")


def _appendices(doc: Body, report: EngagementReport) -> None:
    doc.heading(_("Appendix B. Inventory"), 1)
    for table in report.inventory:
        doc.heading(clean(table.title), 2)
        header = [label for _, label in table.columns]
        header += ([_("Must move")] if table.has_must_move else []) + [_("Sources")]
        rows = []
        for row in table.rows:
            cells = [row.name] + [" / ".join(row.cells[f]) for f, _ in table.columns[1:]]
            cells += [t.MOVE_LABELS[row.must_move]] if table.has_must_move else []
            rows.append([*cells, i18n.semicolons(s.session.people for s in row.sources)])
        doc.table(header, rows)
    doc.heading(_("Appendix C. Acceptance-test checklist"), 1)
    doc.bullets(
        (
            "☐ " + t.labelled(t.labelled(t.sentence(t.kind(i.kind)), i.name), i.check)
            for i in report.checklist
        ),
    )
    doc.heading(_("Appendix D. Conflicting inputs"), 1)
    rows = [
        [c.question, p.answer, i18n.semicolons(s.people for s in p.sessions)]
        for c in report.conflicts
        for p in c.positions
    ]
    doc.table([_("Question"), _("Answer"), _("Who said it")], rows) if rows else doc.para(
        _("None.")
    )
    doc.heading(_("Appendix E. Follow-ups"), 1)
    rows = [
        [i.session.people, t.FOLLOW_UP_LABELS[i.kind], i.question, i.answer, i.note]
        for i in report.follow_ups
    ]
    doc.table(
        [_("Who"), _("Why"), _("Question"), _("Answer"), _("Note")], rows
    ) if rows else doc.para(_("None."))
    interview_plan_docx(doc, report)
    doc.heading(_("Appendix F. Sessions and roles"), 1)
    doc.table(
        [_("Session"), _("Date"), _("Interviewees"), _("Questionnaire"), _("Status")],
        [
            [s.id, t.day(s.started), s.people, s.questionnaire_title, t.STATUS_LABELS[s.status]]
            for s in report.sessions
        ],
    )
    doc.para(role_labels(report.roles_covered) or _("none"), bold_lead=_("Roles covered: "))
    doc.para(role_labels(report.roles_missing) or _("none"), bold_lead=_("Not yet interviewed: "))
    doc.para(
        f"{report.timeline.estimate} from {t.plural(report.timeline.count, 'timeline driver')}.",
        bold_lead=_("Timeline estimate: "),
    )
    doc.bullets(d.label for d in report.timeline.drivers)
    if report.warnings:
        doc.heading(_("Notes on sources"), 2)
        doc.bullets(report.warnings)
    compiled = _("Compiled by esp-wizard {version}.").format(version=__version__)
    doc.para(f"{compiled} {t.confidential(report)}")


# -- reading a document back -----------------------------------------------------------------
def outline(data: bytes) -> str:
    """document.xml as structure and text: `[Style] text` per paragraph, `| a | b |` per
    table row (`|=` for a header row). What the golden files and tests compare."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{W}body")
    lines: list[str] = []
    for element in body if body is not None else []:
        if element.tag == f"{W}p":
            lines.append(_paragraph_line(element))
        elif element.tag == f"{W}tbl":
            lines += [_row_line(row) for row in element.iter(f"{W}tr")]
    return "\n".join(line for line in lines if line) + "\n"


def _text(element: ElementTree.Element) -> str:
    return "".join(node.text or "" for node in element.iter() if node.tag in (f"{W}t",))


def _paragraph_line(paragraph: ElementTree.Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    name = style.get(f"{W}val") if style is not None else "Normal"
    if paragraph.find(f".//{W}br[@{W}type='page']") is not None:
        return "[page break]"
    text = _text(paragraph)
    return f"[{name}] {text}" if text else ""


def _row_line(row: ElementTree.Element) -> str:
    header = row.find(f"{W}trPr/{W}tblHeader") is not None
    cells = [_text(cell) for cell in row.findall(f"{W}tc")]
    return ("|= " if header else "| ") + " | ".join(cells) + " |"


def _language(doc: DocumentType) -> None:
    """The document's language (proofing, hyphenation, screen readers): the report's, set
    on the core properties and as the default run language of the Normal style."""
    tag = {"fr": "fr-FR", "en": "en-GB"}.get(i18n.current(), "en-GB")
    doc.core_properties.language = tag
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
