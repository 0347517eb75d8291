// Chaînes françaises de la connexion à deux facteurs (app/models/account/two-factor*.server.ts).
const twoFactor = {
  twoFactor: {
    nav: "Connexion à deux facteurs",
    signIn: {
      title: "Connexion à deux facteurs",
      intro:
        "Votre mot de passe est correct. Saisissez maintenant le code à six chiffres affiché pour Touchpoints dans votre application d’authentification.",
      code: "Code de votre application d’authentification",
      submit: "Vérifier et se connecter",
      useRecovery: "Téléphone perdu ? Utilisez un code de secours",
      recoveryCode: "Code de secours",
      recoveryHint:
        "L’un des dix codes enregistrés lors de l’activation de la connexion à deux facteurs. Chacun ne sert qu’une fois.",
      recoverySubmit: "Se connecter avec un code de secours",
      startAgain: "Se reconnecter",
    },
    settings: {
      title: "Connexion à deux facteurs",
      intro:
        "Avec la connexion à deux facteurs, votre mot de passe ne suffit plus : chaque connexion demande aussi un code fourni par une application d’authentification sur votre téléphone (Aegis, Google Authenticator, Microsoft Authenticator ou 1Password, par exemple).",
      required:
        "Votre compte peut voir les coordonnées des membres (équipe et recruteurs) : il doit donc utiliser la connexion à deux facteurs. Activez-la ci-dessous pour continuer ; d’ici là, les pages d’administration et de recrutement vous sont fermées.",
      requiredEnabled:
        "L’équipe et les recruteurs doivent garder la connexion à deux facteurs. Vous pouvez la transférer sur un nouveau téléphone à tout moment.",
      off: "La connexion à deux facteurs est désactivée.",
      on: "La connexion à deux facteurs est activée depuis le {{date}}.",
      recoveryLeft_one: "Il reste {{count}} code de secours inutilisé.",
      recoveryLeft_other: "Il reste {{count}} codes de secours inutilisés.",
      start: "Activer la connexion à deux facteurs",
      move: "Passer à un nouveau téléphone",
      step1: "1. Scannez ce code QR avec votre application d’authentification.",
      qrLabel: "Code QR pour votre application d’authentification",
      manual:
        "Impossible de le scanner ? Saisissez plutôt cette clé dans l’application (basée sur le temps, 6 chiffres, 30 secondes) :",
      step2: "2. Saisissez le code à six chiffres que l’application affiche maintenant.",
      code: "Code à six chiffres",
      confirm: "Activer",
      cancel: "Annuler",
      moveNote: "Tant que vous n’avez pas confirmé un code du nouveau téléphone, l’ancien continue de fonctionner.",
      savedTitle: "Enregistrez vos codes de secours maintenant",
      savedIntro:
        "Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois. Conservez-les en lieu sûr (un gestionnaire de mots de passe, ou sur papier). Ils ne seront plus jamais affichés.",
      continue: "Je les ai enregistrés, continuer",
      regenerateTitle: "Nouveaux codes de secours",
      regenerateIntro: "Crée dix nouveaux codes ; les anciens cessent de fonctionner.",
      regenerate: "Créer de nouveaux codes de secours",
      disableTitle: "Désactiver la connexion à deux facteurs",
      disable: "Désactiver",
      confirmField: "Votre mot de passe, ou un code de votre application d’authentification",
      enabled: "La connexion à deux facteurs est activée.",
      disabled: "La connexion à deux facteurs est désactivée.",
    },
    errors: {
      codeMissing: "Saisissez le code.",
      codeWrong: "Ce code n’est pas le bon, ou il a déjà servi. Vérifiez l’application et réessayez.",
      codeWrongLeft_one: "Ce code n’est pas le bon, ou il a déjà servi. Il vous reste {{count}} essai.",
      codeWrongLeft_other: "Ce code n’est pas le bon, ou il a déjà servi. Il vous reste {{count}} essais.",
      expired: "Cette connexion a expiré. Reconnectez-vous avec votre mot de passe.",
      tooManyGuesses: "Trop de codes erronés pour cette connexion. Reconnectez-vous avec votre mot de passe.",
      throttled: "Trop de codes erronés pour ce compte. Réessayez dans {{minutes}} min.",
      noPending: "Recommencez l’activation : la clé affichée auparavant n’est plus en attente.",
      notEnabled: "La connexion à deux facteurs n’est pas activée.",
      requiredForRole:
        "L’équipe et les recruteurs ne peuvent pas désactiver la connexion à deux facteurs. Vous pouvez la transférer sur un nouveau téléphone.",
      confirmMissing: "Saisissez votre mot de passe ou un code.",
      confirmWrong: "Ce mot de passe ou ce code n’est pas le bon.",
    },
  },
};

export default twoFactor;
