"""``votes._Alternation`` (each alternative searched alone, the whole pattern matched where the first
one starts) finds exactly what the whole alternation finds, in every region of a text."""

import random

from delibparse.fields import votes

_WORDS = ("prend prennent a pris ont donne acte connaissance est informe informee pour information ne fait "
          "pas lieu de vote sans n'est soumis au communication communications i ii 1 - ) : du maire president "
          "point reporte retire ajourne differe a une prochaine seance sans objet ordre jour fait et delibere en "
          "extrait copie conforme le la publie affiche signe id 013- s'abstient contre votent ayant vote part "
          "prenant").split()
_SEPS = (" ", "  ", "\n", ", ", ". ", "\n\n", " - ")
_PATTERNS = (votes.SANS_VOTE, votes.POSTPONED, votes.CLOSING, votes.NAMES_FIRST)


def test_no_alternative_matches_the_empty_string():
    for alt in _PATTERNS:
        assert all(p.match("") is None for p in alt.parts)


def test_same_matches_as_the_whole_alternation():
    rnd = random.Random(7)
    for _ in range(400):
        text = "".join(rnd.choice(_WORDS) + rnd.choice(_SEPS) for _ in range(rnd.randrange(1, 40)))
        start = rnd.randrange(0, len(text) + 1)
        end = rnd.randrange(start, len(text) + 1)
        for alt in _PATTERNS:
            for a, b in ((0, len(text)), (start, end)):
                whole = [(m.span(), m.groupdict()) for m in alt.whole.finditer(text, a, b)]
                assert [(m.span(), m.groupdict()) for m in alt.finditer(text, a, b)] == whole
                first = alt.whole.search(text, a, b)
                got = alt.search(text, a, b)
                assert (got.span() if got else None) == (first.span() if first else None)


def test_phrases():
    text = "Le conseil municipal prend acte de la communication.\nLe point est reporté à une prochaine séance."
    f = votes.fold_same_length(text)
    assert [m.group() for m in votes.SANS_VOTE.finditer(f)] == ["prend acte"]
    assert [m.group() for m in votes.POSTPONED.finditer(f)] == ["point est reporte"]
