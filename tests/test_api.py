"""The public API: a light ``import delibparse``, one ``parse`` for paths, texts and bytes, and Documents that
round-trip through their own JSON and JSON Schema, with coded warnings.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import delibparse
from delibparse.record import Document, RecordWarning, json_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples"
TXT = EXAMPLES / "ex01_extrait_registre.txt"
SOURCES = sorted(p for p in EXAMPLES.glob("ex*") if p.suffix in (".txt", ".pdf"))
HEAVY = ("spacy", "pdfplumber", "pypdfium2", "dateparser", "pytesseract", "lxml")
WARNING_CODE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")  # "vote.sum_mismatch", "read.encoding"


def _loaded_after(statement: str) -> list[str]:
    code = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


@pytest.mark.parametrize("statement", [
    "import delibparse",
    "import delibparse; delibparse.Document, delibparse.Act, delibparse.DelibparseError",
    "from delibparse.record import Document, json_schema; json_schema()",
], ids=["import", "record-names", "record-schema"])
def test_import_is_light(statement):
    assert _loaded_after(statement) == []


def test_public_names():
    for name in delibparse.__all__:
        assert getattr(delibparse, name) is not None, name
    with pytest.raises(AttributeError):
        delibparse.no_such_name  # noqa: B018


def _acts(doc: Document) -> list[dict]:
    return [a.model_dump(mode="json") for a in doc.acts]


def test_parse_accepts_path_str_text_and_bytes(parsed_example):
    by_path = parsed_example(TXT)
    by_str_path = delibparse.parse(str(TXT))
    by_text = delibparse.parse(TXT.read_text(encoding="utf-8"))
    by_bytes = delibparse.parse(TXT.read_bytes())
    assert by_path.status == "ok" and len(by_path.acts) == 1
    assert _acts(by_str_path) == _acts(by_text) == _acts(by_bytes) == _acts(by_path)
    assert (by_path.source, by_str_path.source, by_text.source, by_bytes.source) == (
        str(TXT), str(TXT), "<text>", "<bytes>")
    assert by_path.sha256 == by_str_path.sha256 == by_bytes.sha256 == by_text.sha256  # a UTF-8 file, no BOM
    assert delibparse.parse(TXT.read_bytes(), name="registre.txt").source == "registre.txt"


def test_parse_text_and_parse_agree():
    text = TXT.read_text(encoding="utf-8")
    assert _acts(delibparse.parse_text(text)) == _acts(delibparse.parse(text))


def test_parse_rejects_a_bad_option():
    with pytest.raises(ValueError):
        delibparse.parse(TXT, ocr="sometimes")


@pytest.mark.parametrize("path", SOURCES, ids=[p.name.split("_")[0] for p in SOURCES])
def test_document_round_trips(parsed_example, path):
    doc = parsed_example(path)
    assert isinstance(doc, Document) and doc.acts
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert Document.model_validate(json.loads(doc.model_dump_json())) == doc


@pytest.mark.parametrize("path", SOURCES, ids=[p.name.split("_")[0] for p in SOURCES])
def test_document_matches_its_json_schema(parsed_example, path):
    jsonschema = pytest.importorskip("jsonschema")
    doc = parsed_example(path)
    jsonschema.validate(json.loads(doc.model_dump_json()), json_schema())


@pytest.mark.parametrize("path", SOURCES, ids=[p.name.split("_")[0] for p in SOURCES])
def test_warnings_are_coded(parsed_example, path):
    doc = parsed_example(path)
    warnings = list(doc.warnings) + [w for act in doc.acts for w in act.warnings]
    for w in warnings:
        assert isinstance(w, RecordWarning)
        assert WARNING_CODE.match(w.code), w.code
        assert w.message.strip(), w
    for act in doc.acts:
        for field, ev in act.provenance.items():
            assert ev.end >= ev.start and ev.rule, (field, ev)


def test_options_reach_the_reader():
    scan, plain = EXAMPLES / "ex10_scanned.pdf", EXAMPLES / "ex05_plain.pdf"
    with pytest.raises(delibparse.DelibparseError) as exc:
        delibparse.parse(scan, ocr="never")
    assert exc.value.code == "read.needs_ocr" and exc.value.page == 1 and scan.name in str(exc.value)
    (doc,) = delibparse.parse_many([scan], ocr="never")
    assert doc.status == "needs_ocr" and doc.errors[0].code == "read.needs_ocr" and not doc.acts
    doc = delibparse.parse(plain, max_pages=1)
    assert "read.max_pages" in {w.code for w in doc.warnings}
    assert doc.acts and all(act.pages == [1, 1] for act in doc.acts)


def test_an_act_presided_by_someone_else_keeps_its_own_president():
    from delibparse.pipeline import parse_text

    text = ("Séance du 10 juin 2024. Le conseil s'est réuni sous la présidence de Madame Hélène GUÉRINEAU, Maire.\n"
            "Présents : Hélène GUÉRINEAU, Loïc ROUSSELIÈRE, Nadia FERCHAUD.\n"
            "1) Délibération n° 2024-031 : Compte administratif 2023\nMadame le Maire quitte la séance. Sous la présidence "
            "de Monsieur Loïc ROUSSELIÈRE, le conseil adopte le compte administratif à l'unanimité.\n"
            "2) Délibération n° 2024-032 : Tarifs de la cantine\nLe conseil adopte à l'unanimité.\n")
    acts = parse_text(text).acts
    assert [a.president for a in acts] == ["Loïc ROUSSELIÈRE", "Hélène GUÉRINEAU"]
