"""Plain-text sources: decode (UTF-8, BOM ok, else cp1252 / latin-1) and refuse binary garbage.

>>> read_text("Objet : Budget\\r\\nVote : unanimité".encode("cp1252")).page_warnings[0][1]
'read.encoding'
"""

from __future__ import annotations

import unicodedata

from ..errors import EmptySourceError, UnreadableError
from ..layout import Layout

_MIN_PRINTABLE = 0.90


def decode(data: bytes, *, source: str | None = None) -> tuple[str, str | None]:
    """Return ``(text, fallback_encoding_or_None)``; raise ``UnreadableError`` on binary data."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        text, fallback = data.decode("utf-16"), None
    else:
        try:
            text, fallback = data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            try:
                text, fallback = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, fallback = data.decode("latin-1"), "latin-1"
    if "\x00" in text[:65536]:
        raise UnreadableError("binary data (NUL bytes), not text", source=source)
    sample = text[:65536]
    if sample:
        printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\r\n\f")
        if printable / len(sample) < _MIN_PRINTABLE:
            raise UnreadableError("binary data (too few printable characters), not text", source=source)
    return text, fallback


def read_text(data: bytes, *, source: str | None = None) -> Layout:
    """Plain text -> one ``Line`` per text line (no page, no box)."""
    text, fallback = decode(data, source=source)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    if not text.strip():
        raise EmptySourceError("the source is empty", source=source)
    lay = Layout.from_text(text, format="text")
    if fallback:
        lay.page_warnings.append((None, "read.encoding", f"not UTF-8: decoded as {fallback}"))
    return lay
