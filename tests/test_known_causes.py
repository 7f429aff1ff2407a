"""The causes an observation may join: every cause the rules name, once, by a readable title."""

from __future__ import annotations

from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.questionnaire.causes import known_causes


def test_each_language_offers_every_bundled_cause_once_with_a_filled_title() -> None:
    questionnaires = load_catalog(None).questionnaires()
    english = known_causes(questionnaires * 2, "en")  # listed twice: counted once
    french = known_causes(questionnaires, "fr")
    assert sorted(c.id for c in english) == sorted(c.id for c in french)
    assert len({c.id for c in english}) == len(english) >= 30
    assert not [c.title for c in [*english, *french] if "{" in c.title or not c.title]
    titles = {c.id: c.title for c in english}
    assert titles["key-person"] == "Nobody maintains the ESP's integrations"
    assert [c.title for c in english] == sorted((c.title for c in english), key=str.casefold)
