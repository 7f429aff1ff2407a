"""Write questionnaires/listing.json after changing a bundled questionnaire.

    .venv/bin/python scripts/update_bundled_listing.py

Every bundled questionnaire is checked in full; the file records each one's SHA-256 and
what `esp-wizard questionnaires` lists of it, so a first listing (no cache yet) need not
check again a file shipped exactly as checked. tests/test_listing_cache.py fails while
the file is stale. A bad questionnaire stops the script with its problems, nothing written.
"""

from __future__ import annotations

import sys

from esp_wizard.errors import FileProblems
from esp_wizard.questionnaire.listing import CHECKED_NAME, bundled_dir, checked_text
from esp_wizard.session.atomic import atomic_write_bytes


def main() -> int:
    folder = bundled_dir()
    try:
        text = checked_text(folder)
    except FileProblems as problems:
        print("\n".join(problems.lines()), file=sys.stderr)
        return 2
    atomic_write_bytes(folder / CHECKED_NAME, text.encode("utf-8"))
    print(f"wrote {folder / CHECKED_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
