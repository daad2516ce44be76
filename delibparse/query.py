"""SQL over a batch output folder with DuckDB: views ``acts`` (acts.jsonl), ``documents``
(documents.jsonl) and ``errors`` (errors.jsonl), typed from the record model (dates are DATE,
``vote`` a STRUCT, ``presents`` a VARCHAR[], ``provenance`` a MAP), streamed from the files.

>>> sql_string("l'an")
"'l''an'"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ERROR_COLUMNS = {
    "source": "VARCHAR",
    "sha256": "VARCHAR",
    "status": "VARCHAR",
    "code": "VARCHAR",
    "message": "VARCHAR",
    "page": "BIGINT",
}


def sql_string(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _columns_sql(cols: dict[str, str]) -> str:
    return "{" + ", ".join(f"{sql_string(k)}: {sql_string(v)}" for k, v in cols.items()) + "}"


def _view(con: Any, name: str, path: Path, cols: dict[str, str]) -> None:
    if path.exists() and path.stat().st_size > 0:
        con.execute(
            f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_json({sql_string(str(path))}, "
            f"format='newline_delimited', columns={_columns_sql(cols)}, ignore_errors=true)"
        )
    else:  # an empty table with the same columns
        casts = ", ".join(f"CAST(NULL AS {t}) AS \"{k}\"" for k, t in cols.items())
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT {casts} WHERE false")


def connect(out_dir: str | Path, *, database: str = ":memory:") -> Any:
    """A DuckDB connection with the views ``acts``, ``documents`` and ``errors`` over OUT_DIR."""
    import duckdb

    from .export import act_columns, document_columns, duckdb_type

    out = Path(out_dir)
    con = duckdb.connect(database)
    _view(con, "acts", out / "acts.jsonl", {n: duckdb_type(a) for n, a in act_columns()})
    _view(con, "documents", out / "documents.jsonl", {n: duckdb_type(a) for n, a in document_columns()})
    _view(con, "errors", out / "errors.jsonl", ERROR_COLUMNS)
    return con


def query(out_dir: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement over OUT_DIR; (column names, rows)."""
    con = connect(out_dir)
    try:
        rel = con.execute(sql)
        names = [d[0] for d in rel.description or []]
        return names, rel.fetchall()
    finally:
        con.close()


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # dates, decimals


def render(names: list[str], rows: list[tuple], *, fmt: str = "table", file: Any = None) -> None:
    """Print a result as a rich table, CSV or JSON Lines."""
    file = file or sys.stdout
    if fmt == "json":
        for row in rows:
            file.write(json.dumps({n: _jsonable(v) for n, v in zip(names, row)}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if v is None else json.dumps(_jsonable(v), ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v for v in row])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*names, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(file=file, width=None if file.isatty() else 200).print(table)
        print(f"({len(rows)} rows)", file=file)


def add_subcommands(subparsers: Any) -> None:
    """Register ``query`` on an argparse subparsers object (``func=`` -> exit code)."""
    p = subparsers.add_parser(
        "query",
        help="SQL (DuckDB) over a batch OUT_DIR: tables acts, documents, errors",
        description="Run SQL over OUT_DIR with DuckDB. Tables: acts (one act per row, record fields "
        "plus source, sha256, act_index), documents (one per document, n_acts), errors.",
    )
    p.add_argument("out_dir", metavar="OUT_DIR")
    p.add_argument("sql", metavar="SQL")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=_cmd_query)


def _cmd_query(args: Any) -> int:
    if not Path(args.out_dir).is_dir():
        print(f"delibparse query: no such folder {args.out_dir}", file=sys.stderr)
        return 2
    try:
        names, rows = query(args.out_dir, args.sql)
    except Exception as exc:  # duckdb.Error and friends: a bad query is a usage error
        print(f"delibparse query: {exc}", file=sys.stderr)
        return 2
    render(names, rows, fmt=args.format)
    return 0
