"""Tell a source's format from its first bytes, never from its file name.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff("<!DOCTYPE html><html><body>Séance</body></html>".encode())
'html'
"""

from __future__ import annotations

import io
import zipfile

_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "image"),  # JPEG
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"II*\x00", "image"),  # TIFF
    (b"MM\x00*", "image"),
    (b"GIF8", "image"),
    (b"BM", None),  # too weak alone: checked below
)
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p>", b"<meta", b"<title")


def sniff(data: bytes) -> str:
    """One of ``pdf``, ``html``, ``docx``, ``odt``, ``zip``, ``image``, ``ole``, ``rtf``, ``text``."""
    head = data[:2048]
    # Some producers put junk before the header; the PDF spec tolerates it within the first 1 KiB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _IMAGE_MAGIC:
        if kind and head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc/.xls
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith(b"<?xml") and b"<html" in data[:4096].lower():
        return "html"
    if any(low.startswith(m) for m in _HTML_MARKS) or (low.startswith(b"<") and b"<body" in data[:65536].lower()):
        return "html"
    return "text"


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mime = zf.read("mimetype").decode("ascii", "replace").strip()
                if mime == "application/vnd.oasis.opendocument.text":
                    return "odt"
            if "content.xml" in names:
                return "odt"
    except (zipfile.BadZipFile, OSError, ValueError):
        pass
    return "zip"
