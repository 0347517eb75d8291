// English strings of competency claims backed by evidence (profiles, the directory's filter) and of
// the self-assessment and development plan (/my/development, the mentorship page).
const evidence = {
  evidence: {
    evidenced: "Evidenced",
    unevidenced: "No evidence yet",
    frameworkSays: "What the framework says of this proficiency",
    heading: "Evidence for {{competency}}",
    none: "Nothing backs this claim yet: a passed assessment aligned with it, a post or field experience tagged with it, or an endorsement.",
    assessment: "Passed {{title}} ({{score}} %, {{date}})",
    fieldExperience: "Field experience: ",
    post: "Post: ",
    endorsedBy: "Endorsed by {{name}}, {{relation}}",
    earlierClaim: "for an earlier claim ({{proficiency}})",
    relation: {
      mentor: "their mentor",
      tutor: "their tutor",
      leader: "a Customer Experience Leader",
    },
    endorseTitle: "Endorse {{competency}}",
    endorseAs: {
      mentor: "As {{name}}’s mentor, say in one or two sentences what work of theirs you saw.",
      tutor: "As {{name}}’s tutor, say in one or two sentences what work of theirs you saw.",
      leader: "As a Customer Experience Leader, say in one or two sentences what work of theirs you saw.",
    },
    statement: "What you saw (at least {{min}} characters)",
    endorse: "Endorse at {{proficiency}}",
    updateEndorsement: "Update your endorsement",
    withdraw: "Withdraw your endorsement",
    withdrawLabel: "Withdraw your endorsement of {{name}} for {{competency}}",
    planLink: "Your self-assessment and development plan",
    filter: "Evidenced claims only",
    filterHint: "Backed by a passed assessment, a tagged post or an endorsement.",
    errors: {
      notEndorser:
        "Only the member’s mentor or tutor, or a Customer Experience Leader (level 4), can endorse their competencies.",
      missing: "This member does not claim that competency.",
      statementShort: "Write at least 20 characters on the work you saw.",
      statementLong: "Keep it under 500 characters.",
    },
  },
  development: {
    title: "Self-assessment and development plan",
    metaTitle: "Development plan · Touchpoints",
    intro:
      "Place yourself on each capability of the framework, and choose the proficiency you are working towards. Only you and your mentor see this page; your profile shows only what you claim there.",
    mentorNote: "Your mentor sees this plan on your mentorship page.",
    now: "Where I am now",
    target: "My target",
    notSet: "Not set",
    claimed: "Claimed on your profile: {{proficiency}}",
    claimedEvidenced: "Claimed on your profile: {{proficiency}} (evidenced)",
    save: "Save my plan",
    saved: "Your plan is saved.",
    menteeTitle: "{{name}}’s development plan",
    menteeNone: "{{name}} has not written a development plan yet.",
    row: "{{now}} → {{target}}",
    updated: "Updated {{date}}",
    errors: {
      level: "Choose Emerging, Proficient or Advanced, or leave it unset.",
    },
  },
};

export default evidence;
