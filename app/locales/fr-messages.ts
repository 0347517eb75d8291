// Chaînes françaises des messages personnels (/messages) et du fait d'ignorer un membre.
const messages = {
  messages: {
    inbox: "Messages",
    new: "Nouveau message",
    personal: "Message personnel",
    between: "Entre vous et {{names}}",
    betweenAll: "Entre {{names}}",
    with: "Avec {{names}}",
    unreadCount_one: "{{count}} conversation avec des messages non lus",
    unreadCount_other: "{{count}} conversations avec des messages non lus",
    unreadPosts_one: "{{count}} non lu",
    unreadPosts_other: "{{count}} non lus",
    empty:
      "Aucune conversation pour l’instant. Commencez-en une depuis le profil d’un membre ou avec « Nouveau message ».",
    newer: "Conversations plus récentes",
    older: "Conversations plus anciennes",
    to: "À",
    toHint: "Noms d’utilisateur, séparés par des virgules ou des espaces : {{max}} membres au plus.",
    privacyNote:
      "Seules les personnes de la conversation la lisent. L’équipe ne lit un message que si quelqu’un y signale un message.",
    sendButton: "Envoyer le message",
    send: "Envoyer un message",
    ignore: "Ignorer ce membre",
    unignore: "Ne plus ignorer",
    ignoreTitle: "Ignorer un membre",
    ignoringNote:
      "Vous ignorez ce membre : ses messages sont repliés et il ne peut pas commencer de conversation avec vous.",
    ignoredTitle: "Membres que vous ignorez",
    ignoredHelp:
      "Leurs messages sont repliés dans les sujets, et ils ne peuvent pas commencer de conversation avec vous.",
    noneIgnored: "Vous n’ignorez personne.",
    ignoredPost: "Un message d’un membre que vous ignorez (l’afficher)",
    backToProfile: "Retour au profil",
    addTitle: "Ajouter des personnes à la conversation",
    addLabel: "Ajouter des personnes",
    addHint_one: "Noms d’utilisateur, séparés par des virgules ou des espaces : {{count}} membre de plus au maximum.",
    addHint_other: "Noms d’utilisateur, séparés par des virgules ou des espaces : jusqu’à {{count}} membres de plus.",
    addButton: "Ajouter à la conversation",
    addFull: "Cette conversation compte déjà le nombre maximal de participants.",
    added: "{{by}} a ajouté {{added}}",
    errors: {
      noRecipient: "Indiquez au moins un membre à qui écrire.",
      tooMany:
        "Une conversation compte au plus {{max}} participants, vous compris. Retirez des noms et envoyez de nouveau.",
      unknown: "@{{username}} ne peut pas recevoir de message de votre part : vérifiez le nom d’utilisateur.",
      unavailable:
        "@{{username}} ne peut pas recevoir de message de votre part pour le moment. Retirez ce nom pour écrire aux autres.",
      self: "Vous ne pouvez pas vous envoyer de message.",
      cannotAdd:
        "Impossible d’ajouter @{{username}} à cette conversation pour le moment. Retirez ce nom pour ajouter les autres.",
      alreadyIn: "Toutes les personnes nommées sont déjà dans cette conversation.",
      cannotStart:
        "Seuls les membres commencent des messages personnels. Les recruteurs contactent les membres par une demande de contact sur leur profil.",
      perDay: "Vous pouvez commencer au plus {{max}} conversations par jour. Réessayez après le {{until, datetime}}.",
      staff: "L’équipe ne peut pas être ignorée : la modération doit pouvoir joindre chacun.",
    },
  },
};

export default messages;
