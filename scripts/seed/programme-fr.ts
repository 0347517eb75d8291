// The programme's own words in French (issue 20 point 8), keyed like programme.ts. Pure data.
// Written with ordinary spaces before : ; ? ! and inside « »; `frenchSpacing` makes them
// non-breaking, so a line never starts with a colon on a narrow phone.
import type { CategorySlug, CompetencySlug, LevelNumber } from "./programme";

/** Ordinary spaces before : ; ? ! » and after « become non-breaking ones. */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

export type LevelFr = {
  name: string;
  shortName: string;
  badgeInscription: string;
  description: string;
  criteriaNarrative: string;
  entryConditions: string;
  untrackedDuties: string[];
};

export const levelsFr: Record<LevelNumber, LevelFr> = {
  1: {
    name: "Praticien junior du service client",
    shortName: "Praticien junior",
    badgeInscription: "Parcours de carrière Touchpoints · Niveau 1",
    description:
      "Première étape du parcours : son titulaire est inscrit au programme et pose les bases du service client. Il témoigne d’un engagement à acquérir et à perfectionner ses compétences en service client, avec l’appui de tuteurs, de coachs et de mentors.",
    criteriaNarrative: [
      "Le niveau **Praticien junior du service client** est décerné lorsque l’inscription d’un membre au parcours de carrière Touchpoints est approuvée. Il reconnaît un engagement à acquérir et à perfectionner ses compétences en service client.",
      "",
      "À ce niveau, le titulaire :",
      "",
      "- passe le **Test d’aptitude au service client 1.0**, un diagnostic qui repère les compétences à développer ;",
      "- suit la **Formation au service client pour les employés** (modules 1 à 3 : ce qu’est le service client et pourquoi il compte ; les besoins du client ; les compétences clés et les clients difficiles) ;",
      "- étudie *Le guide du service client pour les employés*.",
      "",
      "Le niveau est validé en assistant au **Webinaire 1.0** et en obtenant **au moins 85 %** au **Test d’aptitude au service client 2.0**.",
    ].join("\n"),
    entryConditions: "Aucune : ouvert à toute personne qui s’inscrit au programme.",
    untrackedDuties: [
      "Se procurer Le guide du service client pour les employés, la ressource qui accompagne la Formation au service client pour les employés",
    ],
  },
  2: {
    name: "Professionnel du service client",
    shortName: "Professionnel",
    badgeInscription: "Parcours de carrière Touchpoints · Niveau 2",
    description:
      "Son titulaire est inscrit au niveau professionnel après avoir validé le niveau Praticien junior. Il démontre un engagement à améliorer ses compétences en service client par la formation continue, la participation à la communauté et le programme CCXMP.",
    criteriaNarrative: [
      "Le niveau **Professionnel du service client** est décerné aux membres qui ont validé le niveau Praticien junior (Webinaire 1.0 et au moins 85 % au Test d’aptitude au service client 2.0) et dont la candidature au niveau 2 a été approuvée.",
      "",
      "À ce niveau, le titulaire :",
      "",
      "- assiste au **Webinaire 2.0** sur l’art de devenir un excellent professionnel du service client ;",
      "- participe aux discussions d’**au moins cinq sujets différents** de la communauté Touchpoints ;",
      "- suit le programme **CCXMP** (Certified Customer Experience Management Professional) : sept modules, chacun conclu par un travail évalué ;",
      "- tient à jour un **profil professionnel dans l’annuaire** (nom, photo, courte présentation, réalisations) ;",
      "- prend part à **au moins trois activités de service client par an** (conférences, rencontres, formations).",
      "",
      "Le niveau est validé avec **au moins 80 % à l’examen de certification CCXMP**, qui confère aussi le titre **CCXMP**.",
    ].join("\n"),
    entryConditions: "Niveau 1 (Praticien junior) validé.",
    untrackedDuties: [
      "Se procurer l’ouvrage sur l’expérience client « Planning, designing, executing and managing customer experiences »",
      "Utiliser les ressources en ligne et les guides de service client propres à votre secteur qui vous sont envoyés pendant le niveau",
    ],
  },
  3: {
    name: "Responsable du service client",
    shortName: "Responsable",
    badgeInscription: "Parcours de carrière Touchpoints · Niveau 3",
    description:
      "Son titulaire est inscrit au niveau responsable et occupe un poste en contact avec la clientèle, avec au moins deux ans de fonctions tournées vers le client. Il témoigne d’un attachement à la formation continue et au partage de sa façon de traiter les situations complexes d’expérience client.",
    criteriaNarrative: [
      "Le niveau **Responsable du service client** est décerné aux membres qui ont validé le niveau Professionnel (au moins 80 % à l’examen CCXMP), qui occupent un poste en contact avec la clientèle avec **au moins deux ans** de fonctions tournées vers le client, et dont la candidature au niveau 3 a été approuvée.",
      "",
      "À ce niveau, le titulaire :",
      "",
      "- assiste au **Webinaire 3.0** sur la direction d’une équipe de service client et passe le **Test psychométrique et de leadership 3.0** ;",
      "- participe aux discussions d’**au moins cinq sujets différents** et **consigne ses expériences de terrain** sur le traitement de situations complexes d’expérience client ;",
      "- tient à jour un **profil de responsable dans l’annuaire** ;",
      "- présente **chaque année sa propre candidature aux prix du service client** ;",
      "- lit **au moins un livre sur le service client par trimestre** et prend part à **au moins trois activités par an**.",
      "",
      "Le niveau est validé avec **au moins 80 % au Test de leadership et de déontologie 4.0** et **au moins deux ans d’expérience à la tête d’une équipe**.",
    ].join("\n"),
    entryConditions:
      "Niveau 2 (Professionnel) validé ; occuper actuellement un poste en contact avec la clientèle, avec au moins 2 ans de fonctions tournées vers le client.",
    untrackedDuties: [
      "Utiliser la bibliothèque numérique et le centre de ressources du Chartered Managers Institute (Royaume-Uni), Management Direct, auquel vous êtes inscrit",
    ],
  },
  4: {
    name: "Leader de l’expérience client",
    shortName: "Leader",
    badgeInscription: "Parcours de carrière Touchpoints · Niveau 4",
    description:
      "Le plus haut niveau du parcours : son titulaire compte au moins cinq ans à la tête d’une équipe de service client et des initiatives stratégiques reconnues. Les leaders accompagnent les jeunes professionnels dans la communauté et le programme de mentorat, et interviennent dans les forums et les sommets.",
    criteriaNarrative: [
      "Le niveau **Leader de l’expérience client** est décerné aux membres qui ont validé le niveau Responsable (au moins 80 % au Test 4.0 et deux ans à la tête d’une équipe), qui comptent **au moins cinq ans à la tête d’une équipe de service client** avec des initiatives stratégiques reconnues, et dont la candidature au niveau 4 a été approuvée.",
      "",
      "À ce niveau, le titulaire :",
      "",
      "- assiste au **Webinaire 4.0** sur le pilotage de la stratégie d’expérience client au sein d’une organisation ;",
      "- **accompagne de jeunes professionnels** dans la communauté et dans le programme de mentorat Touchpoints ;",
      "- tient à jour un **profil de leader dans l’annuaire** ;",
      "- présente **chaque année sa propre candidature aux prix du service client** ;",
      "- lit **au moins un livre sur le service client par trimestre** et prend part à **au moins trois activités par an** ;",
      "- intervient dans des forums sur l’expérience client, des sommets annuels et des tables rondes.",
    ].join("\n"),
    entryConditions:
      "Niveau 3 (Responsable) validé ; au moins 5 ans à la tête d’une équipe de service client, avec des initiatives stratégiques reconnues en matière de service client.",
    untrackedDuties: [
      "Utiliser la bibliothèque numérique et le centre de ressources du Chartered Managers Institute (Royaume-Uni), Management Direct, auquel vous êtes inscrit",
      "Intervenir, sur invitation, dans des forums sur l’expérience client, des sommets annuels du service client et des tables rondes",
    ],
  },
};

export const webinarsFr: Record<string, string> = {
  "webinar-1.0": "Webinaire 1.0 : les fondamentaux du service client",
  "webinar-2.0": "Webinaire 2.0 : devenir un excellent professionnel du service client",
  "webinar-3.0": "Webinaire 3.0 : diriger une équipe de service client",
  "webinar-4.0": "Webinaire 4.0 : piloter la stratégie d’expérience client au sein d’une organisation",
};

export const assessmentsFr: Record<string, string> = {
  "aptitude-test-1.0": "Test d’aptitude au service client 1.0",
  "aptitude-test-2.0": "Test d’aptitude au service client 2.0",
  "ccxmp-exam": "Examen de certification CCXMP (Certified Customer Experience Management Professional)",
  "test-3.0": "Test psychométrique et de leadership en service client 3.0",
  "test-4.0": "Test de leadership et de déontologie en service client 4.0",
};

export const trainingProgrammesFr: Record<string, { title: string; modules: Record<number, string> }> = {
  "employee-cs-training": {
    title: "Formation au service client pour les employés",
    modules: {
      1: "Ce qu’est le service client et pourquoi il compte",
      2: "Les besoins du client",
      3: "Compétences clés et clients difficiles",
    },
  },
  ccxmp: {
    title: "CCXMP : Certified Customer Experience Management Professional",
    modules: {
      1: "Introduction au service client",
      2: "Une culture centrée sur le client",
      3: "Connaître son client",
      4: "Compétences de communication pour le service client",
      5: "Modèles d’expérience client",
      6: "L’expérience client numérique",
      7: "Indicateurs, mesures et retour sur investissement de l’expérience client",
    },
  },
};

const ACTIVITIES =
  "Prendre part à au moins 3 activités de service client par an (conférences, rencontres, formations…)";
const TOPICS = "Participer aux discussions d’au moins 5 sujets différents";
const NOMINATION = "Présenter chaque année votre propre candidature aux prix du service client";

export const requirementsFr: Record<string, string> = {
  "l1-aptitude-test-1":
    "Passer le Test d’aptitude au service client 1.0 (un diagnostic qui repère les compétences à développer ; il n’y a pas de note minimale)",
  "l1-employee-cs-training": "Suivre les modules 1 à 3 de la Formation au service client pour les employés",
  "l1-webinar-1": "Assister au Webinaire 1.0",
  "l1-aptitude-test-2": "Obtenir au moins 85 % au Test d’aptitude au service client 2.0",
  "l2-webinar-2": "Assister au Webinaire 2.0 sur l’art de devenir un excellent professionnel du service client",
  "l2-distinct-topics": TOPICS,
  "l2-ccxmp-module-tasks": "Rendre le travail évalué de chacun des 7 modules du CCXMP",
  "l2-professional-profile":
    "Créer votre profil professionnel dans l’annuaire : nom, photo, courte présentation et réalisations (intitulé de poste si vous en avez un)",
  "l2-activities": ACTIVITIES,
  "l2-ccxmp-exam": "Obtenir au moins 80 % à l’examen de certification CCXMP (qui confère le titre CCXMP)",
  "l3-customer-facing-years":
    "Occuper un poste en contact avec la clientèle, avec au moins 2 ans de fonctions tournées vers le client",
  "l3-webinar-3": "Assister au Webinaire 3.0 sur la direction d’une équipe de service client",
  "l3-test-3":
    "Passer le Test psychométrique et de leadership en service client 3.0 (pas de note minimale : il repère les compétences à développer)",
  "l3-distinct-topics": TOPICS,
  "l3-manager-profile":
    "Créer votre profil de responsable dans l’annuaire : nom, photo, intitulé de poste, organisation et présentation",
  "l3-award-nomination": NOMINATION,
  "l3-books":
    "Lire au moins un livre sur le service client par trimestre (la liste recommandée est un bon point de départ)",
  "l3-activities": ACTIVITIES,
  "l3-field-experiences":
    "Consigner vos expériences de terrain : racontez dans Expériences de terrain comment vous avez traité des situations complexes d’expérience client (au moins 2 par an)",
  "l3-test-4": "Obtenir au moins 80 % au Test de leadership et de déontologie en service client 4.0",
  "l3-managing-years": "Au moins 2 ans d’expérience à la tête d’une équipe",
  "l4-managing-years":
    "Au moins 5 ans à la tête d’une équipe de service client, avec des initiatives stratégiques reconnues en matière de service client",
  "l4-webinar-4":
    "Assister au Webinaire 4.0 sur le pilotage de la stratégie d’expérience client au sein d’une organisation",
  "l4-mentoring":
    "Accompagner de jeunes professionnels dans le forum et le programme de mentorat (au moins un mentoré actif)",
  "l4-leader-profile":
    "Créer votre profil de leader dans l’annuaire : nom, photo, intitulé de poste, organisation et présentation",
  "l4-award-nomination": NOMINATION,
  "l4-books": "Lire au moins un livre sur le service client par trimestre",
  "l4-activities": ACTIVITIES,
};

export const competenciesFr: Record<CompetencySlug, { name: string; description: string }> = {
  "digital-customer-engagement": {
    name: "Relation client numérique",
    description:
      "La capacité à utiliser les technologies numériques pour échanger avec les clients, les comprendre et répondre à leurs besoins, en s’appuyant sur les canaux numériques pour traiter efficacement leurs demandes et leurs préoccupations.",
  },
  "sla-management": {
    name: "Gestion des accords de niveau de service",
    description:
      "La démarche méthodique qui consiste à définir, convenir, consigner et gérer les niveaux de service prévus par les contrats, pour garantir un service constant, ponctuel et de qualité.",
  },
  "training-development": {
    name: "Formation et développement en service client",
    description:
      "La démarche structurée qui renforce les connaissances et les compétences des conseillers pour traiter les demandes des clients, entretenir la relation et s’adapter à l’évolution du service client.",
  },
  "loyalty-programme-management": {
    name: "Gestion des programmes de fidélité",
    description:
      "La capacité à concevoir, mettre en œuvre et suivre des stratégies qui entretiennent la relation avec les clients existants, renforcent leur fidélité et leur engagement, réduisent l’attrition et soutiennent une croissance durable.",
  },
  "cultural-sensitivity": {
    name: "Sensibilité culturelle dans la relation client",
    description:
      "La capacité à adapter le service et la façon de communiquer à la diversité des normes culturelles, des attentes et des langues, en respectant les différences culturelles à chaque échange.",
  },
  "policy-development": {
    name: "Élaboration des politiques de service client",
    description:
      "La formulation stratégique des règles et des lignes directrices qui encadrent la relation client : concevoir, mettre en œuvre et actualiser des politiques alignées sur les objectifs de l’organisation.",
  },
  "performance-metrics-kpis": {
    name: "Indicateurs de performance et KPI du service",
    description:
      "La capacité à définir, mesurer et interpréter des indicateurs clés de performance comme les délais de réponse, les taux de résolution et les scores de satisfaction, au service de l’amélioration continue.",
  },
  "online-support-tactics": {
    name: "Techniques d’assistance client en ligne",
    description:
      "L’usage stratégique des outils et canaux numériques, comme le chat en direct, le courriel et les réseaux sociaux, pour aider les clients de manière rapide et efficace.",
  },
  "social-media-service": {
    name: "Gestion du service client sur les réseaux sociaux",
    description:
      "La capacité à traiter efficacement les demandes et les réclamations des clients sur les réseaux sociaux, en résolvant les problèmes vite et en répondant à temps.",
  },
  "data-privacy-security": {
    name: "Confidentialité et sécurité des données clients",
    description:
      "L’aptitude à protéger les informations des clients, en garantissant leur confidentialité, leur intégrité et leur disponibilité lors des échanges, dans le respect des réglementations sur la protection des données.",
  },
};

export const categoriesFr: Record<CategorySlug, { name: string; description: string }> = {
  announcements: {
    name: "Annonces",
    description:
      "Les nouvelles de l’équipe Touchpoints : webinaires, périodes d’évaluation, prix et évolutions du programme.",
  },
  introductions: {
    name: "Présentations",
    description:
      "Vous êtes nouveau ? Dites-nous qui vous êtes, où vous servez vos clients et ce que vous espérez apprendre pendant le parcours.",
  },
  "basic-concepts": {
    name: "Notions de base du service client",
    description:
      "Ce qu’est le service client, les attentes et la satisfaction des clients, les niveaux de service et la façon de les mesurer.",
  },
  "relationships-and-loyalty": {
    name: "Relation et fidélisation",
    description: "Clients internes et externes, construire des relations durables et gagner une fidélité qui dure.",
  },
  "different-organisations": {
    name: "Le service client selon les organisations",
    description:
      "En quoi le service diffère entre les banques, les hôpitaux, les administrations, les opérateurs télécoms, les ONG et les petites entreprises.",
  },
  "features-and-benefits": {
    name: "Caractéristiques et avantages",
    description:
      "Faire correspondre produits et services aux vrais besoins des clients, fixer des normes et recommander avec intégrité.",
  },
  "communicating-effectively": {
    name: "Bien communiquer",
    description:
      "En face à face, au téléphone, par courriel, par chat et sur les réseaux sociaux : choisir le bon canal et les bons mots.",
  },
  teamwork: {
    name: "Travail d’équipe",
    description:
      "Viser ensemble l’excellence du service : clients internes, passations et partenariats avec d’autres organisations.",
  },
  "systems-and-service-recovery": {
    name: "Systèmes et reprise de service",
    description:
      "Les processus et les outils au service du client, les dispositifs de retour d’expérience et la réparation quand les choses tournent mal.",
  },
  "laws-and-data-protection": {
    name: "Lois, codes de conduite et protection des données",
    description:
      "Les droits des consommateurs, les codes sectoriels et les lois sur la protection des données en Afrique, et ce qu’ils signifient en première ligne.",
  },
  "the-you-factor": {
    name: "Le facteur humain, c’est vous",
    description:
      "Intelligence émotionnelle, affirmation de soi, stress et motivation : prendre soin de la personne qui sert le client.",
  },
  "touch-points": {
    name: "Points de contact et moments de vérité",
    description:
      "Repérer chaque point où les clients nous rencontrent, et réussir les moments qui forgent leur opinion.",
  },
  "field-experiences": {
    name: "Expériences de terrain",
    description:
      "Les responsables et les leaders racontent comment ils ont traité des situations complexes d’expérience client, pour que chacun apprenne de cas réels.",
  },
  "book-club": {
    name: "Club de lecture",
    description:
      "Ce que nous lisons chaque trimestre, ce que nous en avons retenu et ce que nous avons essayé au travail le lundi suivant.",
  },
  "events-and-activities": {
    name: "Événements et activités",
    description:
      "Conférences, rencontres, formations et webinaires à travers le continent : partagez-les, trouvez de la compagnie, faites-en le compte rendu.",
  },
  mentorship: {
    name: "Mentorat",
    description: "Les fils privés entre les mentors et leurs mentorés du programme de mentorat Touchpoints.",
  },
};

/** The framework's description of each proficiency (seed 001), in French. */
export const competencyLevelsFr: Record<CompetencySlug, Record<"emerging" | "proficient" | "advanced", string>> = {
  "digital-customer-engagement": {
    emerging:
      "Au niveau débutant, vous commencez à utiliser les outils numériques pour échanger avec les clients et résoudre des problèmes simples, mais vous avez encore besoin d’être guidé pour maîtriser pleinement la relation client numérique.",
    proficient:
      "Au niveau confirmé, vous maîtrisez les outils et plateformes numériques pour échanger efficacement avec les clients et leur apporter une aide rapide et personnalisée qui améliore leur expérience.",
    advanced:
      "Au niveau avancé, vous exploitez avec aisance les plateformes numériques pour échanger avec les clients et leur offrir une aide et un service personnalisés qui dépassent leurs attentes, à l’aide d’outils avancés d’analyse et d’automatisation.",
  },
  "sla-management": {
    emerging:
      "Au niveau débutant, vous commencez à comprendre les accords de niveau de service. Vous savez suivre des indicateurs et repérer les besoins essentiels des clients, mais vous avez besoin d’être guidé pour gérer efficacement les accords.",
    proficient:
      "Au niveau confirmé, vous savez négocier, mettre en place et gérer des accords de niveau de service, afin que les attentes des clients soient satisfaites et que les normes de service soient toujours respectées dans l’organisation.",
    advanced:
      "Au niveau avancé, vous gérez avec aisance les accords de niveau de service du support client : tous les indicateurs sont atteints et vous repérez et résolvez à l’avance les problèmes possibles pour maintenir un excellent service.",
  },
  "training-development": {
    emerging:
      "Au niveau débutant, vous commencez à comprendre les principes et les pratiques de la formation et du développement en service client. Ces premières compétences demandent encore à être développées et mises en pratique.",
    proficient:
      "Au niveau confirmé, vous savez concevoir et animer des programmes de formation efficaces qui renforcent les compétences et les connaissances en service client, et assurent le développement professionnel continu de l’équipe.",
    advanced:
      "Au niveau avancé, vous concevez et animez avec aisance des programmes de formation complets qui renforcent les compétences en service client, pour une amélioration continue et une expérience client exceptionnelle dans toute l’organisation.",
  },
  "loyalty-programme-management": {
    emerging:
      "Au niveau débutant, vous apprenez à connaître les programmes de fidélité, leur mise en place et leur gestion. Vous commencez à vous en servir pour répondre aux demandes des clients et améliorer le service.",
    proficient:
      "Au niveau confirmé, vous savez concevoir, mettre en œuvre et gérer des programmes de fidélité qui améliorent la rétention et la satisfaction des clients, et favorisent la fidélité et les achats répétés.",
    advanced:
      "Au niveau avancé, vous concevez, mettez en œuvre et optimisez en expert des programmes de fidélité qui favorisent la rétention, la satisfaction et la recommandation, pour des relations clients durables et une marque à laquelle on reste fidèle.",
  },
  "cultural-sensitivity": {
    emerging:
      "Au niveau débutant, vous commencez à reconnaître et à respecter les différentes cultures dans vos échanges avec les clients. Vous commencez à adapter votre service en fonction de ce que vous en comprenez.",
    proficient:
      "Au niveau confirmé, vous faites preuve de sensibilité culturelle dans tous vos échanges avec les clients. Vous comprenez la diversité de leurs besoins et adaptez votre communication et vos actions pour offrir un service remarquable.",
    advanced:
      "Au niveau avancé, vous savez gérer avec tact et délicatesse les nuances culturelles complexes dans vos échanges avec les clients, pour un service personnalisé et respectueux qui dépasse leurs attentes.",
  },
  "policy-development": {
    emerging:
      "Au niveau débutant, vous commencez à comprendre les normes du service client, les bases de l’élaboration des politiques et leur effet sur la satisfaction des clients, mais vous avez besoin d’être guidé pour les appliquer pleinement.",
    proficient:
      "Au niveau confirmé, vous savez élaborer des politiques de service client alignées sur les objectifs de l’organisation et qui répondent efficacement aux besoins des clients, pour un haut niveau de satisfaction et de fidélité.",
    advanced:
      "Au niveau avancé, vous savez élaborer des politiques de service client complètes, alignées sur les objectifs de l’entreprise, les exigences réglementaires et les besoins des clients, pour un service constant et excellent.",
  },
  "performance-metrics-kpis": {
    emerging:
      "Au niveau débutant, vous commencez à comprendre et à suivre les indicateurs de performance et KPI courants du service client, comme les délais de réponse et la satisfaction des clients.",
    proficient:
      "Au niveau confirmé, vous savez analyser et interpréter les indicateurs de performance et les KPI pour un support client et un service optimaux, en faisant progresser les résultats et l’efficacité de l’organisation.",
    advanced:
      "Au niveau avancé, vous savez concevoir et mettre en place des indicateurs de performance et des KPI élaborés, et vous appuyer sur l’analyse des données pour une amélioration continue et l’excellence du support client.",
  },
  "online-support-tactics": {
    emerging:
      "Au niveau débutant, vous acquérez les bases des techniques d’assistance en ligne. Vous apprenez à traiter les demandes simples, à répondre rapidement et à faire passer la satisfaction du client en premier.",
    proficient:
      "Au niveau confirmé, vous savez utiliser les techniques d’assistance en ligne pour résoudre vite les problèmes, proposer des solutions adaptées et améliorer l’expérience client dans les temps.",
    advanced:
      "Au niveau avancé, vous maîtrisez diverses techniques d’assistance en ligne, comme les réponses personnalisées, l’accompagnement proactif et la résolution approfondie des problèmes, pour dépasser les attentes des clients et accroître leur satisfaction.",
  },
  "social-media-service": {
    emerging:
      "Au niveau débutant, vous commencez à vous familiariser avec le traitement des demandes des clients sur les réseaux sociaux et à y répondre rapidement, avec professionnalisme et dans le respect du ton de la marque.",
    proficient:
      "Au niveau confirmé, vous savez gérer efficacement les demandes et les problèmes des clients sur les réseaux sociaux, faire preuve d’empathie et apporter des solutions rapides et justes qui améliorent leur satisfaction.",
    advanced:
      "Au niveau avancé, vous savez gérer les demandes, les avis et les problèmes des clients sur les réseaux sociaux avec beaucoup d’empathie, de professionnalisme et d’efficacité.",
  },
  "data-privacy-security": {
    emerging:
      "Au niveau débutant, vous commencez à comprendre l’importance de la confidentialité et de la sécurité des données dans la relation client. Vous apprenez les principes et les réglementations essentiels et les appliquez dans votre rôle.",
    proficient:
      "Au niveau confirmé, vous savez protéger efficacement les données des clients et veiller à ce que des mesures de sécurité protègent les informations sensibles, ce qui crée la confiance et entretient la fidélité des clients.",
    advanced:
      "Au niveau avancé, vous traitez avec assurance les questions complexes de confidentialité et de sécurité des données clients, en garantissant la conformité et la protection des informations sensibles dans le support client.",
  },
};
