"""Attendance lists as some registers lay them out: grouped by commune, flattened roll-call tables, page
headers interleaved, remarks after the list, a secretary designated as an agenda item, a cut text.

Invented phrasings, written the way such registers are.
"""

from delibparse.fields.attendance import extract
from delibparse.fields.names import without_caps_debris


def _got(text: str, ctx=None) -> dict:
    return {f.field: f.value for f in extract(text, 0, len(text), ctx)}


def test_a_list_grouped_under_commune_headings():
    t = ("Présents : Montval : M. Riou Alain ; Mme Kerbrat Odile Saint-Jean-des-Prés : M. Le Floch Yves "
         "Lanvéoc : Mme Morvan Lise ; M. Quéré Paul Date de convocation : 3 mars 2024")
    assert _got(t)["presents"] == ["Riou Alain", "Kerbrat Odile", "Le Floch Yves", "Morvan Lise", "Quéré Paul"]


def test_a_single_colon_inside_a_list_is_no_grouping():
    t = "Présents : M. Alain RIOU, Mme Odile KERBRAT. Secrétaire : Mme Odile KERBRAT"
    assert _got(t)["presents"] == ["Alain RIOU", "Odile KERBRAT"]


def test_members_marked_absent_in_a_roll_call_table_are_not_present():
    t = ("Etaient présents Paul GIRAUD - PROCURATION Anne MOREL-ABSENTE Luc BRUNET Marc FAYE - ABSENT "
         "Inès DORE. Secrétaire de séance : Luc BRUNET")
    got = _got(t)
    assert got["presents"] == ["Paul GIRAUD", "Luc BRUNET", "Inès DORE"]
    assert "absents" not in got  # 'ABSENT' after a name is a status, not a heading


def test_a_page_header_interleaved_in_a_list():
    t = ("Présents : Marc LEROUX, Julie BAZIN, SÉANCE DU CONSEIL DU Hervé TANGUY, Nina 12 AVRIL 2024 CADIOU, "
         "Léon PRIGENT Absents excusés : Yann GUEGUEN")
    assert _got(t)["presents"] == ["Marc LEROUX", "Julie BAZIN", "Hervé TANGUY", "Nina CADIOU", "Léon PRIGENT"]
    assert without_caps_debris("Paul LE GOFF") is None  # nothing to take out: not this rule's business


def test_a_heading_followed_by_its_count_is_not_half_of_a_split_heading():
    t = ("Présents : Marc LEROUX, Julie BAZIN présents : 2 Procurations : 1 Hervé TANGUY, procuration à Julie BAZIN "
         "Nombre de votants : 3")
    got = _got(t)
    assert got["presents"] == ["Marc LEROUX", "Julie BAZIN"]
    assert got["pouvoirs"] == [{"de": "Hervé TANGUY", "a": "Julie BAZIN"}]


def test_a_remark_after_the_list_is_not_part_of_it():
    t = ("Présents : Mesdames ROCHE, VIDAL et Messieurs BLANC, FABRE. Précision : Monsieur MOLINA présent en "
         "début de séance a quitté la salle pendant le débat. Absents excusés : Madame Léa PONS")
    assert _got(t)["presents"] == ["ROCHE", "VIDAL", "BLANC", "FABRE"]


def test_the_secretary_designated_as_an_item_with_a_legal_reference():
    t = ("- Désignation d'un secrétaire de séance (article L.2121-15 du CGCT applicable en vertu de\n"
         "l'article L. 5211-1 du CGCT) : Mme Anne-Sophie DELAHAYE a été désignée.")
    assert _got(t)["secretaire"] == "Anne-Sophie DELAHAYE"


def test_a_text_cut_inside_a_list_loses_the_cut_name():
    before = "Le conseil municipal s'est réuni en séance ordinaire. " * 60  # a long document, cut
    t = before + "Etaient présents : M. Paul GIRAUD, Mme Anne MOREL, M. Luc BRU"
    assert _got(t)["presents"] == ["Paul GIRAUD", "Anne MOREL"]
    t2 = before + "Etaient présents : M. Paul GIRAUD, Mme Anne MOREL, M. Luc BRUNET. Le conseil"
    assert _got(t2)["presents"] == ["Paul GIRAUD", "Anne MOREL", "Luc BRUNET"]
    # a short snippet that ends on a name is whole
    assert _got("Absents excusés : Mme Anne MOREL")["absents_excuses"] == ["Anne MOREL"]


def test_a_header_table_over_its_row_of_figures():
    t = ("Séance du | Membres en exercice | Présents | Votants\n12/03/2024 | 19 | 16 | 18\n"
         "L'an deux mille vingt-quatre, le douze mars, le conseil municipal s'est réuni.")
    got = _got(t)
    assert (got["membres_en_exercice"], got["nb_presents"], got["nb_votants"]) == (19, 16, 18)
    # a row of no figures gives nothing
    t2 = "Séance du | Présents | Votants\n12/03/2024 | voir liste | voir liste\nSecrétaire : M. Paul DURAND"
    assert "nb_presents" not in _got(t2)


def test_the_member_a_substitute_stands_in_for_is_not_present():
    t = "Présents : Marc LEROUX, Julien HAMEL, suppléant de Paul VIDAL, Inès DORE. Excusé : Paul VIDAL"
    assert _got(t)["presents"] == ["Marc LEROUX", "Julien HAMEL", "Inès DORE"]


def test_a_verb_in_prose_is_no_count():
    t = "Mme Léa PONS présente une demande de subvention. M. Hugo VIAL présente deux devis."
    assert "nb_presents" not in _got(t)
    assert _got("Nombre de présents 45 - Votants 47")["nb_presents"] == 45


def test_a_proxy_heading_opened_by_ayant_ends_the_list_before_it():
    t = ("Présents : Joëlle ROCHE et François VIDAL Titulaires ayant donné procuration : Marc FAYE à Joëlle ROCHE, "
         "Léa PONS à François VIDAL")
    got = _got(t)
    assert got["presents"] == ["Joëlle ROCHE", "François VIDAL"]
    assert got["pouvoirs"] == [{"de": "Marc FAYE", "a": "Joëlle ROCHE"}, {"de": "Léa PONS", "a": "François VIDAL"}]


def test_an_acts_list_cut_by_the_end_of_the_text_is_not_given():
    from delibparse.fields.base import Context

    before = "Délibération n°2 : le conseil municipal désigne Mme Anne MOREL. " * 60
    t = before + "Etaient présents : M. Paul GIRAUD, Mme Anne MOREL, M. Luc BRU"
    assert "presents" not in _got(t, Context(region="act"))
    assert _got(t, Context(region="head"))["presents"] == ["Paul GIRAUD", "Anne MOREL"]
