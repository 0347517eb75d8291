// Textes français de la pertinence de l’annuaire : correspondances proches, et synonymes tenus par l’équipe
// (/admin/synonyms).
const directoryRelevance = {
  directoryMatch: {
    noneExact: "Aucun profil ne correspond à tous les mots de votre recherche.",
    close_one: "{{count}} correspondance proche ci-dessous : un profil qui correspond à une partie de votre recherche.",
    close_other:
      "{{count}} correspondances proches ci-dessous : des profils qui correspondent à une partie de votre recherche.",
    closeHeading: "Correspondances proches",
  },
  adminSynonyms: {
    title: "Synonymes de l’annuaire",
    intro:
      "Les mots que les recruteurs emploient pour une même chose. Un groupe par ligne, les termes séparés par des " +
      "virgules : chercher un terme d’une ligne trouve aussi les profils qui en emploient un autre (« centre " +
      "d’appels, centre de contact, call centre »). Un terme compte au plus trois mots.",
    field: "Groupes de synonymes, un par ligne",
    save: "Enregistrer les synonymes",
    saved: "Les synonymes sont enregistrés et la recherche de l’annuaire les utilise.",
    queued:
      "Les synonymes sont enregistrés. Le service de recherche n’a pas répondu : l’annuaire les utilisera dès son " +
      "retour.",
    defaults: "Aucune liste n’a encore été enregistrée : voici la liste par défaut.",
    tryTitle: "Essayer une recherche",
    tryField: "Chercher dans l’annuaire comme un recruteur",
    trySubmit: "Essayer",
    tryResults_one: "{{count}} profil correspond à tous les mots de « {{q}} ».",
    tryResults_other: "{{count}} profils correspondent à tous les mots de « {{q}} ».",
    tryClose_one: "Aucun profil ne correspond à tous les mots ; {{count}} correspondance proche.",
    tryClose_other: "Aucun profil ne correspond à tous les mots ; {{count}} correspondances proches.",
    tryApplied: "Synonymes utilisés pour cette recherche : {{groups}}",
    tryNone: "Aucun synonyme ne s’applique à cette recherche.",
    tryUnavailable: "Le service de recherche ne répond pas pour le moment : réessayez dans un instant.",
    tryFirst: "Premiers profils trouvés",
    fixLines: "Corrigez les lignes indiquées ci-dessus.",
    errorLine: "Ligne {{line}} : {{message}}",
    errors: {
      tooLong: "La liste est trop longue : gardez-la sous 20 000 caractères.",
      tooManyGroups: "Gardez au plus 200 groupes (la ligne {{line}} est de trop).",
      term:
        "« {{term}} » ne peut contenir que des lettres, des chiffres, des espaces, des apostrophes, des points et " +
        "des tirets, et au plus 60 caractères.",
      words: "« {{term}} » compte plus de trois mots : la recherche ne cherche jamais un terme aussi long.",
      alone: "« {{term}} » a besoin d’au moins un autre terme sur sa ligne.",
      tooManyTerms: "Gardez au plus 12 termes par ligne.",
      twice: "« {{term}} » figure déjà sur une autre ligne : ne le mettez que sur une seule.",
    },
  },
};

export default directoryRelevance;
