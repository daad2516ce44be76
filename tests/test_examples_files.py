"""The project's own example corpus (corpus/examples): files, gold validity, self-consistency, generator drift.

These tests check the examples themselves, not the parser (end-to-end runs through ``delibparse.parse`` live
elsewhere). Each gold must validate as ``delibparse.record.Act``; every stated value must be written in the
source text; counts, dates and lists must agree with each other unless the example's ``<id>.notes.md`` declares
a deliberate document contradiction with a line ``- contradiction: <field> ...``.
"""

from __future__ import annotations

import datetime as dt
import doctest
import functools
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from delibparse.record import Act

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples"
GENERATOR = ROOT / "corpus" / "make_examples.py"
DOC_TYPES = {"extrait", "proces_verbal", "compte_rendu", "recueil", "autre"}
GOLD_KEYS = {
    "numero", "objet", "collectivite", "organe", "date_seance", "heure_seance", "date_convocation", "president",
    "secretaire", "membres_en_exercice", "nb_presents", "nb_votants", "presents", "absents_excuses", "absents",
    "pouvoirs", "vote", "visas", "considerants", "decisions", "date_transmission_prefecture",
    "date_reception_prefecture", "date_publication", "identifiant_actes",
}  # fmt: skip
VOTE_KEYS = {"pour", "contre", "abstention", "unanimite", "issue"}


def _golds() -> list[Path]:
    return sorted(EXAMPLES.glob("*.gold.json"))


def _example_id(gold: Path) -> str:
    return gold.name.removesuffix(".gold.json")


def _source(gold: Path) -> Path | None:
    for suffix in (".txt", ".pdf"):
        path = EXAMPLES / f"{_example_id(gold)}{suffix}"
        if path.exists():
            return path
    return None


def _contradictions(gold: Path) -> set[str]:
    notes = EXAMPLES / f"{_example_id(gold)}.notes.md"
    if not notes.exists():
        return set()
    return set(re.findall(r"(?m)^\s*-\s*contradiction:\s*([\w.]+)", notes.read_text("utf-8")))


@functools.cache
def _load_generator():
    """corpus/make_examples.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_examples", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_examples"] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _source_text(gold: Path, tmp_path: Path) -> str:
    """The text a reader sees: the .txt, the PDF's text layer, or (for a scan) the pre-scan rendering."""
    source = _source(gold)
    if source.suffix == ".txt":
        return source.read_text("utf-8")
    pages = _pdf_pages(source)
    if any(p.strip() for p in pages):
        return "\n".join(pages)
    pytest.importorskip("reportlab")
    gen = _load_generator()
    example = next(e for e in gen.EXAMPLES if e.id == _example_id(gold))
    gen._render(example, tmp_path / "unscanned.pdf")
    return "\n".join(_pdf_pages(tmp_path / "unscanned.pdf"))


GOLDS = _golds()
IDS = [_example_id(g) for g in GOLDS]


def test_corpus_is_not_empty_and_covers_the_layouts():
    assert len(GOLDS) >= 10
    assert {p.suffix for p in EXAMPLES.iterdir()} >= {".txt", ".pdf", ".json", ".md"}


def test_every_example_has_its_gold_and_every_gold_its_example():
    for path in EXAMPLES.iterdir():
        if path.suffix in (".txt", ".pdf"):
            assert (EXAMPLES / f"{path.stem}.gold.json").exists(), f"{path.name} has no gold"
    for gold in GOLDS:
        assert _source(gold) is not None, f"{gold.name} has no .txt or .pdf"


def test_pdfs_are_small():
    for pdf in EXAMPLES.glob("*.pdf"):
        assert pdf.stat().st_size < 200_000, pdf.name


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_gold_is_complete_and_validates(gold: Path):
    data = json.loads(gold.read_text("utf-8"))
    assert set(data) == {"doc_type", "acts"}
    assert data["doc_type"] in DOC_TYPES
    assert data["acts"], "no act"
    is_pdf = _source(gold).suffix == ".pdf"
    for act in data["acts"]:
        expected = GOLD_KEYS | ({"pages"} if is_pdf else set())
        assert set(act) == expected, set(act) ^ expected
        assert set(act["vote"]) == VOTE_KEYS
        record = Act.model_validate(act)  # "pages" is Act.pages
        assert record.objet and record.date_seance and record.vote.issue is not None
        for key in ("visas", "considerants", "decisions"):
            for clause in act[key]:
                assert clause == _collapse(clause) and not clause.endswith((";", ".")), clause


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_gold_counts_and_dates_are_self_consistent(gold: Path):
    data = json.loads(gold.read_text("utf-8"))
    declared = _contradictions(gold)
    for act in data["acts"]:
        a = Act.model_validate(act)
        v = a.vote
        stated = [n for n in (v.pour, v.contre, v.abstention) if n is not None]
        if a.nb_votants is not None and stated:
            assert sum(stated) <= a.nb_votants, a.numero
        if a.membres_en_exercice is not None:
            for n in (a.nb_presents, a.nb_votants):
                assert n is None or n <= a.membres_en_exercice, a.numero
        if a.nb_presents is not None and a.nb_votants is not None:
            assert a.nb_presents <= a.nb_votants, a.numero
        if a.presents and a.nb_presents is not None and "nb_presents" not in declared:
            assert len(a.presents) == a.nb_presents, a.numero
        if a.presents and a.nb_votants is not None and a.pouvoirs and "nb_votants" not in declared:
            assert len(a.presents) + len(a.pouvoirs) == a.nb_votants, a.numero
        assert not set(a.presents) & (set(a.absents_excuses) | set(a.absents)), a.numero
        for p in a.pouvoirs:
            assert p.de not in a.presents, p
            assert not a.presents or p.a in a.presents, p
        if v.unanimite:
            assert v.contre in (None, 0) and v.issue == "adopte", a.numero
        if v.issue == "sans_vote":
            assert stated == [] and not v.unanimite, a.numero
        if v.pour is not None and v.contre is not None:
            assert (v.pour > v.contre) == (v.issue == "adopte"), a.numero
        dates = [a.date_convocation, a.date_seance, a.date_transmission_prefecture]
        dates = [d for d in dates if d is not None]
        assert dates == sorted(dates), a.numero
        for later in (a.date_reception_prefecture, a.date_publication):
            assert later is None or later >= a.date_seance, a.numero
        if a.date_reception_prefecture and a.date_transmission_prefecture:
            assert a.date_reception_prefecture >= a.date_transmission_prefecture
        if a.identifiant_actes:
            m = re.fullmatch(r"(\d{3})-(\d{9})-(\d{8})-(.+)-(DE|AR|AI|CC|BF|AU)", a.identifiant_actes)
            assert m, a.identifiant_actes
            assert dt.datetime.strptime(m[3], "%Y%m%d").date() == a.date_seance
            assert m[4] == re.sub(r"[^0-9A-Z]", "_", a.numero.upper())
    pages = [act.get("pages") for act in data["acts"]]
    if _source(gold).suffix == ".pdf":
        count = len(_pdf_pages(_source(gold)))
        for first, last in pages:
            assert 1 <= first <= last <= count
        assert [p[0] for p in pages] == sorted(p[0] for p in pages)


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_every_gold_value_is_written_in_the_source(gold: Path, tmp_path: Path):
    text = _collapse(_source_text(gold, tmp_path))
    words = text.split()
    for act in json.loads(gold.read_text("utf-8"))["acts"]:
        strings = [act["numero"], act["president"], act["secretaire"], act["identifiant_actes"]]
        strings += act["presents"] + act["absents_excuses"] + act["absents"]
        strings += [p["de"] for p in act["pouvoirs"]] + [p["a"] for p in act["pouvoirs"]]
        strings += act["visas"] + act["considerants"] + act["decisions"]
        for s in filter(None, strings):
            assert s in text, s
        # objet: its words in order (a table cell may wrap it across rows)
        position = 0
        for word in act["objet"].split():
            while position < len(words) and words[position] != word:
                position += 1
            assert position < len(words), f"objet word {word!r} not found in order: {act['objet']}"
            position += 1


def test_generator_doctests():
    pytest.importorskip("reportlab")
    result = doctest.testmod(_load_generator())
    assert result.failed == 0 and result.attempted > 0


def test_generator_check_passes():
    """Regenerating the PDFs gives the committed gold and text (make_examples.py --check)."""
    pytest.importorskip("reportlab")
    assert _load_generator().check() == []
