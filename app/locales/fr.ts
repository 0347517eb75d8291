// Chaînes françaises de l'interface : mêmes clés que app/locales/en.ts (test/unit/i18n.test.ts le vérifie).
// Chaque grand domaine a son propre fichier fr-<domaine>.ts, repris ici.
import forum from "./fr-forum";
import search from "./fr-search";
import feeds from "./fr-feeds";
import progress from "./fr-progress";
import progressGuide from "./fr-progress-guide";
import moderation from "./fr-moderation";
import directory from "./fr-directory";
import badges from "./fr-badges";
import language from "./fr-language";
import privacy from "./fr-privacy";
import groups from "./fr-groups";
import mentorship from "./fr-mentorship";
import assessments from "./fr-assessments";
import events from "./fr-events";
import awards from "./fr-awards";
import security from "./fr-security";
import accountSecurity from "./fr-account-security";
import startup from "./fr-startup";
import twoFactor from "./fr-two-factor";
import passkeys from "./fr-passkeys";
import jobs from "./fr-jobs";
import emailReach from "./fr-email-reach";
import desk from "./fr-desk";
import staffViews from "./fr-staff-views";
import directoryRelevance from "./fr-directory-relevance";
import credentialRoutes from "./fr-credential-routes";
import reach from "./fr-reach";
import portfolio from "./fr-portfolio";
import cpd from "./fr-cpd";
import evidence from "./fr-evidence";
import keys from "./fr-keys";
import topicTools from "./fr-topic-tools";
import uploads from "./fr-uploads";
import messages from "./fr-messages";
import held from "./fr-held";

const fr = {
  ...mentorship,
  ...privacy,
  ...forum,
  ...search,
  ...feeds,
  ...progress,
  ...progressGuide,
  ...moderation,
  ...directory,
  ...badges,
  ...language,
  ...groups,
  ...assessments,
  ...events,
  ...awards,
  ...security,
  ...accountSecurity,
  ...startup,
  ...twoFactor,
  ...passkeys,
  ...jobs,
  ...emailReach,
  ...desk,
  ...staffViews,
  ...directoryRelevance,
  ...credentialRoutes,
  ...reach,
  ...portfolio,
  ...cpd,
  ...evidence,
  ...keys,
  ...topicTools,
  ...uploads,
  ...messages,
  ...held,
  site: {
    name: "Touchpoints",
    tagline: "Former la prochaine génération de leaders de l’expérience client en Afrique",
  },
  nav: {
    main: "Principal",
    forum: "Forum",
    directory: "Annuaire",
    signIn: "Se connecter",
    signUp: "S’inscrire",
    signOut: "Se déconnecter",
    skip: "Aller au contenu",
    account: "Votre compte",
    review: "À examiner ({{count}})",
    events: "Événements",
    awards: "Prix",
    judging: "Jury",
    recruiter: "Espace recruteur",
    profile: "Votre profil",
    editProfile: "Modifier votre profil",
    assessments: "Évaluations",
    activities: "Vos activités",
    reading: "Votre journal de lecture",
    appeals: "Vos recours",
    bookmarks: "Signets",
    contacts: "Demandes de contact",
    notificationSettings: "Réglages des notifications",
    language: "Langue",
    myData: "Vos données",
  },
  footer: {
    about: "Une communauté de professionnels du service client à travers l’Afrique.",
    privacy: "Confidentialité",
    language: "Langue",
  },
  home: {
    title: "Bienvenue sur Touchpoints",
    intro:
      "Touchpoints est la communauté du Parcours de développement de carrière en service client : échangez avec vos pairs sur le programme, consignez votre progression à travers les quatre niveaux et faites-vous repérer par les recruteurs.",
    levelsTitle: "Les quatre niveaux",
    level1: "Praticien junior du service client",
    level2: "Professionnel du service client",
    level3: "Responsable du service client",
    level4: "Leader de l’expérience client",
    welcome: "Bienvenue sur Touchpoints, {{name}}.",
    welcomeBack: "Bon retour, {{name}}.",
    joinCta: "Rejoindre la communauté",
  },
  form: {
    fixErrors_one: "Veuillez corriger le champ signalé ci-dessous.",
    fixErrors_other: "Veuillez corriger les {{count}} champs signalés ci-dessous.",
    required: "Ce champ est obligatoire.",
    tooLong: "C’est trop long : {{max}} caractères au maximum.",
    sending: "Envoi…",
  },
  signup: {
    title: "Rejoindre Touchpoints",
    email: "Adresse e-mail",
    username: "Nom d’utilisateur",
    usernameHint: "De 3 à 30 lettres, chiffres ou tirets bas. Les autres vous mentionneront avec @nom_d_utilisateur.",
    displayName: "Nom complet",
    password: "Mot de passe",
    passwordHint: "Au moins 10 caractères. Évitez les mots de passe courants.",
    submit: "Créer mon compte",
    haveAccount: "Déjà membre ?",
    errors: {
      email: "Saisissez une adresse e-mail comme nom@exemple.com.",
      emailTooLong: "Une adresse e-mail compte au plus 254 caractères.",
      emailTaken: "Un compte utilise déjà cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.",
      username: "Utilisez de 3 à 30 lettres, chiffres ou tirets bas.",
      usernameTaken: "Ce nom d’utilisateur est déjà pris. Essayez-en un autre.",
      usernameReserved: "Ce nom d’utilisateur est réservé. Essayez-en un autre.",
      displayName: "Saisissez votre nom (de 1 à 80 caractères).",
      passwordShort: "Utilisez au moins 10 caractères.",
      passwordLong: "Utilisez au plus 200 caractères.",
      passwordCommon: "Ce mot de passe fait partie des plus courants et se devine facilement. Choisissez-en un autre.",
      passwordPersonal: "Votre mot de passe ne doit contenir ni votre nom d’utilisateur ni votre adresse e-mail.",
    },
  },
  login: {
    title: "Se connecter",
    email: "Adresse e-mail ou nom d’utilisateur",
    password: "Mot de passe",
    submit: "Se connecter",
    forgot: "Mot de passe oublié ?",
    noAccount: "Nouveau ici ?",
    invalid: "L’adresse e-mail ou le mot de passe est incorrect. Vérifiez-les et réessayez.",
    throttled: "Trop de tentatives de connexion échouées. Réessayez après {{time}}.",
    missing: "Saisissez votre adresse e-mail et votre mot de passe.",
  },
  logout: {
    title: "Se déconnecter",
    confirm: "Se déconnecter de Touchpoints sur cet appareil ?",
  },
  forgot: {
    title: "Réinitialiser votre mot de passe",
    intro:
      "Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe ; il ne fonctionne qu’une fois, pendant une heure.",
    email: "Adresse e-mail",
    submit: "Envoyer le lien",
    sent: "Si un compte utilise cette adresse, un lien de réinitialisation est en route. Consultez votre boîte de réception.",
    mailSubject: "Réinitialisez votre mot de passe Touchpoints",
    mailBody:
      "Bonjour {{name}},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser votre mot de passe Touchpoints. Ouvrez ce lien dans l’heure pour en choisir un nouveau :\n\n{{url}}\n\nSi vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.",
  },
  reset: {
    title: "Choisir un nouveau mot de passe",
    password: "Nouveau mot de passe",
    submit: "Enregistrer mon nouveau mot de passe",
    invalid: "Ce lien de réinitialisation est invalide, déjà utilisé ou expiré. Demandez-en un nouveau.",
    again: "Demander un nouveau lien",
  },
  errors: {
    title: "Un problème est survenu",
    notFoundTitle: "Page introuvable",
    notFound: "Cette page est introuvable. Elle a peut-être été déplacée, ou vous n’y avez pas accès.",
    forbiddenTitle: "Action non autorisée",
    forbidden: "Vous n’avez pas la permission de faire ceci.",
    unavailableTitle: "Temporairement indisponible",
    unavailable: "Le service est temporairement indisponible. Veuillez réessayer dans une minute.",
    serverError:
      "Une erreur inattendue s’est produite de notre côté. Vos données sont en sécurité. Veuillez réessayer.",
    requestId: "Référence : {{id}}",
    home: "Aller à la page d’accueil",
    origin: "Cette requête venait d’un autre site et a été refusée pour protéger votre compte.",
    tooMany: "Trop de requêtes. Ralentissez un peu et réessayez dans un instant.",
    badRequestTitle: "Adresse non valide",
    badRequest:
      "Cette adresse contient des caractères qu’aucune de nos pages ne peut avoir. Vérifiez le lien, ou repartez de la page d’accueil.",
  },
};

export default fr;
