"""Plain text, HTML, DOCX, ODT, and scans (OCR)."""

import make_docs as m
import pytest

from delibparse import errors
from delibparse.reading import read, sniff
from delibparse.reading.ocr import tesseract_path
from delibparse.reading.pdf import _is_garbage

needs_tesseract = pytest.mark.skipif(not tesseract_path(), reason="tesseract-ocr-fra not installed")
needs_reportlab = pytest.mark.skipif(
    __import__("importlib").util.find_spec("reportlab") is None, reason="reportlab (test extra) not installed")


# --------------------------------------------------------------------------- text


def test_utf8_with_bom_and_crlf():
    lay = read("\ufeffDélibération n° 2024-12\r\nObjet : Tarifs de la cantine\r\n".encode("utf-8"))
    assert lay.format == "text" and lay.lines[0].text == "Délibération n° 2024-12"
    assert lay.lines[0].page is None and not lay.page_warnings


def test_cp1252_fallback_is_recorded():
    lay = read("Séance du conseil municipal – 12 février".encode("cp1252"))
    assert lay.text == "Séance du conseil municipal – 12 février"
    assert [code for _, code, _ in lay.page_warnings] == ["read.encoding"]


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title>
<script>var x = "Objet : faux";</script><style>p {color: red}</style></head><body>
<header class="site-header"><a href="/">Accueil</a></header>
<nav id="menu-principal"><ul><li>La mairie</li><li>Conseil municipal</li></ul></nav>
<div class="breadcrumb">Accueil &gt; Vie municipale</div>
<main><h1>Compte rendu du conseil municipal du 12 mars 2024</h1>
<p>Le conseil municipal, légalement convoqué, s'est réuni<br>sous la présidence de Mme DUPONT.</p>
<h2>1. Budget primitif</h2><p>Après en avoir délibéré, le conseil <strong>adopte</strong> le budget.</p>
<table><tr><th>Pour</th><th>Contre</th></tr><tr><td>12</td><td>2</td></tr></table>
<ul><li>Vu le CGCT ;</li><li>Vu l'avis de la commission ;</li></ul>
<div class="cookie-banner">Nous utilisons des cookies. Accepter ?</div>
<p style="display:none">caché</p></main>
<aside>Agenda : fête du village</aside><footer>Mentions légales - Plan du site</footer></body></html>"""


def test_html_main_content_as_lines():
    lay = read(PAGE.encode())
    assert lay.format == "html"
    assert lay.lines[0].text == "Compte rendu du conseil municipal du 12 mars 2024"
    text = lay.text
    assert "sous la présidence de Mme DUPONT." in lay.text.split("\n")
    assert "Après en avoir délibéré, le conseil adopte le budget." in text
    assert "Pour | Contre\n12 | 2" in text
    assert "Vu le CGCT ;\nVu l'avis de la commission ;" in text
    for furniture in ("Accueil", "La mairie", "cookies", "Agenda", "Mentions", "faux", "caché", "color"):
        assert furniture not in text


def test_html_latin1_declared_charset():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>' \
           "<body><p>Délibération adoptée à l'unanimité</p></body></html>"
    assert read(page.encode("latin-1")).text == "Délibération adoptée à l'unanimité"


def test_html_without_text_is_empty():
    with pytest.raises(errors.EmptySourceError):
        read(b"<html><body><nav>Menu</nav><script>1</script></body></html>")


# --------------------------------------------------------------------------- office

PARAS = ["Séance du 12 mars 2024", "Objet : Budget primitif", "Le conseil adopte le budget."]
TABLE = [["Pour", "12"], ["Contre", "2"]]


def test_docx_paragraphs_and_table_rows_in_order():
    data = m.docx(PARAS, TABLE)
    assert sniff(data) == "docx"
    lay = read(data)
    assert lay.format == "docx"
    assert lay.text.split("\n") == [PARAS[0], "Pour | 12", "Contre | 2", PARAS[1], PARAS[2]]
    assert "Pied de page" not in lay.text  # footers are page furniture


def test_odt_paragraphs_headings_and_table_rows():
    data = m.odt(PARAS, TABLE)
    assert sniff(data) == "odt"
    lay = read(data)
    assert lay.format == "odt"
    assert lay.text.split("\n") == [PARAS[0], "Pour | 12", "Contre | 2", PARAS[1], PARAS[2]]


def test_docx_without_document_xml_is_unreadable():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    with pytest.raises(errors.UnreadableError):
        read(buf.getvalue(), name="casse.docx")


# --------------------------------------------------------------------------- scans


@needs_tesseract
@needs_reportlab
def test_scanned_pdf_is_ocred_with_boxes_and_confidence():
    pdf, _ = m.scanned()
    lay = read(pdf)
    assert lay.format == "pdf" and lay.ocr_confidence and lay.ocr_confidence > 0.7
    assert "conseil" in lay.text and "DUPONT" in lay.text
    first = lay.lines[0]
    assert first.page == 1 and first.box.top == pytest.approx(100, abs=8)  # PDF points, not pixels
    assert any(code == "read.ocr" for _, code, _ in lay.page_warnings)


@needs_reportlab
def test_scanned_pdf_with_ocr_never_needs_ocr():
    pdf, _ = m.scanned()
    with pytest.raises(errors.NeedsOCRError) as exc:
        read(pdf, ocr="never", name="scan.pdf")
    assert exc.value.page == 1 and exc.value.source == "scan.pdf"


@needs_reportlab
def test_missing_tesseract_says_how_to_install(monkeypatch):
    from delibparse.reading import ocr

    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    pdf, _ = m.scanned()
    with pytest.raises(errors.NeedsOCRError) as exc:
        read(pdf, isolate=False)
    assert "apt-get install tesseract-ocr tesseract-ocr-fra" in str(exc.value)


@needs_tesseract
@needs_reportlab
def test_image_of_a_page_is_ocred():
    _, png = m.scanned()
    lay = read(png)
    assert lay.format == "image" and "municipal" in lay.text


@needs_tesseract
@needs_reportlab
def test_ocr_always_reads_a_digital_page_through_tesseract():
    lay = read(m.plain(1), ocr="always")
    assert lay.ocr_confidence is not None and "conseil" in lay.text


@pytest.mark.parametrize(
    "text, garbage",
    [
        ("Le conseil municipal, après en avoir délibéré, adopte à l'unanimité le budget primitif de la commune "
         "pour l'exercice 2024 et autorise le maire à signer les pièces.", False),
        ("Nmbr dlbrtn cnsl mncpl xqwz prtkl vbnm trsz qwrt plkj mnbv cxzl kjhg fdsq wxcv bnmq lkjh gfds", True),
        ("#$% 12 &*( 3@4 !!! ### 556 )(* &^% $#@ 77 88 ;;; ::: ??? !!! @@@ 9 ^^^ *** ((( )))", True),
        ("\ue000\ue001\ue002 \ue003\ue004 \ue005\ue006", True),
        # an attendance list has few function words, but civilities and normal letters
        ("Présents : Mme Claire DUPONT, M. Paul MARTIN, Mme Lucie BERNARD, M. Jean PETIT, Mme Anne ROBERT, "
         "M. Marc RICHARD, Mme Julie DURAND, M. Luc MOREAU, M. Hugo LEFEBVRE, Mme Emma GARCIA, "
         "M. Louis ROUX, Mme Chloé FOURNIER, M. Nathan GIRARD, Mme Léa BONNET, M. Tom DUPUIS", False),
        # a font without a usable ToUnicode map: every letter shifted (here by three)
        (" ".join(["Oh frqvhlo pxqlflsdo, dsuhv hq dyrlu gholehuh, dgrswh oh exgjhw sulplwli gh od frppxqh "
                   "srxu o'hahuflfh hw dxwrulvh oh pdluh d vljqhu ohv slhfhv"] * 3), True),
    ],
)
def test_garbage_text_layer_detection(text, garbage):
    assert _is_garbage(text) is garbage


def test_boxes_found_on_an_upright_turned_page_map_back():
    from delibparse.reading.ocr import _unrotate
    from delibparse.record import Box

    # a 100x200 (w x h) image turned 90° clockwise is 200x100; a box at its top-left corner
    # comes from the original's bottom-left corner
    assert _unrotate(Box(x0=0, top=0, x1=50, bottom=10), 90, 100, 200) == Box(x0=0, top=150, x1=10, bottom=200)
    assert _unrotate(Box(x0=0, top=0, x1=10, bottom=10), 180, 100, 200) == Box(x0=90, top=190, x1=100, bottom=200)
    assert _unrotate(Box(x0=0, top=0, x1=50, bottom=10), 270, 100, 200) == Box(x0=90, top=0, x1=100, bottom=50)


def test_html_article_header_is_content_not_furniture():
    # WordPress-like page: the title lives in <article><header class="entry-header">
    page = ("<html><body><header class='site-header'><nav>Accueil</nav></header><div id='content'><article>"
            "<header class='entry-header'><h1>Compte rendu du conseil municipal du 3 avril 2024</h1></header>"
            "<div class='entry-content'>" + "<p>Le conseil municipal s'est réuni en mairie.</p>" * 10
            + "<div class='share-buttons'>Partager sur Facebook</div></div></article></div>"
            "<footer id='colophon'>Mentions légales</footer></body></html>")
    out = read(page.encode()).text.split("\n")
    assert out[0] == "Compte rendu du conseil municipal du 3 avril 2024"
    assert not any(w in ln for ln in out for w in ("Accueil", "Partager", "Mentions"))


def test_html_layout_table_cells_are_read_as_blocks():
    page = ("<html><body><table><tr><td class='menu'><a>Accueil</a><br><a>Mairie</a></td>"
            "<td><h2>Séance du 3 avril 2024</h2><p>Objet : budget primitif.</p>"
            "<table><tr><td>Pour</td><td>12</td></tr></table></td></tr></table></body></html>")
    assert read(page.encode()).text.split("\n") == ["Séance du 3 avril 2024", "Objet : budget primitif.", "Pour | 12"]


def test_docx_automatic_numbers_and_bullets_are_written():
    assert read(m.docx_numbered()).text.split("\n") == [
        "Ordre du jour :", "1. Budget primitif 2024", "a) Section de fonctionnement",
        "b) Section d'investissement", "2. Tarifs de la cantine", "Vote :", "- Pour : 12", "- Contre : 2",
    ]


def test_pdf_glyph_codes_are_normalised():
    from delibparse.reading.pdf import _words

    def chars(text, x=0.0):
        return [(ch, x + 6 * i, 100.0, x + 6 * i + 5.5, 110.0, 10.0, True) for i, ch in enumerate(text)]

    words, _ = _words(chars("dé\ufb01nitif") + chars("\uf0b7", 100) + chars("\uf041\uf042", 120))
    assert [w.text for w in words] == ["définitif", "•", "AB"]
