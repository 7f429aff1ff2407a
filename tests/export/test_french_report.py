"""A report over French sessions speaks French: labels, numbers, the HTML and DOCX language,
and a CSV that French Excel splits into columns (`;`, decimal comma)."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from esp_wizard import i18n
from esp_wizard.cli import main
from esp_wizard.export import render_report, render_report_any, report_language
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace
from findings.fixture import build_fixture_engagement


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return build_fixture_engagement(tmp_path_factory.mktemp("fx"))


@pytest.fixture(scope="module")
def english(workspace: Workspace) -> EngagementReport:
    return compile_workspace(workspace)


@pytest.fixture(scope="module")
def french(english: EngagementReport) -> EngagementReport:
    """The same engagement as if its sessions had been held in French."""
    sessions = tuple(dataclasses.replace(s, language="fr") for s in english.sessions)
    return dataclasses.replace(english, sessions=sessions, language="")


def rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_the_report_language_follows_the_sessions_unless_told(
    english: EngagementReport, french: EngagementReport
) -> None:
    assert report_language(french) == "fr"
    assert report_language(english) == "en"
    assert report_language(french, "en") == "en"


def test_french_csv_uses_semicolons_a_decimal_comma_and_french_headers(
    french: EngagementReport,
) -> None:
    table = rows(render_report(french, "csv"), ";")
    header = table[0]
    assert header[:3] == ["rang", "clé", "cause"]
    priority = header.index("priorité")
    assert [row[priority] for row in table[1:4]] == ["112,5", "11,25", "11,25"]
    assert {row[header.index("impératif")] for row in table[1:]} <= {"oui", "non"}


def test_the_csv_dialect_can_be_chosen_apart_from_the_language(french: EngagementReport) -> None:
    table = rows(render_report(french, "csv", csv_dialect="comma"), ",")
    assert table[0][0] == "rang"  # still French words
    assert len(table[0]) == len(rows(render_report(french, "csv"), ";")[0])


def test_french_html_declares_its_language_and_french_labels(french: EngagementReport) -> None:
    page = render_report(french, "html")
    assert '<html lang="fr">' in page
    assert "Rapport de cadrage" in page
    assert "Constats par catégorie" in page
    assert '<html lang="en">' in render_report(french, "html", language="en")


def test_french_docx_is_marked_french(french: EngagementReport) -> None:
    document = render_report_any(french, "docx")
    assert isinstance(document, bytes)
    package = zipfile.ZipFile(io.BytesIO(document))
    assert "<dc:language>fr-FR</dc:language>" in package.read("docProps/core.xml").decode()
    assert 'w:val="fr-FR"' in package.read("word/styles.xml").decode()


@pytest.mark.parametrize(
    ("options", "separator", "first"),
    [
        (["report", "--format", "csv", "--lang", "fr"], ";", "rang"),
        (["--lang", "fr", "report", "--format", "csv"], ";", "rang"),
        (["report", "--format", "csv", "--lang", "fr", "--csv-dialect", "comma"], ",", "rang"),
        (["report", "--format", "csv"], ",", "rank"),
    ],
)
def test_the_report_command_takes_a_language_and_a_csv_dialect(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    separator: str,
    first: str,
) -> None:
    workspace = build_fixture_engagement(tmp_path)
    assert main(["--workspace", str(workspace.root), *options]) == 0
    header = capsys.readouterr().out.removeprefix("\ufeff").splitlines()[0]
    assert header.split(separator)[0] == first
    assert i18n.current() == "en"  # the run's language does not outlive it
