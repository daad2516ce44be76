"""Bad sources become coded DelibparseErrors naming the file (and the page when known)."""

import os
import time

import make_docs as m
import pytest

from delibparse import errors
from delibparse.reading import pdf as pdf_mod
from delibparse.reading import read

needs_reportlab = pytest.mark.skipif(
    __import__("importlib").util.find_spec("reportlab") is None, reason="reportlab (test extra) not installed")


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(errors.SourceNotFoundError) as exc:
        read(tmp_path / "pv-du-12-mars.pdf")
    assert exc.value.code == "read.not_found" and "pv-du-12-mars.pdf" in str(exc.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n"])
def test_empty_source(data):
    with pytest.raises(errors.EmptySourceError):
        read(data, name="vide.txt")


def test_binary_garbage_is_unreadable():
    with pytest.raises(errors.UnreadableError) as exc:
        read(bytes(range(256)) * 40, name="x.bin")
    assert exc.value.source == "x.bin"


def test_not_a_pdf_despite_the_name(tmp_path):
    path = tmp_path / "deliberation.pdf"
    path.write_bytes("Objet : Budget primitif\nVote : unanimité\n".encode())
    lay = read(path)
    assert lay.format == "text"  # the bytes decide, not the name
    path.write_bytes(os.urandom(4000).replace(b"%PDF", b"xxxx"))
    with pytest.raises((errors.UnreadableError, errors.UnsupportedFormatError)):
        read(path)


@needs_reportlab
def test_truncated_pdf(tmp_path):
    data = m.plain(3)
    path = tmp_path / "tronque.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        lay = read(path)  # pdfium may rebuild what is left: then some text must come out
        assert lay.text.strip()
    except errors.DelibparseError as err:
        assert err.code in ("read.unreadable", "read.empty") and err.source == "tronque.pdf"
    path.write_bytes(data[:40])
    with pytest.raises(errors.UnreadableError):
        read(path)


def test_zero_pages():
    with pytest.raises(errors.EmptySourceError) as exc:
        read(m.zero_pages(), name="zero.pdf")
    assert "no pages" in str(exc.value)


@needs_reportlab
def test_encrypted_with_password_is_refused_and_empty_password_opens():
    pytest.importorskip("pypdf")
    data = m.plain(1)
    with pytest.raises(errors.EncryptedError) as exc:
        read(m.encrypted(data, user_password="secret"), name="chiffre.pdf")
    assert exc.value.code == "read.encrypted" and exc.value.source == "chiffre.pdf"
    lay = read(m.encrypted(data, user_password=""))
    assert "Saint-Exemple" in lay.text


@needs_reportlab
def test_timeout_is_a_coded_error(monkeypatch):
    def slow(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(pdf_mod, "_read_pdf", slow)
    # the patched reader reaches a forked child only (other tests may have left threads, which
    # would make the reader use a fork server that never sees the patch)
    monkeypatch.setattr(pdf_mod, "_start_method", lambda: "fork")
    t0 = time.monotonic()
    with pytest.raises(errors.TimeoutError_):
        pdf_mod.read_pdf(m.plain(1), source="lent.pdf", timeout=0.2)
    assert time.monotonic() - t0 < 10


@needs_reportlab
def test_a_crash_in_the_pdf_library_does_not_take_the_caller_down(monkeypatch):
    monkeypatch.setattr(pdf_mod, "_read_pdf", lambda *a, **k: os.abort())
    monkeypatch.setattr(pdf_mod, "_start_method", lambda: "fork")
    with pytest.raises(errors.UnreadableError) as exc:
        read(m.plain(1), name="plante.pdf")
    assert "crashed" in str(exc.value) and exc.value.source == "plante.pdf"


@needs_reportlab
def test_in_process_deadline_between_pages():
    with pytest.raises(errors.TimeoutError_) as exc:
        read(m.many_pages(50), timeout=0.0, isolate=False)
    assert exc.value.page == 1


def test_zip_and_legacy_office_are_unsupported():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photo.txt", "x")
    with pytest.raises(errors.UnsupportedFormatError):
        read(buf.getvalue())
    with pytest.raises(errors.UnsupportedFormatError):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(errors.UnsupportedFormatError):
        read(rb"{\rtf1\ansi D\'e9lib\'e9ration}")


def test_an_image_without_text_is_unsupported():
    pytest.importorskip("PIL")
    from PIL import Image

    from delibparse.reading.ocr import tesseract_path

    if not tesseract_path():
        pytest.skip("tesseract not installed")
    import io

    img = Image.new("RGB", (400, 300), (200, 120, 60))  # a cat, abstractly
    buf = io.BytesIO()
    img.save(buf, format="JPEG")
    with pytest.raises(errors.UnsupportedFormatError):
        read(buf.getvalue(), name="chat.jpg")
    with pytest.raises(errors.NeedsOCRError):
        read(buf.getvalue(), name="chat.jpg", ocr="never")


def test_bad_ocr_option():
    with pytest.raises(ValueError):
        read(b"texte", ocr="sometimes")


@needs_reportlab
def test_huge_pdf_honours_the_timeout_and_max_pages():
    data = m.many_pages(500)
    with pytest.raises(errors.TimeoutError_) as exc:
        read(data, name="recueil.pdf", timeout=0.02)
    assert exc.value.source == "recueil.pdf" and exc.value.page and exc.value.page < 500
    lay = read(data, max_pages=3)
    assert lay.n_pages == 500 and {ln.page for ln in lay.lines} == {1, 2, 3}


@needs_reportlab
def test_one_broken_page_is_a_warning_not_a_failure(monkeypatch):
    real = pdf_mod._read_page

    def flaky(page, number, **kw):
        if number == 2:
            raise RuntimeError("bad content stream")
        return real(page, number, **kw)

    monkeypatch.setattr(pdf_mod, "_read_page", flaky)
    lay = read(m.plain(3), isolate=False)
    assert {ln.page for ln in lay.lines} == {1, 3}
    assert [(p, c) for p, c, _ in lay.page_warnings] == [(2, "read.page_error")]


@pytest.mark.parametrize("method", ["forkserver", "fork"])
def test_an_unguarded_script_is_not_run_again_by_the_pdf_reader(tmp_path, method):
    """A researcher's script without ``if __name__ == "__main__":`` reads PDFs in a loop: its top level
    runs once, whichever way the reader isolates pdfium (a fork server re-imports ``__main__``)."""
    import subprocess
    import sys

    if method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"no {method} here")
    example = os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "examples", "ex05_plain.pdf")
    script = tmp_path / "mon_script.py"
    script.write_text(
        "from delibparse import parse\n"
        "from delibparse.reading import pdf\n"
        f"pdf._start_method = lambda: {method!r}\n"
        "print('TOP LEVEL')\n"
        f"for _ in range(2):\n    print(parse({os.path.abspath(example)!r}).status)\n"
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["TOP", "LEVEL", "ok", "ok"]
