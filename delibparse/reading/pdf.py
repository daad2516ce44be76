"""PDF sources: pypdfium2 characters -> words -> lines, in reading order, with page and box.

pypdfium2 gives every character with its box in ~2 ms a page; the grouping into words, rows,
columns and ruled tables is done here (see ``order.py``). pdfplumber is 10-20x slower on the
same pages (bench/bench_pdf.py) and is not needed: ruled tables are found from the page's
path objects, which pdfium also exposes. Pages without a usable text layer go to OCR.

>>> import pypdfium2 as pdfium, io
>>> doc = pdfium.PdfDocument.new(); _ = doc.new_page(595, 842); buf = io.BytesIO(); doc.save(buf)
>>> read_pdf(buf.getvalue(), ocr="never", source="blank.pdf")
Traceback (most recent call last):
...
delibparse.errors.EmptySourceError: blank.pdf: no text found in the PDF
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing as mp
import os
import re
import resource
import threading
import time
import traceback
import unicodedata
from dataclasses import dataclass

from ..errors import (
    DelibparseError,
    EmptySourceError,
    EncryptedError,
    NeedsOCRError,
    TimeoutError_,
    UnreadableError,
)
from .._procs import main_hidden
from ..layout import Layout
from ..record import Box
from . import order
from .order import Word

# A page whose text layer has fewer visible characters than this, and an image covering
# most of it, is a scan (possibly with a digital stamp added on top): OCR it.
SCAN_MAX_CHARS = 200
SCAN_MIN_IMAGE_SHARE = 0.5
# A page with no text and no image but this many page objects is text printed as outlines.
OUTLINED_TEXT_MIN_OBJECTS = 300
# Child-process memory cap for isolated extraction (bytes).
ISOLATE_MEMORY_LIMIT = 3 * 1024**3

_STOPWORDS = frozenset(
    ["de", "la", "le", "les", "des", "du", "et", "à", "a", "en", "un", "une", "pour", "par", "au", "aux", "sur", "est", "que", "qui", "dans", "il", "elle", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "pas", "ne", "se", "plus", "ou", "avec", "sont", "été", "être", "conseil", "l", "d", "vu", "article", "commune", "monsieur", "madame", "maire", "séance", "m", "mme", "mmes", "mm", "mr", "mlle"]
)
_SPACES = frozenset(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u3000\x0b\x0c")
# Glyphs as some producers encode them: ligatures, a soft hyphen printed at a line end, and
# Symbol/Wingdings private-use codes (letters shifted to U+F0xx; the usual bullet glyphs).
_CHAR_MAP = {
    0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    0x00AD: "-",
    **{0xF000 + c: chr(c) for c in range(0x21, 0x7F)},
    **{cp: "•" for cp in (0xF0A7, 0xF0A8, 0xF0B7, 0xF0D8, 0xF0E0, 0xF0FC, 0xF06E, 0xF0F0, 0xF076, 0xF0A4)},
}
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿæœ")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass(slots=True)
class PageText:
    """What one page yields before cleaning of repeated headers/footers."""

    number: int
    width: float
    height: float
    lines: list[tuple[str, Box]]
    ocr_conf: list[float] | None = None  # word confidences when OCRed


# --------------------------------------------------------------------------- entry point


def read_pdf(
    data: bytes,
    *,
    source: str | None = None,
    ocr: str = "auto",
    timeout: float | None = 60.0,
    max_pages: int | None = None,
    isolate: bool = True,
    password: str | None = None,
) -> Layout:
    """Read a PDF (bytes) into a ``Layout``; see module docstring. Raises coded ``DelibparseError``s."""
    kwargs = dict(source=source, ocr=ocr, timeout=timeout, max_pages=max_pages, password=password)
    # a daemonic process (multiprocessing.Pool worker) may not have children: read in-process there
    if isolate and not mp.current_process().daemon:
        return _run_isolated(data, kwargs, timeout=timeout, source=source)
    return _read_pdf(data, **kwargs)


def _start_method() -> str:
    """``fork`` (~10 ms) when it is safe and cheap, i.e. the caller runs a single thread and is small;
    else a fork server (a large caller, e.g. one with the pipeline and spaCy loaded, pays for copying
    its pages in every forked child: 2.7 s vs 1.4 s for the 8 dev PDFs) or spawn."""
    methods = mp.get_all_start_methods()
    big = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > _BIG_KB
    if "forkserver" in methods and big:
        return "forkserver"
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


# peak RSS above which forking the caller for each document costs more than a fork server: a fork copies
# the caller's page tables (~45 ms a document at 100 MB), the server costs ~0.1 s once (measured on the dev PDFs)
_BIG_KB = 80 * 1024


def _run_isolated(data: bytes, kwargs: dict, *, timeout: float | None, source: str | None) -> Layout:
    """Run ``_read_pdf`` in a child process: a pdfium crash or hang cannot take the caller down."""
    method = _start_method()
    ctx = mp.get_context(method)
    if method == "forkserver":  # children fork from a server that has pdfium loaded already
        ctx.set_forkserver_preload(["delibparse.reading.pdf", "delibparse.reading.order", "pypdfium2"])
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, data, kwargs), daemon=True)
    with main_hidden():  # the child needs delibparse only, never the caller's script
        proc.start()
    send.close()
    # The child enforces the deadline itself between pages; the parent waits a little longer
    # and kills it only when pdfium is stuck inside one call.
    grace = None if timeout is None else timeout + min(5.0, 1.0 + 0.1 * timeout)
    try:
        if not recv.poll(grace):
            proc.kill()
            proc.join(5)
            raise TimeoutError_(f"PDF extraction did not finish within {timeout:g} s (killed)", source=source)
        try:
            status, payload = recv.recv()
        except EOFError:
            proc.join(5)
            raise UnreadableError(
                f"the PDF library crashed on this file (exit code {proc.exitcode})", source=source
            ) from None
    finally:
        recv.close()
        if proc.is_alive():
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join(1)
    if status == "ok":
        return payload
    cls, message, page = payload
    raise cls(message, source=source, page=page)


def _child(send, data: bytes, kwargs: dict) -> None:
    import faulthandler

    faulthandler.disable()  # a pdfium crash is reported by the parent, not dumped here
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = ISOLATE_MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(ISOLATE_MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass
    try:
        result = ("ok", _read_pdf(data, **kwargs))
    except DelibparseError as err:
        result = ("err", (type(err), err.message, err.page))
    except MemoryError:
        result = ("err", (UnreadableError, "out of memory while reading the PDF", None))
    except Exception as err:  # noqa: BLE001 - anything else becomes a coded error in the parent
        result = ("err", (UnreadableError, f"PDF extraction failed: {err!r}", None))
        traceback.print_exc()
    try:
        send.send(result)
    finally:
        send.close()
        os._exit(0)  # skip atexit handlers inherited from the parent


# --------------------------------------------------------------------------- in-process reader


def _open(data: bytes, *, source: str | None, password: str | None):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        from pypdfium2 import raw

        if code == raw.FPDF_ERR_PASSWORD:
            raise EncryptedError("the PDF is encrypted and needs a password", source=source) from None
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedError("the PDF uses an unsupported security handler", source=source) from None
        if code == raw.FPDF_ERR_SUCCESS and re.search(rb"/Count\s+0\b", data):
            raise EmptySourceError("the PDF has no pages", source=source) from None
        raise UnreadableError(f"not a readable PDF ({err})", source=source) from None


def _read_pdf(
    data: bytes,
    *,
    source: str | None,
    ocr: str,
    timeout: float | None,
    max_pages: int | None,
    password: str | None,
) -> Layout:
    deadline = None if timeout is None else time.monotonic() + timeout
    doc = _open(data, source=source, password=password)
    try:
        n_total = len(doc)
        if n_total == 0:
            raise EmptySourceError("the PDF has no pages", source=source)
        n = n_total if max_pages is None else min(n_total, max_pages)
        warnings: list[tuple[int | None, str, str]] = []
        if n < n_total:
            warnings.append((None, "read.max_pages", f"read the first {n} of {n_total} pages (max_pages={max_pages})"))
        pages: list[PageText] = []
        need_ocr: list[int] = []
        for i in range(n):
            _check_deadline(deadline, timeout, source, i + 1)
            try:
                page = doc[i]
            except Exception as err:  # pdfium refuses to load a broken page
                warnings.append((i + 1, "read.page_error", f"page could not be loaded: {err}"))
                pages.append(PageText(i + 1, 595.0, 842.0, []))
                continue
            try:
                pt, scan = _read_page(page, i + 1, ocr=ocr)
            except (DelibparseError, MemoryError):
                raise
            except Exception as err:  # noqa: BLE001 - one broken page does not sink the document
                warnings.append((i + 1, "read.page_error", f"page could not be read: {err!r}"))
                pt, scan = PageText(i + 1, 595.0, 842.0, []), False
            finally:
                page.close()
            pages.append(pt)
            if scan:
                need_ocr.append(i)
        if need_ocr:
            _ocr_pages(doc, pages, need_ocr, ocr=ocr, source=source, deadline=deadline, timeout=timeout,
                       warnings=warnings, n=n)
    finally:
        doc.close()
    lines = order.drop_repeated_margins(pages)
    if not any(text.strip() for text, _, _ in lines):
        raise EmptySourceError("no text found in the PDF", source=source)
    lay = Layout.from_lines(lines, format="pdf", n_pages=n_total)
    lay.page_warnings.extend(warnings)
    confs = [c for p in pages if p.ocr_conf for c in p.ocr_conf]
    if confs:
        lay.ocr_confidence = round(sum(confs) / len(confs), 4)
    return lay


def _check_deadline(deadline: float | None, timeout: float | None, source: str | None, page: int) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeoutError_(f"PDF reading exceeded the time limit ({timeout:g} s)", source=source, page=page)


def _ocr_pages(doc, pages, idx, *, ocr, source, deadline, timeout, warnings, n) -> None:
    from . import ocr as ocr_mod

    has_text = any(p.lines for p in pages)
    if ocr == "never" or not ocr_mod.tesseract_path():
        why = "OCR is disabled (ocr='never')" if ocr == "never" else ocr_mod.MISSING_MESSAGE
        if not has_text:
            raise NeedsOCRError(f"no usable text layer on {len(idx)} of {n} pages and {why}",
                                source=source, page=idx[0] + 1)
        for i in idx:
            warnings.append((i + 1, "read.needs_ocr", f"page has no usable text layer and {why}"))
        return
    for i in idx:
        _check_deadline(deadline, timeout, source, i + 1)
        page = doc[i]
        try:
            remaining = None if deadline is None else max(deadline - time.monotonic(), 1.0)
            res = ocr_mod.ocr_pdf_page(page, source=source, page_number=i + 1, timeout=remaining)
        finally:
            page.close()
        pages[i] = PageText(i + 1, pages[i].width, pages[i].height, res.lines, res.confidences)
        warnings.append((i + 1, "read.ocr", f"page OCRed (mean word confidence {res.mean_confidence:.2f})"))


# --------------------------------------------------------------------------- one page


def _read_page(page, number: int, *, ocr: str) -> tuple[PageText, bool]:
    """Lines of one page in reading order, and whether it must be OCRed instead."""
    textpage = page.get_textpage()
    try:
        raw_chars = _raw_chars(textpage)
    finally:
        textpage.close()
    width, height, frame = _page_frame(page, _text_direction(raw_chars))
    chars = _chars(raw_chars, frame)
    pt = PageText(number, width, height, [])
    if ocr == "always":
        return pt, True
    visible = [c for c in chars if not c[0].isspace()]
    if len(visible) < SCAN_MAX_CHARS and _image_share(page, width, height) >= SCAN_MIN_IMAGE_SHARE:
        return pt, True
    if not visible:
        # text printed as outlines (many vector paths, no font) can only be read by OCR
        return pt, _object_count(page) >= OUTLINED_TEXT_MIN_OBJECTS
    words, rotated = _words(chars)
    rules = _rules(page, frame)
    pt.lines = order.page_lines(words, rotated, rules, width=width, height=height)
    if _is_garbage(" ".join(t for t, _ in pt.lines)):
        return pt, True
    return pt, False


def _page_frame(page, direction: int):
    """Page size and a frame for ``_to_top`` in which text of ``direction`` degrees reads upright.

    Coordinates follow the text, not the page's /Rotate flag (as pdfplumber, which ignores it):
    a page turned for display with upright text keeps its text's frame; a landscape table drawn
    rotated 90 degrees is read in the frame where its text is upright.
    """
    left, bottom, right, top = page.get_cropbox()
    w, h = right - left, top - bottom
    if direction in (90, 270):
        return h, w, (direction, (left, bottom, right, top), None)
    if direction == 180:
        return w, h, (180, (left, bottom, right, top), None)
    return w, h, (0, left, top)


def _text_direction(raw_chars) -> int:
    """The most common text angle on the page, in degrees counter-clockwise (0, 90, 180, 270)."""
    counts = [0, 0, 0, 0]
    for c in raw_chars:
        a = c[5]
        if a < 0.1 or a > 6.18:
            counts[0] += 1
        elif c[0] != " ":
            counts[int(round(a / (math.pi / 2))) % 4] += 1
    best = max(range(4), key=lambda i: (counts[i], i == 0))
    # pdfium measures the angle clockwise; frames are named counter-clockwise
    return (360 - 90 * best) % 360 if counts[best] > counts[0] else 0


def _to_top(frame, x: float, y: float) -> tuple[float, float]:
    kind = frame[0]
    if kind == 0:
        return x - frame[1], frame[2] - y
    left, bottom, right, top = frame[1]
    if kind == 90:
        return y - bottom, x - left
    if kind == 180:
        return right - x, y - bottom
    return top - y, right - x


def _raw_chars(textpage) -> list[tuple[str, float, float, float, float, float, float]]:
    """(char, left, bottom, right, top, angle, font size) in PDF user space, in content order.

    Two pdfium calls per character (loose box, angle); the text comes in one call and the
    font size once per distinct box height.
    """
    from pypdfium2 import raw

    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # surrogate pairs or odd producers: fall back to one call per char
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, k)) for k in range(n))
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box, get_angle, get_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharAngle, raw.FPDFText_GetFontSize
    sizes: dict[float, float] = {}  # loose box height -> font size: one size call per run, not per char
    out = []
    append = out.append
    for k, ch in enumerate(text):
        if ch in "\r\n\ufeff\x00":
            continue
        if ch == "\x02":  # pdfium's marker for a hyphen at a line end
            ch = "-"
        if not get_box(tp, k, ref):
            continue
        if ch == "\ufffe":  # a soft hyphen: printed (as "-") only where the line breaks after it
            top, height = rect.top, rect.top - rect.bottom
            same_line = k + 1 < n and text[k + 1] not in "\r\n" and get_box(tp, k + 1, ref) and abs(rect.top - top) < height / 2
            if same_line:
                continue
            get_box(tp, k, ref)
            ch = "-"
        key = int((rect.top - rect.bottom) * 10)
        size = sizes.get(key)
        if size is None:
            size = sizes[key] = get_size(tp, k)
        append((ch, rect.left, rect.bottom, rect.right, rect.top, get_angle(tp, k), size))
    return out


def _chars(raw_chars, frame) -> list[tuple[str, float, float, float, float, float, bool]]:
    """(char, x0, top, x1, bottom, size, upright) in the page frame; upright = reading in the
    frame's direction."""
    kind = frame[0]
    want = (2 * math.pi - math.radians(kind)) % (2 * math.pi)  # pdfium angles run clockwise
    out = []
    append = out.append
    for ch, left, bottom, right, top, angle, size in raw_chars:
        if kind == 0:
            x0, x1, t, bt = left - frame[1], right - frame[1], frame[2] - top, frame[2] - bottom
        else:
            xa, ya = _to_top(frame, left, top)
            xb, yb = _to_top(frame, right, bottom)
            x0, x1, t, bt = xa, xb, ya, yb
        if x1 < x0:
            x0, x1 = x1, x0
        if bt < t:
            t, bt = bt, t
        d = abs(angle - want) % (2 * math.pi)
        upright = d < 0.1 or d > 2 * math.pi - 0.1
        if size <= 1.0:  # generated characters have no font
            size = (bt - t) / 1.2 if upright else (x1 - x0) / 1.2
        append((ch, x0, t, x1, bt, size, upright))
    return out


def _words(chars) -> tuple[list[Word], list[tuple[str, Box]]]:
    """Group characters (content order) into words; rotated text becomes whole runs."""
    words: list[Word] = []
    rotated: list[tuple[str, Box]] = []
    cur: list = []
    rot_run: list = []

    def flush():
        if cur:
            text = "".join(c[0] for c in cur)
            if not text.isascii():
                text = unicodedata.normalize("NFC", text.translate(_CHAR_MAP))
            first = cur[0]
            words.append(Word(text, first[1], min(c[2] for c in cur), max(c[3] for c in cur),
                              max(c[4] for c in cur), cur[len(cur) // 2][5]))
            cur.clear()

    def flush_rot():
        if rot_run:
            text = " ".join("".join(c[0] for c in rot_run).split())
            if text:
                rotated.append((text, Box(x0=min(c[1] for c in rot_run), top=min(c[2] for c in rot_run),
                                          x1=max(c[3] for c in rot_run), bottom=max(c[4] for c in rot_run))))
            rot_run.clear()

    prev = None
    for c in chars:
        ch, x0, top, x1, bottom, size, upright = c
        if not upright:
            flush()
            if rot_run and (abs(x0 - rot_run[-1][1]) > 3 * size and abs(top - rot_run[-1][2]) > 3 * size):
                flush_rot()
            rot_run.append(c)
            continue
        if rot_run:
            flush_rot()
        if ch in _SPACES:
            flush()
            prev = None
            continue
        if prev is not None and prev[0] == ch and -1 < prev[1] - x0 < 1 and -1 < prev[2] - top < 1:
            continue  # fake bold: the same glyph drawn twice
        if cur:
            last = cur[-1]
            h = bottom - top
            lh = last[4] - last[2]
            h = min(h, lh)
            h = max(h, 1.0)
            dy = (top + bottom - last[2] - last[4]) / 2
            gap = x0 - last[3]
            s = max(last[5], size)
            s = max(s, 1.0)
            if dy >= 0.5 * h or dy <= -0.5 * h or gap > 0.25 * s or gap < -0.5 * s:
                flush()
        cur.append(c)
        prev = c
    flush()
    flush_rot()
    return words, rotated


def _object_count(page) -> int:
    from pypdfium2 import raw

    try:
        return raw.FPDFPage_CountObjects(page.raw)
    except Exception:  # noqa: BLE001
        return 0


def _bounds(obj):
    """(left, bottom, right, top) of a page object (pypdfium2 5: get_bounds, 4: get_pos)."""
    get = getattr(obj, "get_bounds", None) or obj.get_pos
    return get()


def _image_share(page, width: float, height: float) -> float:
    """Largest share of the page area covered by one image object."""
    from pypdfium2 import raw

    best = 0.0
    area = max(width * height, 1.0)
    try:
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            left, bottom, right, top = _bounds(obj)
            best = max(best, (right - left) * (top - bottom) / area)
    except Exception:  # noqa: BLE001 - a broken object list just means "no image"
        return best
    return min(best, 1.0)


def _rules(page, frame) -> list[tuple[float, float, float, float]]:
    """Thin horizontal/vertical strokes and thin filled rectangles (table borders), as boxes."""
    from pypdfium2 import raw

    out = []
    try:
        objs = list(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3))
    except Exception:  # noqa: BLE001
        return out
    if len(objs) > 5000:
        objs = objs[:5000]
    for obj in objs:
        left, bottom, right, top = _bounds(obj)
        w, h = right - left, top - bottom
        xa, ya = _to_top(frame, left, top)
        xb, yb = _to_top(frame, right, bottom)
        box = (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
        if min(w, h) <= 3.0 and max(w, h) >= 4.0:
            out.append(box)
            continue
        nseg = raw.FPDFPath_CountSegments(obj.raw)
        if nseg > 5 or (nseg == 5 and min(w, h) > 3.0):
            out.extend(_subpath_rules(obj, frame, nseg))
    return out


def _subpath_rules(obj, frame, nseg: int) -> list[tuple[float, float, float, float]]:
    """Edges of the (axis-aligned) sub-paths of a path drawn with strokes."""
    from pypdfium2 import raw

    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
    m = obj.get_matrix()
    x = ctypes.c_float()
    y = ctypes.c_float()
    pts: list[tuple[float, float]] = []
    subpaths: list[list[tuple[float, float]]] = []
    for s in range(min(nseg, 2000)):
        seg = raw.FPDFPath_GetPathSegment(obj.raw, s)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO and pts:
            subpaths.append(pts)
            pts = []
        pts.append(_to_top(frame, px, py))
    if pts:
        subpaths.append(pts)
    out = []
    for sp in subpaths:
        xs = [p[0] for p in sp]
        ys = [p[1] for p in sp]
        x0, x1, t, b = min(xs), max(xs), min(ys), max(ys)
        if min(x1 - x0, b - t) <= 3.0 and max(x1 - x0, b - t) >= 4.0:
            out.append((x0, t, x1, b))
        elif stroke.value and len(sp) >= 4:  # stroked rectangle: its four edges
            out += [(x0, t, x1, t), (x0, b, x1, b), (x0, t, x0, b), (x1, t, x1, b)]
    return out


def _is_garbage(text: str) -> bool:
    """A text layer that is not language: wrong font encodings, (cid:..) soup, OCR debris."""
    if not text.strip():
        return True
    odd = sum(1 for ch in text if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc"))
    if odd > 0.1 * len(text):
        return True
    tokens = text.split()
    if len(tokens) < 15:
        return False
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < 10:  # a page of figures is fine; a page of symbols is not
        symbols = sum(1 for t in tokens if not any(ch.isalnum() for ch in t))
        return symbols > 0.5 * len(tokens)
    letters = [ch for w in words for ch in w]
    vowels = sum(1 for ch in letters if ch in _VOWELS)
    if len(letters) >= 200 and not 0.3 <= vowels / len(letters) <= 0.62:
        return True  # French runs at ~0.45; shifted or random glyph codes do not
    if sum(1 for ch in letters if ch > "\u017f") > 0.3 * len(letters):
        return True  # Greek, Cyrillic, CJK ... letters in a French document: glyph ids, not text
    stop = sum(1 for w in words if w in _STOPWORDS)
    vowelless = sum(1 for w in words if len(w) > 3 and not any(ch in _VOWELS for ch in w))
    return (stop < 0.05 * len(words) and len(words) >= 30) or vowelless > 0.3 * len(words)
