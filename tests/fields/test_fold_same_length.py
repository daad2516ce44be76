"""``votes.fold_same_length`` (a cached per-character table for ``str.translate``) gives, for every
character, what the plain definition gives: lower case (unless that changes the length), the first
character of the NFD decomposition, straight apostrophes."""

import unicodedata

from delibparse.fields import votes


def _reference(s: str) -> str:
    out = []
    for c in s:
        low = c.lower()
        if len(low) != 1:
            low = c
        base = unicodedata.normalize("NFD", low)[0]
        out.append("'" if base in "’‘`´ʼ" else base)
    return "".join(out)


def test_every_bmp_character_folds_as_defined():
    chars = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert votes.fold_same_length(chars) == _reference(chars)


def test_same_length_and_offsets():
    # "İ" lowers to two characters: it keeps one, so offsets still carry over
    s = "Adoptée À L’UNANIMITÉ — İstanbul, cœur, ǅ"
    f = votes.fold_same_length(s)
    assert len(f) == len(s)
    assert f == _reference(s)
    assert f.startswith("adoptee a l'unanimite")
