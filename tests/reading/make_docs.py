"""Small documents built in memory for the reading tests (reportlab for PDFs, zip+XML for DOCX/ODT).

The texts are invented deliberation phrasings, laid out the way mairies lay them out.
"""

from __future__ import annotations

import io
import zipfile

W, H = 595.2756, 841.8898  # A4 in points
BODY = [
    "L'an deux mille vingt-quatre, le douze mars à dix-huit heures trente, le conseil",
    "municipal de la commune de Saint-Exemple, légalement convoqué, s'est réuni en",
    "séance publique à la mairie, sous la présidence de Madame Claire DUPONT, maire.",
    "Date de convocation : 5 mars 2024. Secrétaire de séance : Monsieur Paul MARTIN.",
    "Objet : Budget primitif 2024 de la commune, adoption après présentation du rapport",
    "par l'adjoint aux finances et débat sur les orientations retenues par la commission.",
    "Le conseil municipal, après en avoir délibéré, adopte le budget primitif 2024.",
]


def _canvas():
    from reportlab.pdfgen import canvas  # test-only dependency, imported late

    buf = io.BytesIO()
    return buf, canvas.Canvas(buf, pagesize=(W, H))


def _y(top: float) -> float:
    return H - top


def plain(pages: int = 1, *, footer: bool = False, header: bool = False) -> bytes:
    buf, c = _canvas()
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 11)
        if header:
            c.drawString(72, _y(30), "Commune de Saint-Exemple - Séance du 12 mars 2024")
        for i, line in enumerate(BODY):
            c.drawString(72, _y(120 + 14 * i), f"{line}" if i else f"{line} (page {p})")
        if footer:
            c.drawString(250, _y(815), f"Page {p} / {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


PANEL = ["Nombre de conseillers", "en exercice : 15", "présents : 12", "votants : 14"]


def margin_panel(*, gap: float = 15) -> bytes:
    """A left box with the member counts beside the body text (same line pitch); ``gap``
    is the space between the box's right edge and the body."""
    buf, c = _canvas()
    c.setFont("Helvetica-Bold", 13)
    c.drawString(200, _y(60), "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS")
    c.setFont("Helvetica", 9)
    c.rect(40, _y(195), 120, 80)
    for i, line in enumerate(PANEL):
        c.drawString(46, _y(130 + 14 * i), line)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(BODY):
        c.drawString(160 + gap, _y(130 + 14 * i), line[:62])
    c.showPage()
    c.save()
    return buf.getvalue()


def two_column_header() -> bytes:
    buf, c = _canvas()
    c.setFont("Helvetica-Bold", 11)
    left = ["RÉPUBLIQUE FRANÇAISE", "Département de l'Oise", "Arrondissement de Compiègne"]
    right = ["EXTRAIT DU REGISTRE", "DES DÉLIBÉRATIONS", "DU CONSEIL MUNICIPAL"]
    for i, (a, b) in enumerate(zip(left, right)):
        c.drawString(60, _y(50 + 14 * i), a)
        c.drawString(340, _y(50 + 14 * i), b)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(BODY):
        c.drawString(60, _y(140 + 14 * i), line)
    c.showPage()
    c.save()
    return buf.getvalue()


VOTES = [("Nombre de votants", "14"), ("Pour", "12"), ("Contre", "1"), ("Abstention", "1")]
ACTS = [
    ("2024-01", "Budget primitif 2024 de la commune", "Adoptée"),
    ("2024-02", "Tarifs de la cantine scolaire pour l'année 2024-2025", "Adoptée"),
    ("2024-03", "Subvention exceptionnelle au comité des fêtes", "Rejetée"),
]


def tables() -> bytes:
    """A ruled vote table and a ruled répertoire (numéro / objet / résultat) with a wrapped cell."""
    buf, c = _canvas()
    c.setFont("Helvetica", 11)
    c.drawString(60, _y(60), "Résultat du vote :")
    top = 80
    for i, (label, n) in enumerate(VOTES):
        t = top + 20 * i
        c.rect(60, _y(t + 20), 150, 20)
        c.rect(210, _y(t + 20), 60, 20)
        c.drawString(66, _y(t + 14), label)
        c.drawString(216, _y(t + 14), n)
    c.drawString(60, _y(200), "Répertoire des délibérations :")
    top, cols = 220, [60, 130, 400, 480]
    rows = [("Numéro", "Objet", "Résultat")] + ACTS
    for i, row in enumerate(rows):
        t = top + 30 * i
        for j, cell in enumerate(row):
            c.rect(cols[j], _y(t + 30), cols[j + 1] - cols[j], 30)
            if j == 1 and len(cell) > 40:  # wrapped on two lines
                cut = cell.rfind(" ", 0, 40)
                c.drawString(cols[j] + 4, _y(t + 12), cell[:cut])
                c.drawString(cols[j] + 4, _y(t + 25), cell[cut:].strip())
            else:
                c.drawString(cols[j] + 4, _y(t + 18), cell)
    c.showPage()
    c.save()
    return buf.getvalue()


STAMP = [
    "Accusé de réception en préfecture",
    "060-216000000-20240312-DEL2024_01-DE",
    "Date de télétransmission : 14/03/2024",
    "Date de réception préfecture : 14/03/2024",
]


def stamp(pages: int = 2) -> bytes:
    """A prefecture stamp box top-right on every page, beside the heading."""
    buf, c = _canvas()
    for p in range(pages):
        c.setFont("Helvetica", 7)
        c.rect(380, _y(92), 180, 52)
        for i, line in enumerate(STAMP):
            c.drawString(384, _y(50 + 11 * i), line)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, _y(60), "Commune de Saint-Exemple")
        c.setFont("Helvetica", 11)
        for i, line in enumerate(BODY):
            c.drawString(60, _y(140 + 14 * i), line)
        c.showPage()
    c.save()
    return buf.getvalue()


def scanned(text_lines=BODY, *, dpi: int = 200) -> bytes:
    """A page that is only an image of text (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (int(W * dpi / 72), int(H * dpi / 72)), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", int(11 * dpi / 72))
    except OSError:
        font = ImageFont.load_default(size=int(11 * dpi / 72))
    for i, line in enumerate(text_lines):
        draw.text((60 * dpi / 72, (100 + 18 * i) * dpi / 72), line, fill=0, font=font)
    png = io.BytesIO()
    img.save(png, format="PNG")
    buf, c = _canvas()
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, W, H)
    c.showPage()
    c.save()
    return buf.getvalue(), png.getvalue()


def many_pages(n: int) -> bytes:
    buf, c = _canvas()
    for p in range(n):
        c.setFont("Helvetica", 11)
        c.drawString(72, _y(100), f"Délibération n° 2024-{p + 1:03d} : objet numéro {p + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted(data: bytes, *, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="proprietaire", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zero_pages() -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- office files

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    def para(t):
        return f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'

    body = "".join(para(t) for t in paragraphs[:1])
    if table:
        rows = "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in r) + "</w:tr>" for r in table)
        body += f"<w:tbl>{rows}</w:tbl>"
    body += "".join(para(t) for t in paragraphs[1:])
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
        z.writestr("word/footer1.xml", f'<w:ftr xmlns:w="{_W}">{para("Pied de page")}</w:ftr>')
    return buf.getvalue()


_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def odt(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    body = "".join(f"<text:p>{t}</text:p>" for t in paragraphs[:1])
    if table:
        rows = "".join("<table:table-row>" + "".join(
            f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in r) + "</table:table-row>" for r in table)
        body += f"<table:table>{rows}</table:table>"
    body += "".join(f"<text:h>{t}</text:h>" if t.isupper() else f"<text:p>{t}</text:p>" for t in paragraphs[1:])
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    return buf.getvalue()


def label_values() -> bytes:
    """Labels at the left margin, values after a tab stop, wrapped values indented (hanging indent)."""
    buf, c = _canvas()
    c.setFont("Helvetica", 11)
    rows = [
        ("Présents :", ["Mme Claire DUPONT, M. Paul MARTIN, Mme Lucie BERNARD, M. Jean PETIT,",
                        "Mme Anne ROBERT, M. Marc RICHARD, Mme Julie DURAND, M. Luc MOREAU."]),
        ("Absents excusés :", ["M. Hugo LEFEBVRE (pouvoir à Mme Claire DUPONT), Mme Emma GARCIA."]),
        ("Secrétaire :", ["M. Paul MARTIN"]),
    ]
    top = 100
    for label, values in rows:
        c.drawString(60, _y(top), label)
        for v in values:
            c.drawString(170, _y(top), v)
            top += 14
        top += 6
    c.showPage()
    c.save()
    return buf.getvalue()


def turned(data: bytes, degrees: int) -> bytes:
    """The same pages with a /Rotate flag (display turned, text upright in user space)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        page.rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def landscape_drawn_rotated() -> bytes:
    """A portrait page whose content is drawn turned 90° (a landscape table printed sideways)."""
    buf, c = _canvas()
    c.translate(W, 0)
    c.rotate(90)  # the x axis now runs up the page
    c.setFont("Helvetica", 11)
    for i, line in enumerate(BODY[:4]):
        c.drawString(60, W - 60 - 14 * i, line)
    for i, (label, n) in enumerate(VOTES):
        c.drawString(60, W - 160 - 14 * i, label)
        c.drawString(300, W - 160 - 14 * i, n)
    c.showPage()
    c.save()
    return buf.getvalue()


WRAP_PANEL = ["Nombre de membres", "en exercice : 15", "présents : 12", "votants : 14", "Date de convocation :",
              "5 mars 2024"]


def wrapped_panel(*, side: str = "left", pitch: float = 11, font: float = 8) -> bytes:
    """A framed panel in a smaller font and its own line pitch; the body wraps beside it (narrow
    lines) and then runs the full width below it, as Word does with a 'square' text box."""
    buf, c = _canvas()
    c.setFont("Helvetica-Bold", 13)
    c.drawString(200, _y(60), "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS")
    px = 40 if side == "left" else 420
    c.rect(px, _y(200), 135, 90)
    c.setFont("Helvetica", font)
    for i, line in enumerate(WRAP_PANEL):
        c.drawString(px + 5, _y(125 + pitch * i), line)
    c.setFont("Helvetica", 10)
    words = " ".join(BODY * 2).split()
    top = 125
    while words and top < 400:
        narrow = top < 205
        x0, width = (190 if side == "left" else 60, 355) if narrow else (60, 480)
        line = ""
        while words and c.stringWidth(f"{line} {words[0]}", "Helvetica", 10) < width:
            line = f"{line} {words.pop(0)}".strip()
        c.drawString(x0, _y(top), line)
        top += 13
    c.showPage()
    c.save()
    return buf.getvalue()


def bullets() -> bytes:
    """'Vote :' then dash bullets set off by a tab, one item wrapped under its text (hanging indent)."""
    buf, c = _canvas()
    c.setFont("Helvetica", 11)
    c.drawString(70, _y(100), "Vote :")
    items = [["Abstentions : 3 (M. DURAND, M. PETIT, Mme ROUX) qui estiment que le plan de financement",
              "n'est pas assez détaillé pour se prononcer en connaissance de cause"], ["Pour : 16"]]
    top = 114
    for item in items:
        c.drawString(88, _y(top), "-")
        for line in item:
            c.drawString(106, _y(top), line)
            top += 13
    c.drawString(70, _y(top + 14), "2. Enfouissement des réseaux de la rue de l'Église")
    c.showPage()
    c.save()
    return buf.getvalue()


def docx_numbered() -> bytes:
    """An agenda numbered by Word itself (numbering.xml), with sub-items and a bulleted list."""
    def p(text, num=None, ilvl=0):
        ppr = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
               if num else "")
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    body = "".join([
        p("Ordre du jour :"), p("Budget primitif 2024", 1), p("Section de fonctionnement", 1, 1),
        p("Section d'investissement", 1, 1), p("Tarifs de la cantine", 1), p("Vote :"),
        p("Pour : 12", 2), p("Contre : 2", 2),
    ])
    numbering = (f'<w:numbering xmlns:w="{_W}">'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", numbering)
    return buf.getvalue()
