"""French and Russian for the demo content, keyed by the English source string, as a
translator would fill a PO file exported from wagtail-localize."""

DEMO_TRANSLATIONS = {
    "fr": {
        "Solidarity with political prisoners": "Solidarité avec les prisonniers politiques",
        "We are an international network of left and anti-war groups. We campaign for people "
        "jailed for what they said, wrote or organised, keep a profile of each of them, and "
        "republish statements from partner groups with their original attribution.": (
            "Nous sommes un réseau international de groupes de gauche et anti-guerre. Nous "
            "faisons campagne pour les personnes emprisonnées pour ce qu'elles ont dit, écrit "
            "ou organisé, tenons une fiche pour chacune d'elles et republions les déclarations "
            "de groupes partenaires en citant leur source."
        ),
        "Campaigns": "Campagnes",
        "What we are asking for, and for whom.": "Ce que nous demandons, et pour qui.",
        "Political prisoners": "Prisonniers politiques",
        "People held for their political activity: the state of each case and how to write "
        "to them.": (
            "Des personnes détenues pour leur activité politique : l'état de chaque dossier et "
            "comment leur écrire."
        ),
        "Statements": "Déclarations",
        "Texts from partner groups, republished with the name of the group that published "
        "them first.": (
            "Des textes de groupes partenaires, republiés avec le nom du groupe qui les a "
            "publiés en premier."
        ),
        "Countries": "Pays",
        "Campaigns, prisoners and statements, country by country.": (
            "Campagnes, prisonniers et déclarations, pays par pays."
        ),
        "Campaigns, prisoner profiles and statements about this country.": (
            "Campagnes, fiches de prisonniers et déclarations sur ce pays."
        ),
        "Boris Kagarlitsky": "Boris Kagarlitsky",
        "Left-wing theorist held on a charge of justifying terrorism.": (
            "Théoricien de gauche détenu pour « apologie du terrorisme »."
        ),
        "Moscow": "Moscou",
        "Left-wing theorist, activist and commentator. Since February 2022 he has publicly "
        "condemned the Russian invasion of Ukraine from inside Russia.": (
            "Théoricien, militant et commentateur de gauche. Depuis février 2022, il condamne "
            "publiquement, depuis la Russie, l'invasion russe de l'Ukraine."
        ),
        "Pre-trial detention centre, Syktyvkar (Komi Republic)": (
            "Centre de détention provisoire, Syktyvkar (république des Komis)"
        ),
        "Member of the underground young socialists group, repressed by the KGB.": (
            "Membre du groupe clandestin des « jeunes socialistes », réprimé par le KGB."
        ),
        "Detained by the FSB.": "Arrêté par le FSB.",
        "Transferred from Moscow to a pre-trial detention centre in Syktyvkar, Komi Republic. "
        "Custody was set until at least late September 2023.": (
            "Transféré de Moscou vers un centre de détention provisoire à Syktyvkar, en "
            "république des Komis. Détention prolongée au moins jusqu'à fin septembre 2023."
        ),
        "Colleagues from the Rabkor YouTube channel were searched and questioned in Moscow, "
        "Yekaterinburg and Penza.": (
            "Des collègues de la chaîne YouTube Rabkor ont été perquisitionnés et interrogés à "
            "Moscou, Iekaterinbourg et Penza."
        ),
        "Justification of terrorism": "Apologie du terrorisme",
        "Russian Socialist Movement": "Mouvement socialiste russe",
        "A socialist organisation in Russia.": "Une organisation socialiste en Russie.",
        "Posle Media": "Posle Media",
        "A collective and media outlet.": "Un collectif et un média.",
        "Europe Solidaire Sans Frontières": "Europe Solidaire Sans Frontières",
        "A network hub that republishes partner statements and sends newsletters in English "
        "and French.": (
            "Un carrefour du réseau qui republie les déclarations des partenaires et envoie des "
            "lettres d'information en anglais et en français."
        ),
        "Free Boris Kagarlitsky and all political prisoners in Russia": (
            "Libérez Boris Kagarlitsky et tous les prisonniers politiques en Russie"
        ),
        "We call for the release of Boris Kagarlitsky and of everyone jailed in Russia for "
        "opposing the war.": (
            "Nous demandons la libération de Boris Kagarlitsky et de toutes les personnes "
            "emprisonnées en Russie pour s'être opposées à la guerre."
        ),
        "Boris Kagarlitsky was detained by the FSB on 26 July 2023 and faces up to seven years "
        "in prison for justification of terrorism.": (
            "Boris Kagarlitsky a été arrêté par le FSB le 26 juillet 2023 ; il risque jusqu'à "
            "sept ans de prison pour « apologie du terrorisme »."
        ),
        "He is one of many. Write to the prisoners, share their cases, and ask your "
        "organisation to endorse this campaign.": (
            "Il n'est pas le seul. Écrivez aux prisonniers, faites connaître leurs dossiers et "
            "demandez à votre organisation de soutenir cette campagne."
        ),
        "Anti-war movement": "Mouvement anti-guerre",
        "Repression": "Répression",
        "Russia: Why is it important to express solidarity with Boris Kagarlitsky": (
            "Russie : pourquoi il est important d'exprimer sa solidarité avec Boris Kagarlitsky"
        ),
        "The Russian Socialist Movement shares the Posle collective's view: despite deep "
        "disagreements, Boris Kagarlitsky deserves the solidarity of everyone who opposes the "
        "war.": (
            "Le Mouvement socialiste russe partage la position du collectif Posle : malgré de "
            "profonds désaccords, Boris Kagarlitsky mérite la solidarité de toutes celles et "
            "ceux qui s'opposent à la guerre."
        ),
        "On 26 July 2023 the FSB detained Boris Kagarlitsky. He is charged with justification "
        "of terrorism, which carries up to seven years in prison, and has been moved to a "
        "pre-trial detention centre in Syktyvkar.": (
            "Le 26 juillet 2023, le FSB a arrêté Boris Kagarlitsky. Il est poursuivi pour "
            "« apologie du terrorisme », passible de sept ans de prison, et a été transféré "
            "dans un centre de détention provisoire à Syktyvkar."
        ),
        "We disagree with him deeply, above all about his support for the annexation of "
        "Crimea in 2014. That does not change what this prosecution is: the punishment of a "
        "man who spoke against the war from inside Russia.": (
            "Nous sommes en profond désaccord avec lui, avant tout sur son soutien à "
            "l'annexion de la Crimée en 2014. Cela ne change rien à la nature de ces "
            "poursuites : punir un homme qui a parlé contre la guerre depuis la Russie."
        ),
        "We call for an international campaign for his release and for the release of all "
        "political prisoners in Russia.": (
            "Nous appelons à une campagne internationale pour sa libération et pour celle de "
            "tous les prisonniers politiques en Russie."
        ),
    },
    "ru": {
        "Solidarity with political prisoners": "Солидарность с политзаключёнными",
        "We are an international network of left and anti-war groups. We campaign for people "
        "jailed for what they said, wrote or organised, keep a profile of each of them, and "
        "republish statements from partner groups with their original attribution.": (
            "Мы — международная сеть левых и антивоенных групп. Мы ведём кампании в защиту "
            "людей, заключённых в тюрьму за сказанное, написанное или организованное, ведём "
            "страницу о каждом из них и перепечатываем заявления групп-партнёров с указанием "
            "источника."
        ),
        "Campaigns": "Кампании",
        "What we are asking for, and for whom.": "Чего мы требуем и для кого.",
        "Political prisoners": "Политзаключённые",
        "People held for their political activity: the state of each case and how to write "
        "to them.": (
            "Люди, лишённые свободы за политическую деятельность: ход каждого дела и как им "
            "написать."
        ),
        "Statements": "Заявления",
        "Texts from partner groups, republished with the name of the group that published "
        "them first.": (
            "Тексты групп-партнёров, перепечатанные с указанием группы, опубликовавшей их первой."
        ),
        "Countries": "Страны",
        "Campaigns, prisoners and statements, country by country.": (
            "Кампании, заключённые и заявления по странам."
        ),
        "Campaigns, prisoner profiles and statements about this country.": (
            "Кампании, страницы заключённых и заявления об этой стране."
        ),
        "Boris Kagarlitsky": "Борис Кагарлицкий",
        "Left-wing theorist held on a charge of justifying terrorism.": (
            "Левый теоретик, обвиняемый в «оправдании терроризма»."
        ),
        "Moscow": "Москва",
        "Left-wing theorist, activist and commentator. Since February 2022 he has publicly "
        "condemned the Russian invasion of Ukraine from inside Russia.": (
            "Левый теоретик, активист и публицист. С февраля 2022 года открыто осуждал "
            "вторжение России в Украину, оставаясь в России."
        ),
        "Pre-trial detention centre, Syktyvkar (Komi Republic)": (
            "СИЗО, Сыктывкар (Республика Коми)"
        ),
        "Member of the underground young socialists group, repressed by the KGB.": (
            "Участник подпольной группы «молодых социалистов», подвергся репрессиям КГБ."
        ),
        "Detained by the FSB.": "Задержан ФСБ.",
        "Transferred from Moscow to a pre-trial detention centre in Syktyvkar, Komi Republic. "
        "Custody was set until at least late September 2023.": (
            "Этапирован из Москвы в СИЗО Сыктывкара (Республика Коми). Арест продлён как "
            "минимум до конца сентября 2023 года."
        ),
        "Colleagues from the Rabkor YouTube channel were searched and questioned in Moscow, "
        "Yekaterinburg and Penza.": (
            "У коллег с YouTube-канала «Рабкор» прошли обыски и допросы в Москве, "
            "Екатеринбурге и Пензе."
        ),
        "Justification of terrorism": "Оправдание терроризма",
        "Russian Socialist Movement": "Российское социалистическое движение",
        "A socialist organisation in Russia.": "Социалистическая организация в России.",
        "Posle Media": "Posle Media",
        "A collective and media outlet.": "Коллектив и медиа.",
        "Europe Solidaire Sans Frontières": "Europe Solidaire Sans Frontières",
        "A network hub that republishes partner statements and sends newsletters in English "
        "and French.": (
            "Узел сети, который перепечатывает заявления партнёров и рассылает новости на "
            "английском и французском."
        ),
        "Free Boris Kagarlitsky and all political prisoners in Russia": (
            "Свободу Борису Кагарлицкому и всем политзаключённым в России"
        ),
        "We call for the release of Boris Kagarlitsky and of everyone jailed in Russia for "
        "opposing the war.": (
            "Мы требуем освободить Бориса Кагарлицкого и всех, кто заключён в России за "
            "выступления против войны."
        ),
        "Boris Kagarlitsky was detained by the FSB on 26 July 2023 and faces up to seven years "
        "in prison for justification of terrorism.": (
            "Борис Кагарлицкий задержан ФСБ 26 июля 2023 года; за «оправдание терроризма» ему "
            "грозит до семи лет лишения свободы."
        ),
        "He is one of many. Write to the prisoners, share their cases, and ask your "
        "organisation to endorse this campaign.": (
            "Он не один. Пишите заключённым, рассказывайте об их делах и попросите свою "
            "организацию поддержать кампанию."
        ),
        "Anti-war movement": "Антивоенное движение",
        "Repression": "Репрессии",
        "Russia: Why is it important to express solidarity with Boris Kagarlitsky": (
            "Россия: почему важно выразить солидарность с Борисом Кагарлицким"
        ),
        "The Russian Socialist Movement shares the Posle collective's view: despite deep "
        "disagreements, Boris Kagarlitsky deserves the solidarity of everyone who opposes the "
        "war.": (
            "Российское социалистическое движение разделяет позицию коллектива Posle: несмотря "
            "на глубокие разногласия, Борис Кагарлицкий заслуживает солидарности всех, кто "
            "против войны."
        ),
        "On 26 July 2023 the FSB detained Boris Kagarlitsky. He is charged with justification "
        "of terrorism, which carries up to seven years in prison, and has been moved to a "
        "pre-trial detention centre in Syktyvkar.": (
            "26 июля 2023 года ФСБ задержала Бориса Кагарлицкого. Его обвиняют в «оправдании "
            "терроризма», за что грозит до семи лет лишения свободы; его перевели в СИЗО "
            "Сыктывкара."
        ),
        "We disagree with him deeply, above all about his support for the annexation of "
        "Crimea in 2014. That does not change what this prosecution is: the punishment of a "
        "man who spoke against the war from inside Russia.": (
            "У нас с ним глубокие разногласия, прежде всего из-за его поддержки аннексии Крыма "
            "в 2014 году. Это не меняет сути преследования: это наказание человека, который "
            "выступал против войны, находясь в России."
        ),
        "We call for an international campaign for his release and for the release of all "
        "political prisoners in Russia.": (
            "Мы призываем к международной кампании за его освобождение и за освобождение всех "
            "политзаключённых в России."
        ),
    },
}
