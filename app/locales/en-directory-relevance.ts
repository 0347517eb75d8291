// English strings of the directory's relevance: close matches, and the synonyms staff keep (/admin/synonyms).
const directoryRelevance = {
  directoryMatch: {
    noneExact: "No profile matches every word of your search.",
    close_one: "{{count}} close match below: a profile that matches part of your search.",
    close_other: "{{count}} close matches below: profiles that match part of your search.",
    closeHeading: "Close matches",
  },
  adminSynonyms: {
    title: "Directory synonyms",
    intro:
      "Words recruiters use for the same thing. One group per line, the terms separated by commas: searching any " +
      "term of a line also finds profiles that use another (“call centre, contact centre, call center”). A term has " +
      "at most three words.",
    field: "Synonym groups, one per line",
    save: "Save the synonyms",
    saved: "The synonyms are saved and the directory search uses them.",
    queued:
      "The synonyms are saved. The search service did not answer: the directory will use them as soon as it is back.",
    defaults: "No list has been saved yet: these are the defaults.",
    tryTitle: "Try a search",
    tryField: "Search the directory as recruiters do",
    trySubmit: "Try",
    tryResults_one: "{{count}} profile matches every word of “{{q}}”.",
    tryResults_other: "{{count}} profiles match every word of “{{q}}”.",
    tryClose_one: "No profile matches every word; {{count}} close match.",
    tryClose_other: "No profile matches every word; {{count}} close matches.",
    tryApplied: "Synonyms used for this search: {{groups}}",
    tryNone: "No synonym applies to this search.",
    tryUnavailable: "The search service does not answer right now: try again in a moment.",
    tryFirst: "First profiles found",
    fixLines: "Fix the lines listed above.",
    errorLine: "Line {{line}}: {{message}}",
    errors: {
      tooLong: "The list is too long: keep it under 20,000 characters.",
      tooManyGroups: "Keep at most 200 groups (line {{line}} is one too many).",
      term: "“{{term}}” can hold only letters, digits, spaces, apostrophes, dots and dashes, and at most 60 characters.",
      words: "“{{term}}” has more than three words: the search never looks up such a long term.",
      alone: "“{{term}}” needs at least one other term on its line.",
      tooManyTerms: "Keep at most 12 terms on a line.",
      twice: "“{{term}}” is already on another line: put it on one line only.",
    },
  },
};

export default directoryRelevance;
