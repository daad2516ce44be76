"""End to end on real dev texts: the real parser in batch workers, then export and query."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from delibparse import batch, export, query, scdl

DEV = Path(__file__).resolve().parents[2] / "../shared/corpus/dev"


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="shared dev corpus absent")
def test_real_parser_batch_then_scdl_and_query(tmp_path):
    manifest = tmp_path / "list.txt"
    manifest.write_text("".join(f"{DEV / d / 'source.txt'}\n" for d in ("D000", "D001", "D002")), encoding="utf-8")
    s = batch.run_batch([f"@{manifest}"], tmp_path / "out", workers=2, progress=False)
    assert s.processed == 3 and s.status["failed"] == 0 and s.acts >= 3
    _, rows = query.query(tmp_path / "out", "SELECT count(*), count(DISTINCT sha256) FROM acts")
    assert rows == [(s.acts, 3)]
    rep = export.export_scdl(tmp_path / "out", tmp_path / "scdl.csv",
                             options=scdl.ScdlOptions(coll_siret="21590355000014", matiere_code="5.2"))
    written = list(csv.DictReader((tmp_path / "scdl.csv").open(encoding="utf-8")))
    assert len(written) == rep["rows"] == s.acts  # every act written, valid or not
    assert all(r["COLL_SIRET"] == "21590355000014" and r["DELIB_MATIERE_CODE"] == "5.2" for r in written)
