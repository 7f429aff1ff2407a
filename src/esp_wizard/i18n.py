"""Words and numbers in the reader's language: gettext catalogues and Babel's locale data.

Messages are written in English in the code (`_("Must fix")`); French comes from
`locale/fr/LC_MESSAGES/esp_wizard.po`, compiled by Babel into the `.mo` beside it
(`scripts/compile_catalogues.py`; a test fails when the `.mo` is stale, a French entry is
missing or an entry is no longer used). The standard library reads the `.mo`, so looking a
message up never imports Babel; Babel's locale data (numbers, dates) is imported only when
a number or a date is first formatted, so `esp-wizard --help` stays fast.

Two languages are chosen separately: the interface's (`--lang`, the config, then
`LC_ALL` / `LC_MESSAGES` / `LANG`) and the content's (a report follows its sessions'
language, a question its questionnaire's). The current language is a context variable set
with `use(lang)` around a rendering or a prompt, so a renderer calls `_()` without a
language threaded through every function.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "fr")
DEFAULT = "en"
DOMAIN = "esp_wizard"
LOCALE_DIR = Path(__file__).parent / "locale"
ENV_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_current: ContextVar[str | None] = ContextVar("esp_wizard_language", default=None)
# What a thread that inherits no context speaks (a context variable does not follow into
# asyncio's executor threads, nor into callbacks they hand back): the TUI sets it while it
# runs, so its worker threads build their text in the interface's language.
_fallback = DEFAULT


def normalise(tag: str | None) -> str | None:
    """`fr_FR.UTF-8`, `fr-CA`, `FR` -> "fr"; None for C, POSIX, empty or unsupported."""
    if not tag:
        return None
    base = re.split(r"[_.@-]", tag.strip(), maxsplit=1)[0].casefold()
    return base if base in LANGUAGES else None


def interface_language(
    option: str | None = None, config: str = "", env: Mapping[str, str] = os.environ
) -> str:
    """`--lang`, else the config's `language`, else the first locale variable that is set
    (as gettext reads them); English when none names a language we have."""
    for chosen in (option, config):
        if language := normalise(chosen):
            return language
    for name in ENV_VARS:
        if env.get(name):
            return normalise(env[name]) or DEFAULT
    return DEFAULT


def content_language(languages: Iterable[str], option: str | None = None) -> str:
    """A report's language: `--lang`, else the one most of its sessions were held in."""
    if language := normalise(option):
        return language
    counts = Counter(lang for lang in map(normalise, languages) if lang)
    return counts.most_common(1)[0][0] if counts else DEFAULT


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)


def current() -> str:
    return _current.get() or _fallback


def set_fallback(language: str | None) -> str:
    """The language outside any `use()` block, process-wide; returns the previous one so
    the caller can put it back (an app when it ends)."""
    global _fallback
    previous, _fallback = _fallback, normalise(language) or DEFAULT
    return previous


@contextmanager
def use(language: str | None) -> Iterator[str]:
    """Speak `language` (normalised; English if unknown) inside the block."""
    token = _current.set(normalise(language) or DEFAULT)
    try:
        yield current()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(current()).ngettext(singular, plural, count)


def semicolons(items: Iterable[str]) -> str:
    """Items joined as the language in use writes a list of clauses: "a; b" / "a ; b"."""
    return _("; ").join(items)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_()` translates it where shown."""
    return message


# Locale formatting (Babel, imported on first use).


def decimal(value: float, digits: int = 2, *, grouping: bool = True) -> str:
    """12, 112.5, 1,234.25 in English; 12, 112,5, 1 234,25 in French; no trailing zeros.
    Without `grouping` (CSV cells a spreadsheet parses), no thousands separator."""
    from babel.numbers import format_decimal

    pattern = ("#,##0." if grouping else "0.") + "#" * digits
    return format_decimal(round(value, digits), format=pattern, locale=current())


def integer(value: int) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0", locale=current())


def percent(value: float, digits: int = 1) -> str:
    """A share (0.375) as "37.5%" / "37,5 %" (the locale's own pattern and spacing)."""
    from babel.numbers import format_percent

    return format_percent(round(value, digits + 2), locale=current(), decimal_quantization=False)


def long_date(value: dt.date) -> str:
    """ "5 January 2027" / "5 janvier 2027"."""
    from babel.dates import format_date

    return format_date(value, format="d MMMM y", locale=current())


def month_year(value: dt.date) -> str:
    """ "June 2027" / "juin 2027"."""
    from babel.dates import format_date

    return format_date(value, format="MMMM y", locale=current())


def abbreviated_date(value: dt.date, day: bool = True) -> str:
    """ "12 Apr 2027" / "12 avr. 2027"; without the day "Apr 2027" / "avr. 2027" (charts)."""
    from babel.dates import format_date

    return format_date(value, format="d MMM y" if day else "MMM y", locale=current())


def short_date(value: dt.date) -> str:
    """The form people type: ISO in English, 31/03/2026 in French."""
    return value.strftime("%d/%m/%Y") if current() == "fr" else value.isoformat()


DATE_HINTS = {"en": "YYYY-MM-DD", "fr": "JJ/MM/AAAA"}
_LOCAL_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def date_hint() -> str:
    return DATE_HINTS.get(current(), DATE_HINTS[DEFAULT])


def parse_date(text: str) -> dt.date | None:
    """ISO in every language, and in French the local day/month/year too; None if neither."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _LOCAL_DATE.fullmatch(text)
    if match is None or current() != "fr":
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Yes/no answers: either language's words are accepted whatever the question's language.
YES_WORDS = frozenset({"y", "yes", "o", "oui"})
NO_WORDS = frozenset({"n", "no", "non"})


def yes_no_word(text: str) -> bool | None:
    """ "oui", "O", "yes", "n", "non" -> True/False; None for anything else."""
    word = text.strip().casefold()
    return True if word in YES_WORDS else False if word in NO_WORDS else None


class Labels(Mapping[str, str]):
    """A table of labels (key -> English message marked with N_) read in the language in
    use: `LABELS[key]`, `.get()` and `.items()` translate at the moment they are read, so a
    module-level table follows the report's language."""

    def __init__(self, messages: Mapping[str, str]) -> None:
        self._messages = dict(messages)

    def __getitem__(self, key: str) -> str:
        return _(self._messages[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)
