// Chaînes françaises de /my/security (mot de passe, sessions) et de son courriel.
const accountSecurity = {
  accountSecurity: {
    nav: "Mot de passe et sessions",
    title: "Mot de passe et sessions",
    password: {
      title: "Changer le mot de passe",
      intro:
        "Le changer vous déconnecte partout ailleurs : ce navigateur reste connecté, et nous vous envoyons un avis par courriel.",
      current: "Mot de passe actuel",
      new: "Nouveau mot de passe",
      submit: "Changer mon mot de passe",
    },
    sessions: {
      title: "Où vous êtes connecté",
      intro:
        "Chaque navigateur avec lequel vous vous êtes connecté. Fermez ceux que vous ne reconnaissez pas, puis changez votre mot de passe.",
      device: "{{browser}} sur {{os}}",
      unknownBrowser: "Navigateur inconnu",
      unknownSystem: "système inconnu",
      current: "Cet appareil",
      lastSeen: "Dernière activité",
      started: "connexion",
      end: "Fermer cette session",
      everywhere: "Se déconnecter partout",
      everywhereHint_one: "Ferme cette session et {{count}} autre.",
      everywhereHint_other: "Ferme cette session et {{count}} autres.",
    },
    done: {
      password: "Votre mot de passe est changé. Toutes les autres sessions sont fermées.",
      ended: "Cette session est fermée.",
      gone: "Cette session était déjà fermée.",
    },
    errors: {
      current: "Votre mot de passe actuel n’est pas le bon.",
      currentMissing: "Saisissez votre mot de passe actuel.",
      throttled: "Trop de mots de passe erronés. Réessayez dans 15 minutes.",
    },
    mail: {
      changedSubject: "Votre mot de passe Touchpoints a été changé",
      changedBody:
        "Bonjour {{name}},\n\nVotre mot de passe Touchpoints a été changé, et toutes les autres sessions ont été déconnectées.\n\nSi c’était vous, il n’y a rien à faire. Sinon, choisissez dès maintenant un nouveau mot de passe :\n\n{{url}}",
    },
  },
};

export default accountSecurity;
