"""Review: every active answer, open required ones and follow-ups marked; completing."""

from __future__ import annotations

from textual.widgets import DataTable

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.completed import CompletedModal
from esp_wizard.tui.screens.confirm import ConfirmModal
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.review import ReviewScreen
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (110, 36)
ANSWERS = {"uses_lists": True, "list_source": "csv_upload", "stability": 5}


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_review_lists_active_answers_and_marks_what_needs_settling(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"uses_lists": True}, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+f", "ctrl+l")
        review = pilot.app.screen
        assert isinstance(review, ReviewScreen)
        table = review.query_one("#review-table", DataTable)
        assert column(table, 1)[:3] == [
            "Walk me through the last send.",
            "Do you send to lists you manage yourselves?",
            "How do subscriber lists get into the ESP today?",
        ]
        assert column(table, 2)[:3] == ["—", "yes", "—"]
        assert column(table, 3)[0] == "⚑ "
        assert column(table, 3)[2].startswith("required")
        assert "1 required open" in str(review.query_one("#review-summary").render())


async def test_enter_on_a_review_row_goes_to_that_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers=ANSWERS, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("ctrl+l", "down", "down", "enter")
        assert pilot.app.screen is screen
        assert screen.question.id == "list_source"
    assert on_disk(workspace, path).current == "list_source"


async def test_completing_with_required_questions_open_asks_and_shows_findings(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    answers = {"uses_lists": True, "stability": 5}
    path = make_session(workspace, questionnaire, answers=answers, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+l", "c")
        assert isinstance(pilot.app.screen, ConfirmModal)
        await pilot.press("n")
        assert on_disk(workspace, path).status == "in_progress"
        await pilot.press("c", "y")
        modal = pilot.app.screen
        assert isinstance(modal, CompletedModal)
        assert on_disk(workspace, path).status == "completed"
        findings = modal.query_one("#findings", DataTable)
        assert [str(c) for c in findings.get_row_at(0)] == [
            "strength",
            "1",
            "The platform is stable (5)",
        ]
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_completing_with_everything_required_answered_does_not_ask(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers=ANSWERS, current="systems")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+n")  # past the last question: the review
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("c")
        modal = pilot.app.screen
        assert isinstance(modal, CompletedModal)
        titles = [str(r[2]) for r in map(modal.query_one(DataTable).get_row_at, range(2))]
        assert titles == ["Subscriber lists reach the ESP by hand", "The platform is stable (5)"]
    assert on_disk(workspace, path).status == "completed"
