"""The command line, end to end: ``delibparse.cli.main([...])`` in process (stdout via capsys), and once as
``python -m delibparse`` in a subprocess. Exit codes: 0 ok, 1 some document failed, 2 usage error.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from delibparse.cli import main
from delibparse.record import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples"
TXT = EXAMPLES / "ex01_extrait_registre.txt"
TXT2 = EXAMPLES / "ex04_page_web.txt"


def _jsonl(out: str) -> list[Document]:
    return [Document.model_validate_json(line) for line in out.splitlines() if line.strip()]


def test_help_as_a_module():
    run = subprocess.run([sys.executable, "-m", "delibparse", "--help"], capture_output=True, text=True, check=False,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "parse" in run.stdout and "eval" in run.stdout and "schema" in run.stdout


def test_parse_jsonl(capsys):
    assert main(["parse", str(TXT), str(TXT2)]) == 0
    docs = _jsonl(capsys.readouterr().out)
    assert [d.source for d in docs] == [str(TXT), str(TXT2)]
    assert all(d.status == "ok" and len(d.acts) == 1 for d in docs)
    assert docs[0].acts[0].numero == "2024-017"


def test_parse_json_one_file_is_one_object(capsys):
    assert main(["parse", "--format", "json", str(TXT)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    doc = Document.model_validate(data)
    assert doc.status == "ok" and len(doc.acts) == 1 and doc.acts[0].objet.startswith("Acquisition de la parcelle")


def test_parse_json_several_files_is_a_list(capsys):
    assert main(["parse", "--format", "json", str(TXT), str(TXT2)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 2


def test_parse_to_output_file(tmp_path, capsys):
    out = tmp_path / "actes.jsonl"
    assert main(["parse", str(TXT), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    docs = _jsonl(out.read_text(encoding="utf-8"))
    assert len(docs) == 1 and docs[0].acts[0].numero == "2024-017"


def test_parse_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TXT.read_bytes()), encoding="utf-8"))
    assert main(["parse", "-"]) == 0
    (doc,) = _jsonl(capsys.readouterr().out)
    assert doc.source == "<stdin>" and doc.status == "ok" and doc.acts[0].numero == "2024-017"


def test_missing_file_among_good_ones(tmp_path, capsys):
    missing = tmp_path / "absent.pdf"
    assert main(["parse", str(TXT), str(missing), str(TXT2)]) == 1
    captured = capsys.readouterr()
    docs = _jsonl(captured.out)
    assert [d.status for d in docs] == ["ok", "failed", "ok"]
    assert docs[1].errors[0].code == "read.not_found" and docs[1].source == str(missing)
    assert "absent.pdf" in captured.err and "read.not_found" in captured.err


@pytest.mark.parametrize("argv", [[], ["parse"], ["frobnicate"], ["parse", "--format", "xml", "x.txt"],
                                  ["parse", "--ocr", "sometimes", "x.txt"]],
                         ids=["no-command", "parse-without-file", "unknown-command", "bad-format", "bad-ocr"])
def test_usage_error_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_schema(capsys, tmp_path):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Document" and "acts" in schema["properties"] and "Act" in schema["$defs"]
    out = tmp_path / "record.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema


def test_eval_examples(capsys, tmp_path):
    """``eval`` over the project's examples (text ones: the PDFs and the scan are covered by test_examples_e2e)."""
    report = tmp_path / "report.json"
    code = main(["eval", str(EXAMPLES), "--skip-pdf", "--json", str(report)])
    out = capsys.readouterr().out
    assert code == 0  # no document failed
    assert "act-split F1" in out
    assert json.loads(report.read_text(encoding="utf-8"))


def test_eval_not_a_folder(capsys):
    assert main(["eval", str(TXT)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "delibparse" in capsys.readouterr().out
