"""Whole archives: parse many documents into an output folder, in parallel, resumably.

``delibparse batch INPUT... -o OUT_DIR`` writes three JSON Lines files, all written by the parent
process only (workers just compute):

- ``documents.jsonl``: one ``Document`` per line without its acts, plus ``n_acts``;
- ``acts.jsonl``: one act per line, with its document's ``source``, ``sha256`` and ``act_index``;
- ``errors.jsonl``: one line per coded error (or per non-ok status) with the document's status.

Crash safety: a document's acts and errors lines are appended, flushed and fsynced first, then its
``documents.jsonl`` line. A document is *done* only once that line is complete. On restart the
partial last line of each file is cut, acts/errors lines of documents not done are dropped (they
can only sit at the files' tails), and done documents are skipped by sha256. So ``kill -9`` at any
moment loses nothing reported done and leaves no half record or duplicate.

The per-document function is named by module path (``"delibparse:parse"``) so that a worker
process, or a Dask worker, imports it itself.

>>> doc = run_one("/nonexistent/deliberation.pdf", func="delibparse.batch:_missing_ok")
>>> doc["status"], doc["errors"][0]["code"]
('failed', 'read.not_found')
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import importlib
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ._procs import main_hidden

PARSE_FUNC = "delibparse:parse"
# what a folder walk picks up (the reader sniffs the bytes; notes, JSON and Markdown are left out)
EXTENSIONS = frozenset({".pdf", ".txt", ".html", ".htm", ".xhtml", ".docx", ".odt",
                        ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
FILES = ("documents.jsonl", "acts.jsonl", "errors.jsonl")
STATUSES = ("ok", "partial", "failed", "no_act", "needs_ocr")

# coded errors the batch itself produces (the parser's own codes come from delibparse.errors)
E_TIMEOUT = "batch.timeout"
E_WORKER_DIED = "batch.worker_died"
E_EXCEPTION = "batch.exception"
E_NOT_FOUND = "read.not_found"


# --------------------------------------------------------------------------- inputs


def iter_inputs(inputs: Iterable[str], *, extensions: frozenset[str] = EXTENSIONS) -> Iterator[str]:
    """Stream input paths: files as given, folders walked recursively (known extensions only),
    globs (``**`` allowed), manifests ``@list.txt`` (one path per line, ``#`` comments, relative
    to the manifest) and fsspec URLs (``s3://...``) as given. Nothing is listed in memory."""
    for item in inputs:
        item = str(item)
        if item.startswith("@"):
            manifest = Path(item[1:])
            with open(manifest, encoding="utf-8") as fh:
                for line in fh:
                    line = line.strip()
                    if not line or line.startswith("#"):
                        continue
                    p = line if "://" in line or os.path.isabs(line) else str(manifest.parent / line)
                    yield from iter_inputs([p], extensions=extensions)
        elif "://" in item:
            yield item
        elif os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in extensions:
                        yield os.path.join(root, name)
        elif os.path.exists(item) or not glob.has_magic(item):
            yield item  # a missing file is reported as failed (read.not_found), never skipped silently
        else:
            for p in glob.iglob(item, recursive=True):
                if os.path.isdir(p):
                    yield from iter_inputs([p], extensions=extensions)
                else:
                    yield p


def sha256_of(source: str) -> str | None:
    """sha256 of a file's bytes (local path or fsspec URL); None if it cannot be read."""
    h = hashlib.sha256()
    try:
        if "://" in source:
            import fsspec

            opener: Any = fsspec.open(source, "rb")
        else:
            opener = open(source, "rb")
        with opener as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def doc_key(record: dict) -> str:
    """The resume key of a record line: its sha256, else its source path."""
    return record.get("sha256") or f"path:{record.get('source')}"


# --------------------------------------------------------------------------- the per-document call


def resolve(func: str | Callable[..., Any]) -> Callable[..., Any]:
    """'package.module:attr' -> the callable (imported where it runs)."""
    if callable(func):
        return func
    module, _, attr = func.partition(":")
    obj: Any = importlib.import_module(module)
    for part in (attr or "parse").split("."):
        obj = getattr(obj, part)
    return obj


def failed_document(source: str, sha256: str | None, code: str, message: str, *, status: str = "failed") -> dict:
    """A Document (as JSON) for a source that could not be parsed."""
    return {
        "source": source,
        "sha256": sha256,
        "status": status,
        "acts": [],
        "errors": [{"code": code, "message": message, "source": source, "page": None}],
        "warnings": [],
    }


def _to_dict(doc: Any) -> dict:
    if hasattr(doc, "model_dump"):
        return doc.model_dump(mode="json")
    if isinstance(doc, dict):
        return json.loads(json.dumps(doc, default=str))
    raise TypeError(f"the parse function returned {type(doc).__name__}, not a Document")


def run_one(source: str, *, sha256: str | None = None, func: str | Callable[..., Any] = PARSE_FUNC) -> dict:
    """Parse one source and return its Document as JSON-ready dict; never raises for a bad
    document (coded errors become a failed/needs_ocr Document). Runs in a worker process or on a
    Dask worker. An fsspec URL is copied to a local temporary file first."""
    tmp: str | None = None
    try:
        path = source
        if "://" in source:
            import fsspec

            suffix = os.path.splitext(source)[1]
            fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="delibparse-")
            with os.fdopen(fd, "wb") as out, fsspec.open(source, "rb") as fh:
                out.write(fh.read())
            path = tmp
        elif not os.path.exists(source):
            return failed_document(source, sha256, E_NOT_FOUND, "no such file")
        doc = _to_dict(resolve(func)(Path(path)))
    except Exception as exc:  # a document fails alone
        code = getattr(exc, "code", None)
        if isinstance(code, str):
            status = "needs_ocr" if code == "read.needs_ocr" else "failed"
            doc = failed_document(source, sha256, code, getattr(exc, "message", str(exc)), status=status)
            if getattr(exc, "page", None) is not None:
                doc["errors"][0]["page"] = getattr(exc, "page")
        else:
            doc = failed_document(source, sha256, E_EXCEPTION, f"{type(exc).__name__}: {exc}")
    finally:
        if tmp:
            os.unlink(tmp)
    doc["source"] = source
    if sha256:
        doc["sha256"] = sha256
    return doc


def _run_one_task(source: str, sha256: str | None, func: str) -> dict:
    """``run_one`` with positional arguments (``Client.submit`` owns the keyword ``func``)."""
    return run_one(source, sha256=sha256, func=func)


def _missing_ok(path: Path) -> dict:  # used by the module doctest only
    return {"source": str(path), "status": "ok", "acts": []}


# --------------------------------------------------------------------------- the output store


def _truncate_partial_tail(path: Path) -> None:
    """Cut a last line that has no newline (a write interrupted by a kill)."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        pos, block = size, 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            i = chunk.rfind(b"\n")
            if i >= 0:
                fh.truncate(start + i + 1)
                return
            pos = start
        fh.truncate(0)


def _reverse_lines(path: Path, *, block: int = 1 << 16) -> Iterator[tuple[int, bytes]]:
    """Complete lines of a file from the last to the first, with their start offset."""
    with open(path, "rb") as fh:
        pos = fh.seek(0, os.SEEK_END)
        tail = b""
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            buf = fh.read(pos - start) + tail
            pos = start
            lines = buf.split(b"\n")
            tail = lines[0]
            offset = start + len(lines[0]) + 1
            rest = []
            for line in lines[1:]:
                rest.append((offset, line))
                offset += len(line) + 1
            for off, line in reversed(rest):
                if line:
                    yield off, line
        if tail:
            yield 0, tail


def _drop_orphans(path: Path, done: set[str]) -> int:
    """Drop the tail lines of ``path`` that belong to documents not done; returns lines dropped."""
    if not path.exists():
        return 0
    cut, dropped = None, 0
    for offset, line in _reverse_lines(path):
        try:
            key = doc_key(json.loads(line))
        except ValueError:
            key = None
        if key is not None and key in done:
            break
        cut, dropped = offset, dropped + 1
    if cut is not None:
        with open(path, "rb+") as fh:
            fh.truncate(cut)
    return dropped


def _iter_json(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with open(path, "rb") as fh:
        for line in fh:
            try:
                yield json.loads(line)
            except ValueError:
                continue


class Store:
    """The three output files; only the parent process writes them (see the module docstring)."""

    def __init__(self, out_dir: str | Path, *, fsync: bool = True, retry: frozenset[str] = frozenset()):
        self.dir = Path(out_dir)
        self.fsync = fsync
        self.dir.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        self.recovered_orphans = 0
        self.forgotten = 0
        self._lock = open(self.dir / ".lock", "w")  # noqa: SIM115 - held for the Store's life
        try:
            import fcntl

            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX
            pass
        except OSError:
            self._lock.close()
            raise OSError(f"{self.dir} is being written by another batch run") from None
        self._recover()
        if retry:
            self._forget(retry)
        self._docs = open(self.dir / "documents.jsonl", "ab")
        self._acts = open(self.dir / "acts.jsonl", "ab")
        self._errs = open(self.dir / "errors.jsonl", "ab")

    def _recover(self) -> None:
        docs = self.dir / "documents.jsonl"
        for name in FILES:
            _truncate_partial_tail(self.dir / name)
        if docs.exists():
            with open(docs, "rb") as fh:
                for line in fh:
                    try:
                        self.done.add(doc_key(json.loads(line)))
                    except ValueError:
                        continue
        for name in ("acts.jsonl", "errors.jsonl"):
            self.recovered_orphans += _drop_orphans(self.dir / name, self.done)

    def _forget(self, statuses: frozenset[str]) -> None:
        """Drop the documents with one of ``statuses`` (and their acts and errors) so that they
        are parsed again. Files are rewritten to a temporary file then renamed; acts and errors
        first, so that an interruption never leaves lines of a document that is not done."""
        docs = self.dir / "documents.jsonl"
        keys = {doc_key(d) for d in _iter_json(docs) if d.get("status") in statuses}
        if not keys:
            return
        for name in ("acts.jsonl", "errors.jsonl", "documents.jsonl"):
            path = self.dir / name
            if not path.exists():
                continue
            tmp = path.with_suffix(".jsonl.tmp")
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                for line in src:
                    try:
                        if doc_key(json.loads(line)) in keys:
                            continue
                    except ValueError:
                        continue
                    dst.write(line)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, path)
        self.done -= keys
        self.forgotten = len(keys)

    def _sync(self, fh: Any) -> None:
        fh.flush()
        if self.fsync:
            os.fsync(fh.fileno())

    def write(self, doc: dict) -> None:
        """Append one parsed Document: acts and errors first, then its documents line."""
        doc = dict(doc)
        acts = doc.pop("acts", None) or []
        source, sha = doc.get("source"), doc.get("sha256")
        if acts:
            lines = [
                json.dumps({"source": source, "sha256": sha, "act_index": i, **act}, ensure_ascii=False)
                for i, act in enumerate(acts)
            ]
            self._acts.write(("\n".join(lines) + "\n").encode("utf-8"))
            self._sync(self._acts)
        errs = error_lines(doc)
        if errs:
            self._errs.write(("\n".join(json.dumps(e, ensure_ascii=False) for e in errs) + "\n").encode("utf-8"))
            self._sync(self._errs)
        doc["n_acts"] = len(acts)
        self._docs.write((json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"))
        self._sync(self._docs)
        self.done.add(doc_key(doc))

    def close(self) -> None:
        for fh in (self._acts, self._errs, self._docs):
            fh.close()
        self._lock.close()  # releases the flock


def error_lines(doc: dict) -> list[dict]:
    """errors.jsonl lines of one document: each coded error, or one ``status.<s>`` line for a
    document whose status is not ok and that carries no error."""
    base = {"source": doc.get("source"), "sha256": doc.get("sha256"), "status": doc.get("status")}
    lines = [{**base, "code": e.get("code"), "message": e.get("message"), "page": e.get("page")} for e in doc.get("errors") or []]
    if not lines and doc.get("status", "ok") != "ok":
        lines.append({**base, "code": f"status.{doc['status']}", "message": f"document status {doc['status']}", "page": None})
    return lines


# --------------------------------------------------------------------------- the local pool

_WARMUP_ENV = "DELIBPARSE_BATCH_WARMUP"
_WARMUP_TEXT = (
    "COMMUNE DE SAINT-AUBIN\nSéance du conseil municipal du 13 février 2024\n"
    "Présents : M. Paul LEROY, Mme Claire MARTIN. Absent excusé : M. Luc GARNIER (pouvoir à M. LEROY).\n"
    "Objet : Tarifs de la cantine scolaire\nVu le code général des collectivités territoriales,\n"
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE d'approuver les tarifs.\n"
)


def _warm_up() -> None:
    """In the fork server only: parse a small text once so that lazily built lexicons and
    compiled patterns are in memory before workers are forked (a replaced worker then starts
    warm). Triggered by an environment variable the pool sets while the server starts."""
    func = os.environ.pop(_WARMUP_ENV, None)
    if not func:
        return
    def give_up(signum: int, frame: Any) -> None:
        raise TimeoutError

    old = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(120)  # never let a stuck warm-up hold the pool
    try:
        resolve(func)(_WARMUP_TEXT)
        if func == PARSE_FUNC:
            from .pipeline import warm_up

            warm_up()  # every pattern compiled once here, not in each worker
    except Exception:
        pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _worker_main(conn: Any, func: str) -> None:
    """A worker: receive (task_id, source, sha256), send back (task_id, json, peak RSS kB)."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    try:
        resolve(func)
    except Exception:  # reported per document by run_one
        pass
    try:
        conn.send("ready")
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        task_id, source, sha = msg
        doc = run_one(source, sha256=sha, func=func)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            conn.send((task_id, json.dumps(doc, ensure_ascii=False), rss))
        except (BrokenPipeError, OSError):  # the parent is gone
            return


@dataclasses.dataclass(slots=True)
class _Slot:
    proc: Any
    conn: Any
    task: tuple[int, str, str | None] | None = None
    started: float = 0.0
    n_done: int = 0
    ready: bool = False  # the worker has imported the parse function (its start-up is not timed)


class LocalPool:
    """A process pool that survives its workers: a worker that dies (segfault, OOM kill, kill -9)
    or overruns the time limit is replaced and only its document fails."""

    def __init__(self, workers: int, *, func: str, timeout: float | None, max_tasks: int | None = None):
        import multiprocessing as mp

        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx: Any = mp.get_context(method)
        if method == "forkserver":
            preload = ["delibparse.batch", func.partition(":")[0]]
            if func == PARSE_FUNC:  # the package loads its pipeline lazily; fork workers with it loaded
                preload.append("delibparse.pipeline")
            self.ctx.set_forkserver_preload(preload)
        self.func, self.timeout, self.max_tasks = func, timeout, max_tasks
        warm = method == "forkserver" and func == PARSE_FUNC
        if warm:  # read by delibparse.batch when the fork server imports it (see _warm_up)
            os.environ[_WARMUP_ENV] = func
        try:
            self.slots = [self._spawn() for _ in range(max(1, workers))]
        finally:
            if warm:
                os.environ.pop(_WARMUP_ENV, None)
        self.peak_rss_kb: dict[int, int] = {}

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.func), daemon=False)  # the parser may start processes
        if self.func.partition(":")[0] == "__main__":  # the worker's function is defined in the caller's script
            proc.start()
        else:
            with main_hidden():  # workers need delibparse and the function's module, not the caller's script
                proc.start()
        child.close()
        return _Slot(proc, parent)

    def _replace(self, slot: _Slot, *, kill: bool) -> None:
        if kill and slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(timeout=5)
        slot.conn.close()
        new = self._spawn()
        slot.proc, slot.conn, slot.task, slot.n_done, slot.ready = new.proc, new.conn, None, 0, False

    def run(self, tasks: Iterator[tuple[int, str, str | None]]) -> Iterator[dict]:
        """Yield one Document dict per task, in completion order."""
        from multiprocessing.connection import wait

        exhausted = False
        start_failures = 0
        while True:
            for slot in self.slots:
                if slot.ready and slot.task is None and not exhausted:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    slot.task, slot.started = task, time.monotonic()
                    try:
                        slot.conn.send(task)
                    except (BrokenPipeError, OSError):
                        pass  # seen as a dead worker below
            busy = [s for s in self.slots if s.task is not None]
            starting = [s for s in self.slots if not s.ready]
            if not busy and (exhausted or not starting):
                return
            wait_for = None
            if self.timeout and busy:
                wait_for = max(0.0, min(s.started + self.timeout for s in busy) - time.monotonic())
            handles = {}
            for s in busy + starting:
                handles[s.conn] = s
                handles[s.proc.sentinel] = s
            ready = wait(list(handles), timeout=wait_for)
            handled: set[int] = set()
            for h in ready:
                slot = handles[h]
                if id(slot) in handled:
                    continue
                handled.add(id(slot))
                if not slot.ready:
                    if self._hello(slot):
                        start_failures = 0
                        continue
                    start_failures += 1
                    if start_failures > 3 * len(self.slots):
                        raise RuntimeError(f"batch workers die at start-up (exit code {slot.proc.exitcode})")
                    self._replace(slot, kill=True)
                    continue
                if slot.task is not None:
                    yield self._collect(slot)
            if self.timeout:
                now = time.monotonic()
                for slot in busy:
                    if slot.task is not None and id(slot) not in handled and now - slot.started >= self.timeout:
                        _, source, sha = slot.task
                        self._replace(slot, kill=True)
                        yield failed_document(source, sha, E_TIMEOUT, f"no result after {self.timeout:g} s; worker killed")

    def _hello(self, slot: _Slot) -> bool:
        """Read a starting worker's 'ready'; False if it died instead."""
        try:
            if slot.conn.poll() and slot.conn.recv() == "ready":
                slot.ready = True
                return True
        except (EOFError, OSError):
            pass
        return False

    def _collect(self, slot: _Slot) -> dict:
        assert slot.task is not None
        _, source, sha = slot.task
        try:
            if slot.conn.poll():
                _, payload, rss = slot.conn.recv()
                pid = slot.proc.pid
                self.peak_rss_kb[pid] = max(self.peak_rss_kb.get(pid, 0), rss)
                slot.task = None
                slot.n_done += 1
                if self.max_tasks and slot.n_done >= self.max_tasks:
                    slot.conn.send(None)
                    self._replace(slot, kill=False)
                return json.loads(payload)
        except (EOFError, OSError):
            pass
        slot.proc.join(timeout=5)
        code = slot.proc.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        self._replace(slot, kill=True)
        return failed_document(source, sha, E_WORKER_DIED, f"worker died ({how}) while parsing")

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + 2
        for slot in self.slots:
            slot.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join()
            slot.conn.close()


# --------------------------------------------------------------------------- the Dask engine


def _warm_worker() -> None:
    from .pipeline import warm_up

    warm_up()


def _run_dask(
    tasks: Iterator[tuple[int, str, str | None]],
    *,
    func: str,
    workers: int,
    timeout: float | None,
    scheduler: str | None,
    client: Any = None,
) -> Iterator[dict]:
    """Same per-document function on a Dask distributed cluster (``scheduler`` address, else a
    LocalCluster of ``workers`` processes). At most 2 tasks per worker thread are in flight."""
    from dask.distributed import Client, LocalCluster, wait
    from distributed import TimeoutError as DaskTimeout

    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            import dask

            # worker processes may start processes of their own (the PDF reader isolates pdfium)
            # a document that kills its worker is retried once, then reported (KilledWorker)
            with dask.config.set({"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 1}):
                own_cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            client = Client(own_cluster)
        own_client = True
    else:
        own_client = False
    try:
        if func == PARSE_FUNC:
            try:  # compile the patterns once per worker before the first document (see pipeline.warm_up)
                client.run(_warm_worker)
            except Exception:  # noqa: BLE001 - a cold worker still parses, only slower
                pass
        threads = sum(client.nthreads().values()) or workers
        limit = max(2, 2 * threads)
        inflight: dict[Any, tuple[str, str | None, float]] = {}
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                _, source, sha = task
                fut = client.submit(_run_one_task, source, sha, func, pure=False, retries=0)
                inflight[fut] = (source, sha, time.monotonic())
            if not inflight:
                return
            wait_for = None
            if timeout:
                wait_for = max(0.05, min(t for _, _, t in inflight.values()) + timeout - time.monotonic())
            try:
                done = wait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED").done
            except (DaskTimeout, TimeoutError):
                done = set()
            for fut in done:
                source, sha, _ = inflight.pop(fut)
                try:
                    yield fut.result()
                except Exception as exc:  # KilledWorker, lost data, unpicklable result ...
                    name = type(exc).__name__
                    code = E_WORKER_DIED if name == "KilledWorker" else E_EXCEPTION
                    yield failed_document(source, sha, code, f"{name}: {exc}")
            if timeout:
                now = time.monotonic()
                for fut, (source, sha, t0) in list(inflight.items()):
                    if now - t0 >= timeout:
                        fut.cancel()
                        del inflight[fut]
                        yield failed_document(source, sha, E_TIMEOUT, f"no result after {timeout:g} s (task cancelled)")
    finally:
        if own_client:
            client.close()
        if own_cluster is not None:
            own_cluster.close()


# --------------------------------------------------------------------------- the run


@dataclasses.dataclass(slots=True)
class Summary:
    """What one ``run_batch`` did."""

    out_dir: str
    seen: int = 0
    skipped_done: int = 0
    skipped_duplicate: int = 0
    processed: int = 0
    acts: int = 0
    status: dict[str, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0
    startup_seconds: float = 0.0  # starting the local pool (fork server warm-up included)
    peak_worker_rss_mb: float | None = None
    parent_rss_mb: float | None = None
    interrupted: bool = False

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["docs_per_s"] = round(self.rate, 3)
        steady = self.seconds - self.startup_seconds
        d["docs_per_s_after_startup"] = round(self.processed / steady, 3) if steady > 0 else 0.0
        return d


def run_batch(
    inputs: Iterable[str],
    out_dir: str | Path,
    *,
    workers: int = 1,
    timeout: float | None = 300.0,
    engine: str = "local",
    scheduler: str | None = None,
    func: str = PARSE_FUNC,
    fsync: bool = True,
    max_tasks_per_worker: int | None = 1000,
    progress: bool | None = None,
    on_document: Callable[[dict], None] | None = None,
    dask_client: Any = None,
    extensions: frozenset[str] = EXTENSIONS,
    retry: Iterable[str] = (),
) -> Summary:
    """Parse every input into ``out_dir`` (see the module docstring); resumable.

    Args:
        progress: a rich progress bar on stderr; None = only when stderr is a terminal.
        max_tasks_per_worker: recycle a local worker after that many documents (bounds memory).
        retry: statuses to parse again (e.g. ``{"failed"}``) instead of skipping them as done.
    """
    import resource

    t0 = time.monotonic()
    store = Store(out_dir, fsync=fsync, retry=frozenset(retry))
    summary = Summary(str(out_dir))
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    total = None
    if show:
        total = sum(1 for _ in iter_inputs(inputs, extensions=extensions)) if isinstance(inputs, (list, tuple)) else None
    dispatched: set[str] = set()

    def tasks() -> Iterator[tuple[int, str, str | None]]:
        for i, source in enumerate(iter_inputs(inputs, extensions=extensions)):
            summary.seen += 1
            sha = sha256_of(source)  # in the parent, so that the resume key exists before dispatch
            key = sha or f"path:{source}"
            if key in store.done and key not in dispatched:
                summary.skipped_done += 1
                advance()
                continue
            if key in dispatched:
                summary.skipped_duplicate += 1
                advance()
                continue
            dispatched.add(key)
            yield i, source, sha

    def advance() -> None:
        if bar is not None:
            bar[0].update(bar[1], advance=1)

    if engine == "local":
        pool: Any = LocalPool(workers, func=func, timeout=timeout, max_tasks=max_tasks_per_worker)
        summary.startup_seconds = round(time.monotonic() - t0, 3)
        results = pool.run(tasks())
    elif engine == "dask":
        pool = None
        results = _run_dask(tasks(), func=func, workers=workers, timeout=timeout, scheduler=scheduler, client=dask_client)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    try:
        if show:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            prog = Progress(
                TextColumn("[bold]batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.2f} doc/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[failed]} failed"),
                transient=False,
            )
            prog.start()
            bar = (prog, prog.add_task("batch", total=total, rate=0.0, failed=0))
        for doc in results:
            store.write(doc)
            summary.processed += 1
            summary.acts += len(doc.get("acts") or [])
            st = doc.get("status", "ok")
            summary.status[st] = summary.status.get(st, 0) + 1
            if on_document:
                on_document(doc)
            if bar is not None:
                el = time.monotonic() - t0
                bar[0].update(bar[1], advance=1, rate=summary.processed / el if el else 0.0, failed=summary.status["failed"])
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if bar is not None:
            bar[0].stop()
        if pool is not None:
            pool.close()
            if pool.peak_rss_kb:
                summary.peak_worker_rss_mb = round(max(pool.peak_rss_kb.values()) / 1024, 1)
        elif hasattr(results, "close"):
            results.close()
        store.close()
    summary.seconds = round(time.monotonic() - t0, 3)
    summary.parent_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return summary


# --------------------------------------------------------------------------- CLI


def add_subcommands(subparsers: Any) -> None:
    """Register ``batch`` on an argparse subparsers object (``func=`` -> exit code)."""
    p = subparsers.add_parser(
        "batch",
        help="parse many documents into OUT_DIR (acts.jsonl, documents.jsonl, errors.jsonl), resumable",
        description="Parse files, folders (recursive), globs or @manifest lists into OUT_DIR. "
        "A rerun skips documents already done (by sha256).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, glob or @list.txt")
    p.add_argument("-o", "--out", required=True, metavar="OUT_DIR")
    p.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    p.add_argument("--timeout", type=float, default=300.0, metavar="S", help="per-document time limit (0: none)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDR",
                   help="Dask scheduler address (tcp://host:8786; implies --engine dask); default a LocalCluster")
    p.add_argument("--func", dest="parse_func", default=PARSE_FUNC, metavar="MODULE:ATTR", help="per-document function (default %(default)s)")
    p.add_argument("--max-tasks-per-worker", type=int, default=1000, metavar="N", help="recycle local workers (0: never)")
    p.add_argument("--no-fsync", action="store_true", help="flush without fsync (faster; still safe against kill -9)")
    p.add_argument("--ext", action="append", metavar=".EXT",
                   help="file extensions taken from folders (repeatable; default: " + " ".join(sorted(EXTENSIONS)) + ")")
    p.add_argument("--retry", action="append", choices=STATUSES, metavar="STATUS",
                   help="parse again the documents done with this status (repeatable), e.g. --retry failed")
    p.add_argument("--quiet", action="store_true", help="no progress bar even on a terminal")
    p.set_defaults(func=_cmd_batch)


def _cmd_batch(args: Any) -> int:
    try:
        summary = run_batch(
            args.inputs,
            args.out,
            workers=args.workers,
            timeout=args.timeout or None,
            engine="dask" if args.scheduler else args.engine,
            scheduler=args.scheduler,
            func=args.parse_func,
            fsync=not args.no_fsync,
            max_tasks_per_worker=args.max_tasks_per_worker or None,
            progress=False if args.quiet else None,
            retry=args.retry or (),
            extensions=frozenset(e.lower() if e.startswith(".") else f".{e.lower()}" for e in args.ext) if args.ext else EXTENSIONS,
        )
    except (OSError, ValueError) as exc:
        print(f"delibparse batch: {exc}", file=sys.stderr)
        return 2
    s = summary
    st = ", ".join(f"{k} {v}" for k, v in s.status.items() if v)
    print(
        f"delibparse batch: {s.processed} documents ({st or 'none'}), {s.acts} acts, "
        f"{s.skipped_done} already done, {s.skipped_duplicate} duplicates, {s.rate:.2f} doc/s -> {s.out_dir}",
        file=sys.stderr,
    )
    if s.interrupted:
        return 130
    return 1 if s.status.get("failed") else 0


def main(argv: list[str] | None = None) -> int:
    """The ``batch`` subcommand alone: ``python3 -c 'from delibparse.batch import main; main()' IN -o OUT``."""
    import argparse

    parser = argparse.ArgumentParser(prog="delibparse")
    sub = parser.add_subparsers(dest="command", required=True)
    add_subcommands(sub)
    args = parser.parse_args(["batch", *(sys.argv[1:] if argv is None else argv)])
    return int(args.func(args))


if os.environ.get(_WARMUP_ENV):  # set only while a LocalPool starts its fork server
    _warm_up()
