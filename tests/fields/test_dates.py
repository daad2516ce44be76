"""Dates, hour, stamps and @ctes identifier: annotated phrasings (written for these tests).

Markup: ``{field:value}evidence{/}`` (or ``{field:value;field2:value2}...{/}``) marks the text a field's value must come from. In ``extract``
cases, the best candidate of a marked field must have that value and overlap the mark; a field that
is not marked must have no candidate at all (precision: no candidate rather than a wrong one).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import regex as re

from delibparse.fields import dates
from delibparse.fields.base import Context

MARK = re.compile(r"\{(\w+:[^}]*)\}(.*?)\{/\}", re.S)


def parse_markup(s: str) -> tuple[str, dict[str, tuple[str, int, int]]]:
    out, spans, pos = [], {}, 0
    for m in MARK.finditer(s):
        out.append(s[pos: m.start()])
        at = sum(map(len, out))
        out.append(m.group(2))
        for part in m.group(1).split(";"):  # {field:value;other:value} marks one span for two fields
            field, value = part.split(":", 1)
            spans[field] = (value, at, at + len(m.group(2)))
        pos = m.end()
    out.append(s[pos:])
    return "".join(out), spans


def iso(v):
    return v.isoformat() if hasattr(v, "isoformat") else v


# --------------------------------------------------------------------------- find_dates

DATES = [
    ("L'an deux mille vingt-quatre, le treize février", None, None, ["2024-02-13"]),
    ("L'AN DEUX MIL VINGT le QUINZE du mois de DÉCEMBRE", None, None, ["2020-12-15"]),
    ("L’an deux mille quatorze et le premier mars", None, None, ["2014-03-01"]),
    ("L an deux mil treize et le premier octobre à 20 heures 30", None, None, ["2013-10-01"]),
    ("L'an deux-mille-vingt-et-un, le vingt-et-un janvier", None, None, ["2021-01-21"]),
    ("L'an deux mille vingt-trois, le mardi 07 février", None, None, ["2023-02-07"]),
    ("le 1er mars 2024", None, None, ["2024-03-01"]),
    ("le 1 er mars 2024", None, None, ["2024-03-01"]),
    ("le 1ᵉʳ mars 2024", None, None, ["2024-03-01"]),
    ("réunion du mardi 1 er avril 2008", None, None, ["2008-04-01"]),
    ("13/02/2024, 13.02.2024 et 13-02-24", None, None, ["2024-02-13"] * 3),
    ("ISO 2024-02-13 ; AR émis le 2021-06-02(GMT+1)", None, None, ["2024-02-13", "2021-06-02"]),
    ("Date d'envoi : 20 FEV. 2024 ; le 20 févr. 2024 ; 1 sept. 2024 ; 3 JANV 2023", None, None,
     ["2024-02-20", "2024-02-20", "2024-09-01", "2023-01-03"]),
    ("mardi 13 février 2024 et Vendredi 3 Février 2023", None, None, ["2024-02-13", "2023-02-03"]),
    ("dûment convoqués le vingt-sept février 2015", None, None, ["2015-02-27"]),
    ("le treize février deux mille vingt-quatre", None, None, ["2024-02-13"]),
    ("transmis le 20 / 02 / 2024", None, None, ["2024-02-20"]),
    ("23 FEV.2023 et 8 août 2022 et 8 aout 2022", None, None, ["2023-02-23", "2022-08-08", "2022-08-08"]),
    ("Le 31/02/2024 n'existe pas, le 30 février non plus", None, None, []),
    ("le 14 mai, à vingt heures", 2007, None, ["2007-05-14"]),
    ("le 14 mai, à vingt heures", None, None, []),  # no year known: nothing
    ("convoqué le 9 courant", None, dt.date(2024, 2, 20), ["2024-02-09"]),
    ("lettre du 28 écoulé", None, dt.date(2024, 1, 10), ["2023-12-28"]),
    ("le 9 février deux conseillers sont arrivés", 2024, None, ["2024-02-09"]),
    ("Reçu le 21/1212022", None, None, ["2022-12-21"]),  # slash read as 1 by OCR
    ("L'an deux mille sept, le 14 mai", None, None, ["2007-05-14"]),  # "sept" here is no month
    ("dûment convoqué le 9 oc-\ntobre 2020, s'est réuni", None, None, ["2020-10-09"]),  # cut at line end
    ("convoqué le sept février deux-mille-vingttrois", 2023, None, ["2023-02-07"]),  # glued year: not read
    ("le 3 septembre, le 5 SEPT. 2021 et le 7 sept 2021", 2021, None, ["2021-09-03", "2021-09-05", "2021-09-07"]),
    ("article 2.1.15 du règlement, version 1.2.3", None, None, []),
    ("https://ville.fr/DELIB_13-02-2023.pdf", None, None, []),  # glued to a word: not a date
    ("https://ville.fr/delib 13-02-2023.pdf", None, None, ["2023-02-13"]),  # extract masks URLs
]


@pytest.mark.parametrize("text,year,ref,expected", DATES)
def test_find_dates(text, year, ref, expected):
    assert [iso(m.value) for m in dates.find_dates(text, year=year, ref=ref)] == expected


def test_find_dates_offsets_are_absolute():
    text = "xxxx Séance du 13 février 2024"
    m = dates.find_dates(text, 5)[0]
    assert text[m.start: m.end] == "13 février 2024"
    assert m.kind == "text" and m.year_written


def test_yearless_date_is_flagged():
    m = dates.find_dates("le 14 mai", year=2007)[0]
    assert not m.year_written


# --------------------------------------------------------------------------- find_times

TIMES = [
    ("à vingt heures trente", ["20:30"]),
    ("à 20h30", ["20:30"]),
    ("à 20 H 30", ["20:30"]),
    ("à 20 heures 30", ["20:30"]),
    ("à 18h", ["18:00"]),
    ("à dix-huit heures", ["18:00"]),
    ("à 19 heures", ["19:00"]),
    ("à 9H45", ["09:45"]),
    ("à dix-neuf heures et quart", ["19:15"]),
    ("à dix-huit heures trente minutes", ["18:30"]),
    ("à 18 heures 00", ["18:00"]),
    ("L'an deux mille vingt-quatre, le treize février", []),  # a year is not a time
    ("en 2024, 35 heures hebdomadaires", []),  # 35 is no hour of the day
    ("une réunion de 2 heures, pendant 3 heures ; 6 heures de formation ; 10 heures par semaine", []),
    ("les permanences de 14h00 à 17h00", ["14:00", "17:00"]),
]


@pytest.mark.parametrize("text,expected", TIMES)
def test_find_times(text, expected):
    assert [t.value for t in dates.find_times(text)] == expected


# --------------------------------------------------------------------------- find_actes_ids

IDS = [
    ("ID : 059-215903550-20240220-2024_01-DE", "059-215903550-20240220-2024_01-DE", "2024-02-20"),
    ("ID : 013-211300074-20220106-AR-2022-02-AR", "013-211300074-20220106-AR-2022-02-AR", "2022-01-06"),
    ("Accusé de réception en préfecture 065-200070787-20230216-2023-021-\nDE Date de télétransmission",
     "065-200070787-20230216-2023-021-DE", "2023-02-16"),
    ("ID : 095-219501426 - 20240105 - 032024 - DE", "095-219501426-20240105-032024-DE", "2024-01-05"),
    ("ID : 059-215903550-20240220-\n2024_01- \nDE", "059-215903550-20240220-2024_01-DE", "2024-02-20"),
    ("AR Prefecture 082-218200798-20230206-D13 2023 02 06-DE Reçu le 08/02/2023",
     "082-218200798-20230206-D13 2023 02 06-DE", "2023-02-06"),
    ("Visa : 026-242600252-20200225-14-25-02-20-C-DE / 27-02-2020",
     "026-242600252-20200225-14-25-02-20-C-DE", "2020-02-25"),
]


@pytest.mark.parametrize("text,value,day", IDS)
def test_find_actes_ids(text, value, day):
    (found,) = dates.find_actes_ids(text)
    assert found.value == value and iso(found.date) == day


def test_no_id_in_phone_numbers():
    assert dates.find_actes_ids("Tél. : 04-75-25-43-82, SIRET 215 903 550 00012") == []


# --------------------------------------------------------------------------- extract

EXTRACT = [
    # preamble in words, hour, convocation, then stamps at the end
    ("{date_seance:2024-02-13}L'an deux mille vingt-quatre, le treize février{/} à {heure_seance:20:00}vingt "
     "heures{/}, le Conseil Municipal s'est réuni en lieu ordinaire de ses séances.\n"
     "Date de convocation : {date_convocation:2024-02-09}Le 9 février 2024{/}\n"
     "Vu la loi n° 2013-595 du 8 juillet 2013 d'orientation ;\n"
     "Ainsi fait et délibéré les jours, mois et an susdits.\n"
     "Date d'envoi en Préfecture du Nord : {date_transmission_prefecture:2024-02-20}20 FEV. 2024{/}\n"
     "Date de réception en Préfecture du Nord :\n\n"
     "Date de publication : {date_publication:2024-02-20}20 FEV. 2024{/}"),
    # stamp variant 1 at the top, identifier, sitting title
    ("Envoyé en préfecture le {date_transmission_prefecture:2023-02-09}09/02/2023{/} "
     "Reçu en préfecture le {date_reception_prefecture:2023-02-09}09/02/2023{/} Publié le "
     "ID : {identifiant_actes:091-219102860-20230130-DEL_2023_007-DE}091-219102860-20230130-DEL_2023_007-DE{/}\n"
     "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
     "Séance du {date_seance:2023-01-30}lundi 30 janvier 2023{/}\n"
     "Date de convocation : {date_convocation:2023-01-24}24 janvier 2023{/}"),
    # stamp variant 2: acknowledgement block
    ("Accusé de réception en préfecture\n{identifiant_actes:065-200070787-20230216-2023-021-DE}"
     "065-200070787-20230216-2023-021-DE{/}\nDate de télétransmission : "
     "{date_transmission_prefecture:2023-02-23}23/02/2023{/}\nDate de réception préfecture : "
     "{date_reception_prefecture:2023-02-23}23/02/2023{/}\nL'an deux mille vingt-trois et le "
     "{date_seance:2023-02-16}16 février{/} à {heure_seance:18:30}18 heures 30{/}, le Conseil Communautaire, "
     "légalement convoqué le {date_convocation:2023-02-09}9 février 2023{/}, s'est réuni"),
    # title line, "dûment convoqués le" in words
    ("COMPTE RENDU DU CONSEIL COMMUNAUTAIRE DU {date_seance:2015-03-06}VENDREDI 6 MARS 2015{/}\n"
     "L'an deux mille quinze, le six mars à {heure_seance:18:00}dix-huit heures{/}, les membres du Conseil se "
     "sont réunis à la salle des fêtes, dûment convoqués le {date_convocation:2015-02-27}vingt-sept "
     "février 2015{/}, sous la présidence de M. Paul RIVIERE."),
    # acknowledgement page in ISO form
    ("Nature transaction: AR de transmission d'acte\nDate d'émission de l'accusé de réception: "
     "{date_reception_prefecture:2021-06-02}2021-06-02{/}(GMT+1)\nNuméro Acte de la collectivité locale: 2021_45"),
    # transmission to the contrôle de légalité and publication in the recueil
    ("Délibération transmise au contrôle de légalité le : {date_transmission_prefecture:2008-04-07}7 avril 2008{/}"
     "\nDélibération publiée au recueil n° 13 le : {date_publication:2008-04-07}7 avril 2008{/}\n"
     "Réunion du {date_seance:2008-04-01}mardi 1 er avril 2008{/}\n"
     "DATE DE LA CONVOCATION : {date_convocation:2008-03-20}20 mars 2008{/}"),
    # executory mention at the end
    ("Séance du {date_seance:2023-11-30}30 novembre 2023{/}\nLe conseil approuve.\nACTE EXECUTOIRE Reçu par le "
     "représentant de l'Etat le {date_reception_prefecture:2023-12-01}01/12/2023{/} et publié le "
     "{date_publication:2023-12-01}01/12/2023{/}\nFait à Tronget, le 01/12/2023"),
    # a table row: labels first, then values in the same order
    ("Séance du {date_seance:2020-02-10}10 février 2020{/}\nDate de la convocation Date d'affichage "
     "{date_convocation:2020-02-04}04 février 2020{/} {date_publication:2020-02-17}17 février 2020{/}"),
    # mis en ligne, time in digits after the sitting's date
    ("Date de mise en ligne de l'acte {date_publication:2022-12-22}22/12/2022{/}\nEXTRAIT DU REGISTRE\n"
     "L’an DEUX MILLE VINGT DEUX le {date_seance:2022-12-09}9 décembre{/} à {heure_seance:18:00}18 H 00{/}, "
     "le Conseil municipal s'est réuni. Date convocation du Conseil Municipal : "
     "{date_convocation:2022-12-02}2 décembre 2022{/}"),
    # a sentence-initial date followed by the meeting verb; the convocation in between
    ("REPUBLIQUE FRANCAISE\nLe {date_seance:2023-02-13}lundi treize février deux-mille-vingt-trois{/} à "
     "{heure_seance:19:00}dix-neuf heures{/}, le Conseil municipal, convoqué le "
     "{date_convocation:2023-02-07}sept février deux-mille-vingt-trois{/}, s'est réuni sous la présidence "
     "de Monsieur Paul MARTIN, Maire."),
    # the act's own header; deposit and reception phrasings of the executory mention
    ("Délibération n° 2024-017 du {date_seance:2024-03-12}12 mars 2024{/}\nOBJET : Tarifs de la cantine\n"
     "Vu la délibération n° 2023-05 du 14 février 2023 ;\nActe rendu exécutoire après dépôt en préfecture le "
     "{date_transmission_prefecture:2024-03-15}15/03/2024{/} et publication le "
     "{date_publication:2024-03-16}16/03/2024{/}"),
    ("Séance du {date_seance:2024-03-12}12/03/2024{/}\nCertifié exécutoire compte tenu de la réception en "
     "préfecture le {date_reception_prefecture:2024-03-14}14 mars 2024{/} et de la publication sur le site "
     "internet le {date_publication:2024-03-15}15 mars 2024{/}"),
    ("Date de la séance : {date_seance:2024-03-12}12/03/2024{/}\nDate de transmission au contrôle de "
     "légalité : {date_transmission_prefecture:2024-03-18}18/03/2024{/}"),
    # the executory acknowledgement stamp of télétransmission software
    ("Accusé de réception - Ministère de l'Intérieur\n"
     "{identifiant_actes:059-215903550-20240220-2024_01-DE;date_seance:2024-02-20}"
     "059-215903550-20240220-2024_01-DE{/}\nAccusé certifié exécutoire\nRéception par le préfet : "
     "{date_reception_prefecture:2024-02-20}20/02/2024{/}\nAffichage : {date_publication:2024-02-21}21/02/2024{/}"
     "\nPour l'autorité compétente par délégation"),
    # "réuni le", an hour label; the convocation's posting is not the act's publication
    ("Le Conseil Municipal, réuni le {date_seance:2024-03-12}12 mars 2024{/} en séance publique.\n"
     "Heure de la séance : {heure_seance:20:30}20h30{/}\nDate de convocation : "
     "{date_convocation:2024-03-05}05/03/2024{/}\nDate d'affichage : 05/03/2024"),
    # regularly convened on ..., met on ... at
    ("Le Conseil Municipal, régulièrement convoqué le {date_convocation:2024-03-05}5 mars 2024{/}, s'est réuni "
     "le {date_seance:2024-03-12}12 mars 2024{/} à {heure_seance:20:30}20h30{/} sous la présidence de "
     "Mme Anne DURAND."),
    # titles of minutes; the approval of the previous minutes inside
    ("PROCES-VERBAL DE LA SEANCE DU CONSEIL MUNICIPAL DU {date_seance:2024-03-12}12 MARS 2024{/}\n"
     "Approbation du procès-verbal de la séance du 6 février 2024 : adopté à l'unanimité."),
    ("Conseil communautaire du {date_seance:2024-03-12}jeudi 12 mars 2024{/} à {heure_seance:18:30}18h30{/}\n"
     "Ordre du jour : 1. Budget primitif"),
    ("CONSEIL MUNICIPAL – SÉANCE DU {date_seance:2024-03-12}12/03/2024{/}\nL'an deux mille vingt-quatre, "
     "le douze mars, à {heure_seance:20:30}vingt heures trente minutes{/}, le Conseil Municipal s'est réuni."),
    ("Le {date_seance:2024-03-12}douze mars deux mille vingt-quatre{/} à {heure_seance:20:30}20 h 30{/}, "
     "le conseil municipal de la commune de Saint-Martin, légalement convoqué, s'est réuni en mairie."),
    ("Séance du {date_seance:2024-03-12}12 mars 2024{/}\nReçu à la sous-préfecture de Brest le "
     "{date_reception_prefecture:2024-03-14}14/03/2024{/}\nAffiché le : {date_publication:2024-03-15}"
     "15/03/2024{/}"),
    ("CONSEIL RÉGIONAL\nDÉLIBÉRATION N°CP 2023-024 DU {date_seance:2023-01-25}25 JANVIER 2023{/}\n"
     "POLITIQUES RÉGIONALES ÉNERGIE-CLIMAT\nVu la délibération n° CR 2021-055 du 21 juillet 2021 ;"),
    ("Séance du {date_seance:2024-03-12}12 mars 2024{/}\nDate de dépôt en préfecture : "
     "{date_transmission_prefecture:2024-03-14}14/03/2024{/}\nRetour préfecture le "
     "{date_reception_prefecture:2024-03-14}14/03/2024{/}\nDate d'affichage en mairie : "
     "{date_publication:2024-03-15}15/03/2024{/}"),
    ("Le conseil approuve le budget.\nAinsi fait et délibéré en séance du {date_seance:2024-03-12}12 mars 2024{/}."
     "\nFait à Brest, le 14 mars 2024"),
    # the sitting opened ... at
    ("La séance est ouverte le {date_seance:2023-02-03}vendredi 3 février 2023{/} à {heure_seance:09:45}9H45{/}"
     " (les travaux en commissions sont organisés de 10H20 à 11H30)"),
]


@pytest.mark.parametrize("case", EXTRACT, ids=range(len(EXTRACT)))
def test_extract(case):
    text, spans = parse_markup(case)
    found = dates.extract(text, 0, len(text), Context())
    for field in dates.FIELDS:
        cands = [f for f in found if f.field == field]
        if field not in spans:
            assert not cands, (field, [(iso(c.value), c.rule, text[c.start:c.end]) for c in cands])
            continue
        value, a, b = spans[field]
        best = max(cands, key=lambda f: f.score)
        assert iso(best.value) == value, (field, best)
        same = [c for c in cands if iso(c.value) == value]
        assert any(c.start < b and a < c.end for c in same), (field, text[best.start:best.end], (a, b))


NOT_SEANCE = [
    # a law, a decree, a previous deliberation: never the sitting
    "Vu la loi n° 2013-595 du 8 juillet 2013 d'orientation et de programmation ;",
    "Vu le décret n° 2021-1311 du 7 octobre 2021 portant réforme des règles de publicité ;",
    "Vu la délibération du conseil municipal du 12 mars 2021 approuvant le plan ;",
    "Vu ses délibérations des 17 décembre 2008 et 30 novembre 2009 ;",
    "Par délibération du conseil communautaire du 4 avril 2019, la communauté a prescrit le PLUi.",
    # the minutes of the previous sitting
    "Le procès-verbal de la séance du 13 décembre 2022 est adopté à l'unanimité.",
    "I - APPROBATION DU COMPTE RENDU DE LA SEANCE DU 28 MARS 2007",
    "Monsieur le Maire soumet le procès-verbal du conseil municipal du 9 décembre 2022 à l'approbation.",
    "Les procès-verbaux des conseils communautaires du 21/10/2014 et du 12/12/2014 sont approuvés.",
    "Le compte rendu du conseil communautaire du 18 juin 2020 est adopté.",
    # a report header, a commission, the signature
    "Réunion de la commission des finances du 2 février 2024 : avis favorable.",
    "Fait à Lezennes, le 20 février 2024. Le Maire, Didier DUFOUR",
    "Lors de la séance du 5 juillet 2022, le conseil avait décidé de lancer l'étude.",
]


@pytest.mark.parametrize("text", NOT_SEANCE)
def test_not_a_sitting_date(text):
    # placed inside an act region (not at the top of a document)
    doc = "Objet : Budget\n" * 30 + text
    found = dates.extract(doc, 15 * 30, len(doc), Context(region="act", year=2024))
    assert [f for f in found if f.field == "date_seance"] == []


NOT_STAMP = [
    "Un avis d'appel public à la concurrence a été publié le 8 novembre 2023 sur la plateforme.",
    "Deux ordonnances publiées le 18 juin 2020 ont modifié le code de l'urbanisme.",
    "Le dossier transmis en préfecture le 3 mars 2022 a reçu un avis favorable.",
    "Séance du 12 mars 2024. Date d'affichage de la convocation : 5 mars 2024",
]


@pytest.mark.parametrize("text", NOT_STAMP)
def test_not_a_stamp_of_the_act(text):
    found = dates.extract(text, 0, len(text), Context(region="act", year=2024))
    stamps = ("date_transmission_prefecture", "date_reception_prefecture", "date_publication")
    assert [f for f in found if f.field in stamps] == []


def test_a_wrong_year_hint_does_not_hide_stamps():
    text = ("13.07.2015 Views\nDélibération transmise au contrôle de légalité le : 7 avril 2008\n"
            "Réunion du mardi 1 er avril 2008")
    found = dates.extract(text, 0, len(text), Context(year=2015, region="head"))
    assert {(f.field, f.value.isoformat()) for f in found} >= {
        ("date_transmission_prefecture", "2008-04-07"), ("date_seance", "2008-04-01")}


def test_signature_date_is_not_the_sitting_even_at_the_top():
    text = "Fait à Mazères, le 19 décembre 2022. Le secrétaire de séance, Louis DARDIER"
    found = dates.extract(text, 0, len(text), Context(region="head"))
    assert [f for f in found if f.field == "date_seance"] == []


def test_leaving_member_is_not_the_sitting_hour():
    text = ("Séance du 16 février 2023. Présents : Mme A (arrivée à 19h07), M. B (jusqu'à 22h40). "
            "La séance est levée à 23h15.")
    found = dates.extract(text, 0, len(text), Context())
    assert [f.value for f in found if f.field == "heure_seance"] == []


def test_convocation_after_the_sitting_is_refused():
    text = "Séance du 13 février 2024. Le maire a adressé une convocation le 20 février 2024 pour la suivante."
    found = dates.extract(text, 0, len(text), Context())
    assert [f for f in found if f.field == "date_convocation"] == []


def test_yearless_title_takes_the_context_year():
    text = "Conseil municipal du 24 janvier à 19 heures"
    found = dates.extract(text, 0, len(text), Context(year=2023))
    best = {f.field: f.value for f in sorted(found, key=lambda f: f.score)}
    assert best["date_seance"] == dt.date(2023, 1, 24) and best["heure_seance"] == "19:00"


def test_identifier_date_agrees_with_the_title_against_a_template_typo():
    # the preamble kept last year's number; the title and the @ctes identifier agree
    text = ("ID : 091-219102860-20230130-DEL_2023_007-DE\nSéance du lundi 30 janvier 2023\n"
            "L'an deux mille vingt-deux, le lundi trente janvier, à dix-neuf heures, le Conseil s'est réuni.")
    found = dates.extract(text, 0, len(text), Context())
    best = max((f for f in found if f.field == "date_seance"), key=lambda f: f.score)
    assert best.value == dt.date(2023, 1, 30)


def test_odd_text_never_raises():
    for text in ["", "le", "L'an", "ID : 059-", "le 99/99/9999 à 99h99", "\x00" * 10, "é" * 1000]:
        assert isinstance(dates.extract(text, 0, len(text), Context()), list)


# --------------------------------------------------------------------------- dev corpus

CORPUS = Path(__file__).parents[2] / "../shared/corpus/dev"
# Measured on the 21 single-act documents of the dev set: 21/21 (1.000). The floor leaves room for
# one miss (0.952) so that a rule written for the general case is not blocked by one document.
SEANCE_FLOOR = 0.95


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared dev corpus absent")
def test_dev_corpus_date_seance_single_act_docs():
    right = total = 0
    for d in sorted(CORPUS.iterdir()):
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        if len(gold["acts"]) != 1 or not (d / "source.txt").exists():
            continue
        text = (d / "source.txt").read_text(encoding="utf-8")
        found = [f for f in dates.extract(text, 0, len(text), Context()) if f.field == "date_seance"]
        pred = max(found, key=lambda f: f.score).value.isoformat() if found else None
        total += 1
        right += pred == gold["acts"][0]["date_seance"]
    assert total and right / total >= SEANCE_FLOOR, (right, total)
