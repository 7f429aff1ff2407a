"""Compile the message catalogues (.po -> .mo) with Babel; `--check` only says which are stale.

The .mo files are committed beside their .po so an installed esp-wizard reads them with the
standard library's gettext (no Babel at look-up time); tests/test_i18n_catalogue.py fails
when one is out of date, so run `make catalogues` (this script) after editing a .po.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "esp_wizard" / "locale"


def compiled(po_path: Path) -> bytes:
    """The .mo bytes of a .po; fuzzy entries left out, as gettext users expect."""
    out = io.BytesIO()
    write_mo(out, _read_po(po_path), use_fuzzy=False)
    return out.getvalue()


def _read_po(po_path: Path) -> Catalog:
    with po_path.open("rb") as handle:
        return read_po(handle, locale=po_path.parent.parent.name)


def messages(catalogue: Catalog) -> dict[object, object]:
    """What a reader gets: id -> translation, the header (dates, Babel's version) left out."""
    return {_tuple(m.id): _tuple(m.string) for m in catalogue if m.id and m.string and not m.fuzzy}


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def stale(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """The .mo files whose messages differ from their .po's (or are missing)."""
    found = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            found.append(mo_path)
            continue
        with mo_path.open("rb") as handle:
            if messages(read_mo(handle)) != messages(_read_po(po_path)):
                found.append(mo_path)
    return found


def main(argv: list[str]) -> int:
    outdated = stale()
    if "--check" in argv:
        for path in outdated:
            print(f"stale: {path}")
        return 1 if outdated else 0
    for mo_path in outdated:
        mo_path.write_bytes(compiled(mo_path.with_suffix(".po")))
        print(f"compiled {mo_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
