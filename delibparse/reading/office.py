"""DOCX and ODT: paragraphs and table rows as lines, in document order (zip + XML, stdlib only).

Reading the XML directly (rather than python-docx / odfpy) keeps paragraphs and tables in
their true order, lets text boxes (a margin panel of member counts) come out as their own
lines instead of being glued into the anchoring paragraph, and skips headers, footers,
deleted text and comments. Table rows become ``cell | cell | cell``.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as z:
...     z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
...     z.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
...                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
...                '<text:h>Objet : Budget</text:h><text:p>Vote : unanimité</text:p></office:text></office:body></office:document-content>')
>>> read_odt(buf.getvalue()).text
'Objet : Budget\\nVote : unanimité'
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from xml.etree import ElementTree as ET

from ..errors import EmptySourceError, UnreadableError
from ..layout import Layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MAX_XML_BYTES = 200 * 1024 * 1024  # refuse zip bombs


def _load(data: bytes, member: str, *, source: str | None) -> ET.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo(member)
            if info.file_size > MAX_XML_BYTES:
                raise UnreadableError(f"{member} is too large ({info.file_size} bytes)", source=source)
            xml = zf.read(member)
    except KeyError:
        raise UnreadableError(f"not a valid document: {member} is missing", source=source) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise UnreadableError(f"broken ZIP container ({err})", source=source) from None
    try:
        return ET.fromstring(xml)
    except ET.ParseError as err:
        raise UnreadableError(f"broken XML in {member} ({err})", source=source) from None


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("\t", " "))
    return re.sub(r"[ \u2000-\u200b\u202f]+", " ", text).strip()


def _finish(lines: list[str], *, fmt: str, source: str | None) -> Layout:
    lines = [ln for ln in (_clean(x) for x in lines) if ln]
    if not lines:
        raise EmptySourceError("the document has no text", source=source)
    return Layout.from_lines([(ln, None, None) for ln in lines], format=fmt)


# --------------------------------------------------------------------------- DOCX


def _docx_runs(el: ET.Element, out: list[str], boxes: list[ET.Element]) -> None:
    """Inline text of a paragraph; text boxes are set aside, line breaks split."""
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out[-1] += child.text or ""
        elif tag in (W + "tab", W + "ptab"):
            out[-1] += " "
        elif tag in (W + "br", W + "cr"):
            out.append("")
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag in (W + "del", W + "delText", W + "instrText", MC + "Fallback", W + "footnoteReference"):
            continue
        else:
            _docx_runs(child, out, boxes)


def _docx_block(el: ET.Element, lines: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == W + "p":
            parts, boxes = [""], []
            _docx_runs(child, parts, boxes)
            lines.extend(parts)
            for box in boxes:
                _docx_block(box, lines)
        elif tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    sub: list[str] = []
                    _docx_block(tc, sub)
                    cells.append(" ".join(_clean(s) for s in sub if _clean(s)))
                if any(cells):
                    lines.append(" | ".join(c for c in cells if c))
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
            _docx_block(child, lines)


def read_docx(data: bytes, *, source: str | None = None) -> Layout:
    """Word .docx -> lines (body only: no headers, footers, comments or deleted text)."""
    root = _load(data, "word/document.xml", source=source)
    body = root.find(W + "body")
    lines: list[str] = []
    if body is not None:
        _docx_block(body, lines)
    return _finish(lines, fmt="docx", source=source)


# --------------------------------------------------------------------------- ODT


def _odt_inline(el: ET.Element, out: list[str], frames: list[ET.Element]) -> None:
    if el.text:
        out[-1] += el.text
    for child in el:
        tag = child.tag
        if tag == TEXT + "s":
            out[-1] += " " * int(child.get(TEXT + "c", "1"))
        elif tag == TEXT + "tab":
            out[-1] += " "
        elif tag == TEXT + "line-break":
            out.append("")
        elif tag == DRAW + "frame":
            frames.append(child)
        elif tag in (OFFICE + "annotation", TEXT + "note", TEXT + "tracked-changes"):
            pass
        else:
            _odt_inline(child, out, frames)
        if child.tail:
            out[-1] += child.tail


def _odt_block(el: ET.Element, lines: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in (TEXT + "p", TEXT + "h"):
            parts, frames = [""], []
            _odt_inline(child, parts, frames)
            lines.extend(parts)
            for frame in frames:
                _odt_block(frame, lines)
        elif tag == TABLE + "table":
            for tr in child.iter(TABLE + "table-row"):
                cells = []
                for tc in tr.findall(TABLE + "table-cell"):
                    sub: list[str] = []
                    _odt_block(tc, sub)
                    cells.append(" ".join(_clean(s) for s in sub if _clean(s)))
                if any(cells):
                    lines.append(" | ".join(c for c in cells if c))
        elif tag in (TEXT + "tracked-changes", OFFICE + "annotation", TEXT + "sequence-decls"):
            continue
        else:  # lists, list items, sections, frames, text boxes ...
            _odt_block(child, lines)


def read_odt(data: bytes, *, source: str | None = None) -> Layout:
    """OpenDocument text -> lines (body only)."""
    root = _load(data, "content.xml", source=source)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    lines: list[str] = []
    if body is not None:
        _odt_block(body, lines)
    return _finish(lines, fmt="odt", source=source)
