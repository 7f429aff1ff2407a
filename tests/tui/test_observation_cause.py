"""An observation joins a root cause the questionnaires' rules name, picked by its title."""

from __future__ import annotations

from textual.widgets import Select

from esp_wizard.findings import compile_workspace
from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.tui.screens.observation import ObservationModal
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview, settle

SIZE = (100, 32)


def with_causes(workspace: Workspace) -> None:
    """The spec example, its list-upload rule naming a cause (and one templated title)."""
    path = workspace.questionnaires_dir / "complete.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'id = "manual-list-upload"\n', 'id = "manual-list-upload"\ncause = "lists"\n'
    )
    text = text.replace(
        'id = "system-without-owner"\n', 'id = "system-without-owner"\ncause = "owners"\n'
    )
    path.write_text(text, encoding="utf-8")


async def test_an_observation_joins_a_cause_picked_by_its_title(workspace: Workspace) -> None:
    with_causes(workspace)
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    questionnaire = catalog.find("spec-example")
    answers = {"uses_lists": True, "list_source": "csv_upload"}
    path = make_session(workspace, questionnaire, answers=answers, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+o")
        modal = pilot.app.screen
        assert isinstance(modal, ObservationModal)
        await settle(pilot)
        picker = modal.query_one("#cause", Select)
        offered = [str(label) for label, _ in picker._options]
        assert offered == [
            "none: a finding of its own",
            "Subscriber lists reach the ESP by hand",
            "… has no known owner",
        ]
        assert picker.value == ""
        picker.value = "lists"
        await pilot.press(*"Bea exports the CRM every Monday", "ctrl+s")
        assert not isinstance(pilot.app.screen, ObservationModal)
    (observation,) = on_disk(workspace, path).observations
    assert observation.cause == "lists"
    report = compile_workspace(workspace)
    (lists,) = [f for f in report.findings if f.cause == "lists"]
    assert lists.sources == ("manual-list-upload", observation.id)
    assert lists.title == "Subscriber lists reach the ESP by hand"


async def test_an_observation_joins_no_cause_unless_one_is_picked(workspace: Workspace) -> None:
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    path = make_session(workspace, catalog.find("spec-example"), current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*"Seen", "ctrl+s")
    (observation,) = on_disk(workspace, path).observations
    assert observation.cause == ""


async def test_causes_that_arrive_after_the_dialog_closed_are_dropped(
    workspace: Workspace,
) -> None:
    import threading

    from esp_wizard.questionnaire.causes import Cause

    released = threading.Event()

    def slow() -> list[Cause]:
        released.wait(timeout=30)
        return [Cause("lists", "Subscriber lists reach the ESP by hand")]

    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)
        closed: list[object] = []
        modal = ObservationModal("A question?", slow)
        pilot.app.push_screen(modal, closed.append)
        await pilot.pause()
        await pilot.press("escape")
        assert closed == [None]
        released.set()
        await settle(pilot)
        modal._offer_causes(slow())  # what the worker hands over late: the dialog is gone
        assert pilot.app.is_running and not isinstance(pilot.app.screen, ObservationModal)
