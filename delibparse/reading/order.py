"""Reading order for one page: words -> row segments -> bands -> columns or table rows.

The idea is a recursive XY-cut over row *segments* (runs of words without a wide gap):
horizontal bands are the rows; consecutive bands that share a vertical whitespace gap with
text on both sides form a *group*, which is read either column by column (a margin panel
beside the body, a two-column header) or row by row with cells joined by `` | `` (an unruled
table whose rows line up). Ruled tables (drawn borders) are read from their grid first, one
output line per row. Repeated page headers/footers and page numbers are dropped afterwards.

>>> w = [Word("Pour", 50, 100, 75, 110, 10), Word(":", 77, 100, 80, 110, 10), Word("12", 200, 100, 210, 110, 10)]
>>> [t for t, _ in page_lines(w, [], [], width=595, height=842)]
['Pour : 12']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..record import Box

SEGMENT_GAP = 0.9  # x-gap (in font sizes) that splits a row into segments
CELL_GAP = 2.0  # x-gap (in font sizes) joined as " | " rather than " " when one line is emitted
MARGIN_ZONE = 0.13  # share of the page height, top and bottom, where headers/footers live
EDGE_LINES = 4  # headers/footers are among the first/last lines of a page
HEADER_ZONE = 0.3  # a two-column block starting this high on the page is read column by column
_STAMP = re.compile(
    r"""(?xi)
    accus[ée]\s+de\s+r[ée]ception | pr[ée]fecture | t[ée]l[ée]transmission
    | \b(?:affich[ée]|publi[ée]|envoy[ée]|re[çc]u)\s+le\b
    | \bID\s*:\s*\d{3}- | \b\d{3}-\d{9}-\d{8}-\S+-[A-Z]{2}\b  # @ctes identifier
    """
)
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
_NUMERIC = re.compile(r"[\d\s.,:;/€%+()-]+")
_MARKER = re.compile(r"^(?:[-–—•·●▪■□➢►>*o]|\(?[0-9ivxlcIVXLC]{1,5}[.)°]|\(?[a-zA-Z][.)])$")
_PAGE_NUMBER = re.compile(
    r"""(?xi)^\W*
    (?:page|p\.)?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?
    \W*$"""
)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(slots=True)
class Item:
    """A row segment (one line) or a ruled table (several lines), placed on the page."""

    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    lines: list[tuple[str, Box]] = field(default_factory=list)
    table: bool = False

    @property
    def core(self) -> tuple[float, float]:
        if self.table:
            return self.top, self.bottom
        cy, h = (self.top + self.bottom) / 2, self.bottom - self.top
        return cy - 0.3 * h, cy + 0.3 * h

    @property
    def text(self) -> str:
        return " ".join(t for t, _ in self.lines)


def _box(objs) -> Box:
    return Box(x0=round(min(o.x0 for o in objs), 2), top=round(min(o.top for o in objs), 2),
               x1=round(max(o.x1 for o in objs), 2), bottom=round(max(o.bottom for o in objs), 2))


def _median(values: list[float], default: float = 10.0) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else default


# --------------------------------------------------------------------------- rows and segments


def rows_of(words: list[Word]) -> list[list[Word]]:
    """Cluster words into rows by vertical overlap; each row sorted left to right."""
    rows: list[list] = []  # [top, bottom, words]
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        h = max(w.bottom - w.top, 0.5)
        best, best_ov = None, 0.0
        cands = []
        for row in rows[-6:]:
            ov = min(row[1], w.bottom) - max(row[0], w.top)
            if ov > 0:
                ratio = ov / max(min(h, row[1] - row[0]), 0.5)
                if ratio >= 0.5:
                    cands.append((ratio, row))
        for ratio, row in sorted(cands, key=lambda c: -c[0]):
            # a row never holds two words at the same x: that is the next line of a side panel
            if not any(o.x0 < w.x1 - 0.5 and w.x0 < o.x1 - 0.5 for o in row[2]):
                best, best_ov = row, ratio
                break
        if best is not None and best_ov >= 0.5:
            best[2].append(w)
            # keep the row's extent from its majority, not from one tall glyph
            best[0], best[1] = min(best[0], w.top) if h < 1.5 * (best[1] - best[0]) else best[0], \
                max(best[1], w.bottom) if h < 1.5 * (best[1] - best[0]) else best[1]
        else:
            rows.append([w.top, w.bottom, [w]])
    return [sorted(r[2], key=lambda w: w.x0) for r in rows]


def segments_of(row: list[Word], vrules: list[tuple[float, float, float]] = ()) -> list[Item]:
    """Split one row at wide gaps, and at vertical rules ``(x, top, bottom)``, into segments."""
    cy = (min(w.top for w in row) + max(w.bottom for w in row)) / 2
    walls = [x for x, t, b in vrules if t <= cy <= b]
    # a justified line has wide but even gaps: only a gap well above the row's usual one splits
    usual = _median([b.x0 - a.x1 for a, b in zip(row, row[1:])], default=0.0) if len(row) > 3 else 0.0
    out: list[list[Word]] = [[row[0]]]
    for w in row[1:]:
        prev = out[-1][-1]
        size = max(_median([x.size for x in out[-1]]), w.size, 4.0)
        gap = w.x0 - prev.x1
        if (gap > max(SEGMENT_GAP * size, 3.0, 2.0 * usual)) or any(prev.x1 - 1 <= x <= w.x0 + 1 for x in walls):
            out.append([w])
        else:
            out[-1].append(w)
    items = []
    for seg in out:
        box = _box(seg)
        items.append(Item(box.x0, box.top, box.x1, box.bottom, _median([w.size for w in seg]),
                          [(" ".join(w.text for w in seg), box)]))
    return items


# --------------------------------------------------------------------------- ruled tables


def _cluster_rules(rules: list[tuple[float, float, float, float]], tol: float = 2.0) -> list[list]:
    clusters: list[list] = []  # [x0, top, x1, bottom, members]
    for r in sorted(rules, key=lambda r: (r[1], r[0])):
        hit = None
        for c in clusters:
            if r[0] <= c[2] + tol and r[2] >= c[0] - tol and r[1] <= c[3] + tol and r[3] >= c[1] - tol:
                hit = c
                break
        if hit is None:
            clusters.append([r[0], r[1], r[2], r[3], [r]])
        else:
            hit[0], hit[1] = min(hit[0], r[0]), min(hit[1], r[1])
            hit[2], hit[3] = max(hit[2], r[2]), max(hit[3], r[3])
            hit[4].append(r)
    merged = True
    while merged:  # clusters grown apart may now touch
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                a, b = clusters[i], clusters[j]
                if a[0] <= b[2] + tol and a[2] >= b[0] - tol and a[1] <= b[3] + tol and a[3] >= b[1] - tol:
                    a[0], a[1], a[2], a[3] = min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])
                    a[4] += b[4]
                    del clusters[j]
                    merged = True
                    break
            if merged:
                break
    return clusters


def _distinct(values: list[float], tol: float = 2.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def find_tables(rules) -> list[tuple[list[float], list[float]]]:
    """Ruled grids as (column xs, row ys): at least two columns and one row."""
    tables = []
    for c in _cluster_rules(rules):
        members = c[4]
        hs = [(r[1] + r[3]) / 2 for r in members if (r[2] - r[0]) >= (r[3] - r[1])]
        vs = [(r[0] + r[2]) / 2 for r in members if (r[2] - r[0]) < (r[3] - r[1])]
        xs, ys = _distinct(vs), _distinct(hs)
        if len(xs) >= 3 and len(ys) >= 2 and (c[2] - c[0]) > 30 and (c[3] - c[1]) > 8:
            tables.append((xs, ys))
    return tables


def _table_item(xs: list[float], ys: list[float], words: list[Word]) -> Item | None:
    if not words:
        return None
    cells: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        r = max(0, min(len(ys) - 2, sum(1 for y in ys if y < cy) - 1)) if len(ys) > 1 else 0
        col = max(0, min(len(xs) - 2, sum(1 for x in xs if x < cx) - 1))
        cells.setdefault((r, col), []).append(w)
    lines: list[tuple[str, Box]] = []
    for r in sorted({k[0] for k in cells}):
        row_cells = [(c, cells[(r, c)]) for c in range(len(xs) - 1) if (r, c) in cells]
        texts = [[" ".join(w.text for w in row) for row in rows_of(ws)] for _, ws in row_cells]
        if max(len(t) for t in texts) > 6 or max(sum(len(x.split()) for x in t) for t in texts) > 60:
            # tall cells (a table used for page layout): read cell by cell
            for (_, ws), cell_lines in zip(row_cells, texts):
                for row in rows_of(ws):
                    lines.append((" ".join(w.text for w in row), _box(row)))
        else:
            lines.append((" | ".join(" ".join(t) for t in texts), _box([w for _, ws in row_cells for w in ws])))
    box = _box(words)
    return Item(box.x0, box.top, box.x1, box.bottom, _median([w.size for w in words]), lines, table=True)


# --------------------------------------------------------------------------- page


def page_lines(words: list[Word], rotated: list[tuple[str, Box]], rules, *, width: float,
               height: float) -> list[tuple[str, Box]]:
    """Lines of one page, in reading order."""
    items: list[Item] = []
    free = words
    for xs, ys in find_tables(rules):
        inside, rest = [], []
        for w in free:
            cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
            (inside if xs[0] - 1 <= cx <= xs[-1] + 1 and ys[0] - 1 <= cy <= ys[-1] + 1 else rest).append(w)
        item = _table_item(xs, ys, inside)
        if item:
            items.append(item)
        free = rest
    vrules = [((r[0] + r[2]) / 2, r[1], r[3]) for r in rules if (r[3] - r[1]) > 3 * (r[2] - r[0]) and r[3] - r[1] >= 8]
    if len(vrules) > 400:  # a drawing, not a frame
        vrules = []
    for row in rows_of(free):
        items.extend(segments_of(row, vrules))
    lines = order_items(items, height=height)
    lines.extend(rotated)
    return [(t, b) for t, b in lines if t.strip()]


def _bands(items: list[Item]) -> list[list[Item]]:
    bands: list[list] = []
    for it in sorted(items, key=lambda i: i.core[0]):
        t, b = it.core
        if bands and t < bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], b)
            bands[-1][2].append(it)
        else:
            bands.append([t, b, [it]])
    return [sorted(b[2], key=lambda i: i.x0) for b in bands]


def _gaps(band: list[Item], lo: float, hi: float) -> list[tuple[float, float]]:
    """x-intervals in [lo, hi] covered by no item of the band."""
    out, x = [], lo
    for it in sorted(band, key=lambda i: i.x0):
        if it.x0 > x:
            out.append((x, it.x0))
        x = max(x, it.x1)
    if x < hi:
        out.append((x, hi))
    return out


def _intersect(a, b, min_w):
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= min_w:
                out.append((lo, hi))
    return out


def _two_sided(band: list[Item], cuts) -> bool:
    return any(any(i.x1 <= c0 + 0.5 for i in band) and any(i.x0 >= c1 - 0.5 for i in band) for c0, c1 in cuts)


def _join(items: list[Item]) -> tuple[str, Box]:
    items = sorted(items, key=lambda i: i.x0)
    parts = [items[0].text]
    for prev, it in zip(items, items[1:]):
        sep = " | " if it.x0 - prev.x1 >= CELL_GAP * max(prev.size, it.size, 4.0) and not prev.text.endswith(":") else " "
        parts.append(sep + it.text)
    return "".join(parts), _box(items)


def _emit_band(band: list[Item]) -> list[tuple[str, Box]]:
    if any(i.table for i in band):
        return [ln for it in sorted(band, key=lambda i: i.top) for ln in it.lines]
    return [_join(band)]


def _prose(col: list[Item]) -> bool:
    """Running text: at least 3 rows, most of them filling the column, with 7+ words a row."""
    rows = _bands(col)
    if len(rows) < 3:
        return False
    x0, x1 = min(i.x0 for i in col), max(i.x1 for i in col)
    full = sum(1 for r in rows if max(i.x1 for i in r) - min(i.x0 for i in r) >= 0.7 * (x1 - x0))
    n_words = sum(len(_ALPHA_WORD.findall(it.text)) for it in col)
    return full >= 0.5 * len(rows) and n_words >= 7 * len(rows) and n_words >= 25


def _side_first(columns: list[list[Item]]) -> list[list[Item]]:
    """A narrow side panel (counts, stamp) beside a body column is read before the body, on
    either side, so that the body and its continuation below the panel stay together."""
    if len(columns) != 2:
        return columns
    widths = [max(i.x1 for i in c) - min(i.x0 for i in c) for c in columns]
    narrow, wide = (0, 1) if widths[0] <= widths[1] else (1, 0)
    if widths[narrow] <= 0.6 * widths[wide] and _prose(columns[wide]) and not _prose(columns[narrow]):
        return [columns[narrow], columns[wide]]
    return columns


def _label_column(col: list[Item], group, cuts) -> bool:
    """Row heads: bullets, item numbers and labels ('Présents :', 'Vote :'), each on the row where
    its text starts (a tabbed hanging indent): read row by row."""
    if len(col) < 2:
        return False
    heads = sum(1 for it in col if _MARKER.match(it.text) or (it.text.rstrip().endswith(":") and len(it.text) <= 40))
    if heads < len(col):
        return False
    bands = [b for b in group if any(it in col for it in b)]
    return sum(1 for b in bands if _two_sided(b, cuts)) >= 0.5 * len(bands)


def order_items(items: list[Item], *, height: float) -> list[tuple[str, Box]]:
    """Recursive XY-cut over segments (see module docstring)."""
    if not items:
        return []
    lo, hi = min(i.x0 for i in items) - 1, max(i.x1 for i in items) + 1
    min_w = max(SEGMENT_GAP * _median([i.size for i in items]), 3.0)
    bands = _bands(items)
    size = _median([i.size for i in items])
    free = [_gaps(b, lo, hi) for b in bands]

    def inner(b: list[Item]):
        if len(b) < 2 or any(it.table for it in b):
            return []
        return [g for g in _gaps(b, min(it.x0 for it in b), max(it.x1 for it in b)) if g[1] - g[0] >= min_w]

    def adjacent(j: int) -> bool:  # band j follows band j-1 without a paragraph-sized gap
        return min(it.top for it in bands[j]) - max(it.bottom for it in bands[j - 1]) <= 1.5 * size

    out: list[tuple[str, Box]] = []
    i = 0
    while i < len(bands):
        # a group starts at a band split by a gap, or just above one (up to 3 adjacent bands)
        k, cuts = None, []
        for cand in range(i, min(i + 4, len(bands))):
            if cand > i and not adjacent(cand):
                break
            if any(it.table for it in bands[cand]):
                break
            cuts = inner(bands[cand])
            if cuts:
                for b in range(i, cand):
                    cuts = _intersect(cuts, free[b], min_w)
                k = cand if cuts else None
                break
        if k is None:
            out.extend(_emit_band(bands[i]))
            i += 1
            continue
        last, j = k, k + 1
        while j < len(bands):
            nxt = _intersect(cuts, free[j], min_w)
            if not nxt or any(it.table for it in bands[j]):
                break
            if not (_two_sided(bands[j], nxt) or adjacent(j)):
                break
            cuts, last = nxt, j
            j += 1
        if last == i:
            out.extend(_emit_band(bands[i]))
            i += 1
            continue
        group = bands[i : last + 1]
        members = [it for b in group for it in b]
        cuts = [c for c in cuts if any(it.x1 <= c[0] + 0.5 for it in members) and any(it.x0 >= c[1] - 0.5 for it in members)]
        edges = [lo] + [(c0 + c1) / 2 for c0, c1 in cuts] + [hi]
        columns = [[it for it in members if a <= (it.x0 + it.x1) / 2 < b] for a, b in zip(edges, edges[1:])]
        columns = [c for c in columns if c]
        n_two = sum(1 for b in group if _two_sided(b, cuts))
        header = group[0][0].top < HEADER_ZONE * height and len(columns) == 2 and len(group) <= 8 \
            and not any(_NUMERIC.fullmatch(it.text) for it in members)
        markers = any(all(len(it.text) <= 5 or _MARKER.match(it.text) for it in col) for col in columns)
        labels = len(columns) >= 2 and _label_column(columns[0], group, cuts)
        as_table = markers or labels or n_two >= 2 and n_two >= 0.5 * len(group) and not any(_prose(c) for c in columns) and not header
        if as_table or len(columns) < 2:
            for b in group:
                out.extend(_emit_band(b))
        else:
            for col in _side_first(columns):
                out.extend(order_items(col, height=height))
        i = last + 1
    return out


# --------------------------------------------------------------------------- across pages


def _norm(text: str, *, digits: bool = False) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = re.sub(r"\s+", "", "".join(ch for ch in text if not unicodedata.combining(ch)))
    return text if digits else re.sub(r"\d+", "#", text)


def _pageish(text: str, page: int, *, bottom: bool) -> bool:
    """Does a line vary from page to page only by its page number?"""
    if page not in {int(n) for n in re.findall(r"\d+", text)}:
        return False
    return bottom or bool(re.search(r"(?i)\bpage\b|\bp\.\s*\d|\d\s*(?:/|sur)\s*\d", text))


def _in_margin(box: Box, height: float) -> bool:
    return box.top < MARGIN_ZONE * height or box.bottom > (1 - MARGIN_ZONE) * height


def _is_page_number(text: str, n_pages: int) -> bool:
    """'3', '- 3 -', 'Page 3/12', '3 sur 12' ... with a number that can be a page number."""
    m = _PAGE_NUMBER.match(text)
    if not m:
        return False
    nums = [int(n) for n in re.findall(r"\d+", text)]
    return bool(nums) and 0 < nums[0] <= max(n_pages, 1) + 2

def drop_repeated_margins(pages) -> list[tuple[str, int, Box]]:
    """Join pages, dropping page numbers and text repeated at the same place on most pages.

    Prefecture stamps repeated on every page, and the page-1 copy of a repeated header (it may
    be the only place naming the commune), are kept once.
    """
    cands: dict[int, list[tuple[str, str, float]]] = {}
    with_text = [p for p in pages if p.lines]
    edge: dict[int, set[float]] = {}
    for p in with_text:
        tops = sorted({b.top for _, b in p.lines})
        edge[p.number] = set(tops[:EDGE_LINES] + tops[-EDGE_LINES:])
        for text, box in p.lines:
            if box.top in edge[p.number] and _in_margin(box, p.height):
                cands.setdefault(p.number, []).append((_norm(text, digits=True), _norm(text), box.top))
    # on 2-3 pages every page must repeat it; then at least half of the pages, and 3
    need = len(with_text) if len(with_text) <= 3 else max(3, -(-len(with_text) // 2))

    def count(key: str, idx: int, top: float) -> int:
        return sum(1 for lst in cands.values() if any(c[idx] == key and abs(c[2] - top) <= 4 for c in lst))

    out: list[tuple[str, int, Box]] = []
    seen_stamp: set[str] = set()
    for p in pages:
        tops = sorted(b.top for _, b in p.lines)
        extremes = set(tops[:2] + tops[-2:])
        for text, box in p.lines:
            in_margin = _in_margin(box, p.height)
            if in_margin and box.top in extremes and _is_page_number(text, len(pages)):
                continue
            if in_margin and p.ocr_conf is None and box.top in edge.get(p.number, ()) and len(with_text) >= 2:
                exact, key = _norm(text, digits=True), _norm(text)
                # identical text, or text whose only change is the page number ("Page 3 / 12")
                repeated = count(exact, 0, box.top) >= need or (
                    count(key, 1, box.top) >= need and _pageish(text, p.number, bottom=box.top > p.height / 2))
                if repeated:
                    first_header = p.number == with_text[0].number and box.top < MARGIN_ZONE * p.height
                    if not (_STAMP.search(text) or first_header) or key in seen_stamp:
                        continue
                    seen_stamp.add(key)  # keep the first copy
            out.append((text, p.number, box))
    return out
