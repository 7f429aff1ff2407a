"""The documentation a stranger reads after cloning: links that work inside the repository,
a format reference that matches the models, a worked example that loads, a CLI page that
names every real command and option."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from esp_wizard.cli import build_parser
from esp_wizard.questionnaire.loader import parse_questionnaire

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
EXTERNAL = ("http://", "https://", "mailto:")


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    found = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", markdown, flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [t for t in LINK.findall(text) if not t.startswith(EXTERNAL)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(doc: Path) -> None:
    broken = []
    for target in relative_links(doc):
        file_part, _, anchor = target.partition("#")
        resolved = (doc.parent / file_part).resolve() if file_part else doc
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            broken.append(f"{target}: not a file of this repository")
        elif anchor and anchor not in anchors(resolved.read_text(encoding="utf-8")):
            broken.append(f"{target}: no heading '#{anchor}' there")
    assert broken == []


def test_the_docs_have_links_to_check() -> None:
    """The link test above would pass vacuously if the pattern stopped matching."""
    assert "docs/questionnaire-format.md" in relative_links(ROOT / "README.md")
    assert "cli.md" in relative_links(ROOT / "docs" / "architecture.md")


def test_nothing_points_outside_the_repository_at_the_shared_specs() -> None:
    texts = [*DOCS, *(ROOT / "src").rglob("*.py")]
    pointing = [str(p.relative_to(ROOT)) for p in texts if "shared/spec" in p.read_text("utf-8")]
    assert pointing == []


def test_the_format_reference_matches_the_models() -> None:
    script = ROOT / "scripts" / "gen_format_reference.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_worked_example_loads() -> None:
    doc = (ROOT / "docs" / "questionnaire-format.md").read_text(encoding="utf-8")
    after = doc.split("<!-- worked example", 1)[1]
    example = re.search(r"```toml\n(.*?)```", after, flags=re.DOTALL)
    assert example is not None
    questionnaire = parse_questionnaire(example.group(1), "docs/questionnaire-format.md")
    assert questionnaire.id == "list-health"
    assert [rule.id for rule in questionnaire.findings] == [
        "manual-list-upload",
        "system-without-owner",
    ]


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def test_the_cli_page_names_every_command_and_option() -> None:
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, sub in subcommands(build_parser()).items():
        if f"esp-wizard {name}" not in page:
            missing.append(name)
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help" and option not in page:
                    missing.append(f"{name} {option}")
        for action_name in subcommands(sub):
            if f"esp-wizard {name} {action_name}" not in page:
                missing.append(f"{name} {action_name}")
    assert missing == []


def mentioned_files(text: str) -> set[str]:
    """Every `something.py` (with its folders, if given) a document names."""
    return set(re.findall(r"(?<![\w/.*<>-])((?:[\w-]+/)*[\w-]+\.(?:py|tcss|j2))\b", text))


@pytest.mark.parametrize(
    "doc",
    [ROOT / "docs" / "architecture.md", ROOT / "CONTRIBUTING.md", ROOT / "docs" / "cli.md"],
    ids=lambda p: p.name,
)
def test_every_module_a_document_names_exists(doc: Path) -> None:
    """A renamed or removed module makes the architecture page fail here, not mislead."""
    source = ROOT / "src" / "esp_wizard"
    tracked = [ROOT / d for d in ("src", "scripts", "tests", "bench")]
    known = {p.relative_to(ROOT).as_posix() for d in tracked for p in d.rglob("*")}
    missing = []
    for name in sorted(mentioned_files(doc.read_text(encoding="utf-8"))):
        candidates = [name, f"src/esp_wizard/{name}", f"src/{name}"]
        if any(c in known for c in candidates):
            continue
        if "/" not in name and any(source.rglob(name)):
            continue
        if "/" in name and any(p.as_posix().endswith("/" + name) for p in source.rglob("*")):
            continue
        missing.append(name)
    assert missing == []


def test_the_architecture_page_lists_every_package() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = [p.parent.name for p in (ROOT / "src" / "esp_wizard").glob("*/__init__.py")]
    assert [p for p in packages if f"{p}/" not in page] == []
