"""delibparse batch: inputs, statuses and coded errors, dead workers, timeouts, resume, kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from batch_helpers import (
    batch_cmd,
    check_out_dir,
    read_lines,
    subprocess_env,
    write_inputs,
)

from delibparse import batch

FAKE = "batch_fakes:parse"


def test_inputs_folders_globs_manifests_and_missing_files(tmp_path):
    write_inputs(tmp_path / "a" / "b", {"x.txt": "ACTS 1", "y.pdf": "ACTS 1", "notes.json": "{}", "notes.md": "x"})
    write_inputs(tmp_path / "c", {"z.txt": "ACTS 1"})
    manifest = tmp_path / "list.txt"
    manifest.write_text("# one path per line\nc/z.txt\n\nmissing.pdf\n", encoding="utf-8")
    found = list(batch.iter_inputs([str(tmp_path / "a"), str(tmp_path / "c" / "*.txt"), f"@{manifest}"]))
    names = [Path(p).name for p in found]
    assert names == ["x.txt", "y.pdf", "z.txt", "z.txt", "missing.pdf"]  # .json and .md skipped in folders


def test_statuses_dead_worker_timeout_and_coded_errors(tmp_path):
    write_inputs(tmp_path / "in", {
        "ok2.txt": "ACTS 2", "ok3.txt": "ACTS 3", "segv.txt": "CRASH", "exit.txt": "EXIT",
        "slow.txt": "SLEEP 30", "raise.txt": "RAISE", "scan.txt": "OCR", "empty.txt": "ACTS 0",
        "after.txt": "ACTS 1",
    })
    t0 = time.monotonic()
    s = batch.run_batch([str(tmp_path / "in"), str(tmp_path / "gone.pdf")], tmp_path / "out",
                        workers=2, timeout=1.5, func=FAKE, progress=False)
    assert time.monotonic() - t0 < 20
    assert s.processed == 10 and s.acts == 6
    assert s.status == {"ok": 3, "partial": 0, "failed": 5, "no_act": 1, "needs_ocr": 1}
    errs = {Path(e["source"]).name: e for e in read_lines(tmp_path / "out" / "errors.jsonl")}
    assert errs["segv.txt"]["code"] == "batch.worker_died" and "SIGSEGV" in errs["segv.txt"]["message"]
    assert errs["exit.txt"]["code"] == "batch.worker_died" and "exit code 3" in errs["exit.txt"]["message"]
    assert errs["slow.txt"]["code"] == "batch.timeout"
    assert errs["raise.txt"]["code"] == "batch.exception"
    assert errs["scan.txt"]["code"] == "read.needs_ocr" and errs["scan.txt"]["status"] == "needs_ocr"
    assert errs["gone.pdf"]["code"] == "read.not_found"
    assert errs["empty.txt"]["code"] == "status.no_act"
    assert "ok2.txt" not in errs
    inv = check_out_dir(tmp_path / "out")
    assert inv["documents"] == 10 and inv["acts"] == 6
    assert not any(inv[k] for k in ("duplicate_documents", "duplicate_acts", "orphan_acts", "wrong_act_counts"))
    act = read_lines(tmp_path / "out" / "acts.jsonl")[0]
    assert list(act)[:3] == ["source", "sha256", "act_index"] and act["objet"]
    doc = read_lines(tmp_path / "out" / "documents.jsonl")[0]
    assert "acts" not in doc and "n_acts" in doc and len(doc["sha256"]) == 64


def test_rerun_skips_done_documents_and_duplicate_contents(tmp_path):
    write_inputs(tmp_path / "in", {"a.txt": "ACTS 2", "b.txt": "ACTS 1", "copy_of_a.txt": "ACTS 2"})
    s1 = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1, func=FAKE, progress=False)
    assert (s1.processed, s1.skipped_duplicate) == (2, 1)
    write_inputs(tmp_path / "in", {"c.txt": "ACTS 1 new"})
    s2 = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1, func=FAKE, progress=False)
    assert (s2.processed, s2.skipped_done) == (1, 3)
    assert check_out_dir(tmp_path / "out")["documents"] == 3


def test_recovery_cuts_partial_lines_and_drops_acts_of_unfinished_documents(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = {"source": "a.pdf", "sha256": "a" * 64, "status": "ok", "n_acts": 1}
    (out / "documents.jsonl").write_text(json.dumps(done) + "\n" + '{"source": "b.pdf", "sha', encoding="utf-8")
    act_a = {"source": "a.pdf", "sha256": "a" * 64, "act_index": 0, "objet": "Tarifs"}
    act_b = {"source": "b.pdf", "sha256": "b" * 64, "act_index": 0, "objet": "Budget"}
    (out / "acts.jsonl").write_text(
        json.dumps(act_a) + "\n" + json.dumps(act_b) + "\n" + json.dumps(act_b)[:20], encoding="utf-8")
    store = batch.Store(out)
    store.close()
    assert store.done == {"a" * 64}
    assert read_lines(out / "acts.jsonl") == [act_a]
    assert read_lines(out / "documents.jsonl") == [done]


def test_reverse_lines_reads_every_line_backwards(tmp_path):
    p = tmp_path / "f.jsonl"
    lines = [("x" * random.Random(i).randint(0, 50)) + str(i) for i in range(300)]
    p.write_text("\n".join(lines) + "\n")
    got = list(batch._reverse_lines(p, block=64))
    assert [line.decode() for _, line in got] == lines[::-1]
    data = p.read_bytes()
    assert all(data[off:off + len(line)] == line for off, line in got)


def test_kill_9_at_random_moments_loses_and_duplicates_nothing(tmp_path):
    rng = random.Random(7)
    specs = {f"d{i:03d}.txt": f"ACTS {i % 4} d{i}" for i in range(40)}  # distinct contents
    specs.update({f"s{i:03d}.txt": f"SLEEP 0.05 s{i}" for i in range(20)})
    write_inputs(tmp_path / "in", specs)
    out = tmp_path / "out"
    cmd = batch_cmd(str(tmp_path / "in"), "-o", str(out), "--workers", "2", "--func", FAKE, "--quiet")
    for _ in range(3):
        proc = subprocess.Popen(cmd, env=subprocess_env(), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.2))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        inv = check_out_dir_tolerant(out)
        assert not inv["duplicate_documents"]
    rc = subprocess.run(cmd, env=subprocess_env(), capture_output=True, timeout=120).returncode
    assert rc == 0
    inv = check_out_dir(out)
    assert inv["documents"] == 60
    assert inv["acts"] == sum(i % 4 for i in range(40)) + 20
    assert not any(inv[k] for k in ("duplicate_documents", "duplicate_acts", "orphan_acts", "wrong_act_counts"))


def check_out_dir_tolerant(out: Path) -> dict:
    """After a kill the files may end in a partial line or orphan acts (cleaned on restart):
    check only that the complete documents lines have no duplicate."""
    raw = (out / "documents.jsonl").read_bytes() if (out / "documents.jsonl").exists() else b""
    complete = raw[: raw.rfind(b"\n") + 1].decode().splitlines()
    keys = [json.loads(line)["sha256"] for line in complete]
    return {"duplicate_documents": len(keys) != len(set(keys))}


def test_subcommand_registration_and_exit_codes(tmp_path):
    import argparse

    parser = argparse.ArgumentParser(prog="delibparse")
    sub = parser.add_subparsers(dest="command")
    batch.add_subcommands(sub)
    write_inputs(tmp_path / "in", {"a.txt": "ACTS 1", "b.txt": "RAISE"})
    args = parser.parse_args(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                              "--workers", "1", "--func", FAKE, "--quiet", "--no-fsync"])
    assert args.func(args) == 1  # one document failed
    args = parser.parse_args(["batch", str(tmp_path / "in" / "a.txt"), "-o", str(tmp_path / "out2"),
                              "--func", FAKE, "--quiet"])
    assert args.func(args) == 0


def test_dask_local_cluster_runs_the_same_function(tmp_path):
    distributed = pytest.importorskip("distributed")
    write_inputs(tmp_path / "in", {"a.txt": "ACTS 2", "b.txt": "ACTS 1", "c.txt": "RAISE", "d.txt": "ACTS 0"})
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        s = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", engine="dask", func=FAKE,
                            dask_client=client, progress=False)
    assert s.processed == 4 and s.acts == 3
    assert s.status["failed"] == 1 and s.status["no_act"] == 1
    inv = check_out_dir(tmp_path / "out")
    assert inv["documents"] == 4 and not inv["orphan_acts"]


def test_retry_parses_failed_documents_again(tmp_path):
    write_inputs(tmp_path / "in", {"a.txt": "ACTS 2", "b.txt": f"FLAKY {tmp_path / 'marker'}"})
    s1 = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=2, func=FAKE, progress=False)
    assert s1.status["failed"] == 1
    s2 = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=2, func=FAKE, progress=False)
    assert (s2.processed, s2.skipped_done) == (0, 2)  # failed documents are done too
    s3 = batch.run_batch([str(tmp_path / "in")], tmp_path / "out", workers=2, func=FAKE,
                         progress=False, retry={"failed"})
    assert (s3.processed, s3.skipped_done, s3.status["ok"]) == (1, 1, 1)
    inv = check_out_dir(tmp_path / "out")
    assert inv["documents"] == 2 and not read_lines(tmp_path / "out" / "errors.jsonl")


def test_a_second_run_on_the_same_out_dir_is_refused_while_the_first_holds_it(tmp_path):
    first = batch.Store(tmp_path / "out")
    with pytest.raises(OSError, match="another batch run"):
        batch.Store(tmp_path / "out")
    first.close()
    batch.Store(tmp_path / "out").close()
