"""Splitting documents into acts, on phrasings written the way minutes are written."""

import pytest

from delibparse.segment import segment


def acts(text):
    return [(a.numero, a.objet) for a in segment(text).acts]


def test_single_extrait_is_one_act_with_its_objet_and_number():
    text = ("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\nCommune de Brenne-sur-Loir\n"
            "Délibération n° 2024-015\nObjet : Tarifs de la restauration scolaire\n"
            "Vu le code général des collectivités territoriales ;\n1 – approuve les tarifs ;\n2 – autorise le maire.\n"
            "Adopté à l'unanimité.")
    seg = segment(text)
    assert seg.single
    assert acts(text) == [("2024-015", "Tarifs de la restauration scolaire")]


def test_minutes_with_numbered_items_and_an_agenda():
    text = ("Séance du 3 mars 2024\nOrdre du jour\n1. Budget primitif 2024\n2. Tarifs de la cantine\n"
            "3. Questions diverses\n\n"
            "1. Budget primitif 2024\nMonsieur le Maire présente le budget primitif, équilibré en recettes et en "
            "dépenses. Le conseil municipal, après en avoir délibéré, adopte le budget à l'unanimité.\n"
            "2. Tarifs de la cantine\nLe prix du repas passe à 3,50 euros à la rentrée de septembre prochain. "
            "Adopté par 12 voix pour et 2 contre.\n")
    got = acts(text)
    assert [o for _, o in got] == ["Budget primitif 2024", "Tarifs de la cantine"]


def test_labelled_numbers_in_flat_text():
    text = ("CONSEIL MUNICIPAL DU 16 FEVRIER 2023 Etaient présents : M. A, Mme B. "
            "Point n°1 Débat d'orientations budgétaires DCM 23.1.49 Le Conseil municipal prend acte du débat. "
            "Point n°2 Tarifs des droits de voirie DCM 23.1.50 A l'unanimité le conseil approuve les tarifs.")
    assert acts(text) == [("DCM 23.1.49", "Débat d'orientations budgétaires"),
                          ("DCM 23.1.50", "Tarifs des droits de voirie")]


def test_list_of_acts_as_table_rows():
    rows = "\n".join(f"0{i}/02/2025 | 2025_00{i} | Objet numéro {i} de la liste des actes | Approuvée" for i in range(1, 5))
    got = acts("RÉPERTOIRE DES DÉLIBÉRATIONS\nDATE | Numéro | OBJET | Résultat\n" + rows)
    assert [n for n, _ in got] == ["2025_001", "2025_002", "2025_003", "2025_004"]
    assert got[0][1] == "Objet numéro 1 de la liste des actes"


@pytest.mark.parametrize("mention", [
    "Vu la délibération n° 2021-45 du 12 mars 2021 relative aux tarifs,",
    "comme le prévoit l'ordonnance n°2020-744 relative aux schémas,",
    "(délibération n°2017-15) permettant la reprise,",
])
def test_references_to_other_acts_are_not_act_starts(mention):
    text = ("EXTRAIT DU REGISTRE\nDélibération n° 2024-003\nObjet : Tarifs municipaux\nLe conseil municipal, " +
            mention + " décide d'approuver les tarifs. Adopté à l'unanimité.")
    assert acts(text) == [("2024-003", "Tarifs municipaux")]


def test_mayor_decisions_by_delegation_are_not_acts():
    text = ("LISTE DES DELIBERATIONS DU CONSEIL MUNICIPAL DU 3 OCTOBRE 2022 "
            "Délibération n°2022-061 - Vente du lot G - APPROUVEE "
            "Délibération n°2022-062 - Vente du lot F - APPROUVEE "
            "Décisions valant délibération : Décision n°2022-060 du 5 juillet 2022 : Renonciation de préemption")
    assert [n for n, _ in acts(text)] == ["2022-061", "2022-062"]


def test_previous_minutes_approval_is_an_act_when_voted():
    text = ("Séance du 10 février 2023. Présents : A, B, C.\n"
            "Le procès-verbal de la séance du 9 décembre 2022 est approuvé à l'unanimité.\n"
            "1) Délibération n° 2023-02-10/01 : Décision modificative n°2\nLe conseil adopte à l'unanimité.\n"
            "2) Délibération n° 2023-02-10/02 : Encaissement de chèques\nLe conseil adopte à l'unanimité.\n")
    got = acts(text)
    assert got[0][1].startswith("procès-verbal de la séance du 9 décembre 2022")
    assert [n for n, _ in got[1:]] == ["2023-02-10/01", "2023-02-10/02"]


def test_a_text_without_any_decision_has_no_act():
    seg = segment("Il était une fois un village au bord de la rivière, où vivaient des meuniers.")
    assert seg.acts == []


@pytest.mark.parametrize("text, expected", [
    # a compte rendu whose only voted item approves the previous minutes, then an information item
    ("COMPTE-RENDU DU CONSEIL MUNICIPAL DU 3 AVRIL 2019 Etaient présents : MM DURAND, PETIT. "
     "Madame PETIT est élue secrétaire. I - APPROBATION DU COMPTE RENDU DE LA SEANCE DU 12 FEVRIER 2019 LE CONSEIL MUNICIPAL APPROUVE A L'UNANIMITE "
     "le compte-rendu de la séance du 12 février 2019. II - COMPTE RENDU DES DECISIONS DU MAIRE LE MAIRE INFORME "
     "LE CONSEIL MUNICIPAL des décisions qu'il a prises en vertu de la délégation qui lui a été conférée : "
     "Décision n°12-19 relative au contrat de maintenance de la chaudière.",
     ("I", "APPROBATION DU COMPTE RENDU DE LA SEANCE DU 12 FEVRIER 2019")),
    ("CONSEIL MUNICIPAL DU 5 MARS 2018 L'an deux mille dix-huit, le 5 mars, le Conseil Municipal s'est réuni. "
     "Le compte rendu de la séance du Conseil Municipal en date du 2 février 2018 a été adopté à l'unanimité. "
     "Il est demandé d'ajouter une question à l'ordre du jour.",
     (None, "compte rendu de la séance du Conseil Municipal en date du 2 février 2018")),
    ("COMPTE RENDU DE LA REUNION DU SYNDICAT DES EAUX DU 4 MAI 2021\n\n- PROCES-VERBAL DE LA REUNION PRECEDENTE\n\n"
     "Le Président soumet le procès-verbal du 2 mars 2021 aux membres présents. Il est adopté à l'unanimité.\n\n"
     "1 – POINT SUR LES TRAVAUX\n\nLes travaux de la station de pompage avancent.",
     (None, "PROCES-VERBAL DE LA REUNION PRECEDENTE")),
])
def test_minutes_approval_as_the_only_act_gives_its_objet(text, expected):
    seg = segment(text)
    assert seg.single and acts(text) == [expected]


def test_minutes_approval_is_not_the_objet_when_another_act_follows():
    text = ("EXTRAIT DU REGISTRE DES DELIBERATIONS Séance du 5 mars 2018. "
            "Le compte rendu de la séance du 2 février 2018 a été adopté à l'unanimité. "
            "Monsieur le Maire expose le projet de travaux à l'école. Considérant l'intérêt du projet, le conseil "
            "municipal, après en avoir délibéré, DECIDE de lancer les travaux. Adopté à l'unanimité.")
    assert acts(text)[0][1] != "compte rendu de la séance du 2 février 2018"


@pytest.mark.parametrize("text, expected", [
    # a flattened extract: the number sits inside the line after the attendance, its title after it
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS Séance du 6 février 2023 PRESENTS : Mme Claire ROQUES, M. Paul VIDAL "
     "ABSENTS : Monsieur Jean PONS n° 06-02-2023 - Rénovation de l'éclairage du stade municipal "
     "Monsieur le Maire rappelle le projet. Vu le code général des collectivités territoriales, "
     "le conseil municipal, après en avoir délibéré, APPROUVE le projet. Adopté à l'unanimité.",
     ("06-02-2023", "Rénovation de l'éclairage du stade municipal")),
    # the number after the title: no objet taken from the sentence that follows it
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS Séance du 2 mai 2024 Secrétaire de séance : Paul VIDAL "
     "Zones d'accélération N°21/2024 La loi n° 2023-175 du 10 mars 2023 vise à accélérer les projets. "
     "Vu le code de l'énergie, le conseil municipal, après en avoir délibéré, APPROUVE les zones. Adopté à l'unanimité.",
     ("21/2024", None)),
])
def test_a_single_acts_number_inside_a_line(text, expected):
    assert acts(text) == [expected]


def test_a_reference_inside_the_body_is_not_the_single_acts_number():
    text = ("EXTRAIT DU REGISTRE DES DELIBERATIONS Séance du 2 mai 2024 Objet : Tarifs de la cantine "
            "Vu le code général des collectivités territoriales, vu le contrat n° 2021-45 Restauration Plus, "
            "le conseil municipal APPROUVE les tarifs. Adopté à l'unanimité.")
    assert acts(text) == [(None, "Tarifs de la cantine")]


@pytest.mark.parametrize("printed, actes_id", [
    ("2023/009", "065-216502260-20230123-2023009-DE"),
    ("03-2024", "095-219501426-20240105-032024-DE"),
    ("14/25-02-20/C", "026-242600252-20200225-14-25-02-20-C-DE"),
])
def test_an_unlabelled_act_number_is_the_one_its_actes_identifier_carries(printed, actes_id):
    from delibparse.pipeline import parse_text

    text = (f"Envoyé en préfecture le 30/01/2024 Reçu en préfecture le 30/01/2024 ID : {actes_id} "
            f"EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL Séance du 23 janvier 2024 {printed} "
            "OBJET : Tarifs de la salle des fêtes Présents : Mme Claire ROQUES, M. Paul VIDAL. "
            "Le conseil municipal, après en avoir délibéré, APPROUVE les tarifs. Adopté à l'unanimité.")
    act = parse_text(text).acts[0]
    assert act.numero == printed
    assert act.provenance["numero"].text == printed


def test_no_number_when_the_identifiers_number_is_not_printed():
    from delibparse.segment import printed_number

    text = "ID : 065-216502260-20230123-2023009-DE Séance du 23 janvier 2023 OBJET : Tarifs"
    assert printed_number(text, 0, len(text), "065-216502260-20230123-2023009-DE") is None
    assert printed_number(text, 0, len(text), "not an identifier") is None


@pytest.mark.parametrize("heading, objet", [
    # "Monsieur le Maire" after a preposition belongs to the title
    ("01 Information du Conseil Municipal relative aux décisions prises par Monsieur le Maire Rapporteur : Paul VIDAL",
     "Information du Conseil Municipal relative aux décisions prises par Monsieur le Maire"),
    # a full stop inside a quoted title does not end it
    ("02 Tarif de vente du livre « Marcel et Rose. Les jardins de Lunel » à la boutique de l'office Rapporteur : Paul VIDAL",
     "Tarif de vente du livre « Marcel et Rose. Les jardins de Lunel » à la boutique de l'office"),
    # the running header of the minutes glued after a title
    ("03 Rénovation des façades - Attribution de subventions Compte-rendu sommaire du Conseil Municipal du mardi 7 mars 2023 "
     "Rapporteur : Paul VIDAL", "Rénovation des façades - Attribution de subventions"),
])
def test_objet_ends_where_the_title_ends(heading, objet):
    from delibparse.segment import _objet_from

    span = _objet_from(heading, 3, len(heading))
    assert heading[span[0]:span[1]] == objet


def test_objets_of_a_flattened_table_of_acts_without_the_rapporteur_and_vote_cells():
    # a three-column table (Objet | Rapporteur | Vote) whose cells' lines came out interleaved
    text = ("CONSEIL MUNICIPAL DU 6 MARS 2023 COMPTE-RENDU DES VOTES Objet Rapporteur Vote "
            "D01 FINANCES - Subvention Paul VIDAL Approuvée exceptionnelle au club de football à l'unanimité "
            "D02 | VOIRIE - Réfection du chemin Claire ROQUES Majorité pour 2 votes des Vignes et du chemin contre : "
            "Marc PONS, des Prés Anne RIBES "
            "D03 | ECOLE - Tarifs de la cantine Paul VIDAL Approuvée à l'unanimité "
            "Mairie de Lunel Tél.: 0400000000")
    assert acts(text) == [
        ("D01", "FINANCES - Subvention exceptionnelle au club de football"),
        ("D02", "VOIRIE - Réfection du chemin des Vignes et du chemin des Prés"),
        ("D03", "ECOLE - Tarifs de la cantine"),
    ]


def test_one_act_whose_number_and_objet_label_are_kept_apart_by_the_attendance():
    text = ("DELIBERATION n° 2024/012 L'an deux mille vingt-quatre et le 8 mars à 18 heures, le Conseil Communautaire, "
            "légalement convoqué, s'est réuni sous la présidence de Monsieur Jean PONS. Présents : Paul VIDAL, Claire ROQUES, "
            "Anne RIBES. Votants : 3. Objet : Ouverture des crédits d'investissement Conformément à l'article L1612-1, "
            "le Président peut engager des dépenses. Le Conseil, après en avoir délibéré, DECIDE d'ouvrir les crédits. "
            "Adopté à l'unanimité.")
    assert acts(text) == [("2024/012", "Ouverture des crédits d'investissement")]


def test_an_extract_whose_title_lost_its_spaces_is_one_act_numbered_by_its_rapport():
    text = ("rapport n° 4 - Voirie\n\nDélibération transmise au contrôle de légalité le : 7 avril 2008"
            "EXTRAITDUREGISTRE DES DÉLIBERATIONSDU CONSEIL GÉNÉRAL Réunion du mardi 1 er avril 2008 RAPPORT N° 4 "
            "PRÉSIDENT : M. Jean PONS OBJET DE LA DÉLIBÉRATION : PROGRAMME DE VOIRIE 2008 M. Paul VIDAL, RAPPORTEUR. "
            "Vu le code de la voirie routière, le Conseil Général ADOPTE le programme. Adopté à l'unanimité.")
    assert acts(text) == [("4", "PROGRAMME DE VOIRIE 2008")]


def test_minutes_with_titles_in_capitals_a_budget_table_and_an_item_without_vote():
    filler = "Les crédits sont ouverts au budget de l'exercice en cours pour cette opération. " * 5
    text = ("PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du 6 mars 2023\n"
            "L'an deux mille vingt-trois, le six mars, le conseil municipal s'est réuni sous la présidence du Maire.\n"
            "LECTURE DU PROCES-VERBAL DE LA SEANCE PRECEDENTE Le procès-verbal est approuvé à l'unanimité. "
            "DM BUDGET EAU M. le Maire rappelle la délibération du 5 septembre 2022. " + filler +
            "INTITULES DES COMPTES DEPENSES COMPTES TOTAUX EGAUX - INVESTISSEMENT MONTANTS ( € ) 023 1 200,00 "
            "Ordre du jour : le Maire propose d'ajouter un point. "
            "VENTE D'UN TERRAIN AU LOTISSEMENT DES VIGNES La parcelle AB 12 a été réservée par M. PONS. "
            "Après en avoir délibéré, le Conseil accepte à l'unanimité. "
            "CONVENTION DE DENEIGEMENT La commune confie le déneigement à un agriculteur. "
            "Après en avoir délibéré, le Conseil approuve à l'unanimité.")
    assert [o for _, o in acts(text)] == [
        "LECTURE DU PROCES-VERBAL DE LA SEANCE PRECEDENTE", "DM BUDGET EAU",
        "VENTE D'UN TERRAIN AU LOTISSEMENT DES VIGNES", "CONVENTION DE DENEIGEMENT"]


def test_a_title_in_capitals_after_an_amount_excluding_tax():
    text = ("PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du 6 mars 2023\n"
            "L'an deux mille vingt-trois, le six mars, le conseil municipal s'est réuni sous la présidence du Maire.\n"
            "DEMANDE DE SUBVENTION AU TITRE DES AMENDES DE POLICE Des travaux de sécurité sont nécessaires. "
            "Le conseil municipal ADOPTE le projet pour un montant de 2 542,01 € H.T. "
            "DEMANDE DE SUBVENTION AU TITRE DU FONDS VERT Des travaux d'isolation sont nécessaires. "
            "Le conseil municipal ADOPTE le projet pour un montant de 8 000 € H.T.")
    assert [o for _, o in acts(text)] == ["DEMANDE DE SUBVENTION AU TITRE DES AMENDES DE POLICE",
                                          "DEMANDE DE SUBVENTION AU TITRE DU FONDS VERT"]


def test_objet_over_several_lines_up_to_the_rapporteur_line():
    text = ("DEL2025-12 : Autorisation de demande de subventions à l'Agence de l'Eau Rhin\n"
            "Meuse et au Département des Vosges pour la régénération\ndu captage des Fontaines\n"
            "Rapporteur : Paul VIDAL\nLe captage des Fontaines alimente trois communes. Adopté à l'unanimité.\n"
            "DEL2025-13 : Tarifs de l'eau\nRapporteur : Paul VIDAL\nLes tarifs sont revus. Adopté à l'unanimité.\n")
    assert [o for _, o in acts(text)] == [
        "Autorisation de demande de subventions à l'Agence de l'Eau Rhin Meuse et au Département des Vosges pour la "
        "régénération du captage des Fontaines", "Tarifs de l'eau"]


def test_a_subtitle_line_belongs_to_the_title_but_a_list_does_not():
    text = ("Conseil Municipal du 13 juin 2019\n"
            "1. Budget de l'eau\n- Décision modificative n°1\nMonsieur PONS informe le conseil. Vote : Pour à l'unanimité\n"
            "2. Tarifs périscolaires\n- Cantine : 3 €\n- Garderie : 2 €\nVote : Pour à l'unanimité\n")
    assert [o for _, o in acts(text)] == ["Budget de l'eau - Décision modificative n°1", "Tarifs périscolaires"]


def test_minutes_approved_without_a_vote_line_are_no_act():
    text = ("Séance du 7 juillet 2025. Présents : A, B, C.\n"
            "Le procès-verbal de la séance du 27 mai 2025 est approuvé.\n"
            "1) Délibération n° 2025-30 : Tarifs de la cantine\nLe conseil adopte à l'unanimité.\n"
            "2) Délibération n° 2025-31 : Subvention au club\nLe conseil adopte à l'unanimité.\n")
    assert [n for n, _ in acts(text)] == ["2025-30", "2025-31"]


def test_the_voting_mode_voted_in_the_preamble_is_an_act():
    text = ("Conseil Municipal du 13 octobre 2016\nMadame PONS demande aux membres du conseil s'ils souhaitent "
            "conserver le mode de vote à main\nlevée et nominatif.\nVote : Pour à l'unanimité\n"
            "ORDRE DU JOUR\n1. Tarifs de la cantine\n2. Subvention au club\n_____\n"
            "1. Tarifs de la cantine\nLe conseil fixe les tarifs. Vote : Pour à l'unanimité\n"
            "2. Subvention au club\nLe conseil attribue la subvention. Vote : Pour à l'unanimité\n")
    seg = segment(text)
    first = seg.acts[0]
    assert first.objet == "mode de vote à main levée et nominatif"
    assert "Vote : Pour à l'unanimité" in text[first.start:first.end]
    assert [a.objet for a in seg.acts[1:]] == ["Tarifs de la cantine", "Subvention au club"]


def test_the_last_act_ends_where_the_sittings_closing_sections_begin():
    text = ("Séance du 6 mars 2023.\n1) Délibération n° 2023-01 : Tarifs de la cantine\nLe conseil adopte à l'unanimité.\n"
            "2) Délibération n° 2023-02 : Subvention au club\nLe conseil adopte à l'unanimité.\n"
            "Questions diverses\nM. PONS demande si le conseil approuve le nouveau marché. Le Maire répond.\n"
            "La séance est levée à 21 h.")
    seg = segment(text)
    assert text[seg.acts[-1].start:seg.acts[-1].end].rstrip().endswith("Le conseil adopte à l'unanimité.")


def test_closing_stamp_of_minutes_dates_every_act():
    from delibparse.pipeline import parse_text

    text = ("Séance du 6 juin 2024.\n1) Délibération n° 2024-01 : Tarifs de la cantine\nLe conseil adopte à l'unanimité.\n"
            "2) Délibération n° 2024-02 : Subvention au club\nLe conseil adopte à l'unanimité.\n"
            "L'ordre du jour étant épuisé, la séance est levée à 21 h 35.\n"
            "Délibérations transmises en préfecture le 13 juin 2024 et publiées le 14 juin 2024.\n")
    acts = parse_text(text).acts
    assert [str(a.date_transmission_prefecture) for a in acts] == ["2024-06-13", "2024-06-13"]
    assert [str(a.date_publication) for a in acts] == ["2024-06-14", "2024-06-14"]


def test_a_list_of_acts_keeps_rows_with_a_short_objet():
    text = ("REPERTOIRE DES DELIBERATIONS\nDate | Numéro | Objet | Résultat\n"
            "20/11/2025 | 2025_039 | Renouvellement du contrat des logiciels | Approuvée\n"
            "20/11/2025 | 2025_040 | Tarifs 2026 | Approuvée\n"
            "20/11/2025 | 2025_041 | Autorisations spéciales d'absence | Approuvée\n")
    assert acts(text) == [("2025_039", "Renouvellement du contrat des logiciels"), ("2025_040", "Tarifs 2026"),
                          ("2025_041", "Autorisations spéciales d'absence")]


def test_the_number_in_parentheses_after_the_objet():
    text = ("Séance du 10 février 2020.\nOBJET : Adoption du règlement du cimetière (n°02/2020-01) Monsieur le Maire "
            "expose le projet. Le conseil adopte à l'unanimité.\nOBJET : Tarifs des concessions (n°02/2020-02) "
            "Monsieur le Maire expose les tarifs. Le conseil adopte à l'unanimité.")
    assert acts(text) == [("02/2020-01", "Adoption du règlement du cimetière"),
                          ("02/2020-02", "Tarifs des concessions")]


@pytest.mark.parametrize("heading, objet", [
    ("04 VOIRIE - Servitude avec ENEDIS sur la parcelle A24 à LUNEL ENEDIS nous a sollicités pour une ligne.",
     "VOIRIE - Servitude avec ENEDIS sur la parcelle A24 à LUNEL"),
    ("05 Lecture du procès-verbal de la séance du 17 DECEMBRE a été faite par le Maire.",
     "Lecture du procès-verbal de la séance du 17 DECEMBRE a été faite par le Maire"),
])
def test_objet_stops_where_an_acronym_starts_a_sentence(heading, objet):
    from delibparse.segment import _objet_from

    span = _objet_from(heading, 3, len(heading))
    assert heading[span[0]:span[1]] == objet


def test_a_postponed_row_does_not_run_into_the_objet_before_it():
    text = ("CONSEIL MUNICIPAL DU 6 MARS 2023 COMPTE-RENDU DES VOTES Objet Rapporteur Vote "
            "D01 TERRAINS - Division de la parcelle Paul VIDAL Approuvée AB12 et cession à l'unanimité "
            "LOGEMENTS SOCIAUX - Avis du Conseil Point reporté à une sur le projet prochaine séance "
            "D02 ECOLE - Tarifs de la cantine Paul VIDAL Approuvée à l'unanimité "
            "D03 SPORT - Subvention au club Anne RIBES Approuvée à l'unanimité")
    assert acts(text)[0] == ("D01", "TERRAINS - Division de la parcelle AB12 et cession")


def test_an_item_of_questions_diverses_without_vote_is_no_act():
    text = ("Séance du 6 mars 2023.\n1 – Délibération n° 2023-01 : Tarifs de la cantine\nLe conseil adopte à l'unanimité.\n"
            "2 – Délibération n° 2023-02 : Subvention au club\nLe conseil adopte à l'unanimité.\n"
            "3 – Questions diverses\nMme PONS rappelle que la fête aura lieu le 21 juin.\nLa séance est levée à 22h.")
    assert [n for n, _ in acts(text)] == ["2023-01", "2023-02"]


def test_in_a_collection_of_extracts_each_act_starts_at_its_own_stamp_and_header():
    header = ("Envoyé en préfecture le 17/10/2024\nReçu en préfecture le 18/10/2024\nID : 053-200074185-20241014-B2024_0{n}-DE\n"
              "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU BUREAU COMMUNAUTAIRE\nSéance du lundi 14 octobre 2024\n"
              "Présents : Alain CHEVRIER, Nathalie COUSIN.\n")
    text = ("RECUEIL DES ACTES ADMINISTRATIFS - OCTOBRE 2024\n\n"
            + header.format(n=31) + "Délibération n° B2024-031 - Tarifs de la piscine\nLe Bureau adopte à l'unanimité.\n"
            + header.format(n=32) + "Délibération n° B2024-032 - Subvention DETR\nLe Bureau adopte à l'unanimité.\n")
    seg = segment(text)
    assert [a.numero for a in seg.acts] == ["B2024-031", "B2024-032"]
    for act, n in zip(seg.acts, (31, 32)):
        own = text[act.start:act.end]
        assert own.startswith("Envoyé en préfecture") and f"B2024_0{n}-DE" in own


def test_a_departure_after_an_items_vote_opens_the_next_item():
    text = ("Séance du 18 juin 2024.\n"
            "1 – DEL2024-01 – Subvention au club\nM. Paul VIDAL ne prend pas part au vote.\nLe conseil DÉCIDE d'attribuer "
            "la subvention.\nPour : 15 Contre : 1 Abstention : 0\n\nM. Olivier LAMBERT quitte la séance à 21h40.\n"
            "Présents : 15 – Votants : 16\n\n2 – DEL2024-02 – Éclairage du stade\nLa proposition est rejetée.\n")
    seg = segment(text)
    first, second = seg.acts
    assert "ne prend pas part au vote" in text[first.start:first.end]
    assert text[second.start:second.end].startswith("M. Olivier LAMBERT quitte la séance")


def test_minutes_approval_is_the_act_when_the_labelled_item_after_it_has_no_vote():
    text = ("EXTRAIT DU REGISTRE - Communauté de communes des Monts\nCOMPTE RENDU DU CONSEIL COMMUNAUTAIRE DU 6 MARS 2015\n"
            "Présents : MM. DURAND, PETIT.\nLes procès-verbaux des Conseils Communautaires du 12/12/2014 et du 15/01/2015 "
            "sont ensuite approuvés à l'unanimité.\nOBJET / COMMUNAUTE DE COMMUNES\nProjet d'espace culturel\n"
            "Mmes GAUVIN et COSTE présentent leur projet d'espace culturel autour du chanvre.\n")
    assert acts(text) == [(None, "procès-verbaux des Conseils Communautaires du 12/12/2014 et du 15/01/2015")]


def test_minutes_approval_spans_its_sentence_and_its_vote():
    text = ("Séance du 10 février 2023. Présents : A, B, C.\nMonsieur le Président soumet le procès-verbal de la séance du "
            "9 décembre 2022 à l'approbation des membres. N'appelant pas de remarque, il est adopté à l'unanimité.\n"
            "1) Délibération n° 2023-02-10/01 : Décision modificative n°2\nLe conseil adopte à l'unanimité.\n"
            "2) Délibération n° 2023-02-10/02 : Encaissement de chèques\nLe conseil adopte à l'unanimité.\n")
    first = segment(text).acts[0]
    own = text[first.start:first.end]
    assert own.startswith("Monsieur le Président soumet") and own.rstrip().endswith("adopté à l'unanimité.")
