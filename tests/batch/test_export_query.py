"""delibparse export (scdl, parquet, csv, --validate) and query (DuckDB) over a batch OUT_DIR."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json

import pytest
from batch_fakes import make_act

from delibparse import batch, export, query, scdl
from delibparse.record import Act, Document, Evidence, Vote


@pytest.fixture()
def out_dir(tmp_path):
    """Three documents (6 acts) written through the batch Store, as `delibparse batch` would."""
    store = batch.Store(tmp_path / "out", fsync=False)
    for d in range(3):
        acts = [make_act(i) for i in range(d + 1)]
        acts[0].provenance["objet"] = Evidence(start=10, end=42, text=acts[0].objet or "", rule="objet/label", page=1)
        doc = Document(source=f"/archive/cm-{d}.pdf", sha256=f"{d}" * 64, format="pdf", acts=acts)
        store.write(doc.model_dump(mode="json"))
    arrete = Act(objet="Arrêté de circulation", nature="arrete", date_seance=dt.date(2024, 3, 1),
                 vote=Vote())
    store.write(Document(source="/archive/arrete.pdf", sha256="9" * 64, acts=[arrete]).model_dump(mode="json"))
    store.write(Document(source="/archive/scan.pdf", sha256="8" * 64, status="needs_ocr").model_dump(mode="json"))
    store.close()
    return tmp_path / "out"


def run_cli(add, argv):
    parser = argparse.ArgumentParser(prog="delibparse")
    add(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_scdl_export_writes_17_columns_reports_invalid_rows_and_drops_none(out_dir, tmp_path, capsys):
    dest = tmp_path / "scdl.csv"
    rc = run_cli(export.add_subcommands, ["export", str(out_dir), "--to", "scdl", "-o", str(dest)])
    assert rc == 1  # COLL_SIRET and matière unknown: every row reported
    rows = list(csv.DictReader(dest.open(encoding="utf-8")))
    assert len(rows) == 6 and list(rows[0]) == list(scdl.columns())  # the arrêté is not a deliberation
    rep = json.loads((tmp_path / "scdl.csv.report.json").read_text())
    assert rep["invalid_rows"] == 6 and rep["skipped_not_deliberation"] == 1
    assert rep["issues"][0]["source"].startswith("/archive/")
    assert "cannot be valid" in capsys.readouterr().err


def test_scdl_export_with_config_is_valid(out_dir, tmp_path):
    cfg = tmp_path / "scdl.yaml"
    cfg.write_text("coll_siret: '21590355000014'\nmatiere_code: '5.2'\npref_id: PREF059\n", encoding="utf-8")
    dest = tmp_path / "scdl.csv"
    rc = run_cli(export.add_subcommands, ["export", str(out_dir), "-o", str(dest), "--config", str(cfg)])
    assert rc == 0
    text = dest.read_text(encoding="utf-8")
    assert text.startswith("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,")
    assert "Commune de Saint-Aubin-sur-Loire,21590355000014,2024-01,2024-01-13,5.2," in text
    assert run_cli(export.add_subcommands, ["export", "--validate", str(dest)]) == 0


def test_parquet_keeps_the_nested_record(out_dir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    res = export.export_parquet(out_dir, tmp_path / "acts.parquet")
    assert res["acts"] == 7 and res["documents"] == 5
    table = pq.read_table(tmp_path / "acts.parquet")
    row = table.slice(0, 1).to_pylist()[0]
    assert row["vote"]["pour"] == 5 and row["date_seance"] == dt.date(2024, 1, 13)
    assert row["presents"][:2] == ["Claire MARTIN", "Paul LEROY"]
    assert row["pouvoirs"][0] == {"de": "Luc GARNIER", "a": "Claire MARTIN"}
    assert dict(row["provenance"])["objet"]["rule"] == "objet/label"
    docs = pq.read_table(tmp_path / "acts.documents.parquet").to_pylist()
    assert {d["status"] for d in docs} == {"ok", "needs_ocr"} and "acts" not in docs[0]


def test_flat_csv_of_acts(out_dir, tmp_path):
    export.export_csv(out_dir, tmp_path / "acts.csv")
    rows = list(csv.DictReader((tmp_path / "acts.csv").open(encoding="utf-8")))
    assert len(rows) == 7
    assert rows[0]["vote.pour"] == "5" and rows[0]["pouvoirs"] == "Luc GARNIER > Claire MARTIN"
    assert rows[0]["presents"].split(";")[0] == "Claire MARTIN" and "provenance" not in rows[0]


def test_queries_from_the_docs(out_dir):
    pytest.importorskip("duckdb")
    # acts rejected or with votes against
    _, rows = query.query(out_dir, "SELECT source, numero, vote.contre FROM acts "
                                   "WHERE vote.issue = 'rejete' OR vote.contre > 0 ORDER BY source, act_index")
    assert rows == [("/archive/cm-1.pdf", "2024-02", 2), ("/archive/cm-2.pdf", "2024-02", 2)]
    # attendance rate per member
    _, rows = query.query(out_dir, """
        WITH seats AS (SELECT DISTINCT sha256, date_seance FROM acts WHERE nature = 'deliberation'),
             present AS (SELECT DISTINCT sha256, date_seance, unnest(presents) AS member FROM acts)
        SELECT member, count(*) AS sittings, round(count(*) / (SELECT count(*) FROM seats), 2) AS rate
        FROM present GROUP BY member ORDER BY rate DESC, member""")
    assert rows[0][0] == "Claire MARTIN" and rows[-1][0] == "Hugo PETIT"
    # acts citing a given law article
    _, rows = query.query(out_dir, "SELECT count(*) FROM acts "
                                   "WHERE array_to_string(visas, ' | ') ILIKE '%L2121-29%'")
    assert rows == [(4,)]
    # documents and errors tables
    _, rows = query.query(out_dir, "SELECT status, sum(n_acts) FROM documents GROUP BY 1 ORDER BY 1")
    assert rows == [("needs_ocr", 0), ("ok", 7)]
    _, rows = query.query(out_dir, "SELECT code FROM errors")
    assert rows == [("status.needs_ocr",)]


def test_query_cli_formats_and_errors(out_dir, capsys):
    pytest.importorskip("duckdb")
    assert run_cli(query.add_subcommands, ["query", str(out_dir), "SELECT numero FROM acts LIMIT 1",
                                           "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"numero": "2024-01"}
    assert run_cli(query.add_subcommands, ["query", str(out_dir), "SELECT count(*) n FROM documents",
                                           "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n5\n"
    assert run_cli(query.add_subcommands, ["query", str(out_dir), "SELEC nothing"]) == 2


def test_query_on_an_empty_out_dir(tmp_path):
    pytest.importorskip("duckdb")
    (tmp_path / "out").mkdir()
    assert query.query(tmp_path / "out", "SELECT count(*) FROM acts")[1] == [(0,)]
