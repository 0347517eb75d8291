// Chaînes françaises des niveaux de suivi, des résumés, des désabonnements et des réponses par courriel (issue 23).
const emailReach = {
  watching: {
    label: "Notifications :",
    save: "Appliquer",
    invalid: "Choisissez l’un des niveaux proposés.",
    levels: { watching: "Surveiller", tracking: "Suivre", normal: "Normal", muted: "Silencieux" },
    hints: {
      watching: "Vous êtes prévenu de chaque nouveau message.",
      tracking:
        "Les nouveaux messages sont comptés comme non lus ; vous êtes prévenu quand on vous mentionne ou vous répond.",
      normal: "Vous êtes prévenu quand on vous mentionne ou vous répond.",
      muted: "Vous n’êtes jamais prévenu de rien ici, et les catégories en silencieux quittent « Récents ».",
    },
  },
  emailReach: {
    replyHint:
      "Répondez à ce courriel pour répondre dans le sujet (le texte cité et votre signature sont laissés de côté).",
    unsubscribeLine: "Ne plus recevoir ces courriels : {{url}}",
    digest: {
      subject_daily: "Votre résumé du jour",
      subject_weekly: "Votre résumé de la semaine",
      watched: "Les sujets que vous surveillez",
      liked: "Les plus appréciés de vos catégories",
      notifications: "Vos notifications",
      newPosts_one: "{{count}} nouveau message",
      newPosts_other: "{{count}} nouveaux messages",
      likes_one: "{{count}} j’aime",
      likes_other: "{{count}} j’aime",
      settings: "Changer la fréquence du résumé : {{url}}",
      frequency: "Courriel de résumé",
      frequencies: {
        daily: "Chaque jour, à 17 h à votre heure",
        weekly: "Chaque semaine, le lundi à 17 h à votre heure",
        never: "Jamais",
      },
    },
    unsubscribe: {
      title: "Se désabonner",
      ask: "Ne plus vous envoyer de {{what}} ?",
      button: "Me désabonner",
      done: "C’est fait : nous ne vous enverrons plus de {{what}}.",
      settings: "Vous pourrez les réactiver dans vos réglages de notification une fois connecté.",
      kinds: {
        digest: "courriels de résumé",
        reply: "courriels sur les réponses qui vous sont adressées",
        mention: "courriels sur les mentions",
        quote: "courriels sur les citations de vos messages",
        like: "courriels sur les j’aime",
        moderation: "courriels sur les actions des modérateurs sur vos messages",
        progress: "courriels sur votre progression",
        application: "courriels sur les candidatures de niveau",
        mentorship: "courriels sur le mentorat",
        reminder: "courriels de rappel de signets",
        posted: "courriels sur les nouveaux messages des sujets que vous surveillez",
      },
    },
    inbound: {
      unknown: "Cette adresse ne correspond à aucune conversation sur Touchpoints.",
      forged: "Cette adresse de réponse n’est pas valide : elle n’a pas été émise par Touchpoints.",
      expired: "Cette adresse de réponse a expiré : répondez plutôt sur le site.",
      sender:
        "Cette adresse de réponse appartient à un autre membre : répondez depuis l’adresse qui reçoit vos notifications.",
      duplicate: "Ce message a déjà été reçu et publié.",
      empty: "Votre réponse était vide une fois le texte cité et les signatures retirés.",
      gone: "Votre compte ne peut pas publier par courriel.",
    },
  },
};
export default emailReach;
