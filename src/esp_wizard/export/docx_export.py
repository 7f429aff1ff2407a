"""The report as an editable Word document (python-docx): the format consultants edit.

Same content and order as the HTML report: cover, executive summary, roadmap, risk
register, appendices. Real heading styles (Word's navigation pane lists them), tables with a
repeating header row, the roadmap drawn as a table, page numbers and a running header in
the page footer and header. Texts from people are inserted as text runs (never parsed as
markup); characters XML cannot hold are dropped. `outline` reads a document back as its
structure and text, which the golden files compare instead of bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.etree import ElementTree

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from esp_wizard import __version__
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Evidence, Finding
from esp_wizard.findings.risks import first_sentence

_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def clean(text: object) -> str:
    """Text Word can hold: control characters other than tab and newline removed."""
    return _NOT_XML.sub("", str(text))


def report_docx(report: EngagementReport) -> bytes:
    doc = Document()
    _page_setup(doc, report)
    _cover(doc, report)
    _executive(doc, report)
    _roadmap(doc, report)
    _register(doc, report)
    _findings(doc, report)
    _appendices(doc, report)
    out = io.BytesIO()
    doc.core_properties.title = clean(t.report_title(report))
    doc.core_properties.author = clean(t.facilitators(report))
    doc.save(out)
    return out.getvalue()


# -- page, header, footer ---------------------------------------------------------------------
def _page_setup(doc: DocumentType, report: EngagementReport) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    section.different_first_page_header_footer = True
    doc.styles["Normal"].font.size = Pt(10)
    header = section.header.paragraphs[0]
    header.text = clean(f"{t.report_title(report)} · Confidential")
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: object, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
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
def _para(doc: DocumentType, text: str, style: str | None = None, bold_lead: str = "") -> None:
    paragraph = doc.add_paragraph(style=style)
    if bold_lead:
        paragraph.add_run(clean(bold_lead)).bold = True
    paragraph.add_run(clean(text))


def _table(doc: DocumentType, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    listed = [list(r) for r in rows]
    table = doc.add_table(rows=1 + len(listed), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(clean(text)).bold = True
    _repeat_header(table)
    for row, values in zip(table.rows[1:], listed, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = clean(value)
    return table


def _repeat_header(table: Table) -> None:
    """Mark the first row as a header row: repeated on every page, read as headers."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _bullets(doc: DocumentType, lines: Iterable[str], style: str = "List Bullet") -> None:
    for line in lines:
        doc.add_paragraph(clean(line), style=style)


# -- parts -----------------------------------------------------------------------------------
def _cover(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_paragraph(clean("ESP migration discovery · engagement report"))
    doc.add_heading(clean(report.client or "Discovery report"), level=0)
    if report.engagement:
        doc.add_paragraph(clean(report.engagement), style="Subtitle")
    facts = [
        ("Client", report.client or "not named"),
        ("Engagement", report.engagement or "not named"),
        ("Facilitator", t.facilitators(report)),
        ("Date", t.date(report.as_of.date()) if report.as_of else "no session yet"),
        ("Sources", f"{t.plural(len(report.sessions), 'interview')}, "
                    f"{t.plural(len(report.roles_covered), 'role')} heard"),
    ]  # fmt: skip
    for label, value in facts:
        _para(doc, value, bold_lead=f"{label}: ")
    _para(doc, t.confidential(report), bold_lead="")
    doc.add_page_break()


def _executive(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_heading("1. Executive summary", level=1)
    summary = report.executive
    if summary is None:
        _para(doc, "No interview yet.")
        return
    if summary.note:
        doc.add_heading("Consultant's note", level=2)
        _para(doc, summary.note)
    verdict = summary.verdict
    _para(
        doc,
        t.sentence(verdict.reason),
        bold_lead=f"Readiness: {t.VERDICT_LABELS[verdict.level]}. ",
    )
    doc.add_heading("Decisions needed", level=2)
    rows = [
        [d.title, d.why, f"{t.date(d.deadline)} ({d.deadline_reason})" if d.deadline else "now"]
        for d in summary.decisions
    ]
    _table(doc, ["Decision", "Why", "Decide by"], rows) if rows else _para(doc, "None.")
    doc.add_heading("Key messages", level=2)
    _bullets(doc, summary.messages, "List Number")
    doc.add_heading("Top risks", level=2)
    _table(
        doc,
        ["Risk", "Likelihood", "Impact"],
        [
            [r.finding.title, t.LEVEL_LABELS[r.likelihood], t.LEVEL_LABELS[r.impact]]
            for r in summary.top_risks
        ],
    )
    doc.add_heading("Next steps", level=2)
    _table(
        doc,
        ["Action", "Owner", "By"],
        [[s.action, s.owner or "to assign", t.date(s.due) or "—"] for s in summary.next_steps],
    )
    doc.add_heading("What worries people most", level=2)
    for group in summary.worries:
        _para(doc, "", bold_lead=group.theme)
        _bullets(doc, (f"“{w.text}” — {w.session.people}" for w in group.worries))


def _roadmap(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_page_break()
    doc.add_heading("2. Roadmap", level=1)
    plan = report.roadmap
    if plan is None or not plan.phases:
        _para(doc, "No timeline estimate yet: the roadmap needs the kickoff date.")
        return
    _para(
        doc,
        f"From the kickoff on {t.date(plan.start)}, with the {report.timeline.estimate} "
        "estimate (the later end date is the estimate's longest duration).",
    )
    _table(
        doc,
        ["Phase", "Starts", "Ends", "To fix", "Blocked by (must-fix)"],
        [
            [
                t.phase(p.phase),
                t.date(p.start),
                f"{t.date(p.end)} to {t.date(p.latest_end)}",
                str(p.open),
                "; ".join(f.title for f in p.blocking) or "nothing",
            ]
            for p in plan.phases
        ],
    )
    if plan.milestones:
        doc.add_heading("Dates that constrain the plan", level=2)
        _table(
            doc,
            ["Date", "When"],
            [
                [m.label, t.date(m.day) + (f" to {t.date(m.until)}" if m.until else "")]
                for m in plan.milestones
            ],
        )


def _register(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_heading("3. Risk register", level=1)
    _para(
        doc,
        "Likelihood: high when severity is 5, or 4 and felt by two roles or more. "
        "Mitigation: the finding's recommendation (in full in Appendix A).",
    )
    _table(
        doc,
        ["No.", "Risk", "Cause", "Likelihood", "Impact", "Mitigation", "Owner"],
        [
            [
                str(n),
                r.finding.title,
                r.cause_text,
                t.LEVEL_LABELS[r.likelihood],
                t.LEVEL_LABELS[r.impact],
                first_sentence(r.mitigation),
                r.owner or "to assign",
            ]
            for n, r in enumerate(report.risks, start=1)
        ],
    )


FINDING_HEADER = ["No.", "Finding", "Category", "Sev.", "Impact", "Effort", "Breadth", "Priority"]


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


def _findings(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_page_break()
    doc.add_heading("Appendix A. Findings", level=1)
    _para(doc, f"{report.formula}. Must-fix findings first, each list by priority.")
    numbered = list(enumerate(report.findings, start=1))
    for must, label in ((True, "Must-fix"), (False, "Other findings to fix")):
        rows = [_finding_row(str(n), f) for n, f in numbered if f.must_fix == must]
        if rows:
            doc.add_heading(label, level=2)
            _table(doc, FINDING_HEADER, rows)
    for n, finding in numbered:
        _finding(doc, str(n), finding)
    doc.add_heading("Strengths: what the new platform must keep", level=2)
    for n, finding in enumerate(report.strengths, start=1):
        _finding(doc, f"S{n}", finding)


def _finding(doc: DocumentType, number: str, finding: Finding) -> None:
    mark = " (MUST FIX)" if finding.must_fix else ""
    doc.add_heading(clean(f"{number}. {finding.title}{mark}"), level=3)
    _para(
        doc,
        f"{t.category(finding.category)} · phase {t.phase(finding.phase)} · severity "
        f"{finding.severity} · impact {finding.impact} · effort {finding.effort} · breadth "
        f"{finding.breadth} ({', '.join(finding.roles)}) · priority {t.number(finding.priority)}",
    )
    if finding.detail:
        _para(doc, finding.detail)
    if finding.recommendation:
        _para(doc, finding.recommendation, bold_lead="Recommendation: ")
    for note in finding.notes:
        _para(doc, note, bold_lead="Note: ")
    for evidence in finding.evidence:
        _evidence(doc, evidence, finding)


def _evidence(doc: DocumentType, evidence: Evidence, finding: Finding) -> None:
    lines = [f"{evidence.session.people}, {t.day(evidence.session.started)}"]
    said = [s for s in evidence.said if s != finding.title]
    if said:
        lines.append("Said as: " + "; ".join(said))
    if evidence.detail and evidence.detail != finding.detail:
        lines.append(evidence.detail)
    for answer in evidence.answers:
        line = f"{answer.question}: {answer.answer}"
        if answer.note:
            line += f" (note: {answer.note})"
        if answer.quote:
            line += f" “{answer.quote}”"
        lines.append(line)
    doc.add_paragraph(clean(lines[0]), style="List Bullet")
    _bullets(doc, lines[1:], "List Bullet 2")


def _appendices(doc: DocumentType, report: EngagementReport) -> None:
    doc.add_heading("Appendix B. Inventory", level=1)
    for table in report.inventory:
        doc.add_heading(clean(table.title), level=2)
        header = [label for _, label in table.columns]
        header += (["Must move"] if table.has_must_move else []) + ["Sources"]
        rows = []
        for row in table.rows:
            cells = [row.name] + [" / ".join(row.cells[f]) for f, _ in table.columns[1:]]
            cells += [t.MOVE_LABELS[row.must_move]] if table.has_must_move else []
            rows.append([*cells, "; ".join(s.session.people for s in row.sources)])
        _table(doc, header, rows)
    doc.add_heading("Appendix C. Acceptance-test checklist", level=1)
    _bullets(
        doc,
        (f"☐ {t.sentence(i.kind)}: {i.name}: {i.check}" for i in report.checklist),
    )
    doc.add_heading("Appendix D. Conflicting inputs", level=1)
    rows = [
        [c.question, p.answer, "; ".join(s.people for s in p.sessions)]
        for c in report.conflicts
        for p in c.positions
    ]
    _table(doc, ["Question", "Answer", "Who said it"], rows) if rows else _para(doc, "None.")
    doc.add_heading("Appendix E. Follow-ups", level=1)
    rows = [
        [i.session.people, t.FOLLOW_UP_LABELS[i.kind], i.question, i.answer, i.note]
        for i in report.follow_ups
    ]
    _table(doc, ["Who", "Why", "Question", "Answer", "Note"], rows) if rows else _para(doc, "None.")
    doc.add_heading("Appendix F. Sessions and roles", level=1)
    _table(
        doc,
        ["Session", "Date", "Interviewees", "Questionnaire", "Status"],
        [
            [s.id, t.day(s.started), s.people, s.questionnaire_title, t.STATUS_LABELS[s.status]]
            for s in report.sessions
        ],
    )
    _para(doc, ", ".join(report.roles_covered) or "none", bold_lead="Roles covered: ")
    _para(doc, ", ".join(report.roles_missing) or "none", bold_lead="Not yet interviewed: ")
    _para(
        doc,
        f"{report.timeline.estimate} from {t.plural(report.timeline.count, 'timeline driver')}.",
        bold_lead="Timeline estimate: ",
    )
    _bullets(doc, (d.label for d in report.timeline.drivers))
    if report.warnings:
        doc.add_heading("Notes on sources", level=2)
        _bullets(doc, report.warnings)
    _para(doc, f"Compiled by esp-wizard {__version__}. {t.confidential(report)}")


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
