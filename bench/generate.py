"""Generated questionnaires and sessions for the benchmarks: large, valid, deterministic."""

from __future__ import annotations

import random

TYPES = ("choice", "number", "yes_no", "text", "multi_choice", "scale", "long_text", "date")


def questionnaire_text(questions: int = 300, sections: int = 10, seed: int = 7) -> str:
    """A valid questionnaire with every answerable type, skip logic and rules."""
    rng = random.Random(seed)
    lines = [
        "format = 1",
        'id = "bench"',
        'version = "1.0.0"',
        'language = "en"',
        'title = "Generated benchmark questionnaire"',
        'roles = ["email-ops"]',
        f"minutes = {questions * 2}",
    ]
    per_section = questions // sections
    ids: list[tuple[str, str]] = []
    for s in range(sections):
        lines += ["", "[[sections]]", f'id = "section_{s}"', f'title = "Section {s}"']
        for n in range(per_section):
            kind = TYPES[(s * per_section + n) % len(TYPES)]
            qid = f"q{s}_{n}"
            lines += ["", "[[sections.questions]]", f'id = "{qid}"', f'type = "{kind}"']
            lines.append(f'text = "Question {qid}: how does this part of the program work today?"')
            lines.append('help = "Probe for who does it, how often, and what breaks."')
            lines += _own_keys(kind)
            earlier = [i for i in ids if i[1] in ("choice", "yes_no", "number")]
            if earlier and rng.random() < 0.3:
                lines.append(f"when = '{_condition(rng.choice(earlier))}'")
            ids.append((qid, kind))
    lines += ["", "[[sections.questions]]", 'id = "systems"', 'type = "inventory"']
    lines += ['text = "Systems"', "fields = ["]
    lines += ['  { id = "name", type = "text", text = "Name", required = true },']
    lines += ['  { id = "owner", type = "text", text = "Owner" },', "]"]
    for r, (qid, kind) in enumerate(i for i in ids if i[1] in ("choice", "yes_no", "number")):
        lines += ["", "[[findings]]", f'id = "rule-{r}"', 'category = "gap"']
        lines += [f"when = '{_condition((qid, kind))}'", f'title = "Rule {r} ({{{qid}}})"']
        lines += ["severity = 3", "impact = 4", 'phase = "move"', 'recommendation = "Fix it."']
    lines += ["", "[[findings]]", 'id = "no-owner"', 'category = "gap"', 'for_each = "systems"']
    lines += ["when = 'not answered(item.owner)'", 'title = "{item.name} has no owner"']
    lines += ["severity = 3", "impact = 4", 'phase = "move"']
    return "\n".join(lines) + "\n"


def _own_keys(kind: str) -> list[str]:
    if kind in ("choice", "multi_choice"):
        options = ", ".join(f'{{ value = "o{i}", label = "Option {i}" }}' for i in range(5))
        return [f"options = [{options}]", "other = true"]
    if kind == "number":
        return ["min = 0", "max = 1000", 'unit = "hours"']
    if kind == "scale":
        return ['labels = { 1 = "Broken", 5 = "Excellent" }']
    return []


def _condition(question: tuple[str, str]) -> str:
    qid, kind = question
    if kind == "choice":
        return f'{qid} in ["o1", "o2"]'
    if kind == "number":
        return f"{qid} >= 10"
    return qid


def answer_for(kind: str, rng: random.Random) -> object:
    """A valid answer of each type, for sessions built by the benchmarks."""
    import datetime as dt

    return {
        "choice": f"o{rng.randrange(5)}",
        "number": rng.randrange(1000),
        "yes_no": rng.random() < 0.5,
        "text": "Mary in IT moves the data by hand every Monday",
        "multi_choice": ["o1", "o3"],
        "scale": rng.randrange(1, 6),
        "long_text": "We export the list, fix it in Excel,\nthen upload it again. “It's wobbly.”",
        "date": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(700)),
    }[kind]
