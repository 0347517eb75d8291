// Les suggestions @membre et #catégorie du rédacteur, et les raccourcis clavier (ticket 24, points 2 et 6).
export default {
  suggest: {
    label: "Suggestions",
    one: "1 suggestion : flèches haut et bas pour choisir, Entrée ou Tab pour insérer, Échap pour fermer.",
    many: "{{n}} suggestions : flèches haut et bas pour choisir, Entrée ou Tab pour insérer, Échap pour fermer.",
  },
  shortcuts: {
    title: "Raccourcis clavier",
    intro: "Touches simples, quand vous n’écrivez pas dans un champ :",
    then: "puis",
    keys: {
      help: "Afficher cette liste",
      next: "Message suivant",
      prev: "Message précédent",
      reply: "Répondre (aller à la zone de réponse)",
      like: "Aimer le message choisi",
      bookmark: "Mettre le message choisi en signet",
      search: "Rechercher",
      latest: "Aller aux derniers sujets",
    },
    close: "Fermer",
    turnOff: "Désactiver les raccourcis clavier dans vos réglages",
    setting: "Utiliser les raccourcis clavier (appuyez sur ? pour les voir)",
    settingHint:
      "Des touches simples comme j, k et r permettent de parcourir le forum. Désactivez-les si elles gênent votre lecteur d’écran ou votre saisie vocale.",
    save: "Enregistrer",
    invalid: "Indiquez si vous voulez utiliser les raccourcis clavier.",
    announce: {
      post: "Message {{n}} de {{name}}",
      first: "Pas de message plus ancien sur cette page.",
      last: "Pas de message plus récent sur cette page.",
      noPost: "Appuyez d’abord sur j pour choisir un message.",
      noReply: "Vous ne pouvez pas répondre ici.",
      noLike: "Vous ne pouvez pas aimer ce message.",
      noBookmark: "Ce message ne peut pas être mis en signet.",
      liking: "J’aime le message {{n}}.",
      go: "Aller à : appuyez sur l pour les derniers sujets.",
    },
  },
};
