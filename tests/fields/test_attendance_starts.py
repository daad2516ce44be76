"""The start shortcuts of attendance (headings and trigger words looked for on a folded copy of the text)
must find every place where the full pattern matches, or a heading or a proxy would be lost.

Invented headings and sentences, as registers write them, in several cases and accents.
"""

import re

import pytest

from delibparse.fields import attendance
from delibparse.fields.names import fold_chars

TEXTS = [
    "ÉTAIENT PRÉSENTS : M. Paul DURAND. Étaient présent(e)s : Mme Anne PETIT. Sont présents les conseillers",
    "Conseillers municipaux présents : 12 - Membres présents 9 - Délégués titulaires présents",
    "Présents titulaires / suppléants : X. Présent(e)s à l'ouverture de la séance : Y",
    "Absents excusés ayant donné pouvoir : M. A. Absent(e)s excusé(e)s : Mme B. ABSENTS EXCUSES : C",
    "Absent(s) et absent(s) excusé(s) : D. Etaient absents non excusés : E. Absents et procurations : F",
    "Pouvoirs : G à H. Procurations de vote : I. Délégations de vote : J. Nombre de pouvoirs : 2. REPRÉSENTÉS : K",
    "Ont donné pouvoir de voter en leur nom : L. Représentées : M. Membres représentés : 3. Mandats : N",
    "Secrétaire de séance : O. Présidente de séance : P. Présidence : Q. Président : R",
    "Nombre légal de membres : 23. Nombre de conseillers : 19. Conseillers en exercice : 23. En exercice : 21",
    "Votants : 20. Nombre de votants (présents ou représentés) : 22. Ayant pris part au vote : 18. Quorum : 12",
    "Afférents au conseil municipal : 23. Suffrages exprimés : 20. Abstentions : 2. Présents et représentés : 21",
    "Objet : X. Date de convocation : Y. Ordre du jour : Z. L'an deux mille vingt-quatre, le conseil municipal, a",
    "La séance est ouverte. Assistaient également : X. Lesquels forment la majorité. Vu le code. Précision : Y",
    "Après en avoir délibéré. Envoyé en préfecture le 3 mai. Reçu en préfecture. Certifié exécutoire. Délibération n°3",
    "Rapporteur : X. Invités : Y. Également présents : Z. En visioconférence. Nota : W. N.B. : V. Remarques : U",
    # headings whose first word is too common to look for: found by their whole pattern on the folded text
    "AVAIENT DONNÉ PROCURATION : A. Ayant donné pouvoir écrit de voter en son nom : B. A donné pouvoir : C",
    "Les membres présents formant le quorum, le quorum est atteint ; séance en visio-conférence, VISIOCONFERENCE",
]
TRIGGER_TEXTS = TEXTS + [
    "M. Paul DURAND a donné pouvoir à Mme Anne PETIT ; Mme Lise CARON, représentée par M. Yves MOREL",
    "Jean MARTIN → Luc BLANC, Marc GIRARD -> Julie FAURE, Ana ROSA => Léa PONS, Hugo VIAL à Inès DORE",
    "Sous la présidence de M. X ; Mme Y, Maire, ouvre la séance ; le Maire déclare la séance ouverte ; a ouvert la séance",
    "M. X quitte la salle ; arrivée de Mme Y ; M. Z rejoint la séance ; départ de M. W ; M. V est arrivé ; "
    "Mme U intègre l'assemblée ; M. T prend place ; ne prend pas part au vote ; s'étant retirée ; retour de M. S ; "
    "sortie de Mme R ; M. Q sort de la salle ; M. P entre en séance",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_heading_starts_where_its_shortcut_looks(text):
    low = fold_chars(text)
    for role, rx, starts in attendance._rx()["labels"]:
        if starts is None:
            continue
        full = [m.span() for m in rx.finditer(text)]
        fast = [m.span() for m in attendance._starts_iter(rx, starts, text, low, 0, len(text))]
        assert fast == full, (role, rx.pattern[:60])


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_every_trigger_starts_where_its_shortcut_looks(text):
    for trig in attendance._TRIG_STARTS:
        full = [m.span() for m in attendance._rx()[trig].finditer(text)]
        fast = [m.span() for m in attendance._trigger_hits(trig, text, 0, len(text))]
        assert fast == full, trig


def test_the_headings_are_found_at_all():
    # the shortcuts are exercised: most headings above are found
    found = {lab.role for t in TEXTS for lab in attendance.find_labels(t, 0, len(t))}
    assert {"presents", "absents_excuses", "absents", "pouvoirs", "secretaire", "president", "exercice",
            "votants", "quorum", "stop"} <= found


# proxies and sentences opened by a name, with the odd marks names and their separators carry
NAME_LED = [
    "M. Paul DURAND a donné pouvoir à Mme Anne PETIT, Mme Claire ROUX, qui a donné pouvoir à M. Jean MARTIN.",
    "André FRANC - (ayant donné pouvoir à Jean-Claude GARDE) - Isabelle BECKER (ayant donné pouvoir à Luc ROY)",
    "Mme Jeanne d'Arc LEROY donne procuration à M. Jean- pierre DE LA FONTAINE ; Mesdames, Messieurs X",
    "Mme Anne LE GOFF, absente, est représentée par M. Yves MOREL. M. Luc BLANC, excusé, représenté par Mme Sophie NOIR",
    "M. Hervé DUPUIS (procuration de Mme Agnès LEROY), Mme Julie FAURE (pouvoir de M. Marc GIRARD)",
    "M. Luc BLANC (pouvoir à Mme Sophie NOIR), Mme Lise CARON pouvoir à M. Yves MOREL, MM. X et Y, procuration : Z",
    "Jean MARTIN → Luc BLANC, Marc GIRARD -> Julie FAURE, Ana ROSA => Léa PONS, Hugo VIAL à Inès DORE, le Dr. Paule Dr. X",
    "Mme Hélène GUÉRINEAU, Maire, ouvre la séance. M. Yves MOREL, Président, déclare la séance ouverte.",
    "Mme Anne PETIT, a été désignée secrétaire de séance ; M. Paul DURAND est élu secrétaire",
    "M. Jean MARTIN rejoint la séance à 20h. Mme Lise CARON quitte la salle. M. X, intègre l'assemblée",
    "12/M. Paul DURAND a donné pouvoir à Mme Anne PETIT ; l'élu M.Luc BLANC donne pouvoir à M.Yves MOREL",
]


@pytest.mark.parametrize("text", NAME_LED)
def test_name_led_shortcuts_find_what_the_patterns_find(text):
    rx = attendance._rx()
    for kind in attendance._PV_CORE:
        for pos in range(0, len(text), 7):
            full = rx[kind].search(text, pos, len(text))
            fast = attendance._pv_search(kind, text, pos, len(text))
            assert (full and full.span()) == (fast and fast.span()), (kind, pos)
    groups = {"president": rx["president"], "secretaire": rx["secretaire"], "events": [p for _, p in rx["events"]]}
    for (group, i), (core, seps) in attendance._LED.items():
        pat = groups[group][i]
        full = [m.span() for m in pat.finditer(text)]
        fast = [m.span() for m in attendance._name_led_finditer(pat, core, seps, text, 0, len(text))]
        assert fast == full, (group, i)


def test_name_led_shortcuts_are_exercised():
    rx = attendance._rx()
    assert all(any(rx[k].search(t) for t in NAME_LED) for k in attendance._PV_CORE)


@pytest.mark.parametrize("text", TEXTS)
def test_the_one_scan_for_heading_starts_finds_what_each_pattern_finds(text):
    low = fold_chars(text)
    cands = attendance._heading_starts(low, 0, len(text))
    for i, (role, rx, starts) in enumerate(attendance._rx()["labels"]):
        full = [m.span() for m in rx.finditer(text)]
        fast = [m.span() for m in attendance._heading_matches(i, text, low, 0, len(text), cands)]
        assert fast == full, (role, rx.pattern[:60])


@pytest.mark.parametrize("text", TRIGGER_TEXTS + ["Il y a 12 présents, 14 votants, dont 2 pouvoirs ; 15 conseillers en\nexercice"])
def test_the_one_scan_finds_every_place_each_trigger_word_starts(text):
    # the one scan of a region (headings, triggers, count words) finds a trigger where the trigger's own
    # start pattern would, at every place (even inside another word)
    low = fold_chars(text)
    found = attendance._region_starts(low, 0, len(low))
    starts = dict(attendance._TRIG_STARTS)
    starts["count_word"] = re.compile(attendance.trie(attendance._COUNT_WORDS))
    for key, pattern in starts.items():
        if key == "trig_pair":
            continue
        every = [q for q in range(len(low)) if pattern.match(low, q)]
        assert found.get(key, []) == every, key
