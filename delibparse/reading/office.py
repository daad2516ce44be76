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


class _Numbering:
    """Word's automatic list labels ("1.", "a)", "II.", bullets), which are not in the text runs."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt, text, start
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        if numbering is not None:
            abstract = {}
            for an in numbering.findall(W + "abstractNum"):
                lv = {}
                for lvl in an.findall(W + "lvl"):
                    fmt = lvl.find(W + "numFmt")
                    text = lvl.find(W + "lvlText")
                    start = lvl.find(W + "start")
                    lv[int(lvl.get(W + "ilvl", "0"))] = (
                        fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(W + "val", "") if text is not None else "",
                        int(start.get(W + "val", "1")) if start is not None else 1,
                    )
                abstract[an.get(W + "abstractNumId")] = lv
            for num in numbering.findall(W + "num"):
                ref = num.find(W + "abstractNumId")
                for ilvl, spec in abstract.get(ref.get(W + "val") if ref is not None else None, {}).items():
                    self.levels[(num.get(W + "numId"), ilvl)] = spec
        if styles is not None:
            for st in styles.findall(W + "style"):
                npr = st.find(f"{W}pPr/{W}numPr")
                if npr is not None and npr.find(W + "numId") is not None:
                    ilvl = npr.find(W + "ilvl")
                    self.style_num[st.get(W + "styleId")] = (
                        npr.find(W + "numId").get(W + "val"), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)

    def label(self, p: ET.Element) -> str:
        npr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = None, 0
        if npr is not None and npr.find(W + "numId") is not None:
            num_id = npr.find(W + "numId").get(W + "val")
            lv = npr.find(W + "ilvl")
            ilvl = int(lv.get(W + "val", "0")) if lv is not None else 0
        else:
            style = p.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[style.get(W + "val")]
        spec = self.levels.get((num_id, ilvl))
        if not spec or num_id == "0":
            return ""
        fmt, text, start = spec
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(self.levels.get((num_id, len(counts)), ("", "", 1))[2] - 1)
        counts[ilvl] += 1
        del counts[ilvl + 1 :]
        def render(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            value = counts[k] if k < len(counts) else 1
            lf = self.levels.get((num_id, k), (fmt,))[0]
            return _format_number(value, lf)
        out = re.sub(r"%(\d)", render, text).strip()
        return f"{out} " if out else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, k = "", max(n, 1)
        for v, r in vals:
            while k >= v:
                out, k = out + r, k - v
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


def _docx_block(el: ET.Element, lines: list[str], num: _Numbering) -> None:
    for child in el:
        tag = child.tag
        if tag == W + "p":
            parts, boxes = [""], []
            _docx_runs(child, parts, boxes)
            if parts[0].strip():
                parts[0] = num.label(child) + parts[0]
            lines.extend(parts)
            for box in boxes:
                _docx_block(box, lines, num)
        elif tag == W + "tbl":
            for tr in child.findall(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    sub: list[str] = []
                    _docx_block(tc, sub, num)
                    cells.append(" ".join(_clean(s) for s in sub if _clean(s)))
                if any(cells):
                    lines.append(" | ".join(c for c in cells if c))
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
            _docx_block(child, lines, num)


def _optional(data: bytes, member: str, *, source: str | None) -> ET.Element | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if member not in zf.namelist():
                return None
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    try:
        return _load(data, member, source=source)
    except UnreadableError:
        return None


def read_docx(data: bytes, *, source: str | None = None) -> Layout:
    """Word .docx -> lines (body only: no headers, footers, comments or deleted text); automatic
    list numbers ("1.", "a)") are written in front of their paragraph."""
    root = _load(data, "word/document.xml", source=source)
    num = _Numbering(_optional(data, "word/numbering.xml", source=source),
                     _optional(data, "word/styles.xml", source=source))
    body = root.find(W + "body")
    lines: list[str] = []
    if body is not None:
        _docx_block(body, lines, num)
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
            rows = [r for part in (child, *child.findall(TABLE + "table-header-rows"), *child.findall(TABLE + "table-rows"))
                    for r in part.findall(TABLE + "table-row")]
            for tr in rows:
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
