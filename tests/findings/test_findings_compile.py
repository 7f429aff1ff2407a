"""Compiling sessions into findings: merging, breadth, evidence, skip logic, observations."""

from __future__ import annotations

import pytest

from esp_wizard.findings import compile_engagement
from esp_wizard.findings.model import EngagementReport, Finding
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.model import Observation
from findings.fixture import DONT_KNOW, fixture_questionnaire, make_opened


@pytest.fixture(scope="module")
def ops() -> Questionnaire:
    return fixture_questionnaire("ops")


@pytest.fixture(scope="module")
def it() -> Questionnaire:
    return fixture_questionnaire("it")


def finding(report: EngagementReport, key: str) -> Finding:
    found = [f for f in report.all_findings if f.key == key]
    assert found, f"{key} not in {[f.key for f in report.all_findings]}"
    return found[0]


def keys(report: EngagementReport) -> set[str]:
    return {f.key for f in report.all_findings}


CSV = {"list_source": "csv_upload"}


def test_the_same_rule_in_several_sessions_is_one_finding_with_all_its_evidence(
    ops: Questionnaire,
) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], CSV, day=1),
            make_opened(ops, "s2", ["data-crm"], CSV, day=2),
        ]
    )
    merged = finding(report, "manual-list-upload")
    assert [f.key for f in report.findings].count("manual-list-upload") == 1
    assert merged.sessions == ("s1", "s2")
    assert merged.breadth == 2
    assert merged.roles == ("email-ops", "data-crm")


@pytest.mark.parametrize(
    ("roles_per_session", "breadth"),
    [
        ([["email-ops"], ["email-ops"]], 1),  # one role, however many sessions
        ([["email-ops"], []], 2),  # a session with no role counts as one role
        ([[], []], 2),  # each session with no role counts on its own
        ([["email-ops", "data-crm"], ["data-crm"]], 2),  # every role of a session counts
        ([["email-ops", ""], ["analytics"]], 2),  # a role-less interviewee beside a role adds none
    ],
)
def test_breadth_is_the_number_of_distinct_roles(
    ops: Questionnaire, roles_per_session: list[list[str]], breadth: int
) -> None:
    sessions = [
        make_opened(ops, f"s{n}", roles, CSV, day=n + 1)
        for n, roles in enumerate(roles_per_session)
    ]
    assert finding(compile_engagement(sessions), "manual-list-upload").breadth == breadth


def test_breadth_raises_priority(ops: Questionnaire) -> None:
    one = compile_engagement([make_opened(ops, "s1", ["email-ops"], CSV)])
    two = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], CSV), make_opened(ops, "s2", ["analytics"], CSV)]
    )
    assert finding(one, "manual-list-upload").priority == 30  # 4 × 5 × 1 × 3 ÷ 2
    assert finding(two, "manual-list-upload").priority == 60


def test_differing_scores_from_two_questionnaires_take_the_highest_and_say_so(
    ops: Questionnaire, it: Questionnaire
) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], CSV, day=1),
            make_opened(it, "s2", ["it-integrations"], CSV, day=2),
        ]
    )
    merged = finding(report, "manual-list-upload")
    assert (merged.severity, merged.impact, merged.effort) == (5, 5, 2)
    assert merged.priority == 75  # 5 × 5 × 2 × 3 ÷ 2
    assert merged.must_fix
    assert len(merged.notes) == 1
    assert "fixture-ops" in merged.notes[0] and "fixture-it" in merged.notes[0]
    assert merged.title == "Subscriber lists reach the ESP by hand"  # the first session's
    assert [e.title for e in merged.evidence][1] == "Lists are uploaded by hand"


def test_for_each_rows_are_keyed_by_rule_and_first_field_whatever_the_spelling(
    ops: Questionnaire,
) -> None:
    journeys_a = [{"name": "Cart  Reminder", "trigger": "cart_abandon"}, {"name": "Welcome"}]
    journeys_b = [{"name": " cart reminder", "trigger": "cart_abandon"}]
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {"journeys": journeys_a}, day=1),
            make_opened(ops, "s2", ["analytics"], {"journeys": journeys_b}, day=2),
        ]
    )
    assert {k for k in keys(report) if k.startswith("journey-")} == {
        "journey-without-owner:cart reminder",
        "journey-without-owner:welcome",
    }
    cart = finding(report, "journey-without-owner:cart reminder")
    assert cart.sessions == ("s1", "s2")
    assert cart.breadth == 2
    assert cart.title == "Journey Cart  Reminder has no owner"
    row_answer = cart.evidence[0].answers[0]
    assert row_answer.question_id == "journeys"
    assert "Cart  Reminder" in row_answer.answer and "Abandoned cart" in row_answer.answer


def test_an_answer_hidden_by_skip_logic_never_raises_a_finding(ops: Questionnaire) -> None:
    opened = make_opened(ops, "s1", ["email-ops"], {**CSV, "list_prep_hours": 9})
    from esp_wizard.session.interview import Interview

    Interview(ops, opened.session).answer("list_source", "api")  # hides list_prep_hours
    assert "list_prep_hours" in opened.session.answers  # kept, but inactive
    report = compile_engagement([opened])
    assert "manual-list-upload" not in keys(report)


def test_hidden_answers_are_no_evidence_conflict_or_driver(complete: Questionnaire) -> None:
    from esp_wizard.session.interview import Interview

    first = make_opened(complete, "s1", ["email-ops"], {"uses_lists": True, "channels": ["sms"]})
    Interview(complete, first.session).answer("uses_lists", False)  # hides the lists section
    second = make_opened(
        complete, "s2", ["analytics"], {"uses_lists": True, "channels": ["email"]}, day=2
    )
    report = compile_engagement([first, second])
    assert report.timeline.drivers == ()  # "sms" was hidden: no sms-push driver
    assert [c.question_id for c in report.conflicts] == ["uses_lists"]


def test_evidence_carries_role_answers_notes_and_quotes(ops: Questionnaire) -> None:
    notes = {"list_source": {"note": "Every Monday", "quote": "Mary does it for me."}}
    report = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], {**CSV, "list_prep_hours": 6}, notes=notes)]
    )
    evidence = finding(report, "manual-list-upload").evidence[0]
    assert evidence.session.roles == ("email-ops",)
    assert evidence.detail == "Lists are prepared and uploaded manually (6 hours a week)."
    by_question = {a.question_id: a for a in evidence.answers}
    assert by_question["list_source"].answer == "Manual CSV upload"
    assert by_question["list_source"].note == "Every Monday"
    assert by_question["list_source"].quote == "Mary does it for me."
    assert by_question["list_prep_hours"].answer == "6 hours/week"


def test_dont_know_is_shown_as_such_in_evidence(ops: Questionnaire) -> None:
    report = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], {**CSV, "list_prep_hours": DONT_KNOW})]
    )
    answers = {
        a.question_id: a.answer for a in finding(report, "manual-list-upload").evidence[0].answers
    }
    assert answers["list_prep_hours"] == "don't know"


def test_observations_are_findings_with_their_own_key_and_effort_three(
    ops: Questionnaire,
) -> None:
    observation = Observation(
        id="obs-7",
        category="hack",
        severity=4,
        impact=5,
        phase="move",
        text="Only Mary can load lists.\nShe leaves in June.",
        question="list_source",
    )
    notes = {"list_source": {"quote": "Ask Mary."}}
    report = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], CSV, notes=notes, observations=[observation])]
    )
    found = finding(report, "obs-7")
    assert found.source == "observation"
    assert (found.category, found.severity, found.impact, found.effort) == ("hack", 4, 5, 3)
    assert found.title == "Only Mary can load lists."  # no title: the text's first line
    assert found.detail == "Only Mary can load lists.\nShe leaves in June."
    assert found.must_fix and found.priority == 20
    assert found.evidence[0].answers[0].quote == "Ask Mary."


def test_strengths_are_kept_apart_and_never_must_fix(ops: Questionnaire) -> None:
    report = compile_engagement([make_opened(ops, "s1", ["email-ops"], {"platform_stability": 5})])
    assert [f.key for f in report.strengths] == ["stable-platform"]
    assert all(f.category != "strength" for f in report.findings)
    assert not report.strengths[0].must_fix


def test_findings_come_in_report_order(ops: Questionnaire, it: Questionnaire) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops"], {**CSV, "platform_stability": 1}),
            make_opened(
                it,
                "s2",
                ["it-integrations"],
                {"platform_stability": 2, "integrations": [{"name": "Shop"}]},
                day=2,
            ),
        ]
    )
    assert [f.key for f in report.findings] == [
        "manual-list-upload",  # must-fix, priority 30
        "integration-without-owner:shop",  # must-fix (impact 5), priority 11.25
        "platform-wobbly",  # priority 24 (two roles)
    ]


def test_roles_not_yet_interviewed_are_the_specs_roles_left(ops: Questionnaire) -> None:
    report = compile_engagement(
        [
            make_opened(ops, "s1", ["email-ops", "data-crm"], {}),
            make_opened(ops, "s2", ["client-it"], {}, day=2),
        ]
    )
    assert report.roles_covered == ("email-ops", "data-crm", "client-it")
    assert "email-ops" not in report.roles_missing
    assert report.roles_missing[0] == "executive"
    assert len(report.roles_missing) == 7


def test_follow_ups_list_flagged_answers_and_open_required_questions(ops: Questionnaire) -> None:
    notes = {"biggest_worry": {"follow_up": True, "note": "Ask legal"}}
    report = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], {"biggest_worry": "Suppressions"}, notes=notes)]
    )
    shown = [(i.kind, i.question_id, i.answer, i.note) for i in report.follow_ups]
    assert shown == [
        ("flagged", "biggest_worry", "Suppressions", "Ask legal"),
        ("required", "list_source", "(not answered)", ""),
        ("required", "transactional_in_esp", "(not answered)", ""),
    ]
    assert {i.session.id for i in report.follow_ups} == {"s1"}


def test_readiness_per_phase(ops: Questionnaire) -> None:
    report = compile_engagement(
        [make_opened(ops, "s1", ["email-ops"], {**CSV, "platform_stability": 5})]
    )
    views = {r.phase: (r.status, r.must_fix, r.open, r.strengths) for r in report.readiness}
    assert views == {
        "discovery": ("blocked", 1, 1, 0),
        "move": ("clear", 0, 0, 0),
        "uat": ("clear", 0, 0, 0),
        "send": ("clear", 0, 0, 1),
    }


def test_an_empty_engagement_compiles_to_an_empty_report() -> None:
    report = compile_engagement([], "Acme", "Wave 1")
    assert (report.findings, report.strengths, report.inventory) == ((), (), ())
    assert report.timeline.estimate == "3-4 months"
    assert report.as_of is None
