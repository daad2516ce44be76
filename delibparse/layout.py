"""What every reader produces: the document text, and for every line its page and box.

``Layout.text`` is the lines joined with ``\\n``. ``Layout.lines`` keeps, for each line, its start
offset in ``text`` and, for paged sources, its page and ``Box``; ``Layout.locate(start, end)``
gives back the page and the union box of a character span (pdfplumber's ``TextMap`` idea, at
line granularity). Plain-text sources have lines without pages or boxes.

>>> lay = Layout.from_text("Objet : Budget\\nVote : unanimité")
>>> lay.locate(8, 14)
(None, None)
>>> lay.line_at(16).text
'Vote : unanimité'
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .record import Box


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the line's first character in Layout.text
    text: str
    page: int | None = None  # 1-based
    box: Box | None = None


@dataclass(slots=True)
class Layout:
    """Text of a source with a line -> (page, box) map. Built by ``delibparse.reading``."""

    text: str
    lines: list[Line] = field(default_factory=list)
    format: str = "text"
    n_pages: int | None = None
    ocr_confidence: float | None = None
    page_warnings: list[tuple[int | None, str, str]] = field(default_factory=list)  # (page, code, message)
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(cls, text: str, *, format: str = "text") -> "Layout":
        lines, pos = [], 0
        for part in text.split("\n"):
            lines.append(Line(pos, part))
            pos += len(part) + 1
        return cls(text=text, lines=lines, format=format)

    @classmethod
    def from_lines(cls, lines: list[tuple[str, int | None, Box | None]], *, format: str,
                   n_pages: int | None = None) -> "Layout":
        """Join ``(text, page, box)`` lines with ``\\n`` and keep each one's offset."""
        out, parts, pos = [], [], 0
        for text, page, box in lines:
            text = text.replace("\n", " ")
            out.append(Line(pos, text, page, box))
            parts.append(text)
            pos += len(text) + 1
        return cls(text="\n".join(parts), lines=out, format=format, n_pages=n_pages)

    def _index(self) -> list[int]:
        if len(self._starts) != len(self.lines):
            self._starts = [ln.start for ln in self.lines]
        return self._starts

    def line_at(self, offset: int) -> Line:
        i = bisect.bisect_right(self._index(), offset) - 1
        return self.lines[max(i, 0)]

    def locate(self, start: int, end: int) -> tuple[int | None, Box | None]:
        """Page and union box of the lines that ``[start, end)`` touches (first page only)."""
        if not self.lines:
            return None, None
        starts = self._index()
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        j = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, i)
        first = self.lines[i]
        if first.page is None:
            return None, None
        boxes = [ln.box for ln in self.lines[i : j + 1] if ln.page == first.page and ln.box]
        if not boxes:
            return first.page, None
        return first.page, Box(
            x0=min(b.x0 for b in boxes), top=min(b.top for b in boxes),
            x1=max(b.x1 for b in boxes), bottom=max(b.bottom for b in boxes),
        )

    def page_range(self, start: int, end: int) -> list[int] | None:
        """[first, last] page of a span, or None for unpaged sources."""
        if not self.lines or self.lines[0].page is None:
            return None
        first = self.line_at(start).page
        last = self.line_at(max(end - 1, start)).page
        if first is None or last is None:
            return None
        return [first, last]
