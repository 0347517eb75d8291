// Chaînes françaises de l'application installable, de la lecture hors ligne et des notifications push.
const reach = {
  offline: {
    title: "Vous êtes hors ligne",
    text: "Cette page n’est pas enregistrée sur cet appareil. Les derniers sujets que vous avez ouverts restent lisibles : ouvrez-les depuis l’historique de votre navigateur.",
    retry: "Réessayer",
    copyFrom: "Copie hors ligne du {{time}}",
  },
  push: {
    title: "Notifications push",
    intro:
      "Recevez une notification sur ce téléphone ou cet ordinateur, même quand Touchpoints est fermé. Activez-les sur chaque appareil ; votre navigateur ne demande l’autorisation que lorsque vous appuyez sur le bouton.",
    devices_one: "Les notifications push sont activées sur {{count}} de vos appareils.",
    devices_other: "Les notifications push sont activées sur {{count}} de vos appareils.",
    devices_zero: "Les notifications push ne sont activées sur aucun de vos appareils.",
    needsScript: "Activer les notifications push nécessite JavaScript dans votre navigateur.",
    unsupported: "Ce navigateur ne peut pas recevoir de notifications push.",
    denied: "Les notifications de Touchpoints sont bloquées dans les réglages de ce navigateur.",
    turnOn: "Activer les notifications push sur cet appareil",
    turnOff: "Désactiver les notifications push sur cet appareil",
    onHere: "Les notifications push sont activées sur cet appareil.",
    kindsLegend: "Ce qui est envoyé",
    kinds: {
      mention: "Mentions",
      reply: "Réponses qui vous sont adressées",
      mentorship: "Messages de mentorat et réponses des tuteurs",
      application: "Décisions sur vos candidatures",
      reminder: "Rappels d’événements",
    },
    saveKinds: "Enregistrer ce qui est envoyé",
    saved: "Vos choix de notifications push ont été enregistrés.",
    errors: {
      invalid: "Ces réglages n’ont pas pu être lus. Veuillez réessayer.",
      endpoint: "Touchpoints n’envoie pas de notifications au service push de ce navigateur.",
      subscribe: "Les notifications push n’ont pas pu être activées dans ce navigateur.",
    },
  },
};

export default reach;
