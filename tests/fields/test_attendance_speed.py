"""The shortcuts that keep attendance fast must not change what it finds.

A window is skipped when it lacks the word every match of a pattern holds (``_NEEDED``): that word must
really be in every match, or a name would be lost. The large name patterns are compiled on first use.
"""

import pytest

from delibparse.fields import attendance
from delibparse.fields.names import LazyPattern

# invented phrasings of proxies, secretaries, arrivals and departures, as registers write them
PHRASINGS = [
    "M. Paul DURAND a donné pouvoir à Mme Anne PETIT.",  # a proxy given
    "Mme Claire ROUX, absente, ayant donné procuration à M. Jean MARTIN",
    "M. Luc BLANC (pouvoir à Mme Sophie NOIR)",  # the short form of a list
    "Mme Agnès LEROY représentée par M. Hervé DUPUIS",
    "M. Hervé DUPUIS (procuration de Mme Agnès LEROY)",  # the receiver first
    "Pouvoir de M. Marc GIRARD à Mme Julie FAURE",
    "Mandat donné à M. Yves MOREL par Mme Lise CARON",
    "Secrétaire de séance : Mme Anne PETIT",
    "Mme Anne PETIT a été désignée secrétaire de séance.",
    "Le conseil a désigné M. Jean MARTIN pour remplir les fonctions de secrétaire.",
    "Secrétaire : M. Paul DURAND, élu pour remplir cette fonction",
    "Arrivée de M. Paul DURAND à 20h15 au cours du point n°3.",
    "Mme Anne PETIT rejoint la séance.",
    "M. Jean MARTIN est arrivé à 19 h 40.",
    "M. Luc BLANC quitte la séance avant le vote.",
    "Départ de Mme Claire ROUX à 21h.",
    "M. Yves MOREL, intéressé à l'affaire, ne prend pas part au vote.",
    "Mme Lise CARON s'étant retirée, le conseil délibère.",
    "Présents : 19 - Votants : 23 dont 4 pouvoirs ; 27 conseillers en exercice",
    "Représentée par son suppléant M. Marc GIRARD",
]


def _patterns():
    rx = attendance._rx()
    for key, needed in attendance._NEEDED.items():
        if isinstance(needed, list):
            pats = rx[key] if key != "events" else [p for _, p in rx[key]]
            yield from ((f"{key}{i}", p, n) for i, (p, n) in enumerate(zip(pats, needed)) if n is not None)
        else:
            yield key, rx[key], needed


@pytest.mark.parametrize("text", PHRASINGS)
def test_every_match_holds_its_needed_word(text):
    for key, pattern, needed in _patterns():
        for m in pattern.finditer(text):
            assert needed.search(m.group()), (key, m.group())


def test_the_needed_words_are_met_in_the_phrasings():
    # each shortcut is exercised: its pattern matches at least one phrasing
    for key, pattern, _ in _patterns():
        assert any(pattern.search(t) for t in PHRASINGS), key


def test_lazy_pattern_compiles_on_first_use():
    p = LazyPattern(r"(?i)secr[ée]taire")
    assert "search" not in vars(p)
    assert p.search("Le SECRÉTAIRE de séance").group() == "SECRÉTAIRE"
    assert "search" in vars(p)  # later calls go straight to the compiled pattern
