"""Write the key reference of docs/questionnaire-format.md from the questionnaire models.

The reference (every key of every table: its type, whether it is required or its default,
its constraints) is generated from the JSON Schema that pydantic derives from the models in
esp_wizard.questionnaire, the same schema `esp-wizard questionnaires schema` prints, so the
documentation cannot drift from what the loader accepts. Only the one-line meaning of each
key is written by hand, below (or taken from a model field's `description`, if it has one).

    .venv/bin/python scripts/gen_format_reference.py          # rewrite the reference
    .venv/bin/python scripts/gen_format_reference.py --check  # exit 1 if it is out of date

tests/test_docs.py runs the check, so a new key or question type fails the suite until the
reference is regenerated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from esp_wizard.questionnaire.schema import questionnaire_schema

DOC = Path(__file__).resolve().parent.parent / "docs" / "questionnaire-format.md"
BEGIN = "<!-- BEGIN generated key reference: scripts/gen_format_reference.py -->"
END = "<!-- END generated key reference -->"

Schema = dict[str, Any]

# The meaning of each key, by table (the schema's definition name) or for any table ("*").
MEANINGS: dict[str, dict[str, str]] = {
    "*": {
        "id": "identifier; unique among its kind in the questionnaire",
        "when": "condition in the expression language; false hides it",
        "title": "shown as its heading",
        "type": "the question type",
        "text": "the question as asked",
        "help": "guidance shown to the facilitator only",
        "required": "the review lists it while unanswered; completing asks to confirm",
        "tags": "free labels for grouping and search",
        "allow_unknown": "the facilitator may record don't know / not applicable",
        "min": "lowest allowed answer",
        "max": "highest allowed answer",
        "max_length": "longest answer, in characters",
        "options": "the options, in the order shown",
        "other": 'adds "Other…" with free text; its value is "other"',
        "label": "the text shown",
        "value": "the stored value (no spaces); conditions compare with it",
    },
    "Questionnaire": {
        "format": "this format's version",
        "id": "unique per language among the questionnaires loaded",
        "version": "the content's own version, free text",
        "language": "BCP 47 tag; a translation is another file with the same id",
        "title": "shown in lists and reports",
        "roles": "the stakeholder roles it is written for",
        "minutes": "planned length of the interview",
        "description": "who to invite, what to prepare",
        "sections": "the interview, in order",
        "findings": "rules that turn answers into findings",
        "drivers": "answers that lengthen a migration, for the timeline estimate",
    },
    "Section": {
        "id": "unique among sections",
        "intro": "read aloud before the section's first question",
        "when": "the whole section is skipped when false; names earlier questions only",
        "questions": "the section's questions, in order",
    },
    "TextQuestion": {
        "pattern": "regular expression the answer must match (checked at load)",
        "placeholder": "example shown in the empty field",
    },
    "NumberQuestion": {"integer": "whole numbers only", "unit": "shown after the number"},
    "ScaleQuestion": {"labels": 'labels of some points, e.g. { 1 = "Broken", 5 = "Great" }'},
    "MultiChoiceQuestion": {
        "min_selected": "fewest options to choose",
        "max_selected": "most options to choose",
    },
    "InventoryQuestion": {
        "item": 'what one row is called, e.g. "system"',
        "fields": "the row's fields; the first one names the row",
        "min_rows": "fewest rows",
        "max_rows": "most rows",
    },
    "FindingRule": {
        "id": "unique; the same id in several sessions is one finding",
        "category": "what kind of finding",
        "when": "the rule fires when true (required)",
        "for_each": "an inventory's id: evaluated once per row, naming `item.<field>`",
        "title": "the finding's title; may name answers as {question_id}",
        "detail": "what was found; may name answers",
        "severity": "how much it hurts or risks the business today",
        "impact": "how much it matters to the migration (5 blocks cutover)",
        "effort": "effort to fix (3 when left out)",
        "phase": "the migration phase it bears on",
        "recommendation": "what to do; may name answers",
    },
    "Driver": {
        "id": "the same id found twice in an engagement counts once",
        "label": "shown in the timeline estimate",
        "when": "the driver is present when true (required)",
        "doubles": "a multiplier: when found, the timeline estimate is doubled",
    },
}


def resolve(schema: Schema, node: Schema) -> tuple[str, Schema]:
    """(definition name, definition) of a `$ref` node, else ("", node)."""
    ref = node.get("$ref", "")
    if not ref:
        return "", node
    name = ref.rsplit("/", 1)[-1]
    return name, schema["$defs"][name]


def type_text(schema: Schema, node: Schema) -> str:
    """A property's type in words: `string`, `list of Option`, `"number"`, `1`, …"""
    if "const" in node:
        return f"`{_literal(node['const'])}`"
    if "enum" in node:
        return " | ".join(f"`{_literal(v)}`" for v in node["enum"])
    name, target = resolve(schema, node)
    if name:
        return name if target.get("type") == "object" else type_text(schema, target)
    if "discriminator" in node:
        return f"table, by its `{node['discriminator']['propertyName']}` (below)"
    for key in ("anyOf", "oneOf"):
        if key in node:
            kinds = [type_text(schema, n) for n in node[key] if n.get("type") != "null"]
            return " or ".join(dict.fromkeys(kinds))
    kind = node.get("type", "any")
    if kind == "array":
        return f"list of {type_text(schema, node.get('items', {}))}"
    if kind == "object":
        values = node.get("additionalProperties")
        return f"table of {type_text(schema, values)}" if isinstance(values, dict) else "table"
    if kind == "string" and node.get("format") == "date":
        return "date (TOML date)"
    return {"integer": "integer", "number": "number", "boolean": "bool"}.get(kind, kind)


def _literal(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value).lower()


def constraints(node: Schema) -> str:
    """Pattern, bounds and sizes, from the property or the first non-null branch."""
    branches = [node, *(n for n in node.get("anyOf", []) if n.get("type") != "null")]
    found: list[str] = []
    words = {
        "pattern": "matches `{}`",
        "minimum": "≥ {}",
        "maximum": "≤ {}",
        "minLength": "at least {} character(s)",
        "maxLength": "at most {} characters",
        "minItems": "at least {}",
        "maxItems": "at most {}",
    }
    for branch in branches:
        for key, text in words.items():
            if key in branch and text.format(branch[key]) not in found:
                found.append(text.format(branch[key]))
    return ", ".join(found)


def presence(definition: Schema, key: str, node: Schema) -> str:
    if key in definition.get("required", []):
        return "required"
    if "default" not in node:
        return "optional"
    default = node["default"]
    if default is None:
        return "optional"
    if default in ("", [], {}):
        return "optional (empty)"
    return f"default `{_literal(default)}`"


def meaning(table: str, key: str, node: Schema) -> str:
    return node.get("description") or MEANINGS.get(table, {}).get(key) or MEANINGS["*"].get(key, "")


def key_table(
    schema: Schema, table: str, definition: Schema, keys: list[str], types: str = ""
) -> list[str]:
    """One row per key; `types` replaces the type of `type` (for keys shared by every type)."""
    lines = ["| key | type | presence | constraints | meaning |", "| --- | --- | --- | --- | --- |"]
    for key in keys:
        node = definition["properties"][key]
        cells = [
            f"`{key}`",
            types if key == "type" and types else type_text(schema, node),
            presence(definition, key, node),
            constraints(node),
            meaning(table, key, node),
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines


def union_members(schema: Schema, node: Schema) -> list[tuple[str, Schema]]:
    """The tables of a tagged union (a list's items), in declaration order."""
    items = node.get("items", node)
    branches = items.get("oneOf") or items.get("anyOf") or [items]
    return [resolve(schema, branch) for branch in branches]


def type_tag(definition: Schema) -> str:
    return str(definition["properties"]["type"].get("const", ""))


def reference(schema: Schema) -> str:
    """The whole generated block, Markdown."""
    section_name, section = resolve(schema, schema["properties"]["sections"]["items"])
    questions = union_members(schema, section["properties"]["questions"])
    common = [
        key
        for key in questions[0][1]["properties"]
        if all(key in definition["properties"] for _, definition in questions)
    ]
    out: list[str] = [BEGIN, "", "### Top level", ""]
    out += key_table(schema, "Questionnaire", schema, list(schema["properties"]))
    out += ["", "### `[[sections]]`", ""]
    out += key_table(schema, section_name, section, list(section["properties"]))
    out += ["", "### Keys of every question `[[sections.questions]]`", ""]
    every_type = " | ".join(f"`{_literal(type_tag(d))}`" for _, d in questions)
    out += key_table(schema, questions[0][0], questions[0][1], common, every_type)
    for name, definition in questions:
        own = [key for key in definition["properties"] if key not in common]
        out += ["", f'### `type = "{type_tag(definition)}"`', ""]
        if own:
            out += key_table(schema, name, definition, own)
        else:
            out += ["No keys of its own."]
        if "fields" in definition["properties"]:
            kinds = union_members(schema, definition["properties"]["fields"])
            allowed = ", ".join(f"`{type_tag(d)}`" for _, d in kinds)
            out += ["", f"Each of `fields` is a question of type {allowed}, with that type's keys."]
    option_name, option = resolve(schema, {"$ref": "#/$defs/Option"})
    out += ["", "### An option `{ value = …, label = … }`", ""]
    out += key_table(schema, option_name, option, list(option["properties"]))
    for key, heading in (("findings", "`[[findings]]`"), ("drivers", "`[[drivers]]`")):
        name, definition = resolve(schema, schema["properties"][key]["items"])
        out += ["", f"### {heading}", ""]
        out += key_table(schema, name, definition, list(definition["properties"]))
    out += ["", END]
    return "\n".join(out)


def rewritten(text: str, block: str) -> str:
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + block + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the doc is out of date")
    args = parser.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    wanted = rewritten(text, reference(questionnaire_schema()))
    if args.check:
        if wanted != text:
            print(f"{DOC}: out of date; run scripts/gen_format_reference.py", file=sys.stderr)
            return 1
        return 0
    if wanted != text:
        DOC.write_text(wanted, encoding="utf-8")
        print(f"updated {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
