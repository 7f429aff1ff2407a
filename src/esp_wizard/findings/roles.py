"""Role labels for the core's renderers; they live in `esp_wizard.roles`, which imports
nothing heavy, so the TUI's home screen can name roles before its first frame."""

from esp_wizard.roles import ROLE_LABELS, role_label, role_labels

__all__ = ["ROLE_LABELS", "role_label", "role_labels"]
