// Textes français des outils de lecture d'un sujet : fiches membres, sujets suggérés, navigation.
const topicTools = {
  userCard: {
    label: "À propos de {{name}}",
    hidden: "Le profil de ce membre est privé.",
    joined: "Inscrit·e le {{date}}",
    lastPost: "Dernier message {{time}}",
    noPosts: "Aucun message pour l’instant",
    viewProfile: "Voir le profil",
    message: "Écrire",
    close: "Fermer",
    suspended: "Suspendu·e jusqu’au {{date}}",
    loading: "Chargement…",
    failed: "La fiche n’a pas pu être chargée. Ouvrez plutôt le profil.",
    role: { staff: "Équipe", tutor: "Tuteur·rice", recruiter: "Recruteur·euse", member: "Membre" },
  },
  suggested: {
    title: "Sujets suggérés",
    unread_one: "{{count}} non lu",
    unread_other: "{{count}} non lus",
    new: "Nouveau",
    replies_one: "{{count}} réponse",
    replies_other: "{{count}} réponses",
  },
  topicNav: {
    label: "Navigation dans le sujet",
    progress: "{{at}} sur {{total}}",
    showing: "Messages {{from}} à {{to}} sur {{total}}",
    first: "Premier message",
    last: "Dernier message",
    firstUnread: "Premier non lu",
    date: "Aller à une date",
    go: "Aller",
    replyBox: "Aller à la zone de réponse",
  },
};

export default topicTools;
