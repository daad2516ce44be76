"""End-to-end speed on PDFs: ``delibparse.parse`` (read + clean + segment + extract) in pages/s.

    python3 bench/bench_parse_pdf.py [DIR_OF_PDFS] [--rounds 2]

Reports wall time and CPU time (this process and the reader's forked children), pages/s and acts/s,
and peak RSS. Scanned PDFs are included when present (their OCR dominates; see bench_pdf.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "dev-pdf"))
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    pdfs = sorted(Path(args.folder).glob("*.pdf"))
    import delibparse

    delibparse.parse(pdfs[0])  # warm-up: imports, compiled patterns
    best_wall = best_cpu = None
    pages = acts = 0
    for _ in range(args.rounds):
        w, c = time.perf_counter(), _cpu()
        pages = acts = 0
        for p in pdfs:
            doc = delibparse.parse(p)
            pages += doc.pages or 0
            acts += len(doc.acts)
        w, c = time.perf_counter() - w, _cpu() - c
        best_wall = w if best_wall is None else min(best_wall, w)
        best_cpu = c if best_cpu is None else min(best_cpu, c)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(pdfs)} PDFs, {pages} pages, {acts} acts ({args.folder})")
    print(f"wall: {pages / best_wall:.1f} pages/s, {acts / best_wall:.1f} acts/s (best of {args.rounds}; load {os.getloadavg()[0]:.1f})")
    print(f"CPU:  {pages / best_cpu:.1f} pages/s, {acts / best_cpu:.1f} acts/s (one core, children included)")
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
