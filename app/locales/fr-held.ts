// Chaînes françaises des formulaires gardés quand une session a pris fin pendant la rédaction (app/routes/held.tsx).
const held = {
  held: {
    notice: "Ce que vous avez écrit avant d’être déconnecté a été conservé.",
    review: "Relire et envoyer",
    title: "Ce que vous avez écrit avant d’être déconnecté",
    intro:
      "Vous avez été déconnecté au moment de l’envoi : votre texte a donc été gardé pour vous pendant un jour. Envoyez-le maintenant, et il part là où vous l’aviez envoyé, comme si vous veniez d’appuyer sur le bouton.",
    sentTo: "Il avait été envoyé à {{path}}.",
    text: "Votre texte",
    titleField: "Titre",
    field: "Champ {{n}}",
    send: "L’envoyer maintenant",
    discard: "Abandonner",
    discardHint: "Abandonner supprime ce texte définitivement.",
  },
};

export default held;
