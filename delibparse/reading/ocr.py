"""OCR with the tesseract binary (``fra``): page image -> TSV words -> lines with boxes in PDF points.

The tesseract CLI is called through ``subprocess`` (no Python wrapper needed), one thread
(``OMP_THREAD_LIMIT=1``), ``--psm 3`` (automatic page segmentation: handles columns and
panels of a scanned deliberation), on a grayscale image rendered by pypdfium2 at ``DPI``.

>>> lines_from_tsv("level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n"
...                "5\\t1\\t1\\t1\\t1\\t1\\t100\\t200\\t50\\t20\\t91.5\\tObjet\\n", scale=0.5)[0][0]
'Objet'
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from ..errors import NeedsOCRError, TimeoutError_, UnreadableError
from ..record import Box

DPI = 200  # 200 dpi reads 10-12 pt body text well and keeps a page under ~3 s on one core
LANG = "fra"
PSM = 3
PAGE_TIMEOUT = 30.0
MISSING_MESSAGE = "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)"


@dataclass(slots=True)
class OcrPage:
    lines: list[tuple[str, Box]]
    confidences: list[float]  # per word, 0-1

    @property
    def mean_confidence(self) -> float:
        return sum(self.confidences) / len(self.confidences) if self.confidences else 0.0


@functools.lru_cache(maxsize=4)
def tesseract_path() -> str | None:
    """The tesseract binary if installed with French data, else None."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if LANG in langs.split() else None


def lines_from_tsv(tsv: str, *, scale: float) -> list[tuple[str, Box, list[float]]]:
    """Group tesseract TSV words into lines; ``scale`` maps pixels to points."""
    groups: dict[tuple[int, int, int, int], list] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, w, h = (int(c) for c in cols[6:10])
        conf = float(cols[10])
        key = (int(cols[1]), int(cols[2]), int(cols[3]), int(cols[4]))
        groups.setdefault(key, []).append((cols[11].strip(), left, top, left + w, top + h, conf))
    out = []
    for words in groups.values():
        text = " ".join(w[0] for w in words)
        box = Box(x0=round(min(w[1] for w in words) * scale, 2), top=round(min(w[2] for w in words) * scale, 2),
                  x1=round(max(w[3] for w in words) * scale, 2), bottom=round(max(w[4] for w in words) * scale, 2))
        out.append((text, box, [max(w[5], 0.0) / 100 for w in words if w[5] >= 0]))
    return out


def _tesseract(exe: str, image, args: list[str], *, timeout: float, source, page_number) -> str:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [exe, "stdin", "stdout", "-l", LANG, "--dpi", str(DPI), *args]
    try:
        proc = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise TimeoutError_(f"OCR of the page took more than {timeout:g} s", source=source, page=page_number) from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown error"]
        raise UnreadableError(f"tesseract failed: {msg[0]}", source=source, page=page_number)
    return proc.stdout.decode("utf-8", "replace")


def _unrotate(box: Box, rotate: int, width: int, height: int) -> Box:
    """Map a pixel box found on the image turned ``rotate`` degrees clockwise back to the original."""
    if rotate == 90:
        return Box(x0=box.top, top=height - box.x1, x1=box.bottom, bottom=height - box.x0)
    if rotate == 180:
        return Box(x0=width - box.x1, top=height - box.bottom, x1=width - box.x0, bottom=height - box.top)
    if rotate == 270:
        return Box(x0=width - box.bottom, top=box.x0, x1=width - box.top, bottom=box.x1)
    return box


def _scaled(box: Box, scale: float) -> Box:
    return Box(x0=round(box.x0 * scale, 2), top=round(box.top * scale, 2),
               x1=round(box.x1 * scale, 2), bottom=round(box.bottom * scale, 2))


def ocr_image(image, *, scale: float, source: str | None = None, page_number: int | None = None,
              timeout: float | None = PAGE_TIMEOUT) -> OcrPage:
    """OCR a PIL image; boxes are multiplied by ``scale`` (points per pixel).

    Small skews are handled by tesseract's own line finding; a page read poorly (mean word
    confidence < 0.6) gets an orientation check (``--psm 0``) and, if it is turned by 90/180/270
    degrees, is read again upright, boxes mapped back to the page as given.
    """
    exe = tesseract_path()
    if not exe:
        raise NeedsOCRError(MISSING_MESSAGE, source=source, page=page_number)
    image = image.convert("L")
    limit = PAGE_TIMEOUT if timeout is None else max(min(timeout, PAGE_TIMEOUT), 1.0)
    kw = dict(timeout=limit, source=source, page_number=page_number)
    rows = lines_from_tsv(_tesseract(exe, image, ["--psm", str(PSM), "tsv"], **kw), scale=1.0)
    res = OcrPage([(t, b) for t, b, _ in rows], [c for _, _, cs in rows for c in cs])
    if res.mean_confidence < 0.6:
        try:
            osd = _tesseract(exe, image, ["--psm", "0"], **kw)
        except (TimeoutError_, UnreadableError):  # OSD needs osd.traineddata; optional
            osd = ""
        m = re.search(r"Rotate:\s*(\d+)", osd)
        rotate = int(m.group(1)) if m else 0
        if rotate in (90, 180, 270):
            turned = image.rotate(-rotate, expand=True, fillcolor=255)
            rows2 = lines_from_tsv(_tesseract(exe, turned, ["--psm", str(PSM), "tsv"], **kw), scale=1.0)
            res2 = OcrPage([(t, _unrotate(b, rotate, image.width, image.height)) for t, b, _ in rows2],
                           [c for _, _, cs in rows2 for c in cs])
            if res2.mean_confidence > res.mean_confidence:
                res = res2
    return OcrPage([(t, _scaled(b, scale)) for t, b in res.lines], res.confidences)


def ocr_pdf_page(page, *, source: str | None = None, page_number: int | None = None,
                 timeout: float | None = PAGE_TIMEOUT) -> OcrPage:
    """Render a pypdfium2 page at ``DPI`` and OCR it; boxes in PDF points from the top-left."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    image = bitmap.to_pil()
    return ocr_image(image, scale=72 / DPI, source=source, page_number=page_number, timeout=timeout)


def read_image(data: bytes, *, source: str | None = None, timeout: float | None = 60.0):
    """An image file (JPEG, PNG, TIFF ...) of a document -> ``Layout`` via OCR (first frame only)."""
    from PIL import Image, UnidentifiedImageError

    from ..errors import UnsupportedFormatError
    from ..layout import Layout

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as err:
        raise UnreadableError(f"unreadable image ({err})", source=source) from None
    dpi = image.info.get("dpi", (0, 0))[0] or 0
    if not dpi or dpi < 50:
        # no resolution stated: assume the image is an A4 page
        dpi = max(image.width, image.height) / 11.69
    res = ocr_image(image, scale=72 / dpi, source=source, page_number=1, timeout=timeout)
    words = sum(len(t.split()) for t, _ in res.lines)
    if words < 3 or res.mean_confidence < 0.4:
        raise UnsupportedFormatError("an image with no readable text (only documents can be OCRed)",
                                     source=source)
    lay = Layout.from_lines([(t, 1, b) for t, b in res.lines], format="image", n_pages=1)
    lay.ocr_confidence = round(res.mean_confidence, 4)
    lay.page_warnings.append((1, "read.ocr", f"image OCRed (mean word confidence {res.mean_confidence:.2f})"))
    return lay
