"""Clauses of an act: visas <v>, considérants <c>, decisions <d>, marked inline in made-up acts.

Each case is an act's text where every expected clause is wrapped in its tag; the tags are taken
out, ``extract`` runs on the whole text, and the clauses (text and per-clause span) must be those
marked, in order. A case without a tag of a kind expects no clause of that kind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex as re

from delibparse.fields import clauses
from delibparse.fields.clauses import FIELDS, extract, find_clauses

TAGS = {"v": "visas", "c": "considerants", "d": "decisions"}
_TAG = re.compile(r"</?([vcd])>")


def parse_markup(marked: str) -> tuple[str, dict[str, list[tuple[str, int, int]]]]:
    """Plain text and, per field, the marked clauses with their offsets in the plain text."""
    out: dict[str, list[tuple[str, int, int]]] = {f: [] for f in FIELDS}
    text, pos, opened = [], 0, {}
    for m in _TAG.finditer(marked):
        text.append(marked[pos:m.start()])
        here = sum(len(t) for t in text)
        if m.group().startswith("</"):
            start = opened.pop(m.group(1))
            out[TAGS[m.group(1)]].append(("", start, here))
        else:
            opened[m.group(1)] = here
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    spans = {f: [(" ".join(plain[a:b].split()), a, b) for _, a, b in marks] for f, marks in out.items()}
    return plain, spans


def check(marked: str) -> None:
    plain, want = parse_markup(marked)
    found = extract(plain, 0, len(plain), None)
    got = {f.field: f.value for f in found if "[" not in f.field}
    for field in FIELDS:
        assert got.get(field, []) == [w[0] for w in want[field]], field
        per = [f for f in found if f.field.startswith(field + "[")]
        assert [(f.start, f.end) for f in per] == [(a, b) for _, a, b in want[field]], field


CASES = [
    # visas one per line, "VU" in capitals, a clause broken over two lines, trailing ";" dropped
    """EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
Objet : Tarifs de la restauration scolaire
<v>Vu le Code général des collectivités territoriales, notamment son article L.2121-29</v> ;
<v>VU la délibération n° 2019-044 du 12 juin 2019 fixant les tarifs
de la restauration scolaire</v> ;
<v>Vu l'avis de la commission des affaires scolaires du 3 mai 2024</v> ;
<c>Considérant la hausse du prix des denrées alimentaires constatée depuis deux ans</c> ;
<c>CONSIDERANT qu'il convient de maintenir un tarif social pour les familles</c> ;
Le Conseil municipal, après en avoir délibéré, à l'unanimité,
DÉCIDE :
- <d>de fixer le prix du repas à 3,40 € à compter du 1er septembre 2024</d> ;
- <d>d'autoriser le Maire à signer tout document se rapportant à cette affaire</d>.
Ainsi fait et délibéré les jour, mois et an susdits.
Le Maire, Jean DUPONT""",
    # visas and considérants glued in one paragraph (PDF text that lost its line breaks)
    """La commission permanente, <v>Vu le Code général des collectivités territoriales</v>, <v>Vu la délibération
n° 2021-12 du 1er juillet 2021 lui donnant délégation</v>, Sur le rapport du Président, <c>Considérant que
la commune de Saint-Aubin sollicite une aide pour la réfection de son école</c>, après en avoir délibéré,
- <d>APPROUVE l'attribution d'une subvention de 12 000 € à la commune de Saint-Aubin</d> ;
- <d>AUTORISE le Président à signer la convention correspondante</d>.""",
    # (b) paragraphs opening with a decision verb, capitalised, after an unnumbered preamble
    """Le Conseil, après avoir entendu l'exposé de M. le Maire,

<d>Approuve le plan de financement prévisionnel de l'opération</d> ;

<d>Sollicite une subvention au titre de la DETR 2025 au taux le plus élevé possible</d> ;

<d>Charge le Maire de l'exécution de la présente délibération</d>.

Adoptée à l'unanimité.""",
    # (a) numbered items, the verb line itself is no item
    """Après en avoir délibéré, le comité syndical ARRÊTE :
1. <d>Le budget primitif 2025 est adopté par chapitre</d> ;
2) <d>Les crédits sont ouverts au chapitre 011</d>.
Vote : 12 pour, 0 contre.""",
    # (c) articles
    """LE CONSEIL DÉPARTEMENTAL, <v>Vu le Code général des collectivités territoriales</v> ;
APRÈS EN AVOIR DÉLIBÉRÉ :
<d>Article 1er : Adopte le règlement départemental d'aide sociale annexé</d>.
<d>Article 2 : Le Président est chargé de l'exécution de la présente délibération</d>.""",
    # (d) the assembly as subject; the vote line is not a decision
    """Monsieur le Maire présente le devis de l'entreprise Martin pour la réfection du toit de l'église.
<d>Le Conseil municipal, après en avoir délibéré, à l'unanimité, décide d'accepter le devis de
l'entreprise Martin pour un montant de 8 450 € HT</d>.
<d>Le Maire est autorisé à signer le devis</d>.
Adopté à l'unanimité.""",
    # (d) in minutes written as one run of text; a new point after it
    """2. Tarifs de la salle des fêtes Le Maire rappelle les tarifs en vigueur. <d>Après en avoir délibéré,
le Conseil municipal approuve à l'unanimité les nouveaux tarifs de location</d>. 3. Questions diverses
M. Leroy signale un nid-de-poule rue des Écoles.""",
    # (a) "décide :" with lower-case infinitive items on bullets
    """Le Conseil communautaire, à l'unanimité, décide :
• <d>d'approuver l'avenant n° 2 au marché de collecte des déchets</d> ;
• <d>de dire que les crédits sont inscrits au budget annexe</d>.""",
    # (e) a proposal put to the vote and adopted: the proposal is the decision
    """Madame le Maire expose que la convention avec le centre de loisirs arrive à échéance.
<d>Madame le Maire demande aux membres du conseil s'ils sont d'accord pour renouveler la convention
pour une durée de trois ans ?</d>
Vote : pour à l'unanimité""",
    # numbered "1°)" items, a table kept in its item, vote counts, "Fait à", the signature
    """Le Conseil Municipal,
Entendu l'exposé de Monsieur le Maire,
<v>Vu le Code général des impôts, et notamment ses articles 1636 B sexies et
1639 A</v>,
<c>Considérant que le produit attendu assure l'équilibre du budget primitif</c>,
Après en avoir délibéré, à l'unanimité des membres présents et représentés,
1°) <d>FIXE les taux d'imposition pour 2025 comme suit :
Taxe foncière sur les propriétés bâties : 31,20 %
Taxe foncière sur les propriétés non bâties : 52,75 %</d>
2°) <d>CHARGE Monsieur le Maire de notifier cette décision aux services fiscaux</d>.
Pour : 15 Contre : 0 Abstention : 0
Fait à Saint-Pierre, le 4 avril 2025
Le Maire,
Jean-Luc BERNARD""",
    # a heading "LE CONSEIL MUNICIPAL" and the attendance list under it give nothing; lower-case
    # "considérant" on a bullet; an aside about the vote is no decision
    """LE CONSEIL MUNICIPAL
- M. Paul DURAND
- Mme Anne PETIT
Le Conseil municipal, après en avoir délibéré :
- <c>considérant l'urgence des travaux</c>,
- <d>approuve le devis de l'entreprise Bati+</d> ;
- M. Martin ne prend pas part au vote.""",
    # (e) a table and a question between the proposal and its vote; a new proposal replaces the first
    """Il est proposé d'inscrire 5 000 € au budget.
<d>Il est donc proposé au conseil la décision modificative suivante sur le budget de l'eau :
Chapitre | Article | Dépenses | Recettes
011 | 6152 | + 5 000 €</d> |
M. Roux demande si la dépense est récurrente. Madame le Maire répond que non.
Vote :
- Pour : 13
- Abstention : 1""",
    # a text all in capitals: the items still found, a title is no item
    """LE CONSEIL MUNICIPAL, APRES EN AVOIR DELIBERE :
- <d>APPROUVE LE BUDGET PRIMITIF 2024</d> ;
- <d>DIT QUE LES CREDITS SONT INSCRITS AU CHAPITRE 21</d>.
DEMANDE DE SUBVENTION DETR
VOTE DES TAUX 2024""",
    # minutes in one line per point: the sentence after the title's colon
    """3 – Compte administratif 2023 : <d>le conseil municipal approuve à l'unanimité le compte administratif
du budget principal</d>.
4 – Tarifs de la cantine : <d>après discussion, le conseil municipal fixe le prix du repas à 3,50 € (14 voix
pour, 1 abstention)</d>.
5 – Questions diverses : M. le Maire informe le conseil de la fermeture du bureau de poste.""",
    # an article whose text opens with an infinitive stays one clause
    """DÉCIDE
<d>Article 1er – D'acquérir la parcelle cadastrée AB 123 au prix de 15 000 €.
Les frais d'acte seront à la charge de la commune</d>.
<d>Article 2 – D'autoriser le Maire à signer l'acte authentique</d>.
Adoptée à l'unanimité des membres présents.""",
    # a verb right after the vote, with no assembly named in the sentence
    """n°2024-031 Rapport annuel 2023 du délégataire de la fourrière à l'unanimité, <d>prend acte du rapport
annuel 2023 établi par la société Dépannage 2000</d>.""",
    # (e) with items
    """Il est proposé aux membres du conseil municipal :
- <d>d'approuver le projet de convention</d>
- <d>d'autoriser le Maire à la signer</d>
Vote : pour à l'unanimité""",
]

NEGATIVES = [
    # a proposal rejected by the vote is no decision
    """Il est proposé au conseil municipal de vendre la parcelle AB 12 au prix de 20 000 €.
Vote : rejeté par 9 voix contre et 6 voix pour""",
    # exposé, vote lines, secretary, approval of the minutes, end formula: no decision
    """M. le Maire rappelle que le conseil municipal a approuvé le budget le 12 avril.
Le procès-verbal de la séance précédente est adopté à l'unanimité.
M. Paul MARTIN est élu secrétaire de séance.
ADOPTÉ À L'UNANIMITÉ
Ainsi fait et délibéré les jour, mois et an susdits.""",
    # a title in capitals with a verb-like first word is no decision; "Attendu que" is no considérant
    """DEMANDE DE SUBVENTION AU TITRE DES AMENDES DE POLICE
Attendu que la commune doit sécuriser le carrefour de la mairie, le Maire présente le projet.""",
    # "au vu de" is no visa; "la demande" is a noun
    """Au vu de ces éléments, la demande de l'association est transmise à la commission.""",
]


@pytest.mark.parametrize("marked", CASES, ids=lambda s: s.split("\n")[0][:40])
def test_cases(marked: str) -> None:
    check(marked)


@pytest.mark.parametrize("text", NEGATIVES, ids=lambda s: s.split("\n")[0][:40])
def test_negatives(text: str) -> None:
    found = extract(text, 0, len(text), None)
    assert [f for f in found if f.field == "decisions"] == []
    assert all(f.field.split("[")[0] != "considerants" for f in found)
    assert all(f.field.split("[")[0] != "visas" for f in found)


def test_region_offsets_are_absolute() -> None:
    before = "Séance du 3 mars. Point 1. "
    act = "Vu le Code de l'urbanisme ;\nLe Conseil, après en avoir délibéré, APPROUVE le PLU."
    text = before + act + " Point 2."
    found = extract(text, len(before), len(before) + len(act), None)
    byf = {f.field: f for f in found}
    assert byf["visas"].value == ["Vu le Code de l'urbanisme"]
    v = byf["visas[0]"]
    assert text[v.start:v.end] == "Vu le Code de l'urbanisme"
    d = byf["decisions[0]"]
    assert text[d.start:d.end] == "APPROUVE le PLU"
    assert byf["decisions"].rule == "clauses.decisions" and d.rule.startswith("clauses.")


def test_odd_text_gives_nothing() -> None:
    assert extract("", 0, 0, None) == []
    assert extract("\n\n  \x0c ;;; -- •", 0, 12, None) == []
    assert find_clauses("12 13 14 | | |") == []


# ---------------------------------------------------------------- the shared dev corpus

DEV = Path(__file__).parents[2] / "../shared/corpus/dev"
# F1 reached on the single-act documents (whole text as the region), doc-level; floors a bit below
FLOORS = {"visas": 0.98, "considerants": 0.98, "decisions": 0.93}


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus absent")
def test_dev_single_act_documents() -> None:
    from delibparse.clean import clean
    from delibparse.evaluate import _match_clauses, fold

    counts = {f: [0, 0, 0] for f in FIELDS}
    for d in sorted(DEV.iterdir()):
        gold_path = d / "gold.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if len(gold.get("acts", [])) != 1:
            continue
        act = gold["acts"][0]
        text = clean((d / "source.txt").read_text(encoding="utf-8")).text
        found = {f.field: f.value for f in extract(text, 0, len(text), None) if "[" not in f.field}
        for field in FIELDS:
            if field not in act:
                continue
            g = [fold(c) for c in act[field] or [] if c]
            p = [fold(c) for c in found.get(field, [])]
            counts[field][0] += len(_match_clauses(g, p))
            counts[field][1] += len(p)
            counts[field][2] += len(g)
    for field, floor in FLOORS.items():
        assert _f1(*counts[field]) >= floor, (field, counts[field])


def test_lexicon_loads_once() -> None:
    assert clauses._rx() is clauses._rx()
