"""Where exports go and how they are written: atomically, never over anyone's work.

An output file is a new file unless the user says `--force`; even then it never lands in
sessions/ or questionnaires/ nor replaces a session or questionnaire file anywhere, and
special files (devices, FIFOs) and symlinks are refused, so a slip of the tab key cannot
turn an interview into a report. Exports made from the TUI go to exports/ under a name
that is free (`-2`, `-3`… appended), so an earlier export is never replaced either. Text
written to a file keeps what was typed but loses control characters (see safetext).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import tomli

from esp_wizard.errors import UserError
from esp_wizard.findings.model import EngagementReport, SessionSummary
from esp_wizard.i18n import _
from esp_wizard.reasons import os_reason
from esp_wizard.safetext import for_file, for_terminal
from esp_wizard.session.atomic import atomic_create_bytes, atomic_write_bytes
from esp_wizard.session.store import slugify
from esp_wizard.workspace import Workspace

_PROBE_BYTES = 1 << 20  # a session or questionnaire file is recognised from its content
_FREE_NAME_TRIES = 1000


def report_file_name(report: EngagementReport, fmt: str) -> str:
    """`acme-retail-esp-move-2027-report.html`."""
    parts = [slugify(report.client), slugify(report.engagement), "report"]
    return "-".join(p for p in parts if p) + f".{fmt}"


def session_file_name(summary: SessionSummary, fmt: str) -> str:
    """`2026-03-02-acme-retail-ana-souza-ops1aaaa-summary.md`."""
    session = summary.session
    person = session.interviewees[0].name if session.interviewees else ""
    parts = [
        session.started.date().isoformat(),
        slugify(session.client),
        slugify(person),
        session.id,
        "summary",
    ]
    return "-".join(p for p in parts if p) + f".{fmt}"


class OutputRefused(UserError):
    """An output path that would replace or damage something: one line, exit 2."""


def check_output(path: Path, workspace: Workspace | None, *, force: bool = False) -> None:
    """Refuse an output path that is protected, special, a symlink, or taken without force."""
    shown = _shown(path)
    if _inside_protected(path, workspace):
        message = _(
            "will not write {path}: it is inside a sessions or questionnaires folder, "
            "which hold interviews; choose a file elsewhere, e.g. in exports/"
        )
        raise OutputRefused(message.format(path=shown))
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        message = _("cannot write {path}: {reason}")
        raise OutputRefused(message.format(path=shown, reason=os_reason(error))) from None
    refused = _refusal(path, info.st_mode, force=force)
    if refused:
        raise OutputRefused(refused.format(path=shown))


def _refusal(path: Path, mode: int, *, force: bool) -> str:
    """Why an existing file may not be written (a message with `{path}`), or ""."""
    if stat.S_ISLNK(mode):
        return _("will not write {path}: it is a symbolic link; name a plain file")
    if stat.S_ISDIR(mode):
        return _("will not write {path}: it is a folder; name a file in it")
    if not stat.S_ISREG(mode):
        return _(
            "will not write {path}: it is a special file (device, FIFO or socket); "
            "use -o - to write to standard output"
        )
    if _holds_interview_data(path):
        return _("will not write {path}: it is a session or questionnaire file, even with --force")
    if not force:
        return _already_exists()
    return ""


def _already_exists() -> str:
    return _("{path} already exists; add --force to replace it")


def write_output(
    path: Path, content: str | bytes, workspace: Workspace | None, *, force: bool = False
) -> Path:
    """Write an export the user named: a new file, or a replaced one with `force`. Text
    loses control characters; a binary format (DOCX) is written as rendered."""
    check_output(path, workspace, force=force)
    data = content if isinstance(content, bytes) else for_file(content).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():  # force, and check_output found a plain export-like file
            atomic_write_bytes(path, data)
        else:
            atomic_create_bytes(path, data)
    except FileExistsError:  # created between the check and the write
        raise OutputRefused(_already_exists().format(path=_shown(path))) from None
    except OSError as error:
        message = _("could not write {path}: {reason}")
        raise UserError(message.format(path=_shown(path), reason=os_reason(error))) from error
    return path


def write_new_export(folder: Path, name: str, content: str | bytes) -> Path:
    """Write into `folder` under `name`, or `name-2`, `name-3`… : never over a file.
    Text loses control characters; a binary format (DOCX) is written as rendered."""
    data = content if isinstance(content, bytes) else for_file(content).encode("utf-8")
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot else (name, "")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, _FREE_NAME_TRIES + 1):
            path = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
            try:
                atomic_create_bytes(path, data)
            except FileExistsError:
                continue
            return path
    except OSError as error:
        message = _("could not write in {folder}: {reason}")
        raise UserError(message.format(folder=_shown(folder), reason=os_reason(error))) from error
    message = _("could not find a free name for {name} in {folder}")
    raise UserError(message.format(name=_shown(Path(name)), folder=_shown(folder)))


def _shown(path: Path) -> str:
    """A path inside one of our lines: on one line, no terminal control."""
    return for_terminal(str(path), lines=False)


def export_path(workspace: Workspace, name: str) -> Path:
    return workspace.exports_dir / name


def export_report(
    workspace: Workspace, client: str | None, engagement: str | None, fmt: str
) -> Path:
    """Compile and write the engagement report into the workspace's exports/ folder."""
    from esp_wizard.export import render_report_any
    from esp_wizard.findings import compile_workspace

    report = compile_workspace(workspace, client, engagement)
    name = report_file_name(report, fmt)
    return write_new_export(workspace.exports_dir, name, render_report_any(report, fmt))


def export_session(workspace: Workspace, session_ref: str, fmt: str) -> Path:
    """Summarise one session and write it into the workspace's exports/ folder."""
    from esp_wizard.export import render_session
    from esp_wizard.findings.engagement import open_workspace_session
    from esp_wizard.findings.summary import summarize_session

    opened, _ = open_workspace_session(workspace, session_ref)
    summary = summarize_session(opened)
    name = session_file_name(summary, fmt)
    return write_new_export(workspace.exports_dir, name, render_session(summary, fmt))


# -- what is protected --------------------------------------------------------------------
def _protected_dirs(workspace: Workspace | None) -> list[Path]:
    from esp_wizard.questionnaire.catalog import bundled_dir

    folders = [bundled_dir()]
    if workspace is not None:
        folders += [workspace.sessions_dir, workspace.questionnaires_dir]
    return [_resolved(folder) for folder in folders]


def _inside_protected(path: Path, workspace: Workspace | None) -> bool:
    """In a workspace's sessions/ or questionnaires/ (or the bundled ones), however named."""
    where = _resolved(path.parent)
    if any(where == folder or folder in where.parents for folder in _protected_dirs(workspace)):
        return True
    return where.name in ("sessions", "questionnaires", ".questionnaires") and any(
        (where.parent / sibling).is_dir()
        for sibling in ("sessions", "questionnaires")
        if sibling != where.name
    )


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _holds_interview_data(path: Path) -> bool:
    """A TOML file that reads as a session (an id and a questionnaire reference) or a
    questionnaire (sections): such a file is never replaced by an export."""
    try:
        with path.open("rb") as file:
            raw = file.read(_PROBE_BYTES)
        data = tomli.loads(raw.decode("utf-8", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return path.suffix.lower() == ".toml"
    return ("id" in data and "questionnaire" in data) or "sections" in data
