"""The project's own example PDFs (corpus/examples, written by the examples generator)."""

from pathlib import Path

import pytest

from delibparse.reading import read
from delibparse.reading.ocr import tesseract_path

EXAMPLES = sorted((Path(__file__).parents[2] / "corpus/examples").glob("*.pdf"))


@pytest.mark.skipif(not EXAMPLES, reason="corpus/examples has no PDFs yet")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_pdf_reads_with_boxes(path):
    if "scan" in path.stem and not tesseract_path():
        pytest.skip("tesseract not installed")
    lay = read(path)
    assert lay.text.strip() and lay.n_pages >= 1
    for ln in lay.lines:
        assert 1 <= ln.page <= lay.n_pages and ln.box is not None
        assert 0 <= ln.box.x0 <= ln.box.x1 <= 620 and 0 <= ln.box.top <= ln.box.bottom <= 850
