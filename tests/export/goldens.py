"""What the golden files hold, shared by the golden test and `scripts/update_goldens.py`.

A golden set is a folder under `tests/export/golden/`: `fixture/` is the deterministic
engagement of `tests/findings/fixture.py`; any other folder holds a `workspace.txt` naming
a workspace (relative to the repository) whose only engagement it renders, such as the
bundled example in `sessions/`; a `language.txt` beside it renders the set in that language
(as `report --lang` does). The version is masked so a release does not churn them.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from esp_wizard import __version__, i18n
from esp_wizard.export import (
    REPORT_FORMATS,
    SESSION_FORMATS,
    render_report_any,
    render_session,
    report_language,
)
from esp_wizard.export.docx_export import outline
from esp_wizard.export.playbook_csv import parity_csv
from esp_wizard.export.playbook_svg import map_svg
from esp_wizard.findings import compile_workspace, summarize_session
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = "fixture"
WORKSPACE_FILE = "workspace.txt"
LANGUAGE_FILE = "language.txt"
KEPT_FILES = (WORKSPACE_FILE, LANGUAGE_FILE)  # what a set says about itself, not renderings
SUMMARISED = 2  # session summaries kept per set: the first ones, in interview order


def masked(text: str) -> str:
    return re.sub(rf"esp-wizard {re.escape(__version__)}\b", "esp-wizard VERSION", text)


def render_set(workspace: Workspace, language: str | None = None) -> dict[str, str]:
    """Every golden file of one workspace's engagement: file name -> content."""
    files = {}
    report = compile_workspace(workspace, language=language)
    for fmt in REPORT_FORMATS:
        rendered = render_report_any(report, fmt, language=language)
        if isinstance(rendered, bytes):  # DOCX: its document.xml's structure and text
            files[f"report.{fmt}.txt"] = masked(outline(rendered))
        else:
            files[f"report.{fmt}"] = masked(rendered)
    files["parity.csv"] = parity_csv(report, language=language)  # the playbook's own exports
    with i18n.use(report_language(report, language)):
        files["current-map.svg"] = map_svg(report.playbook.system_map) if report.playbook else ""
    _, opened, _ = load_engagement(workspace)
    ordered = sorted(opened, key=lambda o: (o.session.started, o.session.id))
    for session in ordered[:SUMMARISED]:
        summary = summarize_session(session, language)
        for fmt in SESSION_FORMATS:
            rendered_summary = render_session(summary, fmt, language)
            files[f"session-{session.session.id}.{fmt}"] = masked(rendered_summary)
    return files


def golden_sets() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []


def render_named(name: str) -> dict[str, str]:
    """Render the set `name`: the fixture built afresh, or the workspace its folder names."""
    if name == FIXTURE:
        from findings.fixture import build_fixture_engagement

        with tempfile.TemporaryDirectory() as folder:
            return render_set(build_fixture_engagement(Path(folder)))
    pointer = GOLDEN / name / WORKSPACE_FILE
    root = REPO / pointer.read_text(encoding="utf-8").strip()
    language_file = GOLDEN / name / LANGUAGE_FILE
    language = language_file.read_text(encoding="utf-8").strip() if language_file.exists() else None
    return render_set(Workspace(root), language)


def write_set(name: str, files: dict[str, str]) -> Path:
    """Replace the set's files (its workspace.txt and language.txt are kept)."""
    folder = GOLDEN / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.name not in KEPT_FILES:
            old.unlink()
    for file_name, content in files.items():
        (folder / file_name).write_bytes(content.encode("utf-8"))
    return folder
