// Chaînes françaises des clés d’accès comme second facteur (app/models/account/passkeys.server.ts).
const passkeys = {
  passkeys: {
    title: "Clés d’accès",
    intro:
      "Une clé d’accès permet à votre téléphone, votre ordinateur ou votre clé de sécurité de confirmer que c’est bien vous, avec votre empreinte, votre visage ou le verrouillage de l’écran, au lieu de saisir un code.",
    onWithPasskey: "La connexion à deux facteurs est active avec vos clés d’accès.",
    none: "Vous n’avez pas encore de clé d’accès.",
    listLabel: "Vos clés d’accès",
    added: "Ajoutée le {{date}}.",
    lastUsed: "Dernière utilisation le {{date}}.",
    nameField: "Nom de cette clé d’accès",
    nameHint: "Pour distinguer vos clés d’accès, par exemple « Ordinateur du bureau ».",
    defaultName: "Clé d’accès",
    add: "Ajouter une clé d’accès",
    needsScript: "Ajouter une clé d’accès nécessite JavaScript dans votre navigateur.",
    addedNotice: "Votre clé d’accès a été ajoutée. Elle compte désormais comme seconde étape de connexion.",
    remove: "Retirer cette clé d’accès",
    removeField: "Votre mot de passe, pour retirer « {{name}} »",
    removed: "La clé d’accès a été retirée.",
    signIn: {
      use: "Utiliser une clé d’accès",
      or: "Ou saisissez un code :",
      working: "En attente de votre clé d’accès…",
    },
    errors: {
      failedLeft_one: "Cette clé d’accès n’a pas pu être vérifiée. Encore {{count}} essai.",
      failedLeft_other: "Cette clé d’accès n’a pas pu être vérifiée. Encore {{count}} essais.",
      cancelled: "La clé d’accès n’a pas été utilisée (annulation ou délai dépassé). Réessayez, ou saisissez un code.",
      failed: "Cette clé d’accès n’a pas pu être vérifiée. Réessayez.",
      expired: "Cette demande a expiré. Réessayez.",
      duplicate: "Cette clé d’accès est déjà enregistrée.",
      notFound: "Cette clé d’accès n’existe pas, ou n’est pas la vôtre.",
      nameMissing: "Donnez un nom à cette clé d’accès.",
      nameTooLong: "Le nom doit faire moins de 60 caractères.",
    },
  },
};
export default passkeys;
