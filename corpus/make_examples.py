"""Render the project's own example acts into PDFs of several layouts, each with its gold.

The acts are fictional (invented collectivities and people) and written for this project; the gold of each
act is written here beside its text, in the format of ../shared/corpus/GOLD_SCHEMA.md, and every act gets
``"pages": [first, last]`` from where the renderer actually put it.

Layouts: ``plain``, ``margin_panel`` (counts in a boxed left column beside the body), ``header_table``
(Date / Nombre de membres / Présents / Votants), ``two_columns_header`` (collectivity left, "Extrait du
registre" right), ``stamp_block`` (prefecture stamp box at top right), ``scanned`` (rasterised page image,
rotated ~1°, noisy, grey, no text layer), ``recueil`` (a cover page with a table of contents, then one act per
page run, each page headed by its own @ctes acknowledgement stamp in small type).

Usage::

    python corpus/make_examples.py            # (re)write corpus/examples/exNN_*.{pdf,gold.json,notes.md}
    python corpus/make_examples.py --check    # regenerate in a temp dir, compare gold + text with the committed

Needs the ``examples`` extra (reportlab), pypdfium2 and Pillow. Deterministic: fixed seed, reportlab's
invariant mode, fixed PDF dates.

>>> sorted({e.layout for e in EXAMPLES}) == sorted(LAYOUTS)
True
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "examples"
SEED = 20241129
SCAN_DPI = 150
LAYOUTS = ("plain", "margin_panel", "header_table", "two_columns_header", "stamp_block", "scanned", "recueil")

GOLD_KEYS = (
    "numero", "objet", "collectivite", "organe", "date_seance", "heure_seance", "date_convocation",
    "president", "secretaire", "membres_en_exercice", "nb_presents", "nb_votants", "presents",
    "absents_excuses", "absents", "pouvoirs", "vote", "visas", "considerants", "decisions",
    "date_transmission_prefecture", "date_reception_prefecture", "date_publication", "identifiant_actes",
)  # fmt: skip
LIST_KEYS = ("presents", "absents_excuses", "absents", "pouvoirs", "visas", "considerants", "decisions")

# A block is (kind, text): "title" centred bold, "h" bold, "p" justified paragraph, "small", "right"
# (right-aligned), "gap" (vertical space). Text is plain: it is escaped before rendering.
Block = tuple[str, str]


@dataclass
class ActSpec:
    gold: dict
    body: list[Block]


@dataclass
class Example:
    id: str
    layout: str
    doc_type: str
    acts: list[ActSpec]
    before: list[Block] = field(default_factory=list)  # sitting text before the first act
    after: list[Block] = field(default_factory=list)  # closing text after the last act
    top: dict = field(default_factory=dict)  # layout-specific header data
    notes: str = ""
    stamps: list[list[str]] = field(default_factory=list)  # recueil: the header stamp of each act


def gold_act(**values) -> dict:
    """A full gold act: every key present, lists empty and values null unless given.

    >>> gold_act(numero="12")["vote"]["issue"] is None
    True
    """
    act: dict = {k: ([] if k in LIST_KEYS else None) for k in GOLD_KEYS}
    act["vote"] = {"pour": None, "contre": None, "abstention": None, "unanimite": None, "issue": None}
    for key, value in values.items():
        if key not in act:
            raise KeyError(key)
        act[key] = copy.deepcopy(value)
    return act


def clauses(items: list[str], *, end: str = " ;", last: str = " ;", prefix: str = "") -> list[Block]:
    """Paragraph blocks for gold clauses, written back with their separators."""
    return [("p", f"{prefix}{c}{last if i == len(items) - 1 else end}") for i, c in enumerate(items)]


# --------------------------------------------------------------------------------------------------
# The example acts (fictional). Names are kept as written in the text; civilities are in the text only.
# --------------------------------------------------------------------------------------------------

SAINT_AUBIN = "Saint-Aubin-des-Prés"
LA_CHAPELLE = "La Chapelle-sur-Sorlière"
CC_SORLIERE = "Communauté de communes du Val de Sorlière"
SM_SORLIERE = "Syndicat mixte du bassin de la Sorlière"


def _ex05_plain() -> Example:
    presents = ["Hélène GUÉRINEAU", "Loïc ROUSSELIÈRE", "Nadia FERCHAUD", "Bertrand LEVRARD", "Josiane CORBIÈRE",
                "Fabrice TESSIER-MAUGER", "Anaïs DRONNEAU", "Yannick PELTIER", "Maud GASNIER", "Rémi OUVRARD",
                "Sylviane BOISRAMÉ", "Kévin LHOMMEAU", "Thierry BOUVARD"]  # fmt: skip
    sitting = dict(
        collectivite=SAINT_AUBIN, organe="conseil municipal", date_seance="2024-06-10", heure_seance="20:00",
        date_convocation="2024-06-04", president="Hélène GUÉRINEAU", secretaire="Maud GASNIER",
        membres_en_exercice=15, nb_presents=13, nb_votants=14, presents=presents,
        absents_excuses=["Cédric PAJOT", "Odile RABIER"], pouvoirs=[{"de": "Cédric PAJOT", "a": "Rémi OUVRARD"}],
        date_transmission_prefecture="2024-06-13", date_publication="2024-06-14",
    )  # fmt: skip
    ca = gold_act(
        **dict(sitting, president="Loïc ROUSSELIÈRE", nb_presents=12, nb_votants=13, presents=presents[1:]),
        numero="2024-031", objet="Compte administratif 2023 du budget principal",
        vote={"pour": 12, "contre": 0, "abstention": 1, "unanimite": False, "issue": "adopte"},
        visas=["Vu le Code général des collectivités territoriales, et notamment ses articles L. 1612-12 et L. 2121-14",
               "Vu le compte de gestion 2023 dressé par le comptable public"],
        decisions=["APPROUVE le compte administratif 2023 du budget principal, arrêté comme suit : section de "
                   "fonctionnement, excédent de 214 663,18 € ; section d'investissement, déficit de 58 190,42 €",
                   "CONSTATE la concordance du compte administratif avec le compte de gestion du comptable public"],
    )  # fmt: skip
    affectation = gold_act(
        **sitting, numero="2024-032", objet="Affectation du résultat de fonctionnement 2023",
        vote={"pour": None, "contre": None, "abstention": None, "unanimite": True, "issue": "adopte"},
        considerants=["Considérant le besoin de financement de la section d'investissement de 58 190,42 €"],
        decisions=["DÉCIDE d'affecter l'excédent de fonctionnement 2023 de 214 663,18 € comme suit : 58 190,42 € au "
                   "compte 1068 (excédents de fonctionnement capitalisés) et 156 472,76 € en report à nouveau à la "
                   "ligne 002 du budget 2024"],
    )  # fmt: skip
    convention = gold_act(
        **sitting, numero="2024-033",
        objet="Convention de mise à disposition d'un agent technique avec la Communauté de communes du Val de Sorlière",
        vote={"pour": 14, "contre": None, "abstention": None, "unanimite": True, "issue": "adopte"},
        visas=["Vu le Code général de la fonction publique, et notamment ses articles L. 512-6 et suivants",
               "Vu l'avis du comité social territorial du 16 mai 2024"],
        decisions=["APPROUVE la convention de mise à disposition d'un adjoint technique de la commune auprès de la "
                   "Communauté de communes du Val de Sorlière, à raison de huit heures par semaine, du 1er juillet "
                   "2024 au 30 juin 2025",
                   "AUTORISE Madame le Maire à signer la convention et ses éventuels avenants"],
    )  # fmt: skip
    return Example(
        id="ex05_plain", layout="plain", doc_type="compte_rendu",
        top={"lines": ["COMMUNE DE SAINT-AUBIN-DES-PRÉS", "COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL",
                       "DU 10 JUIN 2024"]},
        before=[
            ("p", "Date de convocation : 4 juin 2024"),
            ("p", "Conseillers en exercice : 15 ; présents : 13 ; votants : 14"),
            ("p", "L'an deux mille vingt-quatre, le dix juin à vingt heures, le Conseil municipal de la commune de "
                  "Saint-Aubin-des-Prés, dûment convoqué, s'est réuni à la mairie sous la présidence de Madame "
                  "Hélène GUÉRINEAU, Maire."),
            ("p", "Étaient présents : Mmes et MM. " + ", ".join(presents) + "."),
            ("p", "Absents excusés : M. Cédric PAJOT, qui a donné pouvoir à M. Rémi OUVRARD ; Mme Odile RABIER."),
            ("p", "Mme Maud GASNIER a été désignée secrétaire de séance."),
        ],
        acts=[
            ActSpec(ca, [
                ("h", "Délibération n° 2024-031 : Compte administratif 2023 du budget principal"),
                ("p", "Madame le Maire présente le compte administratif 2023, qui fait apparaître un excédent de "
                      "fonctionnement de 214 663,18 € et un déficit d'investissement de 58 190,42 €. Les dépenses de "
                      "fonctionnement sont contenues à 1 % près du budget voté, malgré la hausse des fluides. En "
                      "investissement, l'année a été marquée par la réfection de la toiture de l'école et par "
                      "l'acquisition d'un tracteur tondeuse."),
                ("p", "Conformément à l'article L. 2121-14 du Code général des collectivités territoriales, Madame le "
                      "Maire quitte la salle au moment du vote. M. Loïc ROUSSELIÈRE, premier adjoint, est élu "
                      "président pour ce point."),
                ("p", "Présents : 12 - Votants : 13"),
                *clauses(ca["visas"], end=",", last=","),
                ("p", "Le Conseil municipal, sous la présidence de M. Loïc ROUSSELIÈRE, après en avoir délibéré :"),
                *clauses(ca["decisions"], end=" ;", last="."),
                ("p", "Pour : 12 - Contre : 0 - Abstention : 1"),
                ("p", "Madame le Maire reprend place dans la salle et la présidence de la séance."),
            ]),
            ActSpec(affectation, [
                ("h", "Délibération n° 2024-032 : Affectation du résultat de fonctionnement 2023"),
                ("p", "Après l'adoption du compte administratif, il appartient au Conseil municipal de se prononcer "
                      "sur l'affectation de l'excédent de fonctionnement. La couverture du besoin de financement de "
                      "la section d'investissement est prioritaire ; le solde peut être reporté en fonctionnement."),
                *clauses(affectation["considerants"], end=",", last=","),
                ("p", "Le Conseil municipal, après en avoir délibéré, à l'unanimité,"),
                *clauses(affectation["decisions"], last="."),
            ]),
            ActSpec(convention, [
                ("h", "Délibération n° 2024-033 : " + convention["objet"]),
                ("p", "La Communauté de communes du Val de Sorlière a sollicité la commune pour bénéficier, huit "
                      "heures par semaine, de l'appui d'un adjoint technique chargé de l'entretien des sentiers de "
                      "randonnée d'intérêt communautaire. Le coût salarial correspondant sera remboursé "
                      "trimestriellement à la commune sur présentation d'un état des heures effectuées. L'agent "
                      "concerné a donné son accord écrit."),
                *clauses(convention["visas"]),
                ("p", "Le Conseil municipal, après en avoir délibéré, à l'unanimité des membres présents et "
                      "représentés (14 voix pour) :"),
                *clauses(convention["decisions"], last="."),
            ]),
        ],
        after=[
            ("p", "L'ordre du jour étant épuisé, la séance est levée à 21 h 35."),
            ("p", "Délibérations transmises en préfecture le 13 juin 2024 et publiées sur le site internet de la "
                  "commune le 14 juin 2024."),
            ("right", "Le Maire, Hélène GUÉRINEAU"),
        ],
        notes="""\
Plain born-digital compte rendu of a fictional commune, three acts over two pages.

- Act 2024-031 (compte administratif): the Maire leaves the room and the first deputy presides for this act only;
  the act's own figures are stated ("Présents : 12 - Votants : 13") -> president "Loïc ROUSSELIÈRE", 12 présents
  (the Maire removed from the list), 13 votants for that act. Decisions: the two verb paragraphs.
- Act 2024-032: "à l'unanimité" without counts -> counts null, unanimite true.
- Act 2024-033: "à l'unanimité des membres présents et représentés (14 voix pour)" -> pour 14, contre/abstention
  null (not written), unanimite true.
- The closing sentence "transmises en préfecture le 13 juin 2024 et publiées ... le 14 juin 2024" covers all acts.
- Pages: acts run across the page break; "pages" records the first and last page of each act.
""",
    )


def _ex06_margin_panel() -> Example:
    presents = ["Alain CHEVRIER", "Brigitte JOUSSELIN", "Jean-Marc ÉPINEAU", "Gérard POUPIN", "Hélène GUÉRINEAU",
                "Patrick LEBRETON", "Nathalie COUSIN", "Francis DUTERTRE", "Ghislaine PLANCHENAULT", "Valérie HERSANT",
                "Bernard THUAU", "Claire MONNIER", "Aurélie FOURMOND", "Monique LECLERC", "Stéphane ANDOUARD",
                "Jocelyne RAIMBAULT", "Martine VALLÉE", "Christine MÉTAYER", "Yves SAULNIER", "Corinne FOUQUET"]  # fmt: skip
    pouvoirs = [{"de": "Sophie NAVEAU", "a": "Jean-Marc ÉPINEAU"}, {"de": "Damien ROBIN", "a": "Valérie HERSANT"},
                {"de": "Roland GESLIN", "a": "Claire MONNIER"}, {"de": "Xavier PAILLARD", "a": "Martine VALLÉE"}]  # fmt: skip
    act = gold_act(
        numero="2024-014", objet="Adoption du programme local de l'habitat 2024-2029",
        collectivite=CC_SORLIERE, organe="conseil communautaire", date_seance="2024-02-08", heure_seance="18:30",
        date_convocation="2024-02-01", president="Alain CHEVRIER", secretaire="Claire MONNIER",
        membres_en_exercice=27, nb_presents=20, nb_votants=24, presents=presents,
        absents_excuses=["Sophie NAVEAU", "Damien ROBIN", "Roland GESLIN", "Xavier PAILLARD", "Emmanuel TRIDON",
                         "Béatrice HAMON", "Pascal BRÉHIN"],
        pouvoirs=pouvoirs,
        vote={"pour": 22, "contre": 0, "abstention": 2, "unanimite": True, "issue": "adopte"},
        visas=["Vu le Code de la construction et de l'habitation, et notamment ses articles L. 302-1 à L. 302-4-1",
               "Vu la délibération du 14 avril 2022 engageant l'élaboration du programme local de l'habitat",
               "Vu les avis des communes membres et du syndicat mixte du Pays de la Sorlière",
               "Vu l'avis favorable du comité régional de l'habitat et de l'hébergement du 11 janvier 2024"],
        considerants=["Considérant que le programme fixe un objectif de 420 logements sur six ans, dont 15 % de "
                      "logements locatifs sociaux, et une remise sur le marché de 60 logements vacants"],
        decisions=["ADOPTE le programme local de l'habitat 2024-2029 tel qu'annexé à la présente délibération",
                   "DIT que le programme sera transmis aux communes membres et tenu à la disposition du public au "
                   "siège de la Communauté de communes",
                   "AUTORISE le Président à signer toute pièce nécessaire à sa mise en oeuvre"],
        date_transmission_prefecture="2024-02-13", date_publication="2024-02-14",
    )  # fmt: skip
    absents_text = ", ".join(f"{p['de']} (pouvoir à {p['a']})" for p in pouvoirs)
    return Example(
        id="ex06_margin_panel", layout="margin_panel", doc_type="extrait",
        top={
            "lines": ["COMMUNAUTÉ DE COMMUNES DU VAL DE SORLIÈRE", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS",
                      "DU CONSEIL COMMUNAUTAIRE"],
            "panel": ["Nombre de membres", "En exercice : 27", "Présents : 20", "Votants : 24", "",
                      "Date de convocation :", "01/02/2024", "", "Envoyé en préfecture le :", "13/02/2024", "",
                      "Publié le :", "14/02/2024"],
        },  # fmt: skip
        acts=[ActSpec(act, [
            ("h", "Séance du 8 février 2024"),
            ("p", "Le huit février deux mille vingt-quatre à dix-huit heures trente, le Conseil communautaire, "
                  "régulièrement convoqué, s'est réuni au pôle intercommunal de Montreuil-sur-Sorlière sous la "
                  "présidence de M. Alain CHEVRIER."),
            ("p", "Présents : " + ", ".join(presents) + "."),
            ("p", "Absents excusés : " + absents_text + ", Emmanuel TRIDON, Béatrice HAMON, Pascal BRÉHIN."),
            ("p", "Secrétaire de séance : Claire MONNIER"),
            ("h", "Délibération n° 2024-014"),
            ("h", "Objet : Adoption du programme local de l'habitat 2024-2029"),
            ("p", "Mme Brigitte JOUSSELIN, vice-présidente chargée de l'habitat, rappelle que le projet de programme "
                  "a été arrêté le 12 octobre 2023 puis soumis aux communes membres. Il comporte un diagnostic, un "
                  "document d'orientations et un programme d'actions territorialisé commune par commune."),
            *clauses(act["visas"]),
            *clauses(act["considerants"]),
            ("p", "Le Conseil communautaire, après en avoir délibéré, à l'unanimité des suffrages exprimés "
                  "(22 pour, 0 contre, 2 abstentions) :"),
            *clauses(act["decisions"], last="."),
            ("right", "Pour extrait conforme, le Président, Alain CHEVRIER"),
        ])],
        notes="""\
Extract of a fictional intercommunality with the counts in a boxed left-hand panel beside the body.

- The panel ("Nombre de membres / En exercice : 27 / Présents : 20 / Votants : 24", convocation, transmission and
  publication dates) sits beside the preamble: text extraction may interleave panel lines with body lines.
- "à l'unanimité des suffrages exprimés (22 pour, 0 contre, 2 abstentions)" -> unanimite true with 2 abstentions
  (unanimity of the votes cast; abstentions are not cast votes).
- The sitting date is written in words without "L'an" ("Le huit février deux mille vingt-quatre ...").
""",
    )


def _ex07_header_table() -> Example:
    presents = ["Hélène GUÉRINEAU", "Loïc ROUSSELIÈRE", "Nadia FERCHAUD", "Bertrand LEVRARD", "Josiane CORBIÈRE",
                "Fabrice TESSIER-MAUGER", "Anaïs DRONNEAU", "Yannick PELTIER", "Maud GASNIER", "Rémi OUVRARD",
                "Sylviane BOISRAMÉ", "Odile RABIER", "Cédric PAJOT"]  # fmt: skip
    act = gold_act(
        numero="2024-052",
        objet="Modification des statuts de la Communauté de communes du Val de Sorlière : compétence mobilité",
        collectivite=SAINT_AUBIN, organe="conseil municipal", date_seance="2024-09-24", heure_seance="20:30",
        date_convocation="2024-09-17", president="Hélène GUÉRINEAU", secretaire="Josiane CORBIÈRE",
        membres_en_exercice=15, nb_presents=14, nb_votants=15, presents=presents,
        absents_excuses=["Thierry BOUVARD", "Kévin LHOMMEAU"], pouvoirs=[{"de": "Thierry BOUVARD", "a": "Yannick PELTIER"}],
        vote={"pour": None, "contre": None, "abstention": None, "unanimite": True, "issue": "adopte"},
        visas=["Vu le Code général des collectivités territoriales, et notamment son article L. 5211-17",
               "Vu la loi n° 2019-1428 du 24 décembre 2019 d'orientation des mobilités",
               "Vu la délibération du conseil communautaire du 4 juillet 2024 notifiée le 15 juillet 2024"],
        considerants=["Considérant que chaque commune membre dispose d'un délai de trois mois à compter de la "
                      "notification pour se prononcer sur le transfert proposé"],
        decisions=["APPROUVE la modification des statuts de la Communauté de communes du Val de Sorlière portant "
                   "transfert de la compétence d'organisation de la mobilité",
                   "AUTORISE Madame le Maire à notifier la présente délibération au Président de la Communauté de "
                   "communes"],
        date_publication="2024-09-27",
    )  # fmt: skip
    return Example(
        id="ex07_header_table", layout="header_table", doc_type="extrait",
        top={
            "lines": ["COMMUNE DE SAINT-AUBIN-DES-PRÉS", "Extrait du registre des délibérations du Conseil municipal"],
            "table": [["Date de la séance", "Nombre de membres\nen exercice", "Présents", "Votants"],
                      ["24/09/2024", "15", "14", "15"]],
        },  # fmt: skip
        acts=[ActSpec(act, [
            ("p", "L'an deux mille vingt-quatre, le vingt-quatre septembre à 20 heures 30, le Conseil municipal, "
                  "légalement convoqué le 17 septembre 2024, s'est réuni à la mairie en séance publique sous la "
                  "présidence de Mme Hélène GUÉRINEAU, Maire."),
            ("p", "Présents : " + ", ".join(presents) + "."),
            ("p", "Absents excusés : M. Thierry BOUVARD (pouvoir à M. Yannick PELTIER), M. Kévin LHOMMEAU."),
            ("p", "Secrétaire : Mme Josiane CORBIÈRE"),
            ("h", "N° 2024-052 - Modification des statuts de la Communauté de communes du Val de Sorlière : "
                  "compétence mobilité"),
            ("p", "Madame le Maire expose que le conseil communautaire a décidé, le 4 juillet 2024, de se doter de la "
                  "compétence d'autorité organisatrice de la mobilité afin de développer le transport à la demande "
                  "et le covoiturage sur le territoire. Ce transfert suppose l'accord des communes membres dans les "
                  "conditions de majorité qualifiée."),
            *clauses(act["visas"], end=",", last=","),
            *clauses(act["considerants"], end=",", last=","),
            ("p", "Le Conseil municipal, après en avoir délibéré, à l'unanimité,"),
            *clauses(act["decisions"], last="."),
            ("p", "Fait et délibéré les jour, mois et an que dessus."),
            ("right", "La Maire, Hélène GUÉRINEAU"),
            ("small", "Affiché le 27/09/2024"),
        ])],
        notes="""\
Extract of a fictional commune with the counts in a ruled header table (Date de la séance / Nombre de membres en
exercice / Présents / Votants).

- contradiction: nb_presents — the table states 14 présents but the list names 13 people (13 présents + 2 absents
  excusés = 15 members). The gold keeps the STATED figure (14) as the schema asks; a parser may warn.
- contradiction: nb_votants — for the same reason, 13 listed présents + 1 proxy = 14, not the stated 15 votants
  (stated 14 présents + 1 proxy = 15 is consistent with the table itself). Gold keeps 15.
- "Affiché le 27/09/2024" -> date_publication (affichage counts as publication).
- Time written "à 20 heures 30" inside a words preamble.
""",
    )


def _ex08_two_columns_header() -> Example:
    presents = ["Gérard POUPIN", "Christine MÉTAYER", "Didier FOUCHER", "Pauline LEROUX", "Lionel GAUTREAU",
                "Martine CHAUVEAU", "Stéphanie BRIAND", "Julien HUCHET", "Armelle DELAUNAY", "Frédéric PINEAU",
                "Inès TROUILLARD", "Mathieu BESNIER", "Laëtitia RIVIÈRE-COSSON", "Patrice GUILLOUX", "Céline ÉVAIN"]  # fmt: skip
    act = gold_act(
        numero="DEL2024-041",
        objet="Adhésion au service commun d'instruction des autorisations d'urbanisme",
        collectivite=LA_CHAPELLE, organe="conseil municipal", date_seance="2024-10-03", heure_seance="19:00",
        date_convocation="2024-09-26", president="Gérard POUPIN", secretaire="Armelle DELAUNAY",
        membres_en_exercice=19, nb_presents=15, nb_votants=17, presents=presents,
        absents_excuses=["Élodie MARCHAIS", "Hervé BLANCHET"], absents=["Sébastien GIRAUDEAU", "Olivier LAMBERT"],
        pouvoirs=[{"de": "Élodie MARCHAIS", "a": "Christine MÉTAYER"}, {"de": "Hervé BLANCHET", "a": "Gérard POUPIN"}],
        vote={"pour": 15, "contre": 0, "abstention": 2, "unanimite": False, "issue": "adopte"},
        visas=["Vu le Code de l'urbanisme, et notamment son article R. 423-15",
               "Vu la délibération du conseil communautaire du 27 juin 2024 créant un service commun d'instruction"],
        considerants=["Considérant que les services de l'État n'instruisent plus les autorisations d'urbanisme des "
                      "communes membres d'un établissement public de coopération intercommunale de plus de 10 000 "
                      "habitants"],
        decisions=["d'adhérer au service commun d'instruction des autorisations d'urbanisme de la Communauté de "
                   "communes du Val de Sorlière à compter du 1er janvier 2025",
                   "d'approuver la convention fixant les modalités de fonctionnement et de financement du service",
                   "d'autoriser le Maire à signer cette convention"],
        date_transmission_prefecture="2024-10-08", identifiant_actes="053-210531182-20241003-DEL2024_041-DE",
    )  # fmt: skip
    return Example(
        id="ex08_two_columns_header", layout="two_columns_header", doc_type="extrait",
        top={
            "left": ["COMMUNE DE", "LA CHAPELLE-SUR-SORLIÈRE", "Département de la Mayenne",
                     "Arrondissement de Château-Gontier"],
            "right": ["EXTRAIT DU REGISTRE", "DES DÉLIBÉRATIONS", "DU CONSEIL MUNICIPAL", "Séance du 3 octobre 2024"],
        },  # fmt: skip
        acts=[ActSpec(act, [
            ("p", "Nombre de conseillers en exercice : 19 - Présents : 15 - Votants : 17"),
            ("p", "L'an deux mille vingt-quatre, le trois octobre à dix-neuf heures, le Conseil municipal de la commune "
                  "de La Chapelle-sur-Sorlière, convoqué le vingt-six septembre, s'est réuni en mairie sous la "
                  "présidence de M. Gérard POUPIN, Maire."),
            ("p", "Étaient présents : " + " - ".join(presents)),
            ("p", "Absents excusés : Élodie MARCHAIS (pouvoir à Christine MÉTAYER) - Hervé BLANCHET (pouvoir à "
                  "Gérard POUPIN)"),
            ("p", "Absents : Sébastien GIRAUDEAU - Olivier LAMBERT"),
            ("p", "Secrétaire de séance : Armelle DELAUNAY"),
            ("h", "DEL2024-041 - Adhésion au service commun d'instruction des autorisations d'urbanisme"),
            ("p", "M. le Maire rappelle que la commune confie aujourd'hui l'instruction de ses permis de construire et "
                  "déclarations préalables à une commune voisine par convention. La Communauté de communes propose "
                  "un service commun, financé par ses membres au prorata des actes instruits."),
            *clauses(act["visas"]),
            *clauses(act["considerants"]),
            ("p", "Le Conseil municipal, après en avoir délibéré, DÉCIDE :"),
            *clauses(act["decisions"], last=".", prefix="- "),
            ("p", "POUR : 15     CONTRE : 0     ABSTENTIONS : 2"),
            ("right", "Le Maire, Gérard POUPIN"),
            ("small", "Transmis au contrôle de légalité le 08/10/2024 - 053-210531182-20241003-DEL2024_041-DE"),
        ])],
        notes="""\
Extract of a fictional commune with a two-column header (collectivity on the left, "Extrait du registre ... Séance
du 3 octobre 2024" on the right): line-based text extraction may glue the two columns line by line.

- Convocation "convoqué le vingt-six septembre": the year is missing but obvious from the same sentence -> 2024-09-26.
- DÉCIDE followed by three dash items -> the three items are the decisions (dash removed).
- The @ctes identifier writes the act number with "_" (DEL2024_041) where the act says DEL2024-041.
""",
    )


def _ex09_stamp_block() -> Example:
    presents = ["Jean-Marc ÉPINEAU", "Patrick LEBRETON", "Ghislaine PLANCHENAULT", "Didier FOUCHER", "Rémi OUVRARD",
                "Aurélie FOURMOND", "Hubert CHAMPION", "Sandrine LEPAGE", "Mickaël BOULAY"]  # fmt: skip
    act = gold_act(
        numero="CS2024-21", objet="Participations des membres au titre de l'exercice 2025",
        collectivite=SM_SORLIERE, organe="comité syndical", date_seance="2024-11-19", heure_seance="17:30",
        date_convocation="2024-11-08", president="Jean-Marc ÉPINEAU", secretaire="Sandrine LEPAGE",
        membres_en_exercice=12, nb_presents=9, nb_votants=10, presents=presents,
        absents_excuses=["Josiane CORBIÈRE", "Lionel GAUTREAU"], absents=["Thibault RENOU"],
        pouvoirs=[{"de": "Josiane CORBIÈRE", "a": "Rémi OUVRARD"}],
        vote={"pour": 10, "contre": 0, "abstention": 0, "unanimite": True, "issue": "adopte"},
        visas=["Vu les statuts du Syndicat mixte du bassin de la Sorlière, et notamment leur article 9 relatif à la "
               "répartition des contributions",
               "Vu le débat d'orientation budgétaire du 15 octobre 2024"],
        decisions=["Article 1er : Le montant total des participations des membres est fixé à 386 400 € pour "
                   "l'exercice 2025",
                   "Article 2 : Ce montant est réparti entre les membres selon la clé statutaire : 70 % au prorata "
                   "de la population et 30 % au prorata du linéaire de cours d'eau, conformément au tableau annexé",
                   "Article 3 : Le Président est chargé de l'exécution de la présente délibération"],
        date_transmission_prefecture="2024-11-22", date_reception_prefecture="2024-11-22",
        date_publication="2024-11-25", identifiant_actes="053-255300915-20241119-CS2024_21-DE",
    )  # fmt: skip
    return Example(
        id="ex09_stamp_block", layout="stamp_block", doc_type="extrait",
        top={
            "left": ["SYNDICAT MIXTE DU BASSIN", "DE LA SORLIÈRE", "12 rue des Tanneurs",
                     "53200 Château-Gontier-sur-Mayenne"],
            "stamp": ["Envoyé en préfecture le 22/11/2024", "Reçu en préfecture le 22/11/2024",
                      "Publié le 25/11/2024", "ID : 053-255300915-20241119-CS2024_21-DE"],
        },  # fmt: skip
        acts=[ActSpec(act, [
            ("title", "DÉLIBÉRATION DU COMITÉ SYNDICAL"),
            ("title", "Séance du 19 novembre 2024"),
            ("p", "Délégués en exercice : 12 | Présents : 9 | Votants : 10 | Convocation du 8 novembre 2024"),
            ("p", "Le mardi dix-neuf novembre deux mille vingt-quatre, à 17 h 30, le Comité syndical s'est réuni au "
                  "siège du syndicat, sous la présidence de M. Jean-Marc ÉPINEAU, Président."),
            ("p", "Présents : MM. et Mmes " + ", ".join(presents) + "."),
            ("p", "Excusés : Mme Josiane CORBIÈRE (pouvoir à M. Rémi OUVRARD), M. Lionel GAUTREAU."),
            ("p", "Absent : M. Thibault RENOU."),
            ("p", "Secrétaire de séance : Mme Sandrine LEPAGE."),
            ("h", "Délibération n° CS2024-21"),
            ("h", "Objet : Participations des membres au titre de l'exercice 2025"),
            ("p", "Le Président présente le projet de budget 2025, qui prévoit la poursuite du programme de "
                  "restauration de la continuité écologique et le renouvellement de la convention d'animation "
                  "du contrat territorial eau."),
            *clauses(act["visas"]),
            ("p", "Le Comité syndical, après en avoir délibéré, à l'unanimité (10 voix pour, 0 contre, 0 abstention),"),
            ("p", "DÉLIBÈRE :"),
            *clauses(act["decisions"], end=".", last="."),
            ("right", "Le Président, Jean-Marc ÉPINEAU"),
        ])],
        notes="""\
Extract of a fictional syndicat mixte (comité syndical) with an @ctes stamp box at the top right (stamp variant 1:
"Envoyé en préfecture le / Reçu en préfecture le / Publié le / ID : ..."), beside the syndicat's address block.

- Stamp dates -> date_transmission_prefecture, date_reception_prefecture, date_publication; "ID :" -> identifiant_actes.
- Time "17 h 30" (spaced) inside a words date without "L'an".
- Decisions: the three "Article N" clauses after "DÉLIBÈRE :" (Article 1er written with "er").
""",
    )


def _ex10_scanned() -> Example:
    presents = ["Jean-Claude PIGEON", "Hélène GUÉRINEAU", "Loïc ROUSSELIÈRE", "Michel DUVEAU", "Josiane CORBIÈRE",
                "André LEVRARD", "Monique BERSON", "Yannick PELTIER", "Sylviane BOISRAMÉ", "Gaëtan FOUILLEUL",
                "Rémi OUVRARD"]  # fmt: skip
    act = gold_act(
        numero="2019-038", objet="Dénomination des voies du lotissement des Vergers",
        collectivite=SAINT_AUBIN, organe="conseil municipal", date_seance="2019-07-01", heure_seance="20:30",
        date_convocation="2019-06-25", president="Jean-Claude PIGEON", secretaire="Monique BERSON",
        membres_en_exercice=15, nb_presents=11, nb_votants=12, presents=presents,
        absents_excuses=["Patricia GOURDIN", "Noël HÉRISSÉ", "Céline TAUNAY", "Damien LEMESLE"],
        pouvoirs=[{"de": "Patricia GOURDIN", "a": "Hélène GUÉRINEAU"}],
        vote={"pour": None, "contre": None, "abstention": None, "unanimite": True, "issue": "adopte"},
        considerants=["Considérant l'intérêt de dénommer les voies nouvelles afin de faciliter le repérage par les "
                      "services de secours et la distribution du courrier"],
        decisions=["DÉCIDE de dénommer « rue des Reinettes » la voie principale du lotissement des Vergers et "
                   "« impasse des Calvilles » la voie desservant les lots 9 à 14",
                   "CHARGE Monsieur le Maire de transmettre cette décision au service du cadastre et aux services "
                   "postaux"],
        date_transmission_prefecture="2019-07-03", date_publication="2019-07-04",
    )  # fmt: skip
    return Example(
        id="ex10_scanned", layout="scanned", doc_type="extrait",
        top={"lines": ["Département de la Mayenne - Commune de Saint-Aubin-des-Prés",
                       "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL"]},
        acts=[ActSpec(act, [
            ("p", "Nombre de membres en exercice : 15 - présents : 11 - votants : 12"),
            ("p", "L'an deux mil dix-neuf, le premier juillet à vingt heures trente, le Conseil municipal de cette "
                  "commune, régulièrement convoqué le 25 juin 2019, s'est réuni au lieu ordinaire de ses séances "
                  "sous la présidence de M. Jean-Claude PIGEON, Maire."),
            ("p", "Présents : " + ", ".join(presents) + "."),
            ("p", "Absents excusés : Mme Patricia GOURDIN (pouvoir à Mme Hélène GUÉRINEAU), M. Noël HÉRISSÉ, "
                  "Mme Céline TAUNAY, M. Damien LEMESLE."),
            ("p", "Mme Monique BERSON a été élue secrétaire de séance."),
            ("h", "N° 2019-038 - Dénomination des voies du lotissement des Vergers"),
            ("p", "Monsieur le Maire indique que les travaux de viabilisation du lotissement des Vergers sont achevés "
                  "et qu'il convient de nommer les deux voies nouvelles. La commission voirie propose des noms de "
                  "variétés anciennes de pommes, en lien avec l'histoire du site."),
            *clauses(act["considerants"], end=",", last=","),
            ("p", "Le Conseil municipal, après en avoir délibéré, à l'unanimité,"),
            *clauses(act["decisions"], last="."),
            ("right", "Le Maire, Jean-Claude PIGEON"),
            ("small", "Transmis en préfecture le 03/07/2019 - Affiché le 04/07/2019"),
        ])],
        notes="""\
Scanned-looking extract of a fictional commune: the page is a rasterised image (150 dpi, grey, rotated about
one degree, noise and specks), with NO text layer — it needs OCR.

- Preamble "L'an deux mil dix-neuf, le premier juillet" ("mil", "premier") -> 2019-07-01.
- "Transmis en préfecture le 03/07/2019 - Affiché le 04/07/2019" -> transmission and publication (affichage).
""",
    )


def _ex11_recueil() -> Example:
    presents = ["Alain CHEVRIER", "Brigitte JOUSSELIN", "Jean-Marc ÉPINEAU", "Gérard POUPIN", "Hélène GUÉRINEAU",
                "Patrick LEBRETON", "Nathalie COUSIN", "Francis DUTERTRE"]  # fmt: skip
    sitting = dict(
        collectivite=CC_SORLIERE, organe="bureau", date_seance="2024-10-14", heure_seance="17:00",
        date_convocation="2024-10-08", president="Alain CHEVRIER", secretaire="Nathalie COUSIN",
        membres_en_exercice=9, nb_presents=8, nb_votants=8, presents=presents,
        absents_excuses=["Ghislaine PLANCHENAULT"],
    )  # fmt: skip
    aide = gold_act(
        **sitting, numero="B2024-031", objet="Aide à l'immobilier d'entreprise : SARL Menuiserie Gohier",
        vote={"pour": None, "contre": None, "abstention": None, "unanimite": True, "issue": "adopte"},
        visas=["Vu le Code général des collectivités territoriales, et notamment son article L. 1511-3",
               "Vu la délibération du conseil communautaire du 9 juillet 2020 portant délégation d'attributions au "
               "Bureau",
               "Vu le règlement intercommunal des aides à l'immobilier d'entreprise adopté le 18 mars 2021"],
        decisions=["ACCORDE à la SARL Menuiserie Gohier une aide à l'immobilier d'entreprise de 12 000 € pour "
                   "l'extension de son atelier situé zone artisanale des Noës à Grez-la-Sorlière",
                   "AUTORISE le Président à signer la convention d'aide correspondante"],
        date_transmission_prefecture="2024-10-17", date_reception_prefecture="2024-10-17",
        date_publication="2024-10-18", identifiant_actes="053-200074185-20241014-B2024_031-DE",
    )  # fmt: skip
    detr = gold_act(
        **sitting, numero="B2024-032",
        objet="Demande de subvention DETR 2025 pour la rénovation énergétique du gymnase intercommunal",
        vote={"pour": 7, "contre": 0, "abstention": 1, "unanimite": False, "issue": "adopte"},
        visas=["Vu la délibération du conseil communautaire du 9 juillet 2020 portant délégation d'attributions au "
               "Bureau"],
        considerants=["Considérant que le gymnase intercommunal, construit en 1986, présente une consommation "
                      "d'énergie supérieure de 40 % à la moyenne des équipements comparables"],
        decisions=["APPROUVE le plan de financement prévisionnel de l'opération, d'un montant de 642 000 € HT",
                   "SOLLICITE auprès de l'État une subvention de 224 700 € au titre de la dotation d'équipement des "
                   "territoires ruraux 2025, soit 35 % du montant hors taxes"],
        date_transmission_prefecture="2024-10-17", date_reception_prefecture="2024-10-18",
        date_publication="2024-10-21", identifiant_actes="053-200074185-20241014-B2024_032-DE",
    )  # fmt: skip

    def opening(act: dict) -> list[Block]:
        return [
            ("title", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU BUREAU COMMUNAUTAIRE"),
            ("p", "Séance du lundi 14 octobre 2024 - Membres en exercice : 9 - Présents : 8 - Votants : 8"),
            ("p", "L'an deux mille vingt-quatre, le quatorze octobre à dix-sept heures, le Bureau communautaire, "
                  "convoqué le 8 octobre 2024, s'est réuni au siège de la Communauté de communes sous la présidence "
                  "de M. Alain CHEVRIER, Président."),
            ("p", "Présents : " + ", ".join(presents) + "."),
            ("p", "Excusée : Ghislaine PLANCHENAULT."),
            ("p", "Secrétaire de séance : Nathalie COUSIN."),
            ("h", f"Délibération n° {act['numero']} - {act['objet']}"),
        ]

    def stamp(act: dict) -> list[str]:
        sent, received = (act[k].split("-") for k in ("date_transmission_prefecture", "date_reception_prefecture"))
        return ["Accusé de réception en préfecture", act["identifiant_actes"],
                f"Date de télétransmission : {sent[2]}/{sent[1]}/{sent[0]}",
                f"Date de réception préfecture : {received[2]}/{received[1]}/{received[0]}"]  # fmt: skip

    return Example(
        id="ex11_recueil", layout="recueil", doc_type="recueil",
        top={"lines": ["COMMUNAUTÉ DE COMMUNES DU VAL DE SORLIÈRE", "RECUEIL DES ACTES ADMINISTRATIFS",
                       "N° 2024-4 - octobre à décembre 2024"],
             "footer": "Recueil des actes administratifs n° 2024-4"},  # fmt: skip
        before=[
            ("gap", ""),
            ("h", "Sommaire"),
            ("p", "Délibérations du Bureau communautaire du 14 octobre 2024"),
            ("p", f"{aide['numero']} - {aide['objet']} ........ page 2"),
            ("p", f"{detr['numero']} - {detr['objet']} ........ page 3"),
            ("p", "Arrêtés du Président : néant"),
            ("small", "Le présent recueil est tenu à la disposition du public au siège de la Communauté de communes."),
        ],
        acts=[
            ActSpec(aide, [
                *opening(aide),
                ("p", "La SARL Menuiserie Gohier, qui emploie quatorze salariés, projette l'extension de son atelier "
                      "de 600 m² et le recrutement de quatre personnes d'ici 2026. Le coût des travaux est estimé à "
                      "480 000 € HT. Le dossier a reçu l'avis favorable de la commission développement économique."),
                *clauses(aide["visas"]),
                ("p", "Le Bureau communautaire, après en avoir délibéré, à l'unanimité :"),
                *clauses(aide["decisions"], last="."),
                ("right", "Le Président, Alain CHEVRIER"),
                ("small", "Publiée le 18/10/2024"),
            ]),
            ActSpec(detr, [
                *opening(detr),
                ("p", "Le Président rappelle que l'audit énergétique réalisé en 2023 préconise l'isolation de la "
                      "toiture et des parois, le remplacement de la chaudière au fioul par une pompe à chaleur et la "
                      "pose d'un éclairage à LED. Les travaux pourraient débuter à l'été 2025."),
                *clauses(detr["visas"]),
                *clauses(detr["considerants"]),
                ("p", "Le Bureau communautaire, après en avoir délibéré :"),
                *clauses(detr["decisions"], last="."),
                ("p", "Votants : 8 - Pour : 7 - Contre : 0 - Abstention : 1"),
                ("right", "Le Président, Alain CHEVRIER"),
                ("small", "Publiée le 21/10/2024"),
            ]),
        ],
        stamps=[stamp(aide), stamp(detr)],
        notes="""\
Recueil des actes administratifs of a fictional intercommunality: a cover page with a table of contents (its
lines name the acts: NOT acts themselves), then two deliberations of the Bureau communautaire, each on its own
page(s), each page headed at top right by the act's own @ctes acknowledgement (stamp variant 2: "Accusé de
réception en préfecture / <ID> / Date de télétransmission / Date de réception préfecture").

- organe "bureau"; the sitting facts are repeated in each extract.
- The two acts have different reception and publication dates: a stamp belongs to the act of its page.
- "Excusée :" (feminine) heads the absents excusés.
- Footer "Recueil des actes administratifs n° 2024-4 - page N" is layout.
""",
    )


EXAMPLES: list[Example] = [
    _ex05_plain(), _ex06_margin_panel(), _ex07_header_table(), _ex08_two_columns_header(), _ex09_stamp_block(),
    _ex10_scanned(), _ex11_recueil(),
]  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Rendering (reportlab platypus, standard Type 1 fonts: no font file, small PDFs)
# --------------------------------------------------------------------------------------------------


def _styles():
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName="Times-Roman", fontSize=10.5, leading=13.5, spaceAfter=4,
                          alignment=TA_JUSTIFY)  # fmt: skip
    return {
        "p": base,
        "h": ParagraphStyle("h", parent=base, fontName="Times-Bold", spaceBefore=8, alignment=0),
        "title": ParagraphStyle("title", parent=base, fontName="Times-Bold", fontSize=12, leading=15,
                                alignment=TA_CENTER),  # fmt: skip
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT, spaceBefore=10),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=10.5, spaceBefore=8),
        "panel": ParagraphStyle("panel", parent=base, fontName="Helvetica", fontSize=8.5, leading=11, alignment=0,
                                spaceAfter=0),  # fmt: skip
    }


def _flowables(blocks: list[Block], styles) -> list:
    from reportlab.platypus import Paragraph, Spacer

    out = []
    for kind, text in blocks:
        if kind == "gap":
            out.append(Spacer(1, 10))
        else:
            out.append(Paragraph(escape(text), styles[kind]))
    return out


def _marker_class():
    from reportlab.platypus import Flowable

    class Marker(Flowable):
        """A zero-size flowable that records the page it is drawn on."""

        def __init__(self, pages: list, index: int, which: int):
            super().__init__()
            self.pages, self.index, self.which = pages, index, which

        def wrap(self, *_):
            return 0, 0

        def draw(self):
            self.pages[self.index][self.which] = self.canv.getPageNumber()

    return Marker


def _story(example: Example, styles, pages: list) -> list:
    from reportlab.platypus import KeepTogether, PageBreak

    Marker = _marker_class()
    story = _flowables(example.before, styles)
    for i, spec in enumerate(example.acts):
        if example.layout == "recueil":
            story.append(PageBreak())
        first = _flowables(spec.body[:1], styles)
        story.append(KeepTogether([Marker(pages, i, 0), *first]))
        story.extend(_flowables(spec.body[1:], styles))
        story.append(Marker(pages, i, 1))
    story.extend(_flowables(example.after, styles))
    return story


def _lines(lines: list[str], style) -> list:
    from reportlab.platypus import Paragraph

    return [Paragraph(escape(line) if line else "&nbsp;", style) for line in lines]


def _render(example: Example, path: Path) -> list[list[int]]:
    """Write ``example`` as a born-digital PDF at ``path``; return [first, last] page of each act."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate, Table, TableStyle

    styles = _styles()
    width, height = A4
    margin = 56
    pages: list[list[int]] = [[0, 0] for _ in example.acts]
    layout = "plain" if example.layout == "scanned" else example.layout
    top = example.top

    def footer(canvas, doc):
        canvas.setFont("Times-Roman", 8)
        canvas.drawCentredString(width / 2, 28, f"{doc.page}")

    full = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="full")
    templates = [PageTemplate("rest", [full], onPage=footer)]
    head: list = []
    if layout == "margin_panel":
        panel_w = 128
        head_h = 84
        panel = Frame(margin, margin, panel_w, height - 2 * margin - head_h, id="panel")
        body = Frame(margin + panel_w + 12, margin, width - 2 * margin - panel_w - 12, height - 2 * margin - head_h,
                     id="body")  # fmt: skip
        header = Frame(margin, height - margin - head_h, width - 2 * margin, head_h, id="header")
        templates.insert(0, PageTemplate("first", [header, panel, body], onPage=footer))
        box = Table([[_lines(top["panel"], styles["panel"])]], colWidths=[panel_w - 8])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))  # fmt: skip
        head = [*_lines(top["lines"], styles["title"]), FrameBreak(), box, FrameBreak(), NextPageTemplate("rest")]
    elif layout == "stamp_block":
        stamp_w, stamp_h = 218, 64

        def first_page(canvas, doc):
            footer(canvas, doc)
            x, y = width - margin - stamp_w, height - 40 - stamp_h
            canvas.setLineWidth(0.8)
            canvas.rect(x, y, stamp_w, stamp_h)
            canvas.setFont("Helvetica", 8)
            for k, line in enumerate(top["stamp"]):
                canvas.drawString(x + 6, y + stamp_h - 14 - 14 * k, line)
            canvas.setFont("Helvetica-Bold", 9)
            for k, line in enumerate(top["left"]):
                canvas.setFont("Helvetica-Bold" if k < 2 else "Helvetica", 9)
                canvas.drawString(margin, height - 50 - 12 * k, line)

        body = Frame(margin, margin, width - 2 * margin, height - 2 * margin - 70, id="body")
        templates.insert(0, PageTemplate("first", [body], onPage=first_page))
        head = [NextPageTemplate("rest")]
    elif layout == "recueil":

        def act_stamp(canvas, doc):
            started = [i for i, (first, _) in enumerate(pages) if first]
            if not started:
                return
            canvas.setFont("Helvetica", 7)
            for k, line in enumerate(example.stamps[started[-1]]):
                canvas.drawRightString(width - margin, height - 24 - 9 * k, line)

        def recueil_footer(canvas, doc):
            canvas.setFont("Times-Roman", 8)
            canvas.drawCentredString(width / 2, 28, f"{top['footer']} - page {doc.page}")

        templates = [PageTemplate("first", [full], onPage=recueil_footer, onPageEnd=act_stamp)]
        head = [*_lines(top["lines"], styles["title"])]
    else:
        templates.insert(0, PageTemplate("first", [full], onPage=footer))
        head = [NextPageTemplate("rest")]
        if layout in ("plain", "header_table"):
            head += _lines(top["lines"], styles["title"])
        if layout == "header_table":
            from reportlab.platypus import Paragraph, Spacer

            cells = [[Paragraph(escape(c).replace("\n", "<br/>"), styles["panel"]) for c in row] for row in top["table"]]
            table = Table(cells, colWidths=[110, 130, 80, 80])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))  # fmt: skip
            head += [Spacer(1, 8), table, Spacer(1, 10)]
        if layout == "two_columns_header":
            from reportlab.platypus import Spacer

            table = Table([[_lines(top["left"], styles["panel"]), _lines(top["right"], styles["title"])]],
                          colWidths=[200, width - 2 * margin - 200])  # fmt: skip
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            head += [table, Spacer(1, 14)]

    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, title=example.id, author="delibparse examples", creator="delibparse",
                          invariant=1)  # fmt: skip
    doc.addPageTemplates(templates)
    doc.build(head + _story(example, styles, pages))
    return pages


def _scan(pdf_path: Path, *, seed: int) -> None:
    """Replace ``pdf_path`` by a scanned-looking copy: grey raster pages, rotated, noisy, no text layer."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    source = pdfium.PdfDocument(str(pdf_path))
    images = []
    for page in source:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        image = image.rotate(rng.uniform(0.8, 1.2), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        pixels = np.asarray(image, dtype=np.int16)
        pixels = pixels + nrng.normal(0, 9, pixels.shape).astype(np.int16)
        pixels = np.where(pixels > 215, 235 + nrng.integers(-6, 6, pixels.shape), pixels)  # greyish paper
        for _ in range(60):  # specks
            y, x = int(nrng.integers(0, pixels.shape[0] - 3)), int(nrng.integers(0, pixels.shape[1] - 3))
            pixels[y : y + 2, x : x + 2] = 60
        images.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L"))
    source.close()
    fixed = time.gmtime(1_700_000_000)
    images[0].save(pdf_path, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:], quality=45,
                   creationDate=fixed, modDate=fixed, title="scan", producer="delibparse examples")  # fmt: skip


def build(example: Example, out_dir: Path) -> dict:
    """Render one example into ``out_dir`` (PDF, gold, notes); return its gold."""
    pdf = out_dir / f"{example.id}.pdf"
    pages = _render(example, pdf)
    if example.layout == "scanned":
        _scan(pdf, seed=SEED)
    acts = []
    for spec, span in zip(example.acts, pages, strict=True):
        acts.append({**copy.deepcopy(spec.gold), "pages": list(span)})
    gold = {"doc_type": example.doc_type, "acts": acts}
    (out_dir / f"{example.id}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                     encoding="utf-8")  # fmt: skip
    if example.notes:
        (out_dir / f"{example.id}.notes.md").write_text(f"# {example.id} — annotator's notes\n\n{example.notes}",
                                                        encoding="utf-8")  # fmt: skip
    return gold


def pdf_text(path: Path) -> list[str]:
    """The text layer of each page of a PDF (empty strings for a scan)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def check(committed: Path = OUT_DIR) -> list[str]:
    """Regenerate every example in a temp dir; list what differs from the committed files."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for example in EXAMPLES:
            build(example, out)
            for suffix in (".gold.json", ".notes.md"):
                new, old = out / f"{example.id}{suffix}", committed / f"{example.id}{suffix}"
                if new.exists() != old.exists():
                    problems.append(f"{old.name}: missing" if new.exists() else f"{old.name}: not generated")
                elif new.exists() and suffix == ".gold.json":
                    if json.loads(new.read_text("utf-8")) != json.loads(old.read_text("utf-8")):
                        problems.append(f"{old.name}: gold differs")
                elif new.exists() and new.read_text("utf-8") != old.read_text("utf-8"):
                    problems.append(f"{old.name}: differs")
            old_pdf = committed / f"{example.id}.pdf"
            if not old_pdf.exists():
                problems.append(f"{old_pdf.name}: missing")
            elif pdf_text(out / f"{example.id}.pdf") != pdf_text(old_pdf):
                problems.append(f"{old_pdf.name}: text differs")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: corpus/examples)")
    parser.add_argument("--check", action="store_true", help="regenerate in a temp dir and compare, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.out)
        for problem in problems:
            print(problem, file=sys.stderr)
        print("ok" if not problems else f"{len(problems)} difference(s)")
        return 1 if problems else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES:
        gold = build(example, args.out)
        size = (args.out / f"{example.id}.pdf").stat().st_size
        print(f"{example.id}: {len(gold['acts'])} act(s), pages {[a['pages'] for a in gold['acts']]}, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
