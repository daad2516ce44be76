"""The command line: a thin shell over the API.

    delibparse parse FILE... [-o OUT] [--format json|jsonl] [--ocr auto|never|always]
    delibparse eval GOLD_DIR [--json OUT] [--errors] [--skip-pdf]
    delibparse schema [-o FILE]
    delibparse batch | export | query   (whole archives)

Exit codes: 0 ok, 1 some documents failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _parse_cmd(args: argparse.Namespace) -> int:
    from .pipeline import failed_document, parse
    from .errors import DelibparseError

    out = open(args.output, "w", encoding="utf-8") if args.output and args.output != "-" else sys.stdout
    failed = 0
    docs = []
    try:
        for src in args.files:
            try:
                if src == "-":
                    data = sys.stdin.buffer.read()
                    doc = parse(data, name="<stdin>", ocr=args.ocr, timeout=args.timeout)
                else:
                    doc = parse(Path(src), ocr=args.ocr, timeout=args.timeout)
            except DelibparseError as err:
                doc = failed_document(src, err)
                print(f"delibparse: {err} [{err.code}]", file=sys.stderr)
            except Exception as err:  # noqa: BLE001 - a bad document never stops the others
                doc = failed_document(src, err)
                print(f"delibparse: {src}: internal error: {type(err).__name__}: {err}", file=sys.stderr)
            if doc.status in ("failed", "needs_ocr"):
                failed += 1
            if args.format == "jsonl":
                out.write(doc.model_dump_json(exclude_none=False) + "\n")
                out.flush()
            else:
                docs.append(doc)
        if args.format == "json":
            if len(docs) == 1:
                out.write(docs[0].model_dump_json(indent=2) + "\n")
            else:
                out.write("[\n" + ",\n".join(d.model_dump_json(indent=2) for d in docs) + "\n]\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _eval_cmd(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_dir
    from .pipeline import parse

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        print(f"delibparse eval: {gold}: not a folder", file=sys.stderr)
        return 2
    report = evaluate_dir(gold, parse=lambda p: parse(Path(p)), skip_pdf=args.skip_pdf,
                          show_errors=args.errors)
    print(report.to_text(show_errors=args.errors))
    if args.json:
        Path(args.json).write_text(report.to_json(indent=2), encoding="utf-8")
    return 1 if report.failed else 0


def _schema_cmd(args: argparse.Namespace) -> int:
    from .record import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="delibparse", description=(
        "Turn French local-authority deliberations (PDF, scans, text, web pages) into validated JSON records."))
    from . import __version__

    p.add_argument("--version", action="version", version=f"delibparse {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("parse", help="parse documents into JSON records")
    sp.add_argument("files", nargs="+", help="files to parse ('-' reads stdin)")
    sp.add_argument("-o", "--output", help="write here instead of stdout")
    sp.add_argument("--format", choices=("json", "jsonl"), default="jsonl",
                    help="jsonl: one Document per line (default); json: pretty, one object for one file")
    sp.add_argument("--ocr", choices=("auto", "never", "always"), default="auto")
    sp.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per document")
    sp.set_defaults(func=_parse_cmd)

    se = sub.add_parser("eval", help="score the parser against a gold folder")
    se.add_argument("gold_dir")
    se.add_argument("--json", help="also write the full report as JSON here")
    se.add_argument("--errors", action="store_true", help="list every mismatch (gold vs predicted)")
    se.add_argument("--skip-pdf", action="store_true", help="skip PDF documents")
    se.set_defaults(func=_eval_cmd)

    ss = sub.add_parser("schema", help="print the JSON Schema of the record")
    ss.add_argument("-o", "--output")
    ss.set_defaults(func=_schema_cmd)

    for mod in ("batch", "export", "query"):
        try:
            module = __import__(f"delibparse.{mod}", fromlist=["add_subcommands"])
        except ImportError:
            continue
        add = getattr(module, "add_subcommands", None)
        if add is not None:
            add(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
