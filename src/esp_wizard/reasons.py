"""Why a file could not be read, written or parsed, in the reader's language.

The operating system (`OSError.strerror`, from the C library) and tomli explain a
failure in English, and that explanation ends up inside one of our own lines ("impossible
d'écrire report.md : Permission denied"). Here the common ones are looked up in the
catalogue instead: an error number, or a tomli message with its position taken apart.
Anything not listed keeps the library's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import errno
import re

from esp_wizard.i18n import N_, _

# errno -> the reason in the C library's words (GNU libc's, so English lines read as they
# always did on Linux, and the same on every system).
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.EMFILE: N_("Too many open files"),
    errno.ENFILE: N_("Too many open files in system"),
    errno.EIO: N_("Input/output error"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
}


def os_reason(error: OSError) -> str:
    """Why the system refused, as a person reads it; the system's words when unknown."""
    known = _OS_REASONS.get(error.errno) if error.errno is not None else None
    if known is not None:
        return _(known)
    return error.strerror or str(error)


def error_text(error: BaseException) -> str:
    """An exception as the end of one of our lines: an OSError as its file and its reason
    in the reader's language (not "[Errno 13] Permission denied: 'x'"), anything else as
    its own text (our errors are already in the reader's language)."""
    if not isinstance(error, OSError) or error.errno is None:
        return str(error)
    if error.filename is None:
        return os_reason(error)
    return _("{file}: {reason}").format(file=error.filename, reason=os_reason(error))


# What Python's UTF-8 decoder says of bytes that are not UTF-8 (a file saved as Latin-1).
_DECODE_REASONS = {
    "invalid start byte": N_("byte 0x{byte} cannot start a character"),
    "invalid continuation byte": N_("byte 0x{byte} is not followed by the bytes UTF-8 expects"),
    "unexpected end of data": N_("the file ends in the middle of a character"),
}


def decode_reason(error: UnicodeDecodeError) -> str:
    """Why bytes are not UTF-8 text, naming the byte at fault; the decoder's words when
    the reason is not one we know."""
    reason = _DECODE_REASONS.get(error.reason)
    if reason is None:
        return error.reason
    byte = error.object[error.start] if error.start < len(error.object) else 0
    return _(reason).format(byte=f"{byte:02X}")


# tomli's messages (its _parser.py; CPython's tomllib is a copy), without " (at ...)",
# lower-cased as our lines start them. Fixed ones first, then those that carry a value.
_TOML_FIXED = {
    message.casefold(): message
    for message in (
        N_("invalid statement"),
        N_("expected newline or end of document after a statement"),
        N_("cannot overwrite a value"),
        N_("expected ']' at the end of a table declaration"),
        N_("expected ']]' at the end of an array declaration"),
        N_("expected '=' after a key in a key/value pair"),
        N_("invalid initial character for a key part"),
        N_("unclosed array"),
        N_("unclosed inline table"),
        N_("unescaped '\\' in a string"),
        N_("invalid hex value"),
        N_("escaped character is not a Unicode scalar value"),
        N_("unterminated string"),
        N_("invalid date or datetime"),
        N_("invalid value"),
    )
}
_TOML_WITH_VALUE = (
    (re.compile(r"^expected (.+)$", re.S), N_("expected {value}")),
    (re.compile(r"^found invalid character (.+)$", re.S), N_("found invalid character {value}")),
    (re.compile(r"^illegal character (.+)$", re.S), N_("illegal character {value}")),
    (re.compile(r"^cannot declare (.+) twice$", re.S), N_("cannot declare {value} twice")),
    (
        re.compile(r"^cannot mutate immutable namespace (.+)$", re.S),
        N_("cannot mutate immutable namespace {value}"),
    ),
    (
        re.compile(r"^cannot redefine namespace (.+)$", re.S),
        N_("cannot redefine namespace {value}"),
    ),
    (
        re.compile(r"^duplicate inline table key (.+)$", re.S),
        N_("duplicate inline table key {value}"),
    ),
)
_KEY_PART = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def toml_reason(message: str) -> str:
    """A tomli message (no position) in the language in use, starting lower-case; the
    message as tomli wrote it when it is not one we know."""
    lowered = message[:1].lower() + message[1:]
    fixed = _TOML_FIXED.get(lowered.casefold())
    if fixed is not None:
        return _(fixed)
    for pattern, template in _TOML_WITH_VALUE:
        match = pattern.match(lowered)
        if match:
            return _(template).format(value=_key(match.group(1)))
    return lowered


def _key(value: str) -> str:
    """tomli names a key as a tuple (`('answers', 'crm')`): shown dotted as in the file."""
    if not value.startswith("(") or not value.endswith(")"):
        return value
    parts = [single or double for single, double in _KEY_PART.findall(value)]
    return ".".join(parts) if parts else value
