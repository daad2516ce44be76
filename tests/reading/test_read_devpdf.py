"""The real dev PDFs (../shared, skipped when absent): every page read, boxes inside their page."""

import subprocess
from pathlib import Path

import pytest

from delibparse.reading import read

DEV = Path(__file__).parents[2] / "../shared/corpus/dev-pdf"
PDFS = sorted(DEV.glob("*.pdf")) if DEV.is_dir() else []


@pytest.mark.skipif(not PDFS, reason="../shared/corpus/dev-pdf absent")
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem[:30])
def test_dev_pdf_every_page_read_with_boxes(path):
    lay = read(path, ocr="never")
    assert lay.format == "pdf" and lay.text.strip()
    pages_with_text = {ln.page for ln in lay.lines}
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout if _has("pdfinfo") else ""
    for ln in lay.lines:
        assert 1 <= ln.page <= lay.n_pages
        b = ln.box
        assert 0 <= b.x0 <= b.x1 <= 612 and 0 <= b.top <= b.bottom <= 850
    # every page that has text for poppler has text for us
    for page in range(1, lay.n_pages + 1):
        ref = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                             capture_output=True, text=True).stdout if _has("pdftotext") else ""
        if ref.strip():
            assert page in pages_with_text, f"page {page} lost"
    assert info is not None


@pytest.mark.skipif(not PDFS, reason="../shared/corpus/dev-pdf absent")
def test_dev_repertoire_rows_are_one_line_each():
    path = DEV / "REPERTOIRE-CHRONOLOGIQUE-2025-POUR-AFFICHAGE.pdf"
    if not path.exists():
        pytest.skip("répertoire absent")
    rows = [ln.text for ln in read(path).lines if ln.text.count(" | ") == 3]
    assert len(rows) >= 40
    assert all(r.split(" | ")[1].startswith("2025_") for r in rows[1:])


def _has(tool):
    from shutil import which

    return which(tool) is not None
