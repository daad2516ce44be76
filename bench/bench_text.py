"""Speed and memory of the text pipeline: acts/s on one core over the dev texts (or the examples).

    python bench/bench_text.py [--rounds 3] [--corpus ../shared/corpus/dev]

Prints documents/s, acts/s (after a warm-up run that loads spaCy and compiles patterns), the cost of the
first call, peak RSS, and the start-up time of `delibparse --help`. With ``--breakdown``, one more pass
times each stage (cleaning, segmentation, each field extractor) and prints where the time goes.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--breakdown", action="store_true", help="time each stage and extractor (one more pass)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = sorted(corpus.glob("*/source.txt")) or sorted(corpus.glob("*.txt"))
    if not files:
        files = sorted((ROOT / "corpus" / "examples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    t0 = time.perf_counter()
    import delibparse
    from delibparse.pipeline import parse_text

    parse_text(texts[0])
    first = time.perf_counter() - t0
    for t in texts:  # warm-up: lazy models and pattern caches
        parse_text(t)

    best = None
    n_acts = 0
    for _ in range(args.rounds):
        t = time.perf_counter()
        n_acts = sum(len(parse_text(x).acts) for x in texts)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    chars = sum(len(x) for x in texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "delibparse", "--help"], check=True, capture_output=True)
    help_s = time.perf_counter() - t

    print(f"corpus: {len(texts)} documents, {n_acts} acts, {chars / 1000:.0f}k characters ({corpus})")
    print(f"first call (imports, models): {first:.2f} s")
    print(f"steady state: {len(texts) / best:.1f} documents/s, {n_acts / best:.1f} acts/s, "
          f"{chars / best / 1000:.0f}k chars/s (best of {args.rounds}, one core)")
    print(f"peak RSS: {rss:.0f} MB")
    print(f"`python -m delibparse --help`: {help_s:.2f} s")
    print(f"delibparse {delibparse.__version__}")
    if args.breakdown:
        _breakdown(texts, parse_text, best)


def _breakdown(texts: list[str], parse_text, best: float) -> None:
    """Time spent in cleaning, segmentation and each extractor over one pass (best of 3 passes)."""
    from delibparse import pipeline
    from delibparse.fields import DOCUMENT_EXTRACTORS, EXTRACTORS

    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def run(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return run

    saved = [(pipeline, "clean", pipeline.clean), (pipeline, "segment", pipeline.segment)]
    saved += [(m, "extract", m.extract) for m in (*EXTRACTORS, *DOCUMENT_EXTRACTORS)]
    try:
        for owner, attr, fn in saved:
            name = attr if owner is pipeline else owner.__name__.rsplit(".", 1)[-1]
            setattr(owner, attr, timed(name, fn))
        rounds = []
        for _ in range(3):
            spent.clear()
            t = time.perf_counter()
            for x in texts:
                parse_text(x)
            rounds.append((time.perf_counter() - t, dict(spent)))
    finally:
        for owner, attr, fn in saved:
            setattr(owner, attr, fn)
    total, spent = min(rounds, key=lambda r: r[0])
    print(f"breakdown (one pass, {total * 1000:.0f} ms; steady-state pass {best * 1000:.0f} ms):")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:12s} {sec * 1000:7.1f} ms  {100 * sec / total:5.1f} %")
    rest = total - sum(spent.values())
    print(f"  {'other':12s} {rest * 1000:7.1f} ms  {100 * rest / total:5.1f} %  (reading the layout, building and checking records)")


if __name__ == "__main__":
    main()
