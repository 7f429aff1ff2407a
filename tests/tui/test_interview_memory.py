"""Garbage made during an interview is collected while the consultant reads, not between a
key and its frame, and still collected: memory stays bounded, and the app leaves the
collector as it found it."""

from __future__ import annotations

import gc
import weakref

import pytest
from textual.pilot import Pilot

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui import collector
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, open_interview, settle

SIZE = (100, 30)


class Node:
    """A reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


async def paced(pilot: Pilot) -> None:
    """Until the interview's answer widgets are built (the collector is paced then)."""
    for _ in range(20):
        if collector.paced():
            return
        await settle(pilot)
    pytest.fail("the interview never paced the collector")


async def test_cyclic_garbage_is_collected_once_the_next_question_shows(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await paced(pilot)
        assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD  # no collection mid-key
        garbage = weakref.ref(Node())
        leaving = screen.question.id
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.question.id != leaving
        assert garbage() is None


async def test_long_lived_garbage_is_collected_by_a_full_collection_in_time(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "FULL_EVERY", 3)
    monkeypatch.setattr(collector, "FULL_AFTER_IDLE", 3600.0)  # no pause in this test
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await paced(pilot)
        kept = Node()
        old = weakref.ref(kept)
        collector.collect_young()  # survives a young collection: now in the oldest generation
        del kept
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert old() is not None  # young collections leave it
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert old() is None


async def test_long_lived_garbage_is_collected_when_the_interview_pauses(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "FULL_EVERY", 10_000)
    monkeypatch.setattr(collector, "FULL_AFTER_IDLE", 0.01)
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await paced(pilot)
        kept = Node()
        old = weakref.ref(kept)
        gc.collect(1)  # survives a young collection: now in the oldest generation
        del kept
        await pilot.press("ctrl+n")
        for _ in range(200):  # until the pause's full collection has run
            if old() is None:
                break
            await pilot.pause(0.01)
        assert old() is None


async def test_the_app_gives_the_collector_back_as_it_found_it(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    before = gc.get_threshold()
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await paced(pilot)
        assert gc.get_threshold() != before
    assert not collector.paced()
    assert gc.get_threshold() == before
    assert gc.isenabled()
