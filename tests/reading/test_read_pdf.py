"""Digital PDFs built by make_docs: reading order, tables, stamps, headers/footers, boxes."""

import pytest

pytest.importorskip("reportlab")

import make_docs as m

from delibparse.reading import read


def lines(data, **kw):
    return [ln.text for ln in read(data, **kw).lines]


def test_plain_page_has_page_and_box_per_line():
    lay = read(m.plain(2))
    assert lay.format == "pdf" and lay.n_pages == 2
    assert [ln.page for ln in lay.lines][:1] == [1] and lay.lines[-1].page == 2
    for ln in lay.lines:
        assert 0 <= ln.box.x0 < ln.box.x1 <= 596 and 0 <= ln.box.top < ln.box.bottom <= 842
    # boxes are top-left based: the first line is above the second
    assert lay.lines[0].box.top < lay.lines[1].box.top
    page, box = lay.locate(0, 10)
    assert page == 1 and box.x0 == pytest.approx(72, abs=1)


@pytest.mark.parametrize("gap", [15, 4])
def test_margin_panel_lines_stay_whole_and_apart_from_body(gap):
    # a boxed "Nombre de conseillers / en exercice : 15 / présents : 12 / votants : 14" left of the body
    out = lines(m.margin_panel(gap=gap))
    for panel_line in m.PANEL:
        assert panel_line in out
    i = out.index("Nombre de conseillers")
    assert out[i : i + 4] == m.PANEL
    body = [ln for ln in out if ln.startswith("L'an deux mille")]
    assert body and "exercice" not in body[0]


def test_two_column_header_reads_column_by_column():
    out = lines(m.two_column_header())
    assert out[:6] == ["RÉPUBLIQUE FRANÇAISE", "Département de l'Oise", "Arrondissement de Compiègne",
                       "EXTRAIT DU REGISTRE", "DES DÉLIBÉRATIONS", "DU CONSEIL MUNICIPAL"]


def test_ruled_tables_come_out_row_by_row():
    out = lines(m.tables())
    assert "Pour | 12" in out and "Abstention | 1" in out
    assert "Numéro | Objet | Résultat" in out
    # a wrapped objet cell is joined into its row
    assert "2024-02 | Tarifs de la cantine scolaire pour l'année 2024-2025 | Adoptée" in out


def test_stamp_block_is_kept_whole_and_once():
    out = lines(m.stamp(pages=3))
    i = out.index(m.STAMP[0])
    assert out[i : i + 4] == m.STAMP
    assert sum(1 for ln in out if ln == m.STAMP[1]) == 1  # repeated on every page, kept once


def test_repeated_header_footer_and_page_numbers_are_dropped():
    out = lines(m.plain(3, header=True, footer=True))
    assert not any(ln.startswith("Page ") for ln in out)
    # the header is kept once, on page 1 (it may be the only mention of the commune)
    assert sum(1 for ln in out if ln.startswith("Commune de Saint-Exemple - Séance")) == 1
    assert sum(1 for ln in out if ln.startswith("L'an deux mille")) == 3


def test_max_pages_reads_the_first_pages_and_warns():
    lay = read(m.many_pages(40), max_pages=5)
    assert {ln.page for ln in lay.lines} == {1, 2, 3, 4, 5}
    assert lay.n_pages == 40
    assert any(code == "read.max_pages" for _, code, _ in lay.page_warnings)


def test_bytes_and_path_give_the_same_layout(tmp_path):
    data = m.plain(1)
    path = tmp_path / "deliberation.txt"  # the name lies: the bytes decide
    path.write_bytes(data)
    assert read(path).text == read(data).text
    assert read(data, isolate=False).text == read(data).text


def test_tabbed_labels_stay_with_their_values():
    # "Présents :<tab>names..." with the names wrapped under the tab stop (hanging indent)
    out = lines(m.label_values())
    assert out[0].startswith("Présents : Mme Claire DUPONT")
    assert out[1].startswith("Mme Anne ROBERT")
    assert out[2].startswith("Absents excusés : M. Hugo LEFEBVRE")
    assert out[3] == "Secrétaire : M. Paul MARTIN"


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_page_turned_for_display_keeps_its_text_order(degrees):
    pytest.importorskip("pypdf")
    out = lines(m.turned(m.two_column_header(), degrees))
    assert out[0] == "RÉPUBLIQUE FRANÇAISE" and out[3] == "EXTRAIT DU REGISTRE"


def test_content_drawn_sideways_is_read_in_its_own_frame():
    lay = read(m.landscape_drawn_rotated())
    out = [ln.text for ln in lay.lines]
    assert out[0].startswith("L'an deux mille vingt-quatre") and "Pour | 12" in out
    assert all(ln.box.x1 <= 842 and ln.box.bottom <= 596 for ln in lay.lines)  # landscape frame


@pytest.mark.parametrize("side, pitch, font", [("left", 11, 8), ("right", 11, 8), ("left", 13, 10), ("right", 9, 8)])
def test_side_panel_with_its_own_pitch_comes_before_the_wrapped_body(side, pitch, font):
    out = lines(m.wrapped_panel(side=side, pitch=pitch, font=font))
    i = out.index(m.WRAP_PANEL[0])
    assert out[i : i + len(m.WRAP_PANEL)] == m.WRAP_PANEL
    body = out[i + len(m.WRAP_PANEL):]
    assert body[0].startswith("L'an deux mille") and len(body) >= 10  # the body is not cut by the panel


def test_dash_bullets_stay_on_their_item():
    assert lines(m.bullets()) == [
        "Vote :",
        "- Abstentions : 3 (M. DURAND, M. PETIT, Mme ROUX) qui estiment que le plan de financement",
        "n'est pas assez détaillé pour se prononcer en connaissance de cause",
        "- Pour : 16",
        "2. Enfouissement des réseaux de la rue de l'Église",
    ]



def test_a_soft_hyphen_at_a_line_end_is_printed_and_joined_by_cleaning():
    from delibparse.clean import clean

    buf, c = m._canvas()
    c.setFont("Helvetica", 11)
    c.drawString(72, m._y(100), "Le conseil municipal, dûment convoqué le 9 oc\u00ad")
    c.drawString(72, m._y(114), "tobre 2020, s'est réuni sous la présidence de Madame Claire DUPONT.")
    c.save()
    lay = read(buf.getvalue(), name="cm.pdf")
    assert "oc-\ntobre 2020" in lay.text  # as printed: a hyphen, then the next line
    assert "convoqué le 9 octobre 2020" in clean(lay.text).text
