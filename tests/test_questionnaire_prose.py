"""A questionnaire's long texts wrap to the screen: the author's line breaks inside a
paragraph go, blank lines between paragraphs and list items stay."""

from __future__ import annotations

from esp_wizard.questionnaire.prose import reflow

DESCRIPTION = """
Working session with the one to three people who build, schedule and send the emails
(campaign managers, CRM operators). Hold it at a screen with the ESP open.

Ask them to prepare: an export of every active journey, last
month's send calendar, and the pre-send checklist.
"""


def test_the_lines_of_a_paragraph_are_joined_and_paragraphs_kept() -> None:
    assert reflow(DESCRIPTION) == (
        "Working session with the one to three people who build, schedule and send the emails "
        "(campaign managers, CRM operators). Hold it at a screen with the ESP open.\n\n"
        "Ask them to prepare: an export of every active journey, last month's send calendar, "
        "and the pre-send checklist."
    )


def test_list_items_start_their_own_line_and_take_their_continuations() -> None:
    text = "Bring:\n- the send calendar\n  for last month\n* the checklist\n1. logins\n2) exports"
    assert reflow(text) == (
        "Bring:\n- the send calendar for last month\n* the checklist\n1. logins\n2) exports"
    )


def test_spaces_and_extra_blank_lines_are_tidied_and_one_line_is_unchanged() -> None:
    assert reflow("  One.  \n\n\n\n  Two\n   three.  ") == "One.\n\nTwo three."
    assert reflow("Who presses Send?") == "Who presses Send?"
    assert reflow("") == ""


def test_a_dash_or_number_where_the_author_broke_a_sentence_is_not_a_list() -> None:
    text = "Hold it at a screen with the ESP open\n- not a slide deck - and ask for\n2026. Budget"
    assert reflow(text) == (
        "Hold it at a screen with the ESP open - not a slide deck - and ask for 2026. Budget"
    )
