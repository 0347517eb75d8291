// Chaînes françaises de la page de confidentialité, du téléchargement des données et de la suppression du compte.
const privacy = {
  privacy: {
    deletedMember: "Membre supprimé",
    page: {
      title: "Confidentialité",
      intro:
        "Touchpoints est la communauté et l’annuaire du parcours de développement de carrière en service client. Cette page indique ce que nous conservons à votre sujet, pourquoi, qui peut le voir, et ce qui se passe lorsque vous téléchargez vos données ou supprimez votre compte.",
      deletedNotice:
        "Votre compte a été supprimé. Vos données personnelles sont effacées ; ce que nous conservons, et pourquoi, est expliqué ci-dessous.",
      keptTitle: "Ce que nous conservons tant que vous êtes membre, et pourquoi",
      kept: {
        account:
          "Votre compte : adresse e-mail, nom d’utilisateur, nom, mot de passe (conservé uniquement sous forme d’empreinte irréversible), langue et fuseau horaire. Pour vous connecter, vous écrire et afficher votre nom sur ce que vous écrivez.",
        profile:
          "Votre profil d’annuaire : photo, poste, organisation, pays, présentation, compétences, recommandations et titres. Pour que les membres et les recruteurs vous trouvent, dans la seule mesure permise par votre réglage de visibilité.",
        forum:
          "Vos messages et sujets, mentions « J’aime », signets, positions de lecture, signalements que vous avez faits et notifications. Pour faire fonctionner le forum et compter votre participation.",
        progress:
          "Vos relevés de progression : activités, journal de lecture, expériences de terrain, candidatures, résultats d’évaluations et de webinaires, travaux de modules, candidatures aux prix, historique des niveaux et badges. Pour suivre votre progression dans les quatre niveaux et permettre à quiconque de vérifier un badge que vous partagez.",
        contacts:
          "Les demandes de contact des recruteurs, vos réponses et les recruteurs que vous avez bloqués. Pour que vous décidiez qui peut vous contacter.",
        mentorships:
          "Les mentorats auxquels vous participez, et vos messages dans leurs fils privés. Seuls vous, l’autre participant et l’équipe du programme peuvent lire ces fils.",
        security:
          "Les sessions de connexion, les récents échecs de connexion et un journal d’audit des actions sensibles. Pour protéger votre compte et garantir que l’équipe rende compte de ses actions.",
      },
      sharedTitle: "Qui voit quoi",
      shared:
        "Les catégories publiques peuvent être lues par tous ; les autres, uniquement par les membres auxquels elles sont destinées ; les fils privés, uniquement par leurs participants. Votre profil est visible du public, des membres et des recruteurs vérifiés, ou de personne, selon votre choix dans votre profil. Nous ne vendons pas vos données, n’affichons pas de publicité et n’utilisons pas de cookies de suivi : les seuls cookies sont ceux dont le site a besoin pour fonctionner, comme votre session de connexion.",
      exportTitle: "Télécharger vos données",
      export:
        "Vous pouvez télécharger à tout moment tout ce que la plateforme conserve à votre sujet, sous la forme d’un fichier ZIP de fichiers JSON et Markdown.",
      exportLink: "Télécharger mes données",
      deleteTitle: "Supprimer votre compte",
      delete: "Vous pouvez supprimer votre compte à tout moment. Dès votre confirmation :",
      erased: {
        identity:
          "votre nom, votre nom d’utilisateur et votre adresse e-mail sont effacés et remplacés par « Membre supprimé » ; votre mot de passe et vos sessions de connexion sont supprimés ;",
        profile:
          "votre profil, votre photo, vos compétences, recommandations, titres et relevés de progression sont supprimés, et votre profil quitte immédiatement l’annuaire et la recherche ;",
        badges:
          "vos badges sont révoqués : quiconque en vérifie un apprend qu’il n’est plus valide, sans voir votre nom ;",
        recruiters:
          "les recruteurs perdent l’accès immédiatement : leurs demandes de contact et leurs listes de présélection vous concernant sont supprimées ;",
        mentorships: "vos mentorats prennent fin ;",
        words:
          "chaque fichier que vous avez envoyé (photos, pièces justificatives des prix) est supprimé, et ce que vous avez écrit en dehors de vos messages est effacé : recours, candidatures aux prix, remarques de signalement, commentaires de juré, objectifs et notes de mentorat, ainsi que leurs copies dans le journal d’audit, les notifications et les e-mails en attente ;",
        likes: "vos mentions « J’aime », signets et notifications sont supprimés.",
      },
      keptAfterTitle: "Ce qui reste après la suppression, et pourquoi",
      keptAfter: {
        posts:
          "Vos messages restent, sous « Membre supprimé », pour que les conversations auxquelles d’autres ont pris part gardent leur sens, sauf si vous demandez aussi leur retrait. Les messages retirés sont vidés ; un sujet que vous avez ouvert est retiré avec ses réponses, comme lorsqu’un auteur retire son message d’ouverture.",
        mentions:
          "Lorsque d’autres vous ont mentionné (@nom d’utilisateur) ou cité, leurs mots restent tels qu’ils les ont écrits : ce texte est le leur. La mention ne mène plus à aucun profil, et aucune page n’affiche votre nom.",
        badges:
          "Les badges révoqués gardent leur trace, sans votre nom, pour qu’un vérificateur à qui l’un d’eux a été montré apprenne qu’il n’est plus valide.",
        audit:
          "Le journal d’audit garde le fait que le compte a été supprimé (quand, et combien de messages et de badges étaient concernés), jamais votre nom, votre adresse e-mail ni vos contenus. La sécurité et la responsabilité de l’équipe l’exigent.",
        flags:
          "Les signalements que vous avez faits restent dans l’historique de modération, sous « Membre supprimé ».",
        emails: "Les e-mails déjà envoyés à d’autres personnes ne peuvent pas être rappelés.",
      },
      deleteLink: "Supprimer mon compte",
      contactTitle: "Questions",
      contact:
        "L’équipe du programme répond aux questions sur vos données dans la catégorie Annonces du forum ou à l’adresse de contact du programme.",
    },
    export: {
      title: "Télécharger vos données",
      intro: "Un seul fichier ZIP avec tout ce que la plateforme conserve à votre sujet :",
      contents: {
        account: "votre compte, vos réglages et vos appareils connectés ;",
        profile: "votre profil, votre photo, vos compétences, recommandations et titres ;",
        posts: "chacun de vos messages, en fichier Markdown, et les sujets que vous avez ouverts ;",
        reactions: "vos mentions « J’aime », signets, positions de lecture, signalements et notifications ;",
        progress:
          "vos activités, journal de lecture, expériences de terrain, candidatures, résultats, historique des niveaux et badges ;",
        contacts: "les demandes de contact des recruteurs et les mentorats auxquels vous avez participé.",
      },
      others:
        "Il ne contient rien du contenu privé d’autres personnes : les messages des autres membres sont indiqués par un lien, et aucune autre adresse e-mail n’y figure.",
      submit: "Télécharger mes données (ZIP)",
      tooSoon:
        "Vous avez téléchargé vos données il y a moins de {{seconds}} secondes. Merci de patienter un instant avant de recommencer.",
      tooBig:
        "Vos données sont trop volumineuses pour un seul fichier. Contactez l’équipe du programme, qui vous les enverra.",
      deleteLink: "Supprimer plutôt mon compte",
      privacyLink: "Ce que nous conservons et pourquoi",
      readme:
        "# Vos données Touchpoints\n\nExportées le {{date}} depuis {{origin}}.\n\n- account.json, settings.json : votre compte et vos réglages\n- profile/ : votre profil d’annuaire, votre photo, vos compétences et vos titres\n- posts/ : chacun de vos messages, un fichier Markdown par message, classés par sujet\n- forum/ : les sujets que vous avez ouverts, vos mentions « J’aime », signets, positions de lecture et signalements\n- notifications.json : vos notifications\n- progress/ : activités, journal de lecture, expériences de terrain, candidatures, résultats, historique des niveaux\n- badges.json : vos badges, avec l’adresse où chacun peut être vérifié\n- contacts/, recruiter/ : les demandes de contact des recruteurs (et, pour un compte recruteur, ce que vous avez envoyé)\n- mentorships.json : les mentorats auxquels vous avez participé\n- other/ : les relevés tenus par d’autres parties du programme\n\nLes messages des autres membres sont indiqués par un lien uniquement, et aucune autre adresse e-mail n’y figure.",
    },
    delete: {
      title: "Supprimer votre compte",
      intro:
        "Cette action est définitive. Votre nom, votre adresse e-mail, votre profil, votre photo et vos relevés de progression sont effacés ; vos badges sont révoqués ; les recruteurs perdent l’accès immédiatement.",
      keptLink: "Ce qui reste après la suppression, et pourquoi",
      exportFirst: "Vous voudrez peut-être d’abord télécharger vos données.",
      confirmPassword: "Votre mot de passe",
      confirmPasswordHint: "Saisissez votre mot de passe pour confirmer que vous voulez supprimer votre compte.",
      confirmUsername: "Votre nom d’utilisateur",
      confirmUsernameHint:
        "Saisissez votre nom d’utilisateur, {{username}}, pour confirmer que vous voulez supprimer votre compte.",
      removePosts: "Retirer aussi mes messages",
      removePostsHint:
        "Case décochée, vos messages restent sous « Membre supprimé ». Case cochée, ils sont vidés, et les sujets que vous avez ouverts sont retirés avec leurs réponses.",
      submit: "Supprimer mon compte",
      cancel: "Garder mon compte",
      errors: {
        confirmRequired: "Saisissez votre mot de passe pour confirmer.",
        passwordWrong: "Ce mot de passe n’est pas le bon. Rien n’a été supprimé.",
        usernameWrong: "Ce n’est pas votre nom d’utilisateur. Rien n’a été supprimé.",
        confirmWrong: "Cette confirmation n’est pas la bonne. Rien n’a été supprimé.",
        throttled: "Trop de mots de passe erronés. Réessayez dans 15 minutes. Rien n’a été supprimé.",
      },
    },
  },
};

export default privacy;
