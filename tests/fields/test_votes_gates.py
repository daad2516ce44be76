"""The word gates of ``votes`` (a pattern is searched only in a region holding the words all its
matches hold) never hide a match: each lexicon pattern names the words of one of its gate groups,
and the phrases below, one per pattern family, are still read."""

from delibparse.fields import votes
from delibparse.lexicon import load
from delibparse.prefilter import _alternatives


def _top_level(p: str) -> list[str]:
    """The top-level alternatives of a regex (the prefilter's own reading of them)."""
    alts = _alternatives(p)
    assert alts is not None, p
    return alts


def _named(fragment: str, needs) -> bool:
    return any(all(w in fragment for w in group) for group in needs)


def test_lexicon_patterns_hold_their_gate_words():
    lex = load("votes")
    for fragment in lex["sans_vote"]:
        assert _named(fragment, lex["sans_vote_needs"]), fragment
    for fragment in lex["postponed"]:
        assert _named(fragment, lex["postponed_needs"]), fragment
    for alt in _top_level(lex["majority"]):
        assert "majorite" in alt, alt
    for alt in _top_level(lex["strong_sans_vote"]):
        assert "acte" in alt, alt


def test_gated_phrases_are_still_read():
    # taking note, without a vote
    assert votes.vote_of("Le conseil municipal prend acte de la communication du rapport annuel.")["vote.issue"] == "sans_vote"
    assert votes.vote_of("Cette question ne donne pas lieu à un vote.")["vote.issue"] == "sans_vote"
    # postponed
    assert votes.vote_of("Le point est reporté à une prochaine séance.")["vote.issue"] is None
    # majority, voices, unanimity
    v = votes.vote_of("Après en avoir délibéré, le conseil adopte à la majorité par 15 voix contre 4.")
    assert (v["vote.pour"], v["vote.contre"], v["vote.unanimite"]) == (15, 4, False)
    v = votes.vote_of("Après en avoir délibéré, le conseil, à l'unanimité des membres présents, APPROUVE le plan.")
    assert v["vote.unanimite"] is True and v["vote.issue"] == "adopte"
