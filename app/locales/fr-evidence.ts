// Chaînes françaises des compétences étayées par des preuves (profils, filtre de l’annuaire) et de
// l’auto-évaluation et du plan de développement (/my/development, la page de mentorat).
const evidence = {
  evidence: {
    evidenced: "Attestée",
    unevidenced: "Pas encore de preuve",
    frameworkSays: "Ce que le référentiel dit de ce niveau",
    heading: "Preuves pour {{competency}}",
    none: "Rien n’étaye encore cette compétence : une évaluation réussie qui s’y rapporte, une publication ou une expérience de terrain étiquetée, ou une recommandation.",
    assessment: "{{title}} réussi ({{score}} %, {{date}})",
    fieldExperience: "Expérience de terrain : ",
    post: "Publication : ",
    endorsedBy: "Recommandé par {{name}}, {{relation}}",
    earlierClaim: "pour un niveau déclaré auparavant ({{proficiency}})",
    relation: {
      mentor: "son mentor",
      tutor: "son tuteur",
      leader: "leader de l’expérience client",
    },
    endorseTitle: "Recommander pour {{competency}}",
    endorseAs: {
      mentor: "En tant que mentor de {{name}}, dites en une ou deux phrases quel travail vous avez vu.",
      tutor: "En tant que tuteur de {{name}}, dites en une ou deux phrases quel travail vous avez vu.",
      leader: "En tant que leader de l’expérience client, dites en une ou deux phrases quel travail vous avez vu.",
    },
    statement: "Ce que vous avez vu (au moins {{min}} caractères)",
    endorse: "Recommander au niveau {{proficiency}}",
    updateEndorsement: "Mettre à jour votre recommandation",
    withdraw: "Retirer votre recommandation",
    withdrawLabel: "Retirer votre recommandation de {{name}} pour {{competency}}",
    planLink: "Votre auto-évaluation et votre plan de développement",
    filter: "Compétences attestées uniquement",
    filterHint: "Étayées par une évaluation réussie, une publication étiquetée ou une recommandation.",
    errors: {
      notEndorser:
        "Seuls le mentor ou le tuteur du membre, ou un leader de l’expérience client (niveau 4), peuvent recommander ses compétences.",
      missing: "Ce membre ne déclare pas cette compétence.",
      statementShort: "Écrivez au moins 20 caractères sur le travail que vous avez vu.",
      statementLong: "Restez sous 500 caractères.",
    },
  },
  development: {
    title: "Auto-évaluation et plan de développement",
    metaTitle: "Plan de développement · Touchpoints",
    intro:
      "Situez-vous sur chaque compétence du référentiel et choisissez le niveau que vous visez. Seuls vous et votre mentor voyez cette page ; votre profil ne montre que ce que vous y déclarez.",
    mentorNote: "Votre mentor voit ce plan sur votre page de mentorat.",
    now: "Où j’en suis",
    target: "Mon objectif",
    notSet: "Non renseigné",
    claimed: "Déclaré sur votre profil : {{proficiency}}",
    claimedEvidenced: "Déclaré sur votre profil : {{proficiency}} (attesté)",
    save: "Enregistrer mon plan",
    saved: "Votre plan est enregistré.",
    menteeTitle: "Plan de développement de {{name}}",
    menteeNone: "{{name}} n’a pas encore rédigé de plan de développement.",
    row: "{{now}} → {{target}}",
    updated: "Mis à jour {{date}}",
    errors: {
      level: "Choisissez Débutant, Confirmé ou Avancé, ou laissez vide.",
    },
  },
};

export default evidence;
