"""Shared helpers for batch tests: write fake inputs, run the CLI in a subprocess, check an OUT_DIR."""

from __future__ import annotations

import collections
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def write_inputs(folder: Path, specs: dict[str, str]) -> list[Path]:
    """Write one small text file per name with its directive (see batch_fakes.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, directive in specs.items():
        p = folder / name
        p.write_text(directive + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def batch_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from delibparse.batch import main; sys.exit(main())", *args]


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO), env.get("PYTHONPATH", "")])
    return env


def read_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    raw = path.read_bytes()
    assert not raw or raw.endswith(b"\n"), f"{path.name}: partial last line"
    return [json.loads(line) for line in raw.decode("utf-8").splitlines() if line]


def check_out_dir(out: Path) -> dict:
    """The crash-safety invariants: every line whole, no duplicate document or act, every act line
    belongs to a done document and every done document has exactly its n_acts act lines."""
    docs = read_lines(out / "documents.jsonl")
    acts = read_lines(out / "acts.jsonl")
    errs = read_lines(out / "errors.jsonl")
    keys = [d.get("sha256") or d["source"] for d in docs]
    dup_docs = [k for k, n in collections.Counter(keys).items() if n > 1]
    act_ids = [(a.get("sha256") or a["source"], a["act_index"]) for a in acts]
    dup_acts = [k for k, n in collections.Counter(act_ids).items() if n > 1]
    per_doc = collections.Counter(k for k, _ in act_ids)
    orphan_acts = [k for k in per_doc if k not in set(keys)]
    wrong_counts = [k for d, k in zip(docs, keys) if per_doc.get(k, 0) != d["n_acts"]]
    orphan_errs = [e for e in errs if (e.get("sha256") or e["source"]) not in set(keys)]
    return {
        "documents": len(docs),
        "acts": len(acts),
        "duplicate_documents": dup_docs,
        "duplicate_acts": dup_acts,
        "orphan_acts": orphan_acts,
        "orphan_errors": orphan_errs,
        "wrong_act_counts": wrong_counts,
    }
