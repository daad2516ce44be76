"""Names: cleaning, splitting lists, matching one person written two ways (phrasings written for the tests)."""

import pytest

from delibparse.fields.names import clean_name, find_names, same_person, split_names

CLEAN = [
    ("M. Jean-Pierre LAMBERT", "Jean-Pierre LAMBERT"),
    ("Mme Odile FERRAND, Maire", "Odile FERRAND"),
    ("Monsieur le Maire Gaston ROUSSEL", "Gaston ROUSSEL"),
    ("Madame Hélène VIDAL, Première Adjointe au Maire", "Hélène VIDAL"),
    ("le Dr Marc TESSIER", "Marc TESSIER"),
    ("Maître Anne LEROUX", "Anne LEROUX"),
    ("Mlle Sophie GARNIER (arrivée à 20h15)", "Sophie GARNIER"),
    ("Melle Inès CARON", "Inès CARON"),
    ("Mr Kevin BARBIER", "Kevin BARBIER"),
    ("MM. Louis PERRIN", "Louis PERRIN"),
    ("Docteur Paul HENRY", "Paul HENRY"),
    ("M.FOURNIER", "FOURNIER"),  # civility glued to the name
    ("LE GALL Yannick", "LE GALL Yannick"),  # NOM Prénom kept as written
    ("Jean de LATTRE", "Jean de LATTRE"),
    ("P. MOREAU", "P. MOREAU"),  # an initial stays
    ("CHEVALIER M.", "CHEVALIER M."),  # a trailing initial stays
    ("Claire Morel", "Claire Morel"),  # names not in capitals
    ("Marc DUVAL, conseiller municipal délégué", "Marc DUVAL"),
    ("Sylvie NOEL (départ à 20h08)", "Sylvie NOEL"),
    ("Michel BARONSECRÉTAIRE DE SÉANCE", "Michel BARON"),  # a heading glued by text extraction
    ("SALOMON ML", "SALOMON ML"),  # initials without dots
]


@pytest.mark.parametrize("raw,expected", CLEAN)
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["le Conseil municipal", "Adjoints", "Conseillers municipaux", "Néant", "", "  ", "formant la majorité des membres"],
)
def test_clean_name_rejects_non_names(raw):
    assert clean_name(raw) is None


SPLIT = [
    # commas and " et "
    ("Mmes BLANC, ROUX et MM. FAURE, GIRARD", ["BLANC", "ROUX", "FAURE", "GIRARD"]),
    # dashes, en and em dashes
    ("Luc BERGER – Nadia MEUNIER — Hugo LEMAIRE - Zoé COLIN", ["Luc BERGER", "Nadia MEUNIER", "Hugo LEMAIRE", "Zoé COLIN"]),
    # semicolons, NOM Prénom order
    ("GUILLOT Marie ; PICARD Alain ; LE ROUX Hervé", ["GUILLOT Marie", "PICARD Alain", "LE ROUX Hervé"]),
    # bullets and newlines
    ("• Paul ARNAUD\n• Léa BRUNET\n• Tom CARPENTIER", ["Paul ARNAUD", "Léa BRUNET", "Tom CARPENTIER"]),
    # civilities as the only separators
    ("Monsieur Rémi FABRE Madame Julie GAUTHIER Monsieur Yann HUBERT", ["Rémi FABRE", "Julie GAUTHIER", "Yann HUBERT"]),
    # roles between names
    (
        "M. Alain RENAUD, Maire, Mme Lise SIMON, M. Eric TESSIER, Adjoints, M. Noé VALLET, Conseillers municipaux",
        ["Alain RENAUD", "Lise SIMON", "Eric TESSIER", "Noé VALLET"],
    ),
    # no separator at all: Prénom NOM runs
    ("Bruno LACROIX Chantal MARCHAND Didier NICOLAS", ["Bruno LACROIX", "Chantal MARCHAND", "Didier NICOLAS"]),
    # slashes and a note in brackets
    ("Mme Anne ROGER (Maire) / M Jean-Luc SAUVAGE / M Pierre TANGUY", ["Anne ROGER", "Jean-Luc SAUVAGE", "Pierre TANGUY"]),
    # a period between a surname and the next name; initials kept together
    ("BLANC. ROUX, RM. THIBAULT, DURAND JM. LEROY B.", ["BLANC", "ROUX", "RM. THIBAULT", "DURAND JM.", "LEROY B."]),
    # debris separators
    ("Gilles AUBERT ** Marion BAILLY | Xavier COLLET", ["Gilles AUBERT", "Marion BAILLY", "Xavier COLLET"]),
]


@pytest.mark.parametrize("raw,expected", SPLIT)
def test_split_names(raw, expected):
    assert split_names(raw) == expected


def test_find_names_without_separators():
    assert find_names("Amélie PONS Victor QUERE") == ["Amélie PONS", "Victor QUERE"]


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("DURAND Marie", "Mme Marie DURAND", True),
        ("DURAND", "Marie DURAND", True),  # surname alone
        ("M. DURAND", "Marie DURAND", True),
        ("J.-P. DUMAS", "Jean-Pierre DUMAS", True),  # initials of a compound first name
        ("Paul DURAND", "Marie DURAND", False),
        ("Anne-Marie LEGRAND", "Anne Marie LEGRAND", True),
        ("", "Marie DURAND", False),
    ],
)
def test_same_person(a, b, expected):
    assert same_person(a, b) is expected
