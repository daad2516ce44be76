"""Attendance: annotated phrasings (written for the tests, in the ways French registers write them),
negatives, per-act events, and floors on the real dev corpus (skipped when absent)."""

import json
from pathlib import Path

import pytest

from delibparse.fields import attendance
from delibparse.fields.attendance import apply_events, extract
from delibparse.fields.base import Found


def got(text: str) -> dict:
    """Field -> value of the first candidate of each field (offsets checked on the way)."""
    out: dict = {}
    for f in attendance._extract(text, 0, len(text), None):
        assert 0 <= f.start <= f.end <= len(text), f
        out.setdefault(f.field, f.value)
    return out


# ------------------------------------------------------------------ counts

COUNTS = [
    ("Nombre de conseillers en exercice : 23", {"membres_en_exercice": 23}),
    ("Nombre de membres : en exercice 27 présents 19 votants 23",
     {"membres_en_exercice": 27, "nb_presents": 19, "nb_votants": 23}),
    ("Nombre de Conseillers en exercice Présents Procurations Votants 27 20 3 23",
     {"membres_en_exercice": 27, "nb_presents": 20, "nb_representes": 3, "nb_votants": 23}),
    ("Conseillers en exercice : 23 - Présents : 18 - Représentés : 3 - Votants : 21",
     {"membres_en_exercice": 23, "nb_presents": 18, "nb_representes": 3, "nb_votants": 21}),
    ("En exercice : vingt-neuf Présents : vingt et un Votants : vingt-quatre",
     {"membres_en_exercice": 29, "nb_presents": 21, "nb_votants": 24}),
    ("Présents : 15", {"nb_presents": 15}),
    ("**Nombre de Conseillers\nPrésents : 19****Nombre de Conseillers\nVotants : 22**", {"nb_presents": 19, "nb_votants": 22}),
    ("Membres en exercice | Présents | Votants\n31 | 24 | 28", {"membres_en_exercice": 31, "nb_presents": 24, "nb_votants": 28}),
    ("soit 33 conseillers titulaires, 30 présents et 2 pouvoirs donc 32 votants",
     {"membres_en_exercice": 33, "nb_presents": 30, "nb_representes": 2, "nb_votants": 32}),
    ("Votants (présents ou représentés) : 22", {"nb_votants": 22}),
    ("Nombre de présents ou représentés : 26", {"nb_votants": 26}),
    ("Ayant pris part au vote : 41", {"nb_votants": 41}),
    ("Nombre de procurations : 4", {"nb_representes": 4}),
    ("Nombre de conseillers présents ; 17 Nombre de conseillers votants ; 20", {"nb_presents": 17, "nb_votants": 20}),
    ("Présents (17) : M. Paul BOYER, Mme Anne CLEMENT", {"nb_presents": 17}),
    ("Présents : 15 + 2 pouvoirs", {"nb_presents": 15, "nb_representes": 2}),
    ("Conseillers présents : 14 Conseillers représentés : 2 Conseillers absents : 1", {"nb_presents": 14, "nb_representes": 2}),
]


@pytest.mark.parametrize("text,expected", COUNTS)
def test_counts(text, expected):
    g = got(text)
    for k, v in expected.items():
        assert g.get(k) == v, (k, g)


@pytest.mark.parametrize(
    "text,field",
    [
        ("Quorum : 12", "nb_presents"),  # the quorum is not the number present
        ("Le quorum (12) étant atteint, la séance est ouverte.", "nb_presents"),
        ("Délibération 2023/009 Présents : Paul DURAND", "nb_presents"),  # an act number is not a count
        ("Séance du 12 mars 2024 Présents : Anne PETIT", "nb_presents"),
        ("présents titulaires : 40 - présents suppléants : 3", "nb_presents"),  # no single count stated
        ("Suffrages exprimés : 20", "nb_votants"),
    ],
)
def test_counts_negative(text, field):
    assert field not in got(text)


# ------------------------------------------------------------------ lists

LISTS = [
    (
        ("Présents : M. Gérard BONNET, Maire, Mme Lucie FONTAINE, M. Yves MERCIER, Adjoints, Mme Nora RIVIERE. "
        "Absents excusés : M. Loïc TESSIER. Absents : Mme Carla VIDAL. Secrétaire de séance : Mme Lucie FONTAINE"),
        {
            "presents": ["Gérard BONNET", "Lucie FONTAINE", "Yves MERCIER", "Nora RIVIERE"],
            "absents_excuses": ["Loïc TESSIER"],
            "absents": ["Carla VIDAL"],
            "secretaire": "Lucie FONTAINE",
        },
    ),
    (
        "Étaient présents : Mmes ALBERT, BRUN, CARRE, MM. DENIS, ETIENNE et FAURE. Excusés : MM. GARNIER et HOARAU.",
        {"presents": ["ALBERT", "BRUN", "CARRE", "DENIS", "ETIENNE", "FAURE"], "absents_excuses": ["GARNIER", "HOARAU"]},
    ),
    (
        ("PRESENTS : Hugo ANDRE – Inès BERNARD – Jules CHARPENTIER — Léna DUPUIS\nEXCUSES : Marc ESNAULT\n"
        "Date de convocation : 3 mars 2024"),
        {"presents": ["Hugo ANDRE", "Inès BERNARD", "Jules CHARPENTIER", "Léna DUPUIS"], "absents_excuses": ["Marc ESNAULT"]},
    ),
    (
        "Présents : LEROUX Paul ; MARTINEZ Julie ; LE GUEN Alain\nAbsent(s) excusé(s) : NAVARRO Inès",
        {"presents": ["LEROUX Paul", "MARTINEZ Julie", "LE GUEN Alain"], "absents_excuses": ["NAVARRO Inès"]},
    ),
    (
        # the list ends where a sentence starts
        "Etaient présents : M. René PAYET, Mme Sonia QUENTIN, M. Tony RAULT. Formant la majorité des membres en exercice.",
        {"presents": ["René PAYET", "Sonia QUENTIN", "Tony RAULT"]},
    ),
    (
        # a note on a member does not break the list
        "Présents : Mme Alice SERRE (arrivée à 19h10), M. Bruno TISSOT (départ à 20h08), Mme Chloé URBAIN",
        {"presents": ["Alice SERRE", "Bruno TISSOT", "Chloé URBAIN"]},
    ),
    (
        # excused members with a proxy are listed as excused, and the proxy is recorded
        ("Absent(s) excusé(s) ayant donné pouvoir : Mme Diane VASSEUR (pouvoir à M. Eric WEBER), "
        "M. Fabrice YVON (pouvoir à Mme Gaëlle ZIMMER)"),
        {
            "absents_excuses": ["Diane VASSEUR", "Fabrice YVON"],
            "pouvoirs": [{"de": "Diane VASSEUR", "a": "Eric WEBER"}, {"de": "Fabrice YVON", "a": "Gaëlle ZIMMER"}],
        },
    ),
    (
        # absent members who gave a proxy, listed under "Absents"
        ("Absents ayant donné pouvoir : Hervé ALLARD (procuration à Ines BARRE), Julien COSTE (procuration à Kim DROUET) "
        "Absent excusé : Laura EVRARD"),
        {
            "absents": ["Hervé ALLARD", "Julien COSTE"],
            "absents_excuses": ["Laura EVRARD"],
            "pouvoirs": [{"de": "Hervé ALLARD", "a": "Ines BARRE"}, {"de": "Julien COSTE", "a": "Kim DROUET"}],
        },
    ),
]


LISTS += [
    # inclusive writing of headings
    ("Présent(e)s : Mme Irène DUVAL, M. Hugo FLEURY. Absent(e)s excusé(e)s : M. Luc GERMAIN. Absent(e)s : Mme Lou HARDY",
     {"presents": ["Irène DUVAL", "Hugo FLEURY"], "absents_excuses": ["Luc GERMAIN"], "absents": ["Lou HARDY"]}),
    ("Étaient présents les conseillers municipaux suivants : M. Henri ROUX, Mme Julie SIMON",
     {"presents": ["Henri ROUX", "Julie SIMON"]}),
    ("Membres présents : Jacques TANGUY, Marie URBAIN. Membres absents : Paul VIAL",
     {"presents": ["Jacques TANGUY", "Marie URBAIN"], "absents": ["Paul VIAL"]}),
    # people attending who are not members are not présents
    ("Présents : M. Rémi BLOCH. Assistaient également : Mme Lise AUBRY, directrice générale des services",
     {"presents": ["Rémi BLOCH"]}),
]


@pytest.mark.parametrize("text,expected", LISTS)
def test_lists(text, expected):
    g = got(text)
    for k, v in expected.items():
        assert g.get(k) == v, (k, g.get(k))


# ------------------------------------------------------------------ proxies

POUVOIRS = [
    ("Mme Agathe BLOND donne pouvoir à M. Cyril DUMONT.", [("Agathe BLOND", "Cyril DUMONT")]),
    ("Monsieur Hugo FAVRE a donné procuration à Madame Iris GILLET.", [("Hugo FAVRE", "Iris GILLET")]),
    ("Procurations : M. Jean HAMON à Mme Karine IMBERT, Mme Lina JOLY à M. Marc KLEIN",
     [("Jean HAMON", "Karine IMBERT"), ("Lina JOLY", "Marc KLEIN")]),
    ("Excusés représentés : N. LAURENT représenté par O. MASSON - P. NOEL représentée par Q. OLIVIER",
     [("N. LAURENT", "O. MASSON"), ("P. NOEL", "Q. OLIVIER")]),
    ("Pouvoir de M. Rémi PASCAL à Mme Sarah QUINTIN.", [("Rémi PASCAL", "Sarah QUINTIN")]),
    ("Ont donné pouvoir : Thomas RICHARD, procuration à Ugo SALLES Valérie TEXIER, procuration à Willy URBAN",
     [("Thomas RICHARD", "Ugo SALLES"), ("Valérie TEXIER", "Willy URBAN")]),
    # several sentences run together, the receiver must not swallow the next giver
    (("Excusés avec pouvoir : Madame Yvette ARNOUX donne pouvoir à Monsieur Zacharie BOYER "
     "Madame Agnès CLERC donne pouvoir à Madame Brigitte DAVID"),
     [("Yvette ARNOUX", "Zacharie BOYER"), ("Agnès CLERC", "Brigitte DAVID")]),
    ("Excusés : Mme Emma FERRY donnant pouvoir à M. Gaston HUET Mme Ida JACOB donnant pouvoir à Mme Julia KAHN",
     [("Emma FERRY", "Gaston HUET"), ("Ida JACOB", "Julia KAHN")]),
    ("Monsieur Léo MOREL ayant donné pouvoir à Monsieur Max NOGUES", [("Léo MOREL", "Max NOGUES")]),
    ("Mme Odette PARIS est représentée par M. Quentin ROLLAND.", [("Odette PARIS", "Quentin ROLLAND")]),
    ("Excusés : M. Serge TAVERNIER (pouvoir donné à Mme Ursula VIDAL)", [("Serge TAVERNIER", "Ursula VIDAL")]),
    ("M. Wilfried ABADIE a remis un pouvoir à Mme Berthe CAILLAUD.", [("Wilfried ABADIE", "Berthe CAILLAUD")]),
]


@pytest.mark.parametrize("text,expected", POUVOIRS)
def test_pouvoirs(text, expected):
    g = got(text)
    assert [(p["de"], p["a"]) for p in g.get("pouvoirs", [])] == expected


@pytest.mark.parametrize(
    "text",
    [
        # delegations to the mayor to sign are not proxies
        "Le Conseil municipal donne son accord et pouvoir au Maire pour signer la convention.",
        "DONNE pouvoir au Maire pour signer tout document relatif à ce dossier.",
        "donne tout pouvoir à Monsieur le Maire pour signer les actes.",
        "Le conseil donne pouvoir à M. le Président de signer l'avenant.",
        "M. Paul DURAND, représenté par son suppléant M. Jean MARTIN",
    ],
)
def test_pouvoirs_negative(text):
    assert "pouvoirs" not in got(text)


# ------------------------------------------------------------------ president, secretary

PRESIDENT = [
    ("sous la présidence de M. Didier DUFOUR, Maire, à la suite de la convocation", "Didier DUFOUR"),
    ("s'est réuni sous la présidence de Madame Hélène ROCHE.", "Hélène ROCHE"),
    ("sous la présidence de son Maire, Louis MARTEL.", "Louis MARTEL"),
    ("sous la présidence du Maire, Pierre-Yves LE BRIS.", "Pierre-Yves LE BRIS"),
    ("sous la présidence de Monsieur le Président, Alain TROUVE.", "Alain TROUVE"),
    ("Président de séance : M. Roger BLANCHARD", "Roger BLANCHARD"),
    ("La séance est présidée par Mme Agnès PRUVOST.", "Agnès PRUVOST"),
    ("M. Henri CORDIER, Maire, ouvre la séance à 20h30.", "Henri CORDIER"),
    ("sous la présidence de Monsieur Jean Serret, Président", "Jean Serret"),
    ("Monsieur Pierre KLEIN, Maire, préside la séance.", "Pierre KLEIN"),
    # the title only, and the holder named elsewhere as "X, Maire"
    ("Présents : Mme Claire FAURE, Maire, M. Louis GENTIL. Sous la présidence de Madame la Maire, la séance est ouverte.",
     "Claire FAURE"),
]


@pytest.mark.parametrize("text,expected", PRESIDENT)
def test_president(text, expected):
    assert got(text).get("president") == expected


SECRETAIRE = [
    ("Secrétaire de séance : Sandrine DELAGE", "Sandrine DELAGE"),
    ("Secrétaire : Mme Teresa EVORA", "Teresa EVORA"),
    ("Mme Martine COLLIN a été désignée secrétaire de séance.", "Martine COLLIN"),
    ("Monsieur Paul RENARD est élu secrétaire.", "Paul RENARD"),
    ("A été élu secrétaire de séance : Monsieur Robert Arnal", "Robert Arnal"),
    (("procédé à la nomination d'un secrétaire pris au sein du conseil. Monsieur Didier CHAMBON est désigné pour "
     "remplir cette fonction."), "Didier CHAMBON"),
    (("Le conseil municipal a désigné, conformément à l'article L.2121-15 du CGCT, Monsieur CARLIER pour remplir "
     "les fonctions de secrétaire."), "CARLIER"),
    ("Secrétaires de séance : ROUSSEAU Anne et Marc PERROT", "ROUSSEAU Anne et Marc PERROT"),
    ("Secrétaire élu : M. Noël HUBERT", "Noël HUBERT"),
    ("Mme Odile JOUBERT a été choisie comme secrétaire de séance.", "Odile JOUBERT"),
    ("Secrétaire de séance : Commune de Saint-Paul - M. Jean LEROY", "Jean LEROY"),
    ("Secrétaire de séance : M. Yann MOAL KR", "Yann MOAL"),  # OCR debris after the name
]


@pytest.mark.parametrize("text,expected", SECRETAIRE)
def test_secretaire(text, expected):
    assert got(text).get("secretaire") == expected


def test_secretaire_adjoint_is_not_the_secretary():
    t = ("M. Hervé COLAS a été désigné pour remplir les fonctions de secrétaire. "
         "M. Thierry DORE ayant été désigné pour remplir les fonctions de secrétaire-adjoint.")
    assert got(t).get("secretaire") == "Hervé COLAS"


# ------------------------------------------------------------------ per-act events

EVENTS = [
    ("Arrivée de M. Xavier BLANC à 20h15.", "_event.arrivee", "Xavier BLANC"),
    ("M. Yann COLIN rejoint la séance.", "_event.arrivee", "Yann COLIN"),
    ("Mme Zoé DUMAS quitte la séance.", "_event.depart", "Zoé DUMAS"),
    ("Départ de Mme Anaïs ETIENNE à 20h08.", "_event.depart", "Anaïs ETIENNE"),
    ("M. Bruno FERRAND ne prend pas part au vote.", "_event.nppv", "Bruno FERRAND"),
    ("Mme Cécile GARNIER, intéressée, se retire.", "_event.nppv", "Cécile GARNIER"),
]


@pytest.mark.parametrize("text,field,name", EVENTS)
def test_events(text, field, name):
    evs = [f for f in attendance._extract(text, 0, len(text), None) if f.field.startswith("_event.")]
    assert [(f.field, f.value) for f in evs] == [(field, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Suite au départ de Mme Laure MICHEL, directrice générale des services, il convient de recruter.",
        "M. Paul ROUX intègre la commission des finances.",
        "L'arrivée de M. Jean VIDAL au poste de directeur est prévue en mars.",
    ],
)
def test_events_negative(text):
    assert not [f for f in attendance._extract(text, 0, len(text), None) if f.field.startswith("_event.")]


def test_apply_events():
    presents = ["Xavier BLANC", "DUMAS Zoé", "Bruno FERRAND"]
    evs = [
        Found("_event.depart", "Mme Zoé DUMAS", 10, 20, "t"),
        Found("_event.nppv", "M. FERRAND", 30, 40, "t"),
        Found("_event.arrivee", "M. Yann COLIN", 50, 60, "t"),
        Found("_event.arrivee", "BLANC", 70, 80, "t"),  # already there
    ]
    assert apply_events(presents, evs) == ["Xavier BLANC", "Bruno FERRAND", "Yann COLIN"]


def test_apply_events_ambiguous_surname_is_kept():
    evs = [Found("_event.depart", "M. DURAND", 0, 1, "t")]
    assert apply_events(["Paul DURAND", "Marie DURAND"], evs) == ["Paul DURAND", "Marie DURAND"]


def test_offsets_are_absolute():
    pre = "x" * 50 + " "
    t = pre + "Secrétaire de séance : Anne PETIT"
    f = next(f for f in extract(t, 50, len(t), None) if f.field == "secretaire")
    assert t[f.start : f.end] == "Anne PETIT"


@pytest.mark.parametrize("text", ["", "   ", "Présents :", "Pouvoirs :" * 50, "\x00\x01", "M. " * 400])
def test_odd_text_never_raises(text):
    assert isinstance(extract(text, 0, len(text), None), list)


# ------------------------------------------------------------------ dev corpus floors (single-act documents)

DEV = Path(__file__).parents[2] / "../shared/corpus/dev"


def _norm(s):
    from delibparse.lexicon import fold

    return " ".join(sorted(fold(s or "").replace("-", " ").strip(" .,;:").split()))


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="dev corpus absent")
def test_dev_single_act_floors():
    right = {k: 0 for k in ("president", "secretaire", "membres_en_exercice", "nb_presents", "nb_votants")}
    tp = {k: [0, 0, 0] for k in ("presents", "absents_excuses", "absents", "pouvoirs")}
    n = 0
    for d in sorted(DEV.glob("D*")):
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        if len(gold["acts"]) != 1:
            continue
        n += 1
        g = gold["acts"][0]
        text = (d / "source.txt").read_text(encoding="utf-8")
        p = got(text)
        for k in right:
            gv, pv = g.get(k), p.get(k)
            right[k] += (_norm(gv) == _norm(pv)) if isinstance(gv, str) or isinstance(pv, str) else gv == pv
        for k in ("presents", "absents_excuses", "absents"):
            gs = [_norm(x) for x in g.get(k) or []]
            ps = [_norm(x) for x in p.get(k) or []]
            tp[k][0] += sum(1 for x in ps if x in gs)
            tp[k][1] += len(ps)
            tp[k][2] += len(gs)
        gs = [(_norm(x["de"]), _norm(x["a"])) for x in g.get("pouvoirs") or []]
        ps = [(_norm(x["de"]), _norm(x["a"])) for x in p.get("pouvoirs") or []]
        tp["pouvoirs"][0] += sum(1 for x in ps if x in gs)
        tp["pouvoirs"][1] += len(ps)
        tp["pouvoirs"][2] += len(gs)
    assert n >= 15
    acc = {k: v / n for k, v in right.items()}
    f1 = {k: 2 * a / (b + c) if b + c else 1.0 for k, (a, b, c) in tp.items()}
    # floors a little under what the rules reach on the 21 single-act documents (1.0 on every scalar,
    # F1 0.97-1.0 on the lists); raise them deliberately
    floors_acc = {"president": 0.95, "secretaire": 0.95, "membres_en_exercice": 0.95, "nb_presents": 0.95, "nb_votants": 0.95}
    floors_f1 = {"presents": 0.95, "absents_excuses": 0.95, "absents": 0.95, "pouvoirs": 0.95}
    for k, v in floors_acc.items():
        assert acc[k] >= v, (k, acc[k])
    for k, v in floors_f1.items():
        assert f1[k] >= v, (k, f1[k])


# ------------------------------------------------------------------ notes limiting a member's line to some items


def test_schedule_notes():
    t = ("Etaient présents : M. Alain BRUN, Mme Carole DIDIER (à compter de la délibération n°3), "
         "M. Eric FABRE (jusqu'à la délibération n°5), Mme Gina HALLE. "
         "Excusés ayant donné pouvoir : Mme Carole DIDIER à Mme Gina HALLE (jusqu'à la délibération n°2), "
         "M. Ivan JOLY à M. Alain BRUN (à partir de 22h10, point n°4).")
    fs = attendance._extract(t, 0, len(t), None)
    g = {}
    for f in fs:
        g.setdefault(f.field, f.value)
    # the lists describe the opening of the sitting
    assert g["presents"] == ["Alain BRUN", "Eric FABRE", "Gina HALLE"]
    assert g["absents_excuses"] == ["Carole DIDIER"]
    assert g["pouvoirs"] == [{"de": "Carole DIDIER", "a": "Gina HALLE"}]
    sched = [f for f in fs if f.field == "_event.schedule"]
    lists = {k: g.get(k, []) for k in ("presents", "absents_excuses", "absents", "pouvoirs")}
    at4 = attendance.apply_schedule(lists, sched, 4)
    assert at4["presents"] == ["Alain BRUN", "Eric FABRE", "Gina HALLE", "Carole DIDIER"]
    assert at4["absents_excuses"] == ["Ivan JOLY"]
    assert at4["pouvoirs"] == [{"de": "Ivan JOLY", "a": "Alain BRUN"}]
    at6 = attendance.apply_schedule(lists, sched, 6)
    assert "Eric FABRE" not in at6["presents"]


def test_schedule_only_some_items():
    t = "Absents : M. Kevin LUCAS (pour les délibérations n°5, n°8 et n°12), Mme Nina MOREAU. Secrétaire : Mme Nina PAGE"
    fs = attendance._extract(t, 0, len(t), None)
    g = {f.field: f.value for f in fs if not f.field.startswith("_")}
    assert g["absents"] == ["Nina MOREAU"]
    sched = [f for f in fs if f.field == "_event.schedule"]
    assert sched[0].value["only"] == [5, 8, 12]
    assert attendance.apply_schedule({"absents": g["absents"]}, sched, 8)["absents"] == ["Nina MOREAU", "Kevin LUCAS"]


def test_word_in_a_sentence_is_not_a_heading():
    t = "LE BUREAU, APRES EN AVOIR DELIBERE, A L'UNANIMITE DES PRESENTS, APPROUVE la modification."
    assert "presents" not in got(t)


def test_status_glued_to_a_name_is_not_a_heading():
    t = "Etaient présents : Bruno CHAUVIN - Lucette DARRE-ABSENTE - Marc ESTEVE"
    assert "absents" not in got(t)


@pytest.mark.slow
def test_president_named_inside_a_sentence_uses_ner_on_a_slice():
    pytest.importorskip("spacy")
    from delibparse.fields import ner

    if ner._nlp() is None:
        pytest.skip("fr_core_news_sm not installed")
    pre = "Compte rendu. " * 10
    t = pre + "La séance a lieu sous la présidence de l'adjoint délégué Jean-Paul Dumoulin, en l'absence du maire."
    f = attendance.find_president(t, 0, len(t))[0]
    assert (f.value, f.rule) == ("Jean-Paul Dumoulin", "attendance.president_ner")
    assert t[f.start : f.end] == "Jean-Paul Dumoulin"  # offsets mapped back to the document
