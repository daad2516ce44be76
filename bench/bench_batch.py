"""Benchmarks of ``delibparse batch`` on copies of the real dev documents.

    python3 bench/bench_batch.py throughput --copies 4     # doc/s, 1 and 2 local workers, Dask LocalCluster
    python3 bench/bench_batch.py resume --kills 20          # kill -9 at random moments, then 0 lost / 0 dup
    python3 bench/bench_batch.py memory --docs 10000        # flat memory over a long run (peak RSS samples)

Copies are made in a temporary folder at bench time (each with a distinct trailing marker so that
its sha256 differs) and deleted afterwards; nothing is committed. The dev documents are read from
../shared/corpus (relative to the repository). Prints one JSON object per measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "corpus"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "batch"))

from batch_helpers import check_out_dir

from delibparse import batch


def dev_documents(*, pdf: bool = True) -> list[Path]:
    docs = sorted(SHARED.glob("dev/*/source.txt"))
    if pdf:
        docs += sorted(SHARED.glob("dev-pdf/*.pdf"))
    if not docs:
        sys.exit(f"no dev documents under {SHARED}")
    return docs


def make_copies(folder: Path, n: int, *, pdf: bool = True) -> int:
    """n copies of every dev document, each made distinct by a trailing marker (a comment line
    after %%EOF for a PDF, a blank-looking last line for a text)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    docs = dev_documents(pdf=pdf)
    for k in range(n):
        sub = folder / f"copy{k:05d}"
        sub.mkdir()
        for src in docs:
            name = (src.parent.name + ".txt") if src.name == "source.txt" else src.name
            data = src.read_bytes()
            marker = f"\n%bench-copy-{k}\n" if src.suffix == ".pdf" else f"\n \n<!-- {k} -->\n"
            (sub / name).write_bytes(data + marker.encode())
            count += 1
    return count


def make_n_documents(folder: Path, total: int) -> int:
    """``total`` distinct text documents (the dev texts cycled, each with a marker)."""
    docs = dev_documents(pdf=False)
    for i in range(total):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        src = docs[i % len(docs)]
        (sub / f"doc{i:06d}.txt").write_bytes(src.read_bytes() + f"\n \n<!-- {i} -->\n".encode())
    return total


def emit(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def dask_worker_rss(client) -> float:
    def peak() -> int:
        import resource as r

        return r.getrusage(r.RUSAGE_SELF).ru_maxrss

    return round(max(client.run(peak).values()) / 1024, 1)


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="delibparse-bench-") as tmp:
        tmp_path = Path(tmp)
        n = make_copies(tmp_path / "in", args.copies, pdf=not args.text_only)
        for workers in (1, 2):
            out = tmp_path / f"out-local-{workers}"
            s = batch.run_batch([str(tmp_path / "in")], out, workers=workers, progress=False, timeout=args.timeout)
            emit({"bench": "throughput", "engine": "local", "workers": workers, "documents": n,
                  "acts": s.acts, "seconds": s.seconds, "docs_per_s": round(s.rate, 2),
                  "startup_s": s.startup_seconds,
                  "docs_per_s_after_startup": s.as_dict()["docs_per_s_after_startup"],
                  "peak_worker_rss_mb": s.peak_worker_rss_mb, "parent_rss_mb": s.parent_rss_mb,
                  "status": {k: v for k, v in s.status.items() if v}})
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            emit({"bench": "throughput", "engine": "dask", "skipped": "dask[distributed] not installed"})
            return
        with dask.config.set({"distributed.worker.daemon": False}), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster) as client:
            out = tmp_path / "out-dask"
            s = batch.run_batch([str(tmp_path / "in")], out, engine="dask", dask_client=client, progress=False,
                                timeout=args.timeout)
            emit({"bench": "throughput", "engine": "dask-localcluster", "workers": 2, "documents": n,
                  "acts": s.acts, "seconds": s.seconds, "docs_per_s": round(s.rate, 2),
                  "peak_worker_rss_mb": dask_worker_rss(client),
                  "status": {k: v for k, v in s.status.items() if v}})


def resume(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    with tempfile.TemporaryDirectory(prefix="delibparse-bench-") as tmp:
        tmp_path = Path(tmp)
        n = make_copies(tmp_path / "in", args.copies, pdf=not args.text_only)
        out = tmp_path / "out"
        cmd = [sys.executable, "-c", "import sys; from delibparse.batch import main; sys.exit(main())",
               str(tmp_path / "in"), "-o", str(out), "--workers", "2", "--quiet"]
        kills = 0
        done_after_kill = []
        def done_lines() -> int:
            path = out / "documents.jsonl"
            return path.read_bytes().count(b"\n") if path.exists() else 0

        while kills < args.kills:
            before = done_lines()
            proc = subprocess.Popen(cmd, env=env, start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # kill mid-run, not during start-up: wait for a new document, then a random delay
            deadline = time.monotonic() + 300
            while done_lines() <= before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(args.min_delay, args.max_delay))
            if proc.poll() is not None:
                break  # finished before the kill
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            raw = (out / "documents.jsonl").read_bytes() if (out / "documents.jsonl").exists() else b""
            done_after_kill.append(raw.count(b"\n"))
        final = subprocess.run(cmd, env=env, capture_output=True, text=True)
        inv = check_out_dir(out)
        lost = n - inv["documents"]
        dup = len(inv["duplicate_documents"]) + len(inv["duplicate_acts"])
        emit({"bench": "resume", "documents": n, "kills": kills, "done_after_each_kill": done_after_kill,
              "final_rc": final.returncode, "documents_written": inv["documents"], "acts": inv["acts"],
              "lost": lost, "duplicated": dup, "orphan_acts": len(inv["orphan_acts"]),
              "wrong_act_counts": len(inv["wrong_act_counts"]), "ok": lost == 0 and dup == 0 and not inv["orphan_acts"]})


def memory(args: argparse.Namespace) -> None:
    import psutil

    with tempfile.TemporaryDirectory(prefix="delibparse-bench-") as tmp:
        tmp_path = Path(tmp)
        n = make_n_documents(tmp_path / "in", args.docs)
        me = psutil.Process()
        samples: list[dict] = []
        count = [0]
        step = max(1, n // 10)

        def sample(_doc: dict) -> None:
            count[0] += 1
            if count[0] % step == 0:
                kids = [p for p in me.children(recursive=True) if p.is_running()]
                rss = [p.memory_info().rss for p in kids if p.status() != psutil.STATUS_ZOMBIE]
                samples.append({"done": count[0], "parent_rss_mb": round(me.memory_info().rss / 2**20, 1),
                                "max_child_rss_mb": round(max(rss) / 2**20, 1) if rss else None})

        s = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=args.workers, progress=False,
                            on_document=sample, fsync=not args.no_fsync, timeout=args.timeout)
        emit({"bench": "memory", "documents": n, "workers": args.workers, "processed": s.processed,
              "acts": s.acts, "seconds": s.seconds, "docs_per_s": round(s.rate, 2),
              "peak_worker_rss_mb": s.peak_worker_rss_mb,
              "parent_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "samples": samples, "status": {k: v for k, v in s.status.items() if v}})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("throughput")
    p.add_argument("--copies", type=int, default=4)
    p.add_argument("--text-only", action="store_true")
    p.add_argument("--timeout", type=float, default=300)
    p.set_defaults(run=throughput)
    p = sub.add_parser("resume")
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--copies", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--min-delay", type=float, default=0.0)
    p.add_argument("--max-delay", type=float, default=2.0)
    p.add_argument("--text-only", action="store_true")
    p.set_defaults(run=resume)
    p = sub.add_parser("memory")
    p.add_argument("--docs", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--no-fsync", action="store_true")
    p.add_argument("--timeout", type=float, default=300)
    p.set_defaults(run=memory)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
