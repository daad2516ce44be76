"""``prefilter.Starts`` (a slow pattern tried only where a fast one says a match may start) finds exactly
what its pattern finds: checked on random texts made of the words the patterns look for, for every
prefiltered pattern of the extractors and of cleaning, so that a lexicon edit that a literal start
would miss shows here."""

import dataclasses
import random

import regex

from delibparse import clean
from delibparse.fields import clauses, dates, institution, votes
from delibparse.prefilter import Starts, literal_starts, starting, trie

_WORDS = ("Pour pour : 12 contre Contre abstention(s) Abstentions 3 voix vote votes votants nppv "
          "ne prend pas part au vote n'ont pas pris s'est abstenu se sont abstenus dix-huit deux un une "
          "unanimité à l'unanimité l'unanimite a l unanimite adoptée ADOPTÉE REJETÉE reporté REPORTÉ "
          "rejetée approuvé le conseil municipal LE CONSEIL après en avoir délibéré DÉCIDE décide "
          "APPROUVE approuve Vu VU Considérant considérant Article 1er ARTICLE 2 Objet : Délibération n° "
          "3) - • 1. 2) a) _ | Madame le Maire propose Il est proposé séance du 12 mars 2024 convoqué le "
          "transmis en préfecture reçu en préfecture le publié le affiché le Page 2 / 5 - 3 - Accueil "
          "Partager Copied! Communauté de communes du Pays Syndicat mixte Agglomération majorité "
          "communications diverses prend acte sans objet é É œ ² \u00a0 ’ « » ( ) 2024 07/03/2024 "
          "SAPPROUVE $DÉCIDE §DIT LAUTORISE que QUE la").split()
_PHRASES = ("le conseil prend acte", "il est pris acte", "ont pris connaissance", "sont informés", "pour information",
            "ne donne pas lieu à un vote", "sans vote", "pas de vote", "n'est pas soumis au vote",
            "\nCommunications du maire :", "le point est reporté", "retiré de l'ordre du jour",
            "ajournée à une prochaine séance", "sans objet", "Ainsi fait et délibéré", "délibéré en séance",
            "pour copie conforme", "extrait certifié", "certifié exécutoire", "la séance est levée",
            "envoyé en préfecture", "accusé de réception", "publié le", "date de publication", "rendu exécutoire",
            "\nLe Maire,\n", "signé :", "ID : 013-", "M. Paul DURAND ne prend pas part au vote",
            "Mme Anne ROY s'abstient", "MM. A et B votent contre", "Abstention(s) de : Mme X",
            "Pour Contre Abstentions\n12 3 0", "Pour : 12 | Contre : 3 | Votants : 15",
            "le conseil municipal, après en avoir délibéré, décide", "Le Conseil municipal APPROUVE",
            "le bureau rejette", "n'est pas adoptée", "par 12 voix contre 3", "dix-huit voix pour",
            "majorité pour 2 votes contre", "adoptée à l'unanimité des membres présents", "vote unanime",
            "la délibération est adoptée", "Séance du conseil municipal du", "réunion du", "date de convocation",
            "convoqué le", "transmise au contrôle de légalité le", "reçue en préfecture le", "affiché le",
            "Date de la séance :", "la séance est ouverte à 20h30", "à vingt heures", "s'est réuni le",
            "\nPage 2 / 5\n", "\n- 3 -\n", "Communauté de communes du Pays de Lumbres", "Syndicat Mixte du Bassin")
_SEPS = (" ", "  ", "\n", ", ", ". ", "\n\n", " - ", " : ", ";", "\t", "", "\n- ", "\n1. ")


def _texts(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_WORDS if rnd.random() < 0.7 else _PHRASES) + rnd.choice(_SEPS)
                      for _ in range(rnd.randrange(1, 50)))


def _prefiltered():
    found = {name: getattr(votes, name) for name in dir(votes) if isinstance(getattr(votes, name), Starts)}
    for alt in (votes.SANS_VOTE, votes.POSTPONED, votes.CLOSING, votes.NAMES_FIRST):
        found.update({f"{alt.pattern[:30]}[{i}]": p for i, p in enumerate(alt.parts) if isinstance(p, Starts)})
    found.update({f"dates.{k}": p for k, p in dates._labels().items() if isinstance(p, Starts)})
    found["clauses._BULLET_AT"] = clauses._BULLET_AT
    found["clauses._AFTER_TRIGGER"] = clauses._AFTER_TRIGGER
    found["clauses._SENT_END"] = clauses._SENT_END
    found["clauses._HARD_NL"] = clauses._HARD_NL
    found["clauses._OCR_VERB"] = clauses._OCR_VERB
    found["clean.debris"] = clean._debris_lines()
    found["clean.page_number"] = clean._page_number()
    found["institution.epci"] = institution._EPCI_BY_KIND
    return {k: p for k, p in found.items() if isinstance(p, Starts)}


def test_same_matches_as_the_pattern():
    pats = _prefiltered()
    assert len(pats) > 20
    rnd = random.Random(3)
    for text in _texts(150, 1):
        for variant in (text, votes.fold_same_length(text), dates.fold_same_length(text)):
            a = rnd.randrange(0, len(variant) + 1)
            b = rnd.randrange(a, len(variant) + 1)
            for name, p in pats.items():
                for pos, end in ((0, len(variant)), (a, b)):
                    want = [(m.span(), m.groups()) for m in p.regex.finditer(variant, pos, end)]
                    assert [(m.span(), m.groups()) for m in p.finditer(variant, pos, end)] == want, name


def test_clause_starters_scan_misses_no_word():
    rx = clauses._rx()
    full = dataclasses.replace(rx, word_scan=None)  # every word tried
    for text in _texts(200, 2):
        assert clauses._breaks(text, rx) == clauses._breaks(text, full)


def test_clause_starters_scan_in_lower_case_contexts():
    """Lower-case starters are kept only after a stop or a bullet: the scan looks for them there alone."""
    rx = clauses._rx()
    full = dataclasses.replace(rx, word_scan=None)
    words = ("le conseil municipal", "la commission permanente", "l'assemblée", "approuve", "décide", "autorise",
             "après en avoir délibéré", "APPROUVE", "Le Conseil", "vu", "Vu", "considérant", "3) Délibération",
             "12) délibération", "123) Point", "DÉCIDE", "adopté", "à l'unanimité", "à la majorité des votants")
    stops = (", ", ",  ", ",\n", "; ", ": ", " – ", "—", "\n- ", "\n• ", " _ ", "\uf0b7 ", "\t", " ", ". ", "\n", "")
    rnd = random.Random(5)
    for _ in range(400):
        text = "".join(rnd.choice(words) + rnd.choice(stops) for _ in range(rnd.randrange(1, 25)))
        assert clauses._breaks(text, rx) == clauses._breaks(text, full), text


def test_proposal_gate_misses_no_proposal():
    rx = clauses._rx()
    openers = ("il est proposé", "Il vous est proposé", "Êtes-vous d'accord", "ETES-VOUS D'ACCORD", "je vous propose",
               "propose au conseil", "soumet au vote", "demande aux élus", "la commune", "vu la loi", "; ", ". ", ": ",
               "x" * 60, "\n", "- ", "Monsieur le Maire")
    rnd = random.Random(9)
    for _ in range(2000):
        text = " ".join(rnd.choice(openers) for _ in range(rnd.randrange(1, 8)))
        if rx.proposal.search(text):
            assert clauses._may_propose(text, rx), text


def test_any_case_trie_takes_every_case_free_form():
    """``trie(any_case=True)`` writes each letter as a class holding every character a case-free match of
    the letter takes (the ``regex`` module's and the standard one's), over all of Unicode."""
    import re as stdre

    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for ch in "abcdefghijklmnopqrstuvwxyzàâäéèêëîïôöûüùçœæÿ":
        cls = stdre.compile(trie([ch], any_case=True))
        forms = set(regex.findall("(?i)" + regex.escape(ch), every)) | set(stdre.findall("(?i)" + stdre.escape(ch), every))
        assert all(cls.fullmatch(c) for c in forms), (ch, [c for c in forms if not cls.fullmatch(c)])


def test_word_fold_table_leaves_no_ascii_letter_past_its_end():
    """Past the table's end no letter folds to an ASCII letter or digit (characters are left as they are)."""
    fold = clauses._WordFold()
    every = "".join(chr(i) for i in range(clauses._TABLE_END, 0x110000) if not 0xD800 <= i < 0xE000)
    for c in regex.findall(r"\p{L}", every):
        assert not ("a" <= fold[ord(c)] <= "z" or "A" <= fold[ord(c)] <= "Z" or "0" <= fold[ord(c)] <= "9"), hex(ord(c))
    table = clauses._word_fold_table()
    assert all(table[i] == clauses._WORD_FOLD[i] for i in range(0, len(table), 7))


def test_classify_gate_changes_no_kind():
    """``_classify`` tries a pattern at a unit's start only when its first character may open it: the
    kinds are those found trying every pattern."""
    rx = clauses._rx()
    rnd = random.Random(11)
    openings = ("Vu", "VU :", "Considérant", "considérant que", "CONSIDERANT :", "Délibération n° 3", "Point n°",
                "Objet :", "Ainsi fait", "Le Maire,", "DÉCIDE :", "Le Conseil municipal", "LE CONSEIL", "APPROUVE",
                "approuve", "Vote : Pour 12", "VOTE DU BUDGET", "À l'unanimité", "a la majorité", "Adopté",
                "Monsieur le Maire est autorisé à signer", "Il est proposé", "ÉTAT DES LIEUX DU BATIMENT", "3) Délib",
                "D'approuver", "Demande de subvention", "Pour : 12", "« Vu", "(1) Vu", "_ Le", "ǅ", "İl", "ſ")
    tails = ("", " le budget.", " :", ", après en avoir délibéré :", " DE LA COMMUNE", " la convention ;", " 12")
    for _ in range(3000):
        text = rnd.choice(openings) + rnd.choice(tails) + rnd.choice(tails)
        for bullet in (False, True):
            for hint in ("other", "para", "verb", "subj", "pre", "inf", "sentence"):
                u = clauses._Unit(0, len(text), text, bullet, False, hint, text)
                assert clauses._classify(u, rx) == clauses._classify(u, rx, gate=False), (text, bullet, hint)


def test_literal_starts():
    # a group of literal words is followed by what comes after it
    assert literal_starts(r"\b(?:prend|prennent|a\s+pris)\s+acte\b") == {"prend acte", "prennent acte", "a pris acte"}
    assert literal_starts(r"(?:prend|prennent)\s+(?:acte|note)\s*de") == {
        "prend acte", "prend note", "prennent acte", "prennent note"}
    # ... but not a word of the group that may be cut short ("votes?"), nor past a class
    assert literal_starts(r"(?:votes?|pris)\s+acte") == {"vote", "pris acte"}
    assert literal_starts(r"(?:prend|pris)[\s:]+acte") == {"prend", "pris"}
    # two \s+ in a row stand for one or more spaces (a superset of two or more)
    assert literal_starts(r"(?:a\s+)\s+pris") == {"a pris"}
    # too many combinations: the group's words alone
    many = "|".join(f"w{i}" for i in range(100))
    assert literal_starts(rf"(?:{many})\s+(?:a|b|c|d)") == {f"w{i}" for i in range(100)}
    assert literal_starts(r"(?:nombre\s+d'\s*)?abstentions?") == {"nombre d'", "abstention"}
    assert literal_starts(r"[a-z]+|vote") is None  # a class opens a match: no literal start
    assert literal_starts(r"(?i:vote)") is None
    assert regex.fullmatch(trie({"a pris", "acte"}), "a \t pris")


def test_starting_keeps_a_pattern_without_literal_starts():
    p = regex.compile(r"\d+\s*voix")
    assert starting(p, r"\d+\s*voix") is p
    assert starting(regex.compile("(?i)pour"), "pour").pattern == "(?i)pour"
