"""`esp-wizard report`: compile an engagement's sessions into the playbook for the client."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esp_wizard.i18n import _, ngettext

if TYPE_CHECKING:
    from esp_wizard.workspace import Workspace

name = "report"
FORMATS = ("md", "html", "json", "csv", "docx")  # esp_wizard.export.REPORT_FORMATS, kept light
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
ATTRIBUTIONS = ("named", "role", "anonymous")  # esp_wizard.findings.attribution.ATTRIBUTIONS


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name,
        help=_("compile an engagement's findings and playbook (Markdown, HTML, JSON or CSV)"),
        description=_(
            "Compile every session of one client and engagement into a report. "
            "With one engagement in the workspace no option is needed."
        ),
    )
    parser.add_argument("--client", help=_("the client whose engagement to report on"))
    parser.add_argument("--engagement", help=_("the engagement's name, when a client has several"))
    parser.add_argument(
        "--attribution",
        choices=ATTRIBUTIONS,
        default="role",
        help=_(
            "how Markdown, HTML and DOCX show who said what (default: role; "
            "JSON and CSV always name people)"
        ),
    )
    add_output_options(parser, FORMATS)
    parser.add_argument(
        "--lang",
        "--report-lang",
        dest="report_lang",
        choices=("en", "fr"),
        help=_(
            "the report's language (default: esp-wizard's --lang if given, else the "
            "language most of the engagement's sessions were held in)"
        ),
    )
    parser.add_argument(
        "--csv-dialect",
        choices=("comma", "semicolon"),
        help=_(
            "CSV cells separated by ',' with a decimal point, or by ';' with a decimal "
            "comma as French spreadsheets expect (default: the report language's)"
        ),
    )
    parser.add_argument(
        "--part",
        choices=("all", "parity"),
        default="all",
        help=_("parity: only the send-at-parity checklist, as CSV for the testers"),
    )
    parser.set_defaults(handler=sys.modules[__name__])


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        help=_("output format (default: from the -o file's extension, else md)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("write to a new FILE instead of the terminal ('-' for standard output)"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE if it exists (never a session or questionnaire file)"),
    )


def output_format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """--format, else the -o file's extension when it names a format, else Markdown."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower() if args.output and args.output != "-" else ""
    guessed = {**SUFFIXES, ".csv": "csv", ".docx": "docx"}.get(suffix, "md")
    return guessed if guessed in formats else "md"


def run(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import workspace
    from esp_wizard.export import render_report_any
    from esp_wizard.findings import compile_workspace

    where = workspace(args)
    check_target(args, where)
    language = getattr(args, "report_lang", None) or getattr(args, "lang", None)
    report = compile_workspace(where, args.client, args.engagement, language)
    warn(report.warnings)
    if getattr(args, "part", "all") == "parity":
        from esp_wizard.errors import UserError
        from esp_wizard.export.playbook_csv import parity_csv

        if args.format not in (None, "csv"):
            raise UserError(_("--part parity is written as CSV only (drop --format or use csv)"))

        lines = len(report.playbook.parity.lines) if report.playbook else 0
        what = ngettext(
            "{count} automation to test at parity", "{count} automations to test at parity", lines
        ).format(count=lines)
        table = parity_csv(report, getattr(args, "csv_dialect", None), language)
        emit(table, "csv", args.output, what)
        return 0
    fmt = output_format(args, FORMATS)
    what = _("{findings} findings to fix, {must_fix} must-fix").format(
        findings=len(report.findings), must_fix=len(report.must_fix)
    )
    rendered = render_report_any(
        report,
        fmt,
        args.attribution,
        language=language,
        csv_dialect=getattr(args, "csv_dialect", None),
    )
    if isinstance(rendered, bytes):
        return emit_binary(rendered, fmt, args.output, what, where, force=args.force)
    emit(rendered, fmt, args.output, what, where, force=args.force)
    return 0


def emit_binary(
    content: bytes,
    fmt: str,
    output: str | None,
    what: str,
    where: Workspace | None,
    *,
    force: bool = False,
) -> int:
    """A binary format (DOCX) goes to a new file (or a replaced one with --force), never to
    a terminal or a pipe."""
    from esp_wizard.errors import UserError

    if not output or output == "-":
        raise UserError(
            _("the {fmt} format is a file: give one with -o report.{fmt}").format(fmt=fmt)
        )
    from esp_wizard.export.files import write_output
    from esp_wizard.safetext import for_terminal

    path = write_output(Path(output).expanduser(), content, where, force=force)
    print(_("wrote {path} ({what})").format(path=for_terminal(str(path), lines=False), what=what))
    return 0


def check_target(args: argparse.Namespace, where: Workspace) -> None:
    """Refuse a bad -o before any work, so the user is told at once."""
    if args.output and args.output != "-":
        from esp_wizard.export.files import check_output

        check_output(Path(args.output).expanduser(), where, force=args.force)


def warn(warnings: Any) -> None:
    from esp_wizard.safetext import for_terminal

    for warning in warnings:
        shown = for_terminal(str(warning), lines=False)
        print(_("esp-wizard: warning: {warning}").format(warning=shown), file=sys.stderr)


def emit(
    content: str,
    fmt: str,
    output: str | None,
    what: str,
    where: Workspace | None = None,
    *,
    force: bool = False,
) -> None:
    """To a new file (atomically), or to standard output: Markdown rendered by rich for a
    person, every format as plain text for a pipe; user text never drives the terminal."""
    from esp_wizard.safetext import for_file, for_terminal

    if output and output != "-":
        from esp_wizard.export.files import write_output

        path = write_output(Path(output).expanduser(), content, where, force=force)
        print(
            _("wrote {path} ({what})").format(path=for_terminal(str(path), lines=False), what=what)
        )
        return
    from esp_wizard.commands.common import console

    out = console()
    if fmt == "md" and out.is_terminal:
        from rich.markdown import Markdown

        out.print(Markdown(for_terminal(content)))
        return
    sys.stdout.write(for_terminal(content) if out.is_terminal else for_file(content))
    sys.stdout.flush()
