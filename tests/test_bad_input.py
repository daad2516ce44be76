"""Bad inputs through the whole tool: ``delibparse.parse`` either raises a coded ``DelibparseError`` that names the
file, or returns a ``Document`` that says nothing was found (status ``no_act`` / ``failed`` with an error or a
warning) — never any other exception. ``parse_many`` yields one Document per input, in order: documents fail alone.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import delibparse
from delibparse.errors import DelibparseError

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
TXT = EXAMPLES / "ex01_extrait_registre.txt"
PDF = EXAMPLES / "ex05_plain.pdf"

# written for these tests: a novel's opening and an invoice, French, and no deliberation in either
NOVEL = (
    "Il pleuvait sur Nantes depuis trois jours quand Marguerite se décida enfin à ouvrir la lettre. Son frère, "
    "parti pour Brest au printemps, n'avait plus donné de nouvelles depuis la Saint-Jean ; elle relut deux fois la "
    "première phrase, posa le papier sur la table de la cuisine et resta longtemps à regarder la cour, tandis que la "
    "bonne allumait la lampe et que, dans la rue, les charrettes rentraient du marché.\n"
)
INVOICE = (
    "FACTURE N° F-2024-0415\n"
    "Date : 12/04/2024 - Échéance : 31/05/2024\n"
    "Client : SARL Dupont Bâtiment, 4 rue des Lilas, 44000 Nantes\n"
    "Désignation              Qté    PU HT      Total HT\n"
    "Parpaings 20x20x50       300    1,45 €     435,00 €\n"
    "Ciment 35 kg              20    8,90 €     178,00 €\n"
    "Total HT : 613,00 €\nTVA 20 % : 122,60 €\nTotal TTC : 735,60 €\n"
    "Paiement à 30 jours fin de mois. Pénalités de retard : trois fois le taux d'intérêt légal.\n"
)


def _garbage(n: int = 8192) -> bytes:
    """Random bytes with NULs in them (fixed seed), never starting like a known format."""
    rnd = random.Random(20240311)
    data = bytes(rnd.randrange(256) for _ in range(n))
    return b"\x00\x13" + data[: n // 2] + b"\x00" * 32 + data[n // 2:]


def _outcome(path: Path | bytes, *, name: str) -> delibparse.Document | None:
    """Parse; on a coded error check it names the file and return None; on a Document check it says why it is empty."""
    try:
        doc = delibparse.parse(path)
    except DelibparseError as err:
        assert err.code and err.code != "error", f"uncoded error: {err!r}"
        assert name in str(err), f"{name!r} not in the message {str(err)!r}"
        return None
    assert isinstance(doc, delibparse.Document)
    assert doc.status in ("no_act", "failed"), (doc.status, [a.objet for a in doc.acts])
    assert doc.errors or doc.warnings, f"status {doc.status} without an error or a warning saying why"
    return doc


# (case id, file name, content or a callable giving the content, the codes allowed when parse raises)
BAD_FILES = [
    ("empty-file", "vide.txt", b"", {"read.empty"}),
    ("whitespace-only", "blancs.txt", b"  \n\t\r\n   \n\f\n", {"read.empty"}),
    ("binary-garbage", "donnees.bin", _garbage, {"read.unreadable", "read.unsupported_format"}),
    ("not-a-pdf-but-says-so", "faux.pdf", b"%PDF-1.7\n" + _garbage(), {"read.unreadable"}),
    ("truncated-pdf", "tronque.pdf", lambda: PDF.read_bytes()[: len(PDF.read_bytes()) // 2], {"read.unreadable"}),
    ("pdf-header-only", "entete.pdf", lambda: PDF.read_bytes()[:40], {"read.unreadable", "read.empty"}),
]
NO_DELIBERATION = [
    pytest.param("roman.txt", NOVEL, id="novel"),
    pytest.param("facture.txt", INVOICE, id="invoice"),
]


@pytest.mark.parametrize(("name", "content", "codes"), [pytest.param(*c[1:], id=c[0]) for c in BAD_FILES])
def test_bad_file(tmp_path, name, content, codes):
    path = tmp_path / name
    path.write_bytes(content() if callable(content) else content)
    try:
        delibparse.parse(path)
    except DelibparseError as err:
        assert err.code in codes, err.code
    _outcome(path, name=name)


@pytest.mark.parametrize(("name", "text"), NO_DELIBERATION)
def test_no_deliberation(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = _outcome(path, name=name)
    assert doc is None or not doc.acts


@pytest.mark.parametrize(("name", "text"), [("roman.txt", NOVEL), ("facture.txt", INVOICE)], ids=["novel", "invoice"])
def test_no_deliberation_gives_no_act(tmp_path, name, text):
    """What the ledger above does not cover: no act is invented from a text that holds none."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = delibparse.parse(path)
    assert (doc.status, doc.acts) == ("no_act", [])


def test_missing_file(tmp_path):
    path = tmp_path / "pv-du-12-mars-2024.pdf"
    with pytest.raises(DelibparseError) as exc:
        delibparse.parse(path)
    assert exc.value.code == "read.not_found" and path.name in str(exc.value)
    with pytest.raises(DelibparseError) as exc:  # the same as a str path
        delibparse.parse(str(path))
    assert exc.value.code == "read.not_found"


def test_directory_given_as_file(tmp_path):
    folder = tmp_path / "deliberations.pdf"
    folder.mkdir()
    with pytest.raises(DelibparseError) as exc:
        delibparse.parse(folder)
    assert exc.value.code in ("read.not_found", "read.unreadable") and folder.name in str(exc.value)


def test_empty_bytes():
    for data in (b"", b" \n "):
        with pytest.raises(DelibparseError) as exc:
            delibparse.parse(data)
        assert exc.value.code == "read.empty" and "<bytes>" in str(exc.value)
    with pytest.raises(DelibparseError) as exc:
        delibparse.parse(b"", name="courrier.txt")
    assert "courrier.txt" in str(exc.value)


def test_text_named_pdf_is_read_as_text(tmp_path):
    """The bytes decide the format, not the name: a text file called .pdf is read as text, and parsed."""
    path = tmp_path / "deliberation.pdf"
    path.write_bytes(TXT.read_bytes())
    doc = delibparse.parse(path)
    assert doc.format == "text" and doc.status == "ok" and len(doc.acts) == 1


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_keeps_accents(tmp_path, encoding):
    text = TXT.read_text(encoding="utf-8")
    if encoding == "latin-1":
        text = text.replace("€", "EUR")  # not in latin-1
    path = tmp_path / f"extrait-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = delibparse.parse(path)
    ref = delibparse.parse(text)
    assert doc.status == "ok" and len(doc.acts) == 1
    act = doc.acts[0]
    assert act.objet == ref.acts[0].objet and "cimetière" in act.objet
    assert act.president == ref.acts[0].president and "É" in (act.president or "")
    assert act.presents == ref.acts[0].presents and any("È" in p for p in act.presents)
    assert "read.encoding" in {w.code for w in doc.warnings}  # says it was not UTF-8


@pytest.mark.slow
@pytest.mark.slow
def test_five_megabytes_of_text(tmp_path):
    """A 5 MB text (an example repeated) finishes and gives acts; its duration is not asserted."""
    one = TXT.read_text(encoding="utf-8") + "\n\n"
    path = tmp_path / "cinq-mega.txt"
    path.write_text(one * (5_000_000 // len(one.encode()) + 1), encoding="utf-8")
    assert path.stat().st_size >= 5_000_000
    doc = delibparse.parse(path)
    assert doc.status in ("ok", "partial") and len(doc.acts) > 100


def test_parse_many_documents_fail_alone(tmp_path):
    garbage = tmp_path / "donnees.bin"
    garbage.write_bytes(_garbage())
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    truncated = tmp_path / "tronque.pdf"
    truncated.write_bytes(PDF.read_bytes()[:2000])
    missing = tmp_path / "absent.txt"
    sources = [TXT, missing, garbage, PDF, empty, TXT.read_bytes(), truncated, str(TXT), b""]
    good = {0, 3, 5, 7}
    docs = list(delibparse.parse_many(sources))
    assert len(docs) == len(sources)
    for i, (src, doc) in enumerate(zip(sources, docs)):
        assert isinstance(doc, delibparse.Document)
        shown = "<bytes>" if isinstance(src, bytes) else os.fspath(src)
        assert doc.source == shown, (i, doc.source)
        if i in good:
            assert doc.status == "ok" and doc.acts and not doc.errors, (i, doc.status, doc.errors)
        else:
            assert doc.status == "failed" and not doc.acts, (i, doc.status)
            assert doc.errors and doc.errors[0].code.startswith("read."), (i, doc.errors)
    assert [d.errors[0].code for d in (docs[1], docs[2], docs[4], docs[8])] == [
        "read.not_found", "read.unreadable", "read.empty", "read.empty"]
