"""Read a source (path or bytes) into a ``Layout``: text plus, for paged sources, page and box per line.

The format is sniffed from the bytes, never from the file name: PDF (digital or scanned),
HTML, DOCX, ODT, images of documents (OCR), plain text.

>>> lay = read("Délibération n° 2024-01\\nObjet : Budget".encode())
>>> lay.format, lay.lines[1].text
('text', 'Objet : Budget')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..errors import EmptySourceError, SourceNotFoundError, UnreadableError, UnsupportedFormatError
from ..layout import Layout
from .sniff import sniff

__all__ = ["read", "sniff"]


def read(
    source: str | os.PathLike | bytes,
    *,
    name: str | None = None,
    ocr: Literal["auto", "never", "always"] = "auto",
    timeout: float | None = 60.0,
    max_pages: int | None = None,
    isolate: bool = True,
) -> Layout:
    """Read ``source`` (a path, or the file's bytes) into a ``Layout``.

    Args:
        name: the name used in error messages (defaults to the path's name).
        ocr: "auto" OCRs pages without a usable text layer; "never" raises ``NeedsOCRError``
            instead; "always" OCRs every PDF page.
        timeout: seconds for the whole document (PDF and OCR); ``None`` for no limit.
        max_pages: read only the first pages of a PDF (a ``read.max_pages`` warning says so).
        isolate: run PDF extraction in a forked child process, so that a crash or hang inside
            pdfium cannot take the caller down (the child is killed past the timeout).
    """
    if ocr not in ("auto", "never", "always"):
        raise ValueError(f"ocr must be 'auto', 'never' or 'always', not {ocr!r}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(source)
        name = name or path.name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SourceNotFoundError(f"no such file: {path}", source=name) from None
        except IsADirectoryError:
            raise SourceNotFoundError(f"a directory, not a file: {path}", source=name) from None
        except OSError as err:
            raise UnreadableError(f"cannot read {path}: {err.strerror}", source=name) from None
    if not data.strip():
        raise EmptySourceError("the source is empty", source=name)
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source=name, ocr=ocr, timeout=timeout, max_pages=max_pages, isolate=isolate)
    if kind == "html":
        from .html import read_html

        return read_html(data, source=name)
    if kind in ("docx", "odt"):
        from .office import read_docx, read_odt

        return (read_docx if kind == "docx" else read_odt)(data, source=name)
    if kind == "image":
        if ocr == "never":
            from ..errors import NeedsOCRError

            raise NeedsOCRError("an image: its text can only be read by OCR (ocr='never')", source=name)
        from .ocr import read_image

        return read_image(data, source=name, timeout=timeout)
    if kind in ("zip", "ole", "rtf"):
        what = {"zip": "a ZIP archive", "ole": "a legacy Office file (.doc/.xls)", "rtf": "an RTF file"}[kind]
        raise UnsupportedFormatError(f"{what}: convert it to PDF, DOCX or ODT", source=name)
    from .text import read_text

    return read_text(data, source=name)
