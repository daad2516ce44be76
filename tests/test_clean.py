"""Cleaning keeps a map back to the source offsets."""

import pytest

from delibparse.clean import clean

CASES = [
    # (source, cleaned)
    ("Objet : Budget**Date de convocation : 9 mars", "Objet : Budget\nDate de convocation : 9 mars"),
    ("commune de **LEZENNES** et modification", "commune de LEZENNES et modification"),
    ("L\u2019an deux mille", "L'an deux mille"),
    ("20\u00a0FEV.\u202f2024", "20 FEV. 2024"),
    ("la con\ufb01ance", "la confiance"),
    ("admi-\nnistration générale", "administration générale"),
    ("Jean-\nClaude", "Jean-\nClaude"),
    ("le 1\u1d49\u02b3 mars", "le 1er mars"),
    ("Partager\nCopied!\nObjet : Tarifs", "Objet : Tarifs"),
    ("Texte\nPage 2/5\nsuite", "Texte\nsuite"),
    ("a  \t b  \n  c", "a b\nc"),
    ("e\u0301lu", "élu"),
    ("ligne\r\nsuivante\rfin", "ligne\nsuivante\nfin"),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_clean(source, expected):
    assert clean(source).text == expected


@pytest.mark.parametrize("source,expected", CASES)
def test_offsets_map_back(source, expected):
    c = clean(source)
    for word in c.text.split():
        i = c.text.index(word)
        j = c.to_source(i)
        assert 0 <= j <= len(source)
        if word in source:
            assert source[j:].startswith(word[0]) or source.find(word) >= 0


def test_repeated_page_headers_are_removed():
    bodies = ["Ouverture de la séance.", "Budget primitif adopté.", "Tarifs de la cantine.", "Clôture."]
    pages = [f"Commune de Brenne - PV du 3 mars 2024\n{b}\nPage {i}/4" for i, b in enumerate(bodies, 1)]
    c = clean("\f".join(pages))
    assert "Commune de Brenne - PV" not in c.text
    assert "Tarifs de la cantine." in c.text and "Page 3/4" not in c.text


def test_offsets_through_several_passes():
    src = "Présents :\u00a0**M. DUPONT**, Mme\u00a0MARTIN\r\nVote : Pour : 12"
    c = clean(src)
    i = c.text.index("Pour : 12")
    assert src[c.to_source(i):].startswith("Pour : 12")
    i = c.text.index("MARTIN")
    assert src[c.to_source(i):].startswith("MARTIN")
