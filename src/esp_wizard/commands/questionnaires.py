"""`esp-wizard questionnaires [check FILE… | schema]`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import N_, _, ngettext

name = "questionnaires"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name, help=_("list available questionnaires, check files, print the JSON Schema")
    )
    parser.set_defaults(handler=sys.modules[__name__])
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    check = actions.add_parser("check", help=_("validate questionnaire files; exit 2 on any error"))
    check.add_argument("files", nargs="+", metavar="FILE")
    actions.add_parser("schema", help=_("print the JSON Schema of the questionnaire format"))


def run(args: argparse.Namespace) -> int:
    if args.action == "check":
        return check(args.files)
    if args.action == "schema":
        from esp_wizard.questionnaire.schema import questionnaire_schema_json

        sys.stdout.write(questionnaire_schema_json())
        return 0
    return listing(args)


def check(files: list[str]) -> int:
    from esp_wizard.errors import FileProblems
    from esp_wizard.questionnaire.loader import load_questionnaire
    from esp_wizard.safetext import for_terminal

    failed = False
    for file in files:
        try:
            questionnaire = load_questionnaire(file)
        except FileProblems as problems:
            failed = True
            for line in problems.lines():
                print(for_terminal(line, lines=False))
            continue
        count = questionnaire.answerable_count
        line = ngettext(
            "{file}: ok ({id}, {language}, {count} question)",
            "{file}: ok ({id}, {language}, {count} questions)",
            count,
        )
        shown = line.format(
            file=file, id=questionnaire.id, language=questionnaire.language, count=count
        )
        print(for_terminal(shown, lines=False))
    return 2 if failed else 0


def listing(args: argparse.Namespace) -> int:
    """From the listing cache: an unchanged file is not parsed again (listing.py)."""
    from esp_wizard.commands.common import print_table, workspace
    from esp_wizard.questionnaire.listing import list_questionnaires

    found = list_questionnaires(workspace(args).questionnaires_dir)
    rows = [
        [e.id, e.language, e.title, ", ".join(e.roles), e.questions, e.minutes, e.origin]
        for e in found.entries
    ]
    columns = [N_("id"), N_("language"), N_("title"), N_("roles"), N_("questions"), N_("minutes")]
    columns.append(N_("from"))
    title = ngettext("{count} questionnaire", "{count} questionnaires", len(rows))
    print_table(title.format(count=len(rows)), columns, rows)
    from esp_wizard.safetext import for_terminal

    for problems in found.problems:
        for line in problems.lines():
            print(
                _("skipped: {line}").format(line=for_terminal(line, lines=False)), file=sys.stderr
            )
    return 0
