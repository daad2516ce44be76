"""Export a batch output folder (acts.jsonl, documents.jsonl) to SCDL CSV, Parquet or a flat CSV.

- ``scdl``: SCDL Délibérations 2.1.5, one row per deliberation (see ``delibparse.scdl`` for the
  mapping); the file is then validated offline and every row that cannot be valid is reported
  (stderr and ``<FILE>.report.json``), never dropped.
- ``parquet``: the nested record (vote struct, lists, provenance map), one row per act, plus
  ``documents`` in a second file; via pyarrow.
- ``csv``: one flat row per act; lists joined with ``;`` (SCDL convention for several values).

>>> flat_row({"numero": "12", "vote": {"pour": 9, "contre": 1}, "presents": ["A B", "C D"]})["vote.pour"]
9
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import scdl

BATCH_ROWS = 2_000


def iter_jsonl(path: str | Path) -> Iterator[dict]:
    """Stream the records of a JSON Lines file (a missing file is empty; a torn last line skipped)."""
    path = Path(path)
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except ValueError:
                continue


# --------------------------------------------------------------------------- types from the record


def _unwrap(ann: Any) -> Any:
    """Drop ``None`` from ``X | None``."""
    if typing.get_origin(ann) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    return ann


def _is_model(ann: Any) -> bool:
    return isinstance(ann, type) and hasattr(ann, "model_fields")


def _model_fields(model: Any, *, skip: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    return [(name, f.annotation) for name, f in model.model_fields.items() if name not in skip]


def arrow_type(ann: Any) -> Any:
    """The pyarrow type of a record annotation (dates as date32, models as structs, dict as map)."""
    import pyarrow as pa

    ann = _unwrap(ann)
    origin = typing.get_origin(ann)
    if _is_model(ann):
        return pa.struct([pa.field(n, arrow_type(a)) for n, a in _model_fields(ann)])
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(ann)[0]))
    if origin is tuple:
        return pa.list_(arrow_type(typing.get_args(ann)[0]))
    if origin is dict:
        k, v = typing.get_args(ann)
        return pa.map_(arrow_type(k), arrow_type(v))
    if ann is bool:
        return pa.bool_()
    if ann is int:
        return pa.int64()
    if ann is float:
        return pa.float64()
    if ann is dt.date:
        return pa.date32()
    return pa.string()  # str, Literal[...]


def duckdb_type(ann: Any) -> str:
    """The DuckDB type of a record annotation, for ``read_json(columns=...)``.

    >>> from delibparse.record import Vote
    >>> duckdb_type(Vote).startswith('STRUCT("pour" BIGINT')
    True
    """
    ann = _unwrap(ann)
    origin = typing.get_origin(ann)
    if _is_model(ann):
        inner = ", ".join(f'"{n}" {duckdb_type(a)}' for n, a in _model_fields(ann))
        return f"STRUCT({inner})"
    if origin in (list, tuple):
        return f"{duckdb_type(typing.get_args(ann)[0])}[]"
    if origin is dict:
        k, v = typing.get_args(ann)
        return f"MAP({duckdb_type(k)}, {duckdb_type(v)})"
    if ann is bool:
        return "BOOLEAN"
    if ann is int:
        return "BIGINT"
    if ann is float:
        return "DOUBLE"
    if ann is dt.date:
        return "DATE"
    return "VARCHAR"


def act_columns() -> list[tuple[str, Any]]:
    """(name, annotation) of an acts.jsonl line: source, sha256, act_index, then every Act field."""
    from .record import Act

    return [("source", str), ("sha256", str | None), ("act_index", int), *_model_fields(Act)]


def document_columns() -> list[tuple[str, Any]]:
    """(name, annotation) of a documents.jsonl line: every Document field but acts, plus n_acts."""
    from .record import Document

    return [*_model_fields(Document, skip=("acts",)), ("n_acts", int)]


def _to_arrow_value(value: Any, ann: Any) -> Any:
    if value is None:
        return None
    ann = _unwrap(ann)
    origin = typing.get_origin(ann)
    if _is_model(ann):
        return {n: _to_arrow_value(value.get(n), a) for n, a in _model_fields(ann)}
    if origin in (list, tuple):
        inner = typing.get_args(ann)[0]
        return [_to_arrow_value(v, inner) for v in value]
    if origin is dict:
        k, v = typing.get_args(ann)
        return [(_to_arrow_value(key, k), _to_arrow_value(val, v)) for key, val in value.items()]
    if ann is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def _write_parquet(records: Iterator[dict], cols: list[tuple[str, Any]], dest: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(n, arrow_type(a)) for n, a in cols])
    n = 0
    with _open_dest(dest, "wb") as fh, pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        batch: list[dict] = []

        def flush() -> None:
            if batch:
                arrays = {name: [_to_arrow_value(r.get(name), ann) for r in batch] for name, ann in cols}
                writer.write_table(pa.Table.from_pydict(arrays, schema=schema))
                batch.clear()

        for rec in records:
            batch.append(rec)
            n += 1
            if len(batch) >= BATCH_ROWS:
                flush()
        flush()
    return n


def _open_dest(dest: str | Path, mode: str) -> Any:
    """Open a local path or an fsspec URL (``s3://bucket/acts.parquet``) for writing."""
    dest = str(dest)
    if "://" in dest:
        import fsspec

        return fsspec.open(dest, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {}))
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    if "b" in mode:
        return open(dest, mode)  # noqa: SIM115 - the caller closes it
    return open(dest, mode, encoding="utf-8", newline="")  # noqa: SIM115


def export_parquet(out_dir: str | Path, dest: str | Path | None = None) -> dict[str, Any]:
    """acts.jsonl -> ``dest`` (default OUT_DIR/acts.parquet) and documents.jsonl ->
    ``<dest stem>.documents.parquet``; nested columns kept."""
    out_dir = Path(out_dir)
    dest = str(dest or out_dir / "acts.parquet")
    docs_dest = dest[: -len(".parquet")] + ".documents.parquet" if dest.endswith(".parquet") else dest + ".documents"
    n_acts = _write_parquet(iter_jsonl(out_dir / "acts.jsonl"), act_columns(), dest)
    n_docs = _write_parquet(iter_jsonl(out_dir / "documents.jsonl"), document_columns(), docs_dest)
    return {"acts": n_acts, "documents": n_docs, "files": [dest, docs_dest]}


# --------------------------------------------------------------------------- flat CSV


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict) and "de" in v:
                parts.append(f"{v.get('de')} > {v.get('a') or ''}".strip())
            elif isinstance(v, dict) and "code" in v:
                parts.append(str(v["code"]))
            else:
                parts.append(str(v))
        return ";".join(parts)
    return value


def flat_row(act: Mapping[str, Any]) -> dict[str, Any]:
    """One flat CSV row of an act: vote.* spread, lists joined with ';' (pouvoirs 'de > a',
    warnings as their codes), provenance left out (see Parquet/JSON for it)."""
    row: dict[str, Any] = {}
    for key, value in act.items():
        if key == "provenance":
            continue
        if key == "vote" and isinstance(value, dict):
            for k, v in value.items():
                row[f"vote.{k}"] = _flat(v)
        elif key == "span" and isinstance(value, list):
            row[key] = "-".join(map(str, value))
        else:
            row[key] = _flat(value)
    return row


def flat_columns() -> list[str]:
    from .record import Vote

    cols: list[str] = []
    for name, _ in act_columns():
        if name == "provenance":
            continue
        if name == "vote":
            cols.extend(f"vote.{n}" for n in Vote.model_fields)
        else:
            cols.append(name)
    return cols


def export_csv(out_dir: str | Path, dest: str | Path | None = None) -> dict[str, Any]:
    """acts.jsonl -> one flat CSV row per act (UTF-8, comma, header)."""
    out_dir = Path(out_dir)
    n = 0
    with _open_dest(dest, "w") if dest else _stdout() as fh:
        writer = csv.DictWriter(fh, fieldnames=flat_columns(), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for act in iter_jsonl(out_dir / "acts.jsonl"):
            writer.writerow(flat_row(act))
            n += 1
    return {"acts": n, "files": [str(dest) if dest else "-"]}


class _stdout:
    def __enter__(self) -> Any:
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()


# --------------------------------------------------------------------------- SCDL


def load_config(path: str | Path | None) -> dict[str, Any]:
    """The small YAML file of SCDL options (see docs/batch.md); {} when none."""
    if not path:
        return {}
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the SCDL config must be a mapping")
    return data


def scdl_rows(
    out_dir: str | Path, *, options: scdl.ScdlOptions, all_natures: bool = False
) -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """(act, SCDL row) for every deliberation of acts.jsonl (other natures only if ``all_natures``)."""
    for act in iter_jsonl(Path(out_dir) / "acts.jsonl"):
        if not all_natures and act.get("nature", "deliberation") != "deliberation":
            continue
        yield act, scdl.row_from_act(act, options=options)


def export_scdl(
    out_dir: str | Path,
    dest: str | Path | None = None,
    *,
    options: scdl.ScdlOptions | None = None,
    report: str | Path | None = None,
    all_natures: bool = False,
) -> dict[str, Any]:
    """Write the SCDL CSV (stdout if no ``dest``) and validate it; returns the report as a dict
    (also written to ``report``, default ``<dest>.report.json`` when ``dest`` is a file)."""
    options = options or scdl.ScdlOptions()
    origins: list[tuple[str | None, int | None]] = []
    skipped = 0

    def rows() -> Iterator[dict[str, str]]:
        nonlocal skipped
        for act in iter_jsonl(Path(out_dir) / "acts.jsonl"):
            if not all_natures and act.get("nature", "deliberation") != "deliberation":
                skipped += 1
                continue
            origins.append((act.get("source"), act.get("act_index")))
            yield scdl.row_from_act(act, options=options)

    local_file = dest is not None and "://" not in str(dest)
    if local_file:
        assert dest is not None
        with _open_dest(dest, "w") as fh:
            n = scdl.write_csv(rows(), fh)
        rep = scdl.validate_csv(dest)
    else:
        issues: list[scdl.Issue] = []
        with _open_dest(dest, "w") if dest else _stdout() as fh:

            def checked() -> Iterator[dict[str, str]]:
                for i, row in enumerate(rows(), start=1):
                    issues.extend(scdl.check_row(row, row_number=i, table_schema=True))
                    yield row

            n = scdl.write_csv(checked(), fh)
        rep = scdl.Report(str(dest or "-"), rows=n, issues=issues)
    out = rep.as_dict()
    out["skipped_not_deliberation"] = skipped
    for issue in out["issues"]:
        if 0 < issue["row"] <= len(origins):
            issue["source"], issue["act_index"] = origins[issue["row"] - 1]
    report_path = report or (f"{dest}.report.json" if local_file else None)
    if report_path:
        Path(report_path).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        out["report"] = str(report_path)
    return out


def print_report(rep: Mapping[str, Any], *, limit: int = 10, file: Any = None) -> None:
    """A short human summary of a validation report (stderr): counts per check and column,
    then the first ``limit`` rows that cannot be valid, one line each."""
    from collections import Counter

    file = file or sys.stderr
    verdict = "valid" if rep["valid"] else f"{rep['invalid_rows']} of {rep['rows']} rows cannot be valid"
    print(f"SCDL {rep['path']}: {rep['rows']} rows, {verdict} (Table Schema: {rep['engine']})", file=file)
    if rep.get("skipped_not_deliberation"):
        print(f"  {rep['skipped_not_deliberation']} acts not exported: nature is not 'deliberation'", file=file)
    counts = Counter((i["check"], i.get("column") or "-") for i in rep["issues"])
    for (check, column), n in counts.most_common():
        print(f"  {n:6d} x {check} {column}", file=file)
    by_row: dict[int, list[Mapping[str, Any]]] = {}
    for issue in rep["issues"]:
        by_row.setdefault(issue["row"], []).append(issue)
    for row, issues in list(by_row.items())[:limit]:
        first = issues[0]
        where = f"row {row}" if row else "file"
        src = f" [{first['source']}#{first.get('act_index')}]" if first.get("source") else ""
        what = "; ".join(f"{i.get('column') or i['check']}: {i['message']}" for i in issues)
        print(f"  {where}{src} {what}", file=file)
    if len(by_row) > limit:
        more = f"; all in {rep['report']}" if rep.get("report") else ""
        print(f"  ... {len(by_row) - limit} more rows{more}", file=file)


# --------------------------------------------------------------------------- CLI


def add_subcommands(subparsers: Any) -> None:
    """Register ``export`` on an argparse subparsers object (``func=`` -> exit code)."""
    p = subparsers.add_parser(
        "export",
        help="export a batch OUT_DIR to SCDL CSV, Parquet or flat CSV; or validate an SCDL CSV",
        description="Export OUT_DIR (from `delibparse batch`) --to scdl|parquet|csv, or check an "
        "existing SCDL Délibérations CSV with --validate FILE.csv.",
    )
    p.add_argument("out_dir", nargs="?", metavar="OUT_DIR")
    p.add_argument("--to", choices=("scdl", "parquet", "csv"), default="scdl")
    p.add_argument("-o", "--output", metavar="FILE", help="destination (path or fsspec URL); stdout for csv/scdl")
    p.add_argument("--coll-siret", metavar="S", help="COLL_SIRET for every row (else from --config)")
    p.add_argument("--coll-nom", metavar="NAME", help="COLL_NOM for every row (else from the record)")
    p.add_argument("--matiere", metavar="CODE", help="ACTES code for every row, e.g. 5.2 (else from --config)")
    p.add_argument("--config", metavar="FILE", help="YAML SCDL options (see docs/batch.md)")
    p.add_argument("--report", metavar="FILE", help="validation report JSON (default FILE.report.json)")
    p.add_argument("--all-natures", action="store_true", help="also export acts whose nature is not deliberation")
    p.add_argument("--validate", metavar="CSV", help="validate an existing SCDL CSV and exit")
    p.set_defaults(func=_cmd_export)


def _cmd_export(args: Any) -> int:
    try:
        if args.validate:
            rep = scdl.validate_csv(args.validate).as_dict()
            if args.report:
                Path(args.report).write_text(json.dumps(rep, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                rep["report"] = args.report
            print_report(rep)
            return 0 if rep["valid"] else 1
        if not args.out_dir:
            print("delibparse export: OUT_DIR is required (or --validate FILE.csv)", file=sys.stderr)
            return 2
        if not (Path(args.out_dir) / "documents.jsonl").exists():
            print(f"delibparse export: {args.out_dir} is not a batch output folder", file=sys.stderr)
            return 2
        if args.to == "parquet":
            res = export_parquet(args.out_dir, args.output)
            print(f"delibparse export: {res['acts']} acts, {res['documents']} documents -> {', '.join(res['files'])}", file=sys.stderr)
            return 0
        if args.to == "csv":
            export_csv(args.out_dir, args.output)
            return 0
        options = scdl.ScdlOptions.from_config(
            load_config(args.config), coll_siret=args.coll_siret, coll_nom=args.coll_nom, matiere_code=args.matiere
        )
        rep = export_scdl(args.out_dir, args.output, options=options, report=args.report, all_natures=args.all_natures)
        print_report(rep)
        return 0 if rep["valid"] else 1
    except (OSError, ValueError) as exc:
        print(f"delibparse export: {exc}", file=sys.stderr)
        return 2
