"""PDF reading speed: pypdfium2 (default) vs pdfplumber backends, OCR seconds per page, peak memory.

    python3 bench/bench_pdf.py [DIR_OF_PDFS] [--repeat 3] [--ocr-pages 2]

Both backends feed the same grouping code (``delibparse.reading.order``), so the difference is
the cost of getting characters and ruling lines out of the PDF. "end to end" is
``delibparse.reading.read`` (forked child per document, margins, everything).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from delibparse.reading import order, read
from delibparse.reading import pdf as pdf_mod

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "../shared/corpus/dev-pdf"


def pdfplumber_lines(path: Path) -> int:
    """Same grouping as the default reader, with pdfplumber's chars and edges."""
    import pdfplumber

    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = []
            for w in page.extract_words(use_text_flow=True, keep_blank_chars=False, extra_attrs=["size"]):
                words.append(order.Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], w["size"]))
            rules = [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in page.edges]
            n += len(order.page_lines(words, [], rules, width=float(page.width), height=float(page.height)))
            page.flush_cache()
    return n


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len((p.extract_text() or "").splitlines()) for p in pdf.pages)


def pypdfium2_lines(path: Path) -> int:
    return len(pdf_mod._read_pdf(path.read_bytes(), source=path.name, ocr="never", timeout=None,
                                 max_pages=None, password=None).lines)


def end_to_end(path: Path) -> int:
    return len(read(path, ocr="never").lines)


def n_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (forked readers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, paths, repeat):
    """Best wall time and best CPU time over ``repeat`` runs (CPU time is robust to a busy machine)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), _cpu()
        for p in paths:
            fn(p)
        best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, _cpu() - c0)
    return best, best_cpu


def bench_ocr(path: Path, pages: int) -> list[tuple[int, float, float, float, float]]:
    """(dpi, wall s/page, CPU s/page, mean confidence, chars) rendering dev pages and OCRing them."""
    import pypdfium2 as pdfium

    from delibparse.reading import ocr

    if not ocr.tesseract_path():
        return []
    out = []
    doc = pdfium.PdfDocument(str(path))
    for dpi in (150, 200, 300):
        total, cpu, confs, chars = 0.0, 0.0, [], 0
        for i in range(min(pages, len(doc))):
            page = doc[i]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            t0, c0 = time.perf_counter(), _cpu()
            res = ocr.ocr_image(image, scale=72 / dpi)
            total += time.perf_counter() - t0
            cpu += _cpu() - c0
            confs.append(res.mean_confidence)
            chars += sum(len(t) for t, _ in res.lines)
            page.close()
        n = min(pages, len(doc))
        out.append((dpi, total / n, cpu / n, sum(confs) / len(confs), chars / n))
    doc.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ocr-pages", type=int, default=2)
    args = ap.parse_args(argv)
    paths = sorted(Path(args.folder).glob("*.pdf"))
    if not paths:
        print(f"no PDFs in {args.folder}")
        return 1
    pages = sum(n_pages(p) for p in paths)
    print(f"{len(paths)} PDFs, {pages} pages, cpu count {os.cpu_count()}")
    rows = [
        ("pypdfium2 chars + order (default, in-process)", pypdfium2_lines),
        ("read() end to end (forked child per document)", end_to_end),
        ("pdfplumber words + same order", pdfplumber_lines),
        ("pdfplumber extract_text (no boxes, reference)", pdfplumber_text),
    ]
    for label, fn in rows:
        t, cpu = timed(fn, paths, args.repeat if "pdfplumber" not in label else 1)
        print(f"{label:50s} wall {t:6.2f} s {pages / t:6.1f} pages/s | cpu {cpu:6.2f} s {pages / cpu:6.1f} pages/s")
    tracemalloc.start()
    for p in paths:
        pypdfium2_lines(p)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak Python allocations (tracemalloc, pypdfium2 path): {peak / 2**20:.1f} MiB")
    print(f"peak RSS: this process {rss:.0f} MiB, largest child (forked reader / tesseract) {kids:.0f} MiB")
    for dpi, spp, cpu, conf, chars in bench_ocr(paths[0], args.ocr_pages):
        print(f"OCR {dpi} dpi (tesseract fra, 1 thread): wall {spp:5.2f} s/page, cpu {cpu:5.2f} s/page, "
              f"mean confidence {conf:.2f}, {chars:.0f} chars/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
