"""`esp-wizard report`: compile an engagement's sessions into the playbook for the client."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

name = "report"
FORMATS = ("md", "html", "json", "csv", "docx")  # esp_wizard.export.REPORT_FORMATS, kept light
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
ATTRIBUTIONS = ("named", "role", "anonymous")  # esp_wizard.findings.attribution.ATTRIBUTIONS


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name,
        help="compile an engagement's findings and playbook (Markdown, HTML, JSON or CSV)",
        description="Compile every session of one client and engagement into a report. "
        "With one engagement in the workspace no option is needed.",
    )
    parser.add_argument("--client", help="the client whose engagement to report on")
    parser.add_argument("--engagement", help="the engagement's name, when a client has several")
    parser.add_argument(
        "--attribution",
        choices=ATTRIBUTIONS,
        default="role",
        help="how Markdown, HTML and DOCX show who said what (default: role; "
        "JSON and CSV always name people)",
    )
    add_output_options(parser, FORMATS)
    parser.set_defaults(handler=sys.modules[__name__])


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        help="output format (default: from the -o file's extension, else md)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the terminal"
    )


def output_format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """--format, else the -o file's extension when it names a format, else Markdown."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower() if args.output else ""
    guessed = {**SUFFIXES, ".csv": "csv", ".docx": "docx"}.get(suffix, "md")
    return guessed if guessed in formats else "md"


def run(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import workspace
    from esp_wizard.export import render_report_any
    from esp_wizard.findings import compile_workspace

    report = compile_workspace(workspace(args), args.client, args.engagement)
    warn(report.warnings)
    fmt = output_format(args, FORMATS)
    what = f"{len(report.findings)} findings to fix, {len(report.must_fix)} must-fix"
    rendered = render_report_any(report, fmt, args.attribution)
    if isinstance(rendered, bytes):
        return emit_binary(rendered, fmt, args.output, what)
    emit(rendered, fmt, args.output, what)
    return 0


def emit_binary(content: bytes, fmt: str, output: str | None, what: str) -> int:
    """A binary format (DOCX) goes to a file, atomically; never to a terminal."""
    from esp_wizard.errors import UserError

    if not output:
        raise UserError(f"the {fmt} format is a file: give one with -o report.{fmt}")
    from esp_wizard.session.atomic import atomic_write_bytes

    path = Path(output).expanduser()
    try:
        atomic_write_bytes(path, content)
    except OSError as error:
        raise UserError(f"could not write {path}: {error.strerror or error}") from error
    print(f"wrote {path} ({what})")
    return 0


def warn(warnings: Any) -> None:
    for warning in warnings:
        print(f"esp-wizard: warning: {warning}", file=sys.stderr)


def emit(content: str, fmt: str, output: str | None, what: str) -> None:
    """To a file (atomically), or to the terminal: Markdown rendered by rich for a person,
    every format as plain text for a pipe or a file."""
    if output:
        from esp_wizard.export.files import write_text

        path = write_text(Path(output).expanduser(), content)
        print(f"wrote {path} ({what})")
        return
    from esp_wizard.commands.common import console

    out = console()
    if fmt == "md" and out.is_terminal:
        from rich.markdown import Markdown

        out.print(Markdown(content))
        return
    sys.stdout.write(content)
    sys.stdout.flush()
