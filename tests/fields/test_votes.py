"""Votes: annotated phrasings (written for these tests, not copied from documents).

Markup: ``{field:value}evidence{/}``. Fields: pour, contre, abstention, nppv, votants (ints),
unanimite (true/false), issue (adopte/rejete/sans_vote), qual (unanimity qualifier),
noms_contre / noms_abstention (names joined with "|"). A non-empty evidence must overlap the chosen
value's span; an empty evidence ``{issue:adopte}{/}`` checks the value only. Every vote field that is
not marked must stay None (or empty): only stated values are given.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex as re

from delibparse.fields import votes
from delibparse.fields.base import Context

MARK = re.compile(r"\{(\w+):([^}]*)\}(.*?)\{/\}", re.S)
FIELD = {
    "pour": "vote.pour", "contre": "vote.contre", "abstention": "vote.abstention", "nppv": "vote.nppv",
    "unanimite": "vote.unanimite", "issue": "vote.issue", "qual": "vote.unanimite_qualificatif",
    "noms_contre": "vote.noms_contre", "noms_abstention": "vote.noms_abstention", "votants": "nb_votants",
}


def parse_markup(s: str) -> tuple[str, dict[str, tuple[str, int, int]]]:
    out, spans, pos = [], {}, 0
    for m in MARK.finditer(s):
        out.append(s[pos: m.start()])
        at = sum(map(len, out))
        out.append(m.group(3))
        spans[m.group(1)] = (m.group(2), at, at + len(m.group(3)))
        pos = m.end()
    out.append(s[pos:])
    return "".join(out), spans


def typed(key: str, raw: str):
    if key in ("pour", "contre", "abstention", "nppv", "votants"):
        return int(raw)
    if key == "unanimite":
        return raw == "true"
    if key.startswith("noms_"):
        return raw.split("|")
    return raw


def chosen(text: str, ctx: Context | None = None) -> dict[str, object]:
    """Best candidate per field, as the pipeline picks it (highest score; '_alt.' fields ignored)."""
    best: dict[str, object] = {}
    for f in votes.extract(text, 0, len(text), ctx or Context(region="act")):
        if f.field.startswith("_"):
            continue
        if f.field not in best or f.score > best[f.field].score:
            best[f.field] = f
    return best


# --------------------------------------------------------------------------- unanimity

UNANIMITY = [
    "Le conseil municipal, après en avoir délibéré, {unanimite:true}à l'unanimité{/}, décide d'adhérer "
    "au groupement de commandes.{issue:adopte}{/}",
    "Le Conseil communautaire, {unanimite:true}à l'unanimité des membres présents{/}{qual:des membres présents}{/}, "
    "approuve le rapport d'activité.{issue:adopte}{/}",
    "-----{issue:adopte}Adoptée{/} {unanimite:true}à l'unanimité des votants{/}{qual:des votants}{/} -----",
    "Délibération {issue:adopte}adoptée{/} {unanimite:true}à l’unanimité{/}.",
    "Rapporteur : Mme Lucie FABRE, Adjointe {issue:adopte}ADOPTEE{/} {unanimite:true}A L’'UNANIMITE{/}",
    "Vote : Pour {unanimite:true}à l'unanimité{/}{issue:adopte}{/}",
    "LE BUREAU, APRES EN AVOIR VALABLEMENT DELIBERE, {unanimite:true}A L'UNANIMITE DES PRESENTS{/}"
    "{qual:des présents}{/}, DECIDE de recruter deux agents saisonniers.{issue:adopte}{/}",
    "Le Conseil municipal approuve {unanimite:true}unanimement{/} le règlement intérieur.{issue:adopte}{/}",
    "Après en avoir délibéré et {unanimite:true}à l'unanimité des membres présents et représentés{/}"
    "{qual:des membres présents et représentés}{/}, le Conseil Municipal décide de créer un poste.{issue:adopte}{/}",
    # unanimity of the votes cast allows abstentions
    "{unanimite:true}à l'unanimité des suffrages exprimés{/}{qual:des suffrages exprimés}{/} "
    "({abstention:2}2 abstentions{/} : {noms_abstention:Paul MARTIN|Sophie GAUTIER}M. Paul MARTIN, Mme Sophie GAUTIER{/}), "
    "le conseil adopte le budget annexe de l'eau.{issue:adopte}{/}",
    # a vote table flattened to one line, the unanimity box ticked
    "Le Conseil Municipal vote : Pour Contre Abstention {unanimite:true}UNANIMITE{/} Le Conseil Municipal, ayant "
    "entendu l'exposé de Madame le Maire, ADOPTE les modifications du tableau des effectifs.{issue:adopte}{/}",
]

# --------------------------------------------------------------------------- counts

COUNTS = [
    "{issue:adopte}Adopté{/} par {pour:18}18 voix pour{/}, {contre:3}3 contre{/} et {abstention:2}2 abstentions{/}."
    "{unanimite:false}{/}",
    "Le conseil municipal, par {pour:18}dix-huit voix pour{/} et {contre:3}trois voix contre{/}, approuve le "
    "compte administratif 2023.{issue:adopte}{/}{unanimite:false}{/}",
    "Pour : {pour:20}20{/} Contre : {contre:1}1{/} ({noms_contre:Jean DUBOIS}M. Jean DUBOIS{/}) Abstention : "
    "{abstention:0}0{/}{issue:adopte}{/}{unanimite:false}{/}",
    # PDF-to-text debris between the cells
    "Votants : {votants:23}23{/}****Pour : {pour:23}23{/}****Contre : {contre:0}00{/}****Abstention : "
    "{abstention:0}00{/}****Secrétaire de séance : Marie LEFEBVRE{issue:adopte}{/}",
    "Votants : {votants:30}30{/} – Approbation : {pour:30}30{/}{issue:adopte}{/}",
    # a results table flattened: the number counts the minority, the majority is not counted
    "D07 Tarifs de la cantine Majorité pour {contre:3}3 votes contre{/} : {noms_contre:Anne LEROY|Paul SIMON|Marc DUVAL}"
    "Anne LEROY, Paul SIMON, Marc DUVAL{/}{unanimite:false}{/}{issue:adopte}{/}",
    "Votes pour : {pour:25}25{/} ; contre : {contre:2}2{/} ; abstentions : {abstention:1}1{/}{issue:adopte}{/}"
    "{unanimite:false}{/}",
    "{issue:adopte}Adopté{/} par {pour:25}25 voix pour{/}, {contre:2}2 voix contre{/}.{unanimite:false}{/}",
    "Le Conseil municipal, {unanimite:false}à la majorité{/} avec {pour:38}38 voix pour{/} et {abstention:1}une "
    "abstention{/} ({noms_abstention:Claire PETIT}Mme Claire PETIT{/}), prend acte de la tenue du débat.{issue:adopte}{/}",
    "Abstentions : {abstention:3}3{/} ({noms_abstention:André BLANC|Louis NOIR|Rose VERT}M. André BLANC, M. Louis NOIR, "
    "Mme Rose VERT{/}){issue:adopte}{/}{unanimite:false}{/}",
    "Pour | Contre | Abstention\n{pour:20}20{/} | {contre:1}1{/} | {abstention:0}0{/}\n{issue:adopte}{/}{unanimite:false}{/}",
    "DECISION (par {pour:34}34 voix POUR{/}, {contre:0}0 voix CONTRE{/}, {abstention:0}0 ABSTENTION(S){/}, sur "
    "{votants:34}34 VOTANTS{/}) Le Bureau communautaire décide de signer l'avenant.{issue:adopte}{/}",
    "ONT VOTÉ POUR : {pour:14}14{/} ONT VOTÉ CONTRE : {contre:0}/{/} SE SONT ABSTENUS : {abstention:0}/{/}"
    "{issue:adopte}{/}",
    "Délibération {issue:adopte}adoptée{/} par : {pour:46}46 voix Pour{/}, {abstention:1}1 abstention{/} et "
    "{nppv:5}5 ne prenant pas part au vote{/}{unanimite:false}{/}",
    "{nppv:1}M. Gérard FAURE, intéressé à l'affaire, ne prend pas part au vote{/}. Le conseil, "
    "{unanimite:true}à l'unanimité des votants{/}{qual:des votants}{/}, approuve la cession.{issue:adopte}{/}",
    "{nppv:2}MM. Alain ROUX et Pierre BRUN ne prennent pas part au vote{/}. Le conseil {unanimite:true}à "
    "l'unanimité{/} approuve la convention.{issue:adopte}{/}",
    "Le procès-verbal est {issue:adopte}approuvé{/}, {abstention:1}Monsieur Serge LACOT s'abstient de voter{/}."
    "{noms_abstention:Serge LACOT}{/}{unanimite:false}{/}",
    "Le Conseil Municipal, après en avoir délibéré et {unanimite:false}à la majorité absolue{/} ({pour:49}49 voix "
    "Pour{/} et {abstention:4}4 abstentions{/} : {noms_abstention:Gilles BOIS|Nadia LUC|Dan QUEY|Michel SIRE}Gilles "
    "BOIS, Nadia LUC, Dan QUEY et Michel SIRE{/}) : valide le projet.{issue:adopte}{/}",
    "Résultat du vote : Pour {pour:20}20{/}, Contre {contre:2}2{/}, Abstention {abstention:1}1{/}.{issue:adopte}{/}"
    "{unanimite:false}{/}",
    "{unanimite:false}à la majorité{/}, {pour:41}41 votes pour{/}, dont 4 procurations (M. LUC, Mme RAS) "
    "{contre:2}2 votes contre{/}, {noms_contre:Yves MAI|Ali SY}M. Yves MAI, M. Ali SY{/} {abstention:6}6 "
    "abstentions{/}, APPROUVE l'acquisition.{issue:adopte}{/}",
]

MORE_COUNTS = [
    # "voix pour" is a count even when the next sentence starts with "Le"
    "LE CONSEIL MUNICIPAL A la majorité par {pour:53}53{/} voix pour Le procès-verbal de la séance du 8 février "
    "est {issue:adopte}approuvé{/}.{unanimite:false}{/}",
    # "par 20 voix contre 3": 20 for, 3 against
    "La délibération est {issue:adopte}adoptée{/} par {pour:20}20{/} voix contre {contre:3}3{/}.{unanimite:false}{/}",
    "La proposition est {issue:rejete}rejetée{/} par 10 voix contre 8.{pour:8}{/}{contre:10}{/}{unanimite:false}{/}",
    "Pour ........ {pour:17}17{/}\nContre ....... {contre:2}2{/}\nAbstention ... {abstention:0}0{/}\n{issue:adopte}{/}"
    "{unanimite:false}{/}",
    "Votants 23\nPour | Contre | Abstention\n{pour:20}20{/} | {contre:1}1{/} | {abstention:2}2{/}\n{issue:adopte}{/}"
    "{unanimite:false}{/}",
    "VOTE : {issue:adopte}Adopté{/} {unanimite:true}à l'unanimité des membres présents et représentés{/} "
    "({pour:25}25 voix{/}){qual:des membres présents et représentés}{/}",
    # the member who does not vote is named apart from the vote; the vote stays the act's
    "Le conseil municipal, {unanimite:false}à la majorité{/} ({contre:3}3 voix contre{/}), approuve le compte "
    "administratif.{issue:adopte}{/} {nppv:1}M. le Maire, ayant quitté la séance, ne prend pas part au vote{/}.",
    "Le conseil, {unanimite:true}à l'unanimité des 23 membres présents{/}{qual:des membres présents}{/}, approuve "
    "l'avenant.{issue:adopte}{/}",
    # count of the votes after the unanimity
    "Approbation par l'assemblée {unanimite:true}à l'unanimité des votants{/}{qual:des votants}{/} par "
    "{pour:38}38 voix{/}.{issue:adopte}{/}",
    # a flattened box without colons
    "Votants 23 Pour {pour:23}23{/} Contre {contre:0}0{/} Abstention {abstention:0}0{/}{issue:adopte}{/}",
    "{unanimite:true}à l'unanimité des présents ou représentés{/}{qual:des présents ou représentés}{/}, le conseil "
    "approuve la convention.{issue:adopte}{/}",
    "Le conseil {unanimite:true}à l'unanimité des suffrages exprimés{/}{qual:des suffrages exprimés}{/}, "
    "{abstention:1}M. Paul ROY s'étant abstenu{/}{noms_abstention:Paul ROY}{/}, approuve le rapport.{issue:adopte}{/}",
    "Pour : {pour:21}21{/} – Contre : {contre:0}0{/} – Ne prend pas part au vote : {nppv:2}M. Luc BAS, Mme Ana COR{/}"
    "{issue:adopte}{/}",
    "{issue:adopte}Adoptée{/} par {pour:20}20 voix pour{/} et {contre:3}3 voix contre{/} "
    "({noms_contre:Ana COR|Luc BAS|Eva NOE}Mme Ana COR, M. Luc BAS et Mme Eva NOE{/}).{unanimite:false}{/}",
    "18 POUR – 3 CONTRE – 2 ABSTENTIONS{pour:18}{/}{contre:3}{/}{abstention:2}{/}{issue:adopte}{/}{unanimite:false}{/}",
    # only the votes against and the abstentions are listed: nobody voted for
    "Approuvez-vous le transfert de la compétence ?\nVote :\n- Contre : {contre:14}14{/}\n- Abstentions : "
    "{abstention:2}2{/}, {noms_abstention:GOSSOT|DANAN}Monsieur GOSSOT, Madame DANAN{/}\n{issue:rejete}{/}"
    "{unanimite:false}{/}",
    # a list of counts cut by a remark
    "Vote : - Contre : {contre:4}4{/} ({noms_contre:LEBLANC|THUILLER|DEBUISSER|TANGUY}M. LEBLANC, M. THUILLER, "
    "Mme DEBUISSER et M. TANGUY{/}). M. LEBLANC regrette que le montant n'ait pas été revu à la baisse comme dans "
    "les communes voisines.\n- Pour : {pour:14}14{/}{issue:adopte}{/}{unanimite:false}{/}",
    # taking note, even unanimously, is not a decision
    "Le Conseil Municipal, après en avoir délibéré, {unanimite:true}à l'unanimité{/} :\n- {issue:sans_vote}PREND "
    "ACTE{/} du rapport définitif de la Chambre régionale des comptes.",
]

# --------------------------------------------------------------------------- outcome

OUTCOME = [
    "Le conseil municipal, après en avoir délibéré, {issue:rejete}rejette{/} la proposition de transfert par "
    "{contre:12}12 voix contre{/} et {pour:8}8 voix pour{/}.{unanimite:false}{/}",
    "Mise aux voix, la proposition est {issue:rejete}rejetée{/} {unanimite:false}à la majorité{/}.",
    "La motion {issue:rejete}n'est pas adoptée{/} : {pour:10}10 voix pour{/}, {contre:15}15 voix contre{/}."
    "{unanimite:false}{/}",
    "Pour : {pour:5}5{/} Contre : {contre:9}9{/} Abstention : {abstention:1}1{/}{issue:rejete}{/}{unanimite:false}{/}",
    "Le Conseil municipal {issue:sans_vote}prend acte{/} de la tenue du débat d'orientation budgétaire.",
    "Le conseil municipal {issue:sans_vote}est informé{/} des décisions prises par le Maire dans le cadre de sa "
    "délégation.",
    "Après en avoir délibéré, le Conseil municipal {issue:adopte}APPROUVE{/} le plan de financement. Ainsi fait et "
    "délibéré les jour, mois et an susdits.",
    "Le conseil municipal, {unanimite:false}à la majorité{/}, autorise le Maire à signer l'avenant n°2.{issue:adopte}{/}",
    "Le Conseil Communautaire, après avoir entendu l'exposé, {issue:sans_vote}PREND ACTE{/} de la tenue du débat "
    "d'orientations budgétaires 2024. AUTORISE M. le Président à signer tout acte afférent.",
    "Délibération n°2022-068 - Service administratif : modification d'un poste {issue:adopte}APPROUVEE{/} "
    "Délibération n°2022-069 - Tarifs",
]

NO_VOTE = [  # issue null: no vote at this sitting
    "Point reporté à une prochaine séance.",
    "Ce point est retiré de l'ordre du jour.",
    "Le dossier est ajourné dans l'attente de l'avis des domaines.",
    "Délibération n°2024-015 - Cession de la parcelle AB 12 - AJOURNÉE",
    # a text cut inside its dispositif: no vote is stated, and none is deduced
    "APRÈS EN AVOIR DÉLIBÉRÉ : Article 1 : Adopte le budget primitif du budget général de l'exercice 2020 "
    "présenté par nature.",
]

# --------------------------------------------------------------------------- choosing among votes

CHOICE = [
    # the way of voting is decided first; the act's vote comes after
    "Le conseil décide à l'unanimité de voter à main levée. Après en avoir délibéré, le conseil municipal adopte "
    "le budget par {pour:20}20 voix pour{/} et {contre:3}3 voix contre{/}.{unanimite:false}{/}{issue:adopte}{/}",
    # the commission's opinion inside a visa is not the vote
    "Vu l'avis de la commission des finances (pour : 21 ; contre : 0 ; abstentions : 2) ; Après en avoir "
    "délibéré, le Conseil Municipal, {unanimite:true}à l'unanimité des voix{/}{qual:des voix}{/}, approuve la "
    "convention.{issue:adopte}{/}",
    # the secretary's designation in the preamble is not the act's vote
    "Madame Anne MOREAU est désignée secrétaire de séance à l'unanimité. Monsieur le Président présente le "
    "rapport. Le Conseil communautaire {issue:sans_vote}prend acte{/} de la tenue du débat d'orientations budgétaires.",
    # counts in the heading box, unanimity at the foot: one vote
    "Votants : {votants:23}23{/}\nPour : {pour:23}23{/}\nContre : {contre:0}0{/}\nAbstention : {abstention:0}0{/}\n"
    "Secrétaire de séance : Marie LEFEBVRE\nLe Maire expose au Conseil le projet. Après en avoir délibéré, "
    "APPROUVE l'adhésion.\n-----{issue:adopte}Adoptée{/} {unanimite:true}à l'unanimité des votants{/}"
    "{qual:des votants}{/}-----\nAinsi fait et délibéré.",
    # unanimity in the sentence, counts in a box below
    "Après en avoir délibéré et {unanimite:true}à l'unanimité des membres présents et représentés{/}"
    "{qual:des membres présents et représentés}{/}, le Conseil Municipal décide d'approuver le zonage. "
    "Il charge le Maire de transmettre la délibération à l'EPCI et aux services de l'Etat pour information "
    "dans les meilleurs délais.\nONT VOTE POUR : {pour:14}14{/} ONT VOTE CONTRE : {contre:0}/{/} "
    "SE SONT ABSTENUS : {abstention:0}/{/}{issue:adopte}{/}",
    # a form: both boxes printed, the counts say which one holds
    "Adopté à l'unanimité :\nDate d'affichage :\n{issue:adopte}Adopté{/} {unanimite:false}à la majorité{/} :\n"
    "Voix contre : {contre:0}0{/}\nAbstentions : {abstention:4}4{/}",
    # two designations voted alike
    "Le conseil a désigné M. René ANDRE par 7 voix pour et 1 abstention et M. Jean ROUX par {pour:7}7 voix "
    "pour{/} et {abstention:1}1 abstention{/}.{unanimite:false}{/}{issue:adopte}{/}",
    # the outcome word is stated apart from the counts: the words win over the arithmetic
    "La délibération est {issue:adopte}adoptée{/}.\nContre : {contre:3}3{/} ({noms_contre:Léa BON|Marc VIAL|Jean GRAS}"
    "Mme Léa BON, M. Marc VIAL, M. Jean GRAS{/}){unanimite:false}{/}",
    "Pour : {pour:10}10{/} Contre : {contre:12}12{/}. La motion est donc {issue:rejete}rejetée{/}.{unanimite:false}{/}",
    # a vote told as history is not the act's vote
    "Lors de sa séance du 3 mars 2021, le conseil municipal avait approuvé à l'unanimité le principe du projet. "
    "Après en avoir délibéré, le conseil municipal {issue:adopte}APPROUVE{/} le plan de financement. Ainsi fait et "
    "délibéré.",
    # the previous minutes, alone in their act, are the act's vote
    "Le procès-verbal de la séance du 12 décembre est {issue:adopte}adopté{/} {unanimite:true}à l'unanimité{/}.",
]

NEGATIVE = [  # nothing at all
    "Le montant alloué pour : 334 565,40 € au titre des travaux de voirie.",
    "Vu la délibération du 12 mars 2021 approuvée par le conseil municipal ;",
    "La lutte contre le changement climatique concerne 100 pour cent des communes.",
    "Il convient de désigner 3 membres pour représenter la commune au sein du syndicat.",
    "Par jugement du 3 mai, le tribunal a rejeté sa demande.",
    "La majorité des membres en exercice étant présente, le conseil peut valablement délibérer.",
    "Le budget 2023 a été voté par chapitre en mars.",
    "Le PLU approuvé par délibération du 5 juillet 2011 est exécutoire depuis le 10 août 2011.",
    "M. Jean PETIT est élu maire par 15 voix ; M. Paul GRAND obtient 8 voix.",
    "Le taux passe de 12 pour 100 à 14 pour 100.",
    "Les 3 contre-propositions de l'opposition seront étudiées en commission.",
    "Les 10 membres pour lesquels un remplacement est prévu seront désignés ultérieurement.",
    "Les communes qui ne souhaitent pas mettre en œuvre la délibération adoptée en matière de reversement en "
    "informent le syndicat.",
    "Les crédits sont votés par chapitre et par article (pour : voir annexe 2).",
]


def _check(case: str) -> None:
    text, marks = parse_markup(case)
    best = chosen(text)
    for key, (raw, s, e) in marks.items():
        fname = FIELD[key]
        assert fname in best, f"{fname} missing in {text!r}"
        got = best[fname]
        assert got.value == typed(key, raw), f"{fname}: {got.value!r} != {raw!r} in {text!r}"
        if e > s:
            assert got.start < e and got.end > s, f"{fname} evidence {text[got.start:got.end]!r} not in {text[s:e]!r}"
    for key, fname in FIELD.items():
        if key not in marks and fname in best:
            raise AssertionError(f"{fname} = {best[fname].value!r} not stated in {text!r}")


@pytest.mark.parametrize("case", UNANIMITY + COUNTS + MORE_COUNTS + OUTCOME + CHOICE)
def test_vote_cases(case):
    _check(case)


@pytest.mark.parametrize("text", NO_VOTE)
def test_no_vote(text):
    best = chosen(text)
    assert "vote.issue" not in best, best.get("vote.issue")
    assert not any(k.startswith("vote.") for k in best), best


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert chosen(text) == {}


def test_region_offsets_are_absolute():
    pre = "Préambule sans vote. " * 3
    text = pre + "Adopté par 12 voix pour et 2 voix contre."
    found = [f for f in votes.extract(text, len(pre), len(text), Context()) if f.field == "vote.pour"]
    assert found and text[found[0].start: found[0].end] == "12 voix pour"


def test_head_region_scores_lower():
    text = "Le procès-verbal est adopté à l'unanimité."
    act = {f.field: f.score for f in votes.extract(text, 0, len(text), Context(region="act"))}
    head = {f.field: f.score for f in votes.extract(text, 0, len(text), Context(region="head"))}
    assert head["vote.unanimite"] < act["vote.unanimite"]


def test_no_internal_error_on_slices():
    """``extract`` swallows errors; the inner function must not need to."""
    import random

    rnd = random.Random(7)
    texts = [parse_markup(c)[0] for c in UNANIMITY + COUNTS + MORE_COUNTS + OUTCOME + CHOICE]
    big = "\n".join(texts)
    for _ in range(200):
        a = rnd.randrange(len(big))
        b = min(len(big), a + rnd.randrange(1, 600))
        votes._extract(big, a, b, Context())


def test_never_raises():
    for text in ["", "Pour :", "à l'unanimité" * 500, "\x00\ufeff Contre : ////", "İ" * 50 + " pour : 3 contre : 1"]:
        votes.extract(text, 0, len(text), Context())
    assert votes.extract("abc", 5, 2, Context()) == []


def test_fields_declared():
    text = "Pour : 20 Contre : 1 (M. X) Abstention : 0 Votants : 21. Adopté à la majorité."
    assert {f.field for f in votes.extract(text, 0, len(text), Context())} <= set(votes.FIELDS)


# --------------------------------------------------------------------------- dev corpus

DEV = Path(__file__).parents[2] / "../shared/corpus/dev"
# accuracy floors on the dev documents holding one act (whole text as the region), at what the rules reach
FLOORS = {"pour": 0.95, "contre": 0.95, "abstention": 0.95, "unanimite": 0.95, "issue": 0.9, "nb_votants": 0.9}


@pytest.mark.slow
def test_dev_single_act_documents():
    if not DEV.is_dir():
        pytest.skip("dev corpus absent")
    right = {k: 0 for k in FLOORS}
    n = 0
    for d in sorted(DEV.iterdir()):
        gold_path, src = d / "gold.json", d / "source.txt"
        if not gold_path.is_file() or not src.is_file():
            continue
        acts = json.loads(gold_path.read_text(encoding="utf-8"))["acts"]
        if len(acts) != 1:
            continue
        gold = acts[0]
        text = src.read_text(encoding="utf-8")
        v = votes.vote_of(text)
        n += 1
        for k in FLOORS:
            g = gold.get("nb_votants") if k == "nb_votants" else gold["vote"].get(k)
            p = v["nb_votants"] if k == "nb_votants" else v["vote." + k]
            right[k] += (bool(g) == bool(p)) if k == "unanimite" else (g == p)
    assert n >= 10
    for k, floor in FLOORS.items():
        assert right[k] / n >= floor, (k, right[k], n)
