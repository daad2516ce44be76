"""Coded errors. ``parse`` raises these; ``parse_many`` and the CLI turn them into ``ErrorItem``s.

>>> err = UnreadableError("not a PDF", source="a.pdf", page=2)
>>> err.code, str(err)
('read.unreadable', 'a.pdf, page 2: not a PDF')
"""

from __future__ import annotations


class DelibparseError(Exception):
    """Base class: carries a stable ``code``, the ``source`` (file) and the ``page`` when known."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None, page: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.page = page

    def __str__(self) -> str:
        where = self.source or ""
        if self.page is not None:
            where = f"{where}, page {self.page}" if where else f"page {self.page}"
        return f"{where}: {self.message}" if where else self.message


class SourceNotFoundError(DelibparseError):
    code = "read.not_found"


class EmptySourceError(DelibparseError):
    code = "read.empty"


class UnreadableError(DelibparseError):
    """The bytes cannot be read as the format they claim (binary garbage, broken PDF ...)."""

    code = "read.unreadable"


class UnsupportedFormatError(DelibparseError):
    code = "read.unsupported_format"


class EncryptedError(DelibparseError):
    code = "read.encrypted"


class TooLargeError(DelibparseError):
    code = "read.too_large"


class TimeoutError_(DelibparseError):
    code = "read.timeout"


class NeedsOCRError(DelibparseError):
    """A scanned document with no usable text layer, and no OCR engine available."""

    code = "read.needs_ocr"
