"""PDF lines wrap inside names and proxy phrases: such a line break is no list separator.

Invented phrasings, laid out as PDF text extraction gives them (one line per printed line).
"""

from delibparse.fields.attendance import extract


def _got(text: str) -> dict:
    return {f.field: f.value for f in extract(text, 0, len(text), None)}


def test_a_name_cut_after_its_first_name_stays_whole():
    t = ("Présents : Madame Lucie BERNIER, Monsieur Jean-Pierre\nCOLLIGNON, Madame Agathe\nRENOUARD, "
         "Monsieur Hugo TANNEAU.\nSecrétaire de séance : Mme Lucie BERNIER")
    assert _got(t)["presents"] == ["Lucie BERNIER", "Jean-Pierre COLLIGNON", "Agathe RENOUARD", "Hugo TANNEAU"]


def test_a_list_without_civilities_cut_after_a_first_name():
    t = "Présents : Odette MARCHAND, Yann\nLE BIHAN, Solène\nGUILLOU, Marc TREGUER.\nAbsent : Jean FLOCH."
    assert _got(t)["presents"] == ["Odette MARCHAND", "Yann LE BIHAN", "Solène GUILLOU", "Marc TREGUER"]


def test_a_civility_alone_at_a_line_end_and_a_compound_first_name_cut():
    t = "Étaient présents : M. Paul\nHenri VASSEUR, Mme\nClarisse MOULIN, M. Denis ROCHE (3)\nExcusé : M. Luc PERROT"
    got = _got(t)
    assert got["presents"] == ["Paul Henri VASSEUR", "Clarisse MOULIN", "Denis ROCHE"]
    assert got["nb_presents"] == 3  # the list's own count agrees once the names are whole


def test_a_proxy_whose_receiver_wraps_to_the_next_line():
    t = "Absents excusés : Gilles RAYNAL (pouvoir à\nNadine FOURNIER), Hélène VIGIER.\nSecrétaire : Nadine FOURNIER"
    got = _got(t)
    assert got["pouvoirs"] == [{"de": "Gilles RAYNAL", "a": "Nadine FOURNIER"}]
    assert got["absents_excuses"] == ["Gilles RAYNAL", "Hélène VIGIER"]


def test_the_president_cut_after_the_first_name():
    t = "le conseil s'est réuni sous la présidence de Madame Armelle\nKERVRAN, Maire.\nPrésents : Armelle KERVRAN"
    assert _got(t)["president"] == "Armelle KERVRAN"


def test_one_name_per_line_stays_one_name_per_line():
    t = "Présents :\nPaul DURAND\nAnne PETIT\nM. Jean Martin\nMme Léa Roux\nAbsent : Luc BLANC"
    assert _got(t)["presents"] == ["Paul DURAND", "Anne PETIT", "Jean Martin", "Léa Roux"]


def test_headings_and_prose_lines_are_not_joined():
    t = ("Conseil Communautaire\nSéance du 3 mars 2024\nCOMPTE RENDU\nPrésents : Yves MAHE, Rose\nLE CONSEIL"
         " MUNICIPAL, après en avoir délibéré")
    assert "Rose LE CONSEIL" not in " ".join(_got(t).get("presents", []))
