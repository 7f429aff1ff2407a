"""The JSON Schema of the questionnaire format, for editors (Taplo, Even Better TOML)."""

from __future__ import annotations

import json
from typing import Any

from esp_wizard.questionnaire.model import Questionnaire


def questionnaire_schema() -> dict[str, Any]:
    schema = Questionnaire.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "esp-wizard questionnaire, format 1"
    return schema


def questionnaire_schema_json() -> str:
    return json.dumps(questionnaire_schema(), indent=2, ensure_ascii=False) + "\n"
