// Le DPC pour garder un titre (ticket 26, point 3) : la situation du membre (/my/cpd), les rappels et
// avis, les mentions « expiré » sur les profils, fiches et pages de badge, et les réglages (/admin/cpd).
export default {
  cpd: {
    title: "Votre DPC",
    intro:
      "Le développement professionnel continu (DPC) garde vos titres valides. Chaque titre ci-dessous demande un nombre de points par année de DPC, qui court à partir de l’anniversaire de son obtention. Les activités, les événements auxquels vous assistez, les formations et les livres rapportent des points.",
    none: "Aucun de vos titres ne demande de points de DPC pour le moment.",
    status: {
      active: "Valide",
      lapsed: "Expiré depuis le {{date}}",
    },
    points_one: "{{count}} point sur {{required}} cette année de DPC",
    points_other: "{{count}} points sur {{required}} cette année de DPC",
    year: "Année de DPC : du {{start}} au {{last}}",
    nextLapse: "Expire le {{date}} si vous n’atteignez pas {{required}} points d’ici le {{last}}.",
    met: "Atteint pour cette année de DPC.",
    notJudged:
      "Cette année de DPC a commencé avant que l’exigence ne compte : la première année qui compte commence le {{date}}.",
    owed_one: "Obtenez encore {{count}} point pour le rétablir.",
    owed_other: "Obtenez encore {{count}} points pour le rétablir.",
    rates: "Points : activité {{activity}}, événement suivi {{event}}, formation {{course}}, livre {{book}}.",
    counted: "Ce qui a rapporté des points",
    noItems: "Rien n’a encore rapporté de points cette année de DPC.",
    kinds: { activity: "Activité", event: "Événement", course: "Formation", book: "Livre" },
    kind: "Type",
    what: "Quoi",
    when: "Date",
    pointsColumn: "Points",
    history: "Historique",
    historyLapsed: "Expiré le {{date}} ({{points}} points sur {{required}})",
    historyReinstated: "Rétabli le {{date}}",
    logActivity: "Noter une activité ou une formation",
    logBook: "Noter un livre",
    badge: "Page du badge",
    progressLink: "Le DPC pour garder vos titres",
    lapsedPill: "{{name}} (expiré)",
    lapsedWord: "expiré",
    badgeLapsed:
      "Le DPC du titulaire a expiré le {{date}} : ce titre n’est plus valide tant qu’il n’a pas rattrapé ses points.",
    notify: {
      reminder_one:
        "Votre titre « {{credential}} » demande encore {{count}} point de DPC d’ici le {{date}} pour rester valide.",
      reminder_other:
        "Votre titre « {{credential}} » demande encore {{count}} points de DPC d’ici le {{date}} pour rester valide.",
      lapsed_one:
        "Votre titre « {{credential}} » a expiré : il demande {{required}} points de DPC par an. Obtenez encore {{count}} point pour le rétablir.",
      lapsed_other:
        "Votre titre « {{credential}} » a expiré : il demande {{required}} points de DPC par an. Obtenez encore {{count}} points pour le rétablir.",
      reinstated: "Votre titre « {{credential}} » est de nouveau valide : vous avez rattrapé vos points de DPC.",
    },
    admin: {
      title: "Exigences de DPC",
      intro:
        "Un titre peut demander à ses titulaires des points de DPC chaque année (à partir de l’anniversaire de son obtention) pour rester valide. Indiquez les points demandés et ce que rapporte chaque type d’apprentissage ; 0 point par an désactive le DPC pour ce titre.",
      none: "Pas de DPC",
      perYear: "{{count}} points par an",
      pointsPerYear: "Points demandés par année de DPC (0 : pas de DPC)",
      activityPoints: "Points par activité",
      eventPoints: "Points par événement suivi",
      coursePoints: "Points par formation (activité de formation ou tâche de module évaluée)",
      bookPoints: "Points par livre",
      countsFrom: "Les années de DPC qui commencent ce jour-là ou après comptent",
      save: "Enregistrer",
      saved: "L’exigence de DPC de {{target}} est enregistrée.",
      errors: {
        number: "Saisissez un nombre entier dans la plage autorisée.",
        target: "Choisissez un niveau ou un titre.",
        date: "Saisissez une date (AAAA-MM-JJ).",
      },
    },
  },
};
