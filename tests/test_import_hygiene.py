"""The core never imports Textual, and `esp-wizard --help` stays as light as the core."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import esp_wizard

CORE_PACKAGES = ("questionnaire", "session", "findings", "export")


def core_modules() -> list[str]:
    names = ["esp_wizard", "esp_wizard.errors", "esp_wizard.workspace", "esp_wizard.cli"]
    for package in CORE_PACKAGES:
        names.append(f"esp_wizard.{package}")
        path = [str(p) for p in esp_wizard.__path__]
        for info in pkgutil.walk_packages(
            [f"{path[0]}/{package}"], prefix=f"esp_wizard.{package}."
        ):
            names.append(info.name)
    return names


@pytest.mark.parametrize("module", core_modules())
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False", f"{module} imports textual"


def test_help_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from esp_wizard.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('IMPORTED' if 'textual' in sys.modules else 'CLEAN')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: esp-wizard" in result.stdout
    assert result.stdout.strip().endswith("CLEAN")
