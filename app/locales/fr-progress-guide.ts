// /progress comme guide : la prochaine étape de chaque condition, le début du décompte, la note
// de décision de l’équipe, et une formulation à la troisième personne pour l’équipe.
export default {
  progressGuide: {
    nextStep: "Prochaine étape :",
    act: {
      joinDiscussions: "Répondre dans les discussions du forum",
      shareFieldExperience: "Partager une expérience de terrain",
      logActivity: "Enregistrer une activité",
      logBook: "Enregistrer un livre",
      rsvp: "S’inscrire à la séance du {{at}}",
      takeTest: "Passer le test en ligne",
      resumeTest: "Reprendre votre tentative",
      completeProfile: "Compléter votre profil",
      declareExperience: "Déclarer vos années dans votre demande",
      offerMentoring: "Vous inscrire comme mentor",
      nominate: "Envoyer votre candidature spontanée",
      preparePortfolio: "Préparer et envoyer votre portfolio",
      viewPortfolio: "Voir votre portfolio et l’avancement du jury",
    },
    say: {
      noDateYet: "Aucune date annoncée pour l’instant pour ce webinaire.",
      testNotOpen: "Ce test n’est pas encore ouvert en ligne.",
      declareLater: "Vous déclarerez vos années dans votre demande pour le niveau suivant, une fois le reste terminé.",
      awaitingStaff: "En attente d’une décision de l’équipe.",
      waitCooldown: "La page du test indique quand vous pourrez réessayer.",
    },
    staff: {
      recorded: "Enregistré par l’équipe.",
      askTutor: "Demandez à votre tuteur :",
      askStaff: "Demandez à l’équipe du programme :",
    },
    countsSince: "Les décomptes partent de votre entrée au niveau {{number}}, le {{date}}.",
    countsSinceOther: "Les décomptes partent de l’entrée de {{name}} au niveau {{number}}, le {{date}}.",
    levelSectionOther: "Niveau de {{name}}",
    badgeLinkOther: "Badge de niveau de {{name}} (vérifiable par tous)",
    chartHeadingOther: "Contributions de {{name}}",
    applicationPendingOther: "La demande de {{name}} pour « {{level}} » attend d’être examinée.",
    applicationApproved: "Votre demande pour « {{level}} » a été acceptée.",
    applicationApprovedOther: "La demande de {{name}} pour « {{level}} » a été acceptée.",
    applicationRejectedOther: "La demande de {{name}} pour « {{level}} » n’a pas été acceptée.",
    decisionNote: "Note de l’équipe : « {{note}} »",
  },
};
