"""End to end: every example of ``corpus/examples`` through ``delibparse.parse``, checked field by field against its gold.

One case per example x gold act x field (``ex01-vote.pour``; ``ex02-act3-nb_presents`` where an example holds several
acts), plus per example: the act split (``ex02-acts``), the document status and provenance. Gold and predicted acts are
paired by ``delibparse.evaluate.pair_acts`` and a field is right when the project's metric
(``delibparse.evaluate.score``: folded text, name keys, clause prefixes ...) says it is right, so these tests and
``delibparse eval corpus/examples`` never disagree.

Known failures are listed in ``KNOWN`` below and run as ``xfail(strict=True)`` (STYLE.md convention 7): when a fix
makes one pass, the run fails until its line is removed from the ledger. Nothing else is skipped, except the scanned
example when tesseract is missing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from delibparse.evaluate import FIELDS, GoldDoc, Mismatch, pair_acts, score

# collection-time twins of tests/conftest.py's helpers (a test module must not import ``conftest``: tests/batch has
# its own, and whichever is imported first owns the name)
EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
HAS_TESSERACT = shutil.which("tesseract") is not None


def example_sources() -> list[Path]:
    """Every example source with a gold, in name order."""
    stems = sorted(g.name.removesuffix(".gold.json") for g in EXAMPLES.glob("*.gold.json"))
    return [next(p for p in (EXAMPLES / f"{s}.txt", EXAMPLES / f"{s}.pdf") if p.exists()) for s in stems]


def needs_ocr(path: Path) -> bool:
    return "scanned" in path.stem

# --------------------------------------------------------------------------- the ledger of known failures
# case id -> what the parser does wrong (measured on the current tree; remove a line when its case passes).
KNOWN: dict[str, str] = {
    "ex01-decisions": "only 'Article 1' is kept: Articles 2 and 3 after 'DÉCIDE :' are lost (clauses)",
    "ex02-act3-decisions": "one sentence 'DÉCIDE d'attribuer ... et AUTORISE ...' is split in two decisions (clauses)",
    "ex05-act1-decisions": "'CONSTATE la concordance ...' after a ';'-ended paragraph is not a decision (clauses)",
    "ex05-act1-presents": "the Maire leaving for the compte administratif is not removed; wrapped names are cut",
}

# --------------------------------------------------------------------------- the cases

SCALAR_ACT_FIELDS = (
    "numero", "objet", "collectivite", "organe", "date_seance", "heure_seance", "date_convocation", "president",
    "secretaire", "membres_en_exercice", "nb_presents", "nb_votants", "date_transmission_prefecture",
    "date_reception_prefecture", "date_publication", "identifiant_actes", "nb_representes",
)  # fmt: skip
SCALAR_VOTE_FIELDS = ("pour", "contre", "abstention", "unanimite", "issue", "nppv", "unanimite_qualificatif")


def _short_id(path: Path) -> str:
    return path.name.split("_", 1)[0]  # "ex01_extrait_registre.txt" -> "ex01"


def _gold(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _get(act: dict, field: str):
    head, _, tail = field.partition(".")
    return (act.get(head) or {}).get(tail) if tail else act.get(head)


def _marks(path: Path, case_id: str) -> list:
    marks = []
    if needs_ocr(path):
        marks.append(pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract not installed (scanned example)"))
    if case_id in KNOWN:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[case_id]))
    return marks


def _field_cases() -> list:
    cases = []
    for path in example_sources():
        gold_acts = _gold(path)["acts"]
        for i, gact in enumerate(gold_acts):
            prefix = _short_id(path) if len(gold_acts) == 1 else f"{_short_id(path)}-act{i + 1}"
            fields = [f for f in FIELDS if f.partition(".")[0] in gact]
            if "pages" in gact:
                fields.append("pages")
            for field in fields:
                case_id = f"{prefix}-{field}"
                cases.append(pytest.param(path, i, field, id=case_id, marks=_marks(path, case_id)))
    return cases


def _doc_cases(what: str) -> list:
    return [pytest.param(p, id=f"{_short_id(p)}-{what}", marks=_marks(p, f"{_short_id(p)}-{what}"))
            for p in example_sources()]


# --------------------------------------------------------------------------- comparison (cached per session)


@pytest.fixture(scope="module")
def compared(parsed_example):
    """``compared(path)`` -> (document, gold acts, predicted acts as dicts, pairs, {gold index: {field: Mismatch}})."""
    cache: dict[Path, tuple] = {}

    def get(path: Path):
        if path not in cache:
            doc = parsed_example(path)
            gold_acts = _gold(path)["acts"]
            pred_acts = [a.model_dump(mode="json", exclude={"provenance", "warnings", "span"}) for a in doc.acts]
            pairs = pair_acts(gold_acts, pred_acts)
            wrong: dict[int, dict[str, Mismatch]] = {}
            for i, j, _ in pairs:
                # score the pair alone: the metric re-pairs two single-act documents exactly as pair_acts did
                one = GoldDoc(_short_id(path), path, "pdf" if path.suffix == ".pdf" else "text",
                              {"acts": [gold_acts[i]]})
                report = score([(one, {"acts": [pred_acts[j]]})])
                assert report.per_document[0].pairs, f"gold act {i} and predicted act {j} no longer pair"
                wrong[i] = {m.field: m for m in report.mismatches}
            cache[path] = (doc, gold_acts, pred_acts, pairs, wrong)
        return cache[path]

    return get


@pytest.mark.parametrize(("path", "gold_index", "field"), _field_cases())
def test_field(compared, path, gold_index, field):
    doc, gold_acts, pred_acts, pairs, wrong = compared(path)
    paired = {i: j for i, j, _ in pairs}
    assert gold_index in paired, (
        f"gold act {gold_index + 1} ({gold_acts[gold_index].get('objet')!r}) is paired with no predicted act;"
        f" predicted objets: {[a.objet for a in doc.acts]}")
    mismatch = wrong[gold_index].get(field)
    if mismatch is not None:
        gold_value, pred_value = _get(gold_acts[gold_index], field), _get(pred_acts[paired[gold_index]], field)
        pytest.fail(f"{field} of act {gold_index + 1}: gold {_dump(gold_value)}\n    predicted {_dump(pred_value)}"
                    f"\n    unmatched: gold {_dump(mismatch.gold)}, predicted {_dump(mismatch.predicted)}", pytrace=False)


@pytest.mark.parametrize("path", _doc_cases("acts"))
def test_act_split(compared, path):
    """As many acts as the gold, each paired with a gold act."""
    doc, gold_acts, _, pairs, _ = compared(path)
    assert doc.status == "ok" and not doc.errors, (doc.status, doc.errors)
    assert (len(doc.acts), len(pairs)) == (len(gold_acts), len(gold_acts)), (
        f"gold {len(gold_acts)} acts, predicted {len(doc.acts)}, paired {len(pairs)}:"
        f" predicted objets {[a.objet for a in doc.acts]}")


def _source_text(path: Path) -> str | None:
    """The text offsets point into: the file itself for .txt, the read layout for a born-digital PDF (None for the
    scan, not read twice)."""
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if needs_ocr(path):
        return None
    from delibparse.reading import read

    return read(path).text


@pytest.mark.parametrize("path", _doc_cases("provenance"))
def test_provenance(parsed_example, path):
    """Every stated scalar value says where it came from: text at its offsets in the source and, for a PDF, a page."""
    doc = parsed_example(path)
    source = _source_text(path)
    problems = []
    for n, act in enumerate(doc.acts, 1):
        values = {f: getattr(act, f) for f in SCALAR_ACT_FIELDS}
        values |= {f"vote.{f}": getattr(act.vote, f) for f in SCALAR_VOTE_FIELDS}
        for field, value in values.items():
            if value is None:
                continue
            ev = act.provenance.get(field)
            where = f"act {n} {field}={value!r}"
            if ev is None:
                problems.append(f"{where}: no provenance")
                continue
            if not ev.text.strip():
                problems.append(f"{where}: empty evidence text ({ev.start}-{ev.end}, {ev.rule})")
            elif source is not None and path.suffix == ".txt" and ev.text not in source:
                problems.append(f"{where}: evidence {ev.text[:80]!r} is not in the source ({ev.rule})")
            elif source is not None and source[ev.start:ev.end] != ev.text:
                problems.append(f"{where}: evidence {ev.text[:60]!r} is not at {ev.start}-{ev.end}"
                                f" ({source[ev.start:ev.end][:60]!r}, {ev.rule})")
            if path.suffix == ".pdf" and not (ev.page and 1 <= ev.page <= (doc.pages or 0)):
                problems.append(f"{where}: evidence page {ev.page} (the document has {doc.pages})")
    assert not problems, "\n".join(problems)


def test_ledger_names_real_cases():
    """A ledger line must name a case that exists (a typo would silently guard nothing)."""
    ids = {p.id for p in _field_cases()} | {p.id for what in ("acts", "provenance") for p in _doc_cases(what)}
    assert not set(KNOWN) - ids, sorted(set(KNOWN) - ids)
