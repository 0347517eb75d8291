// CPD to keep a credential (issue 26 point 3): the member's standing (/my/cpd), the reminders and
// notices, the lapsed marks on profiles, cards and badge pages, and the staff settings (/admin/cpd).
export default {
  cpd: {
    title: "Your CPD",
    intro:
      "Continuous professional development (CPD) keeps your credentials current. Each credential below asks for a number of points every CPD year, which runs from the anniversary of its award. Activities, events you attend, courses and books earn points.",
    none: "None of your credentials asks for CPD points at the moment.",
    status: {
      active: "Current",
      lapsed: "Lapsed since {{date}}",
    },
    points_one: "{{count}} of {{required}} points this CPD year",
    points_other: "{{count}} of {{required}} points this CPD year",
    year: "CPD year: {{start}} to {{last}}",
    nextLapse: "Lapses on {{date}} unless you reach {{required}} points by {{last}}.",
    met: "Met for this CPD year.",
    notJudged: "This CPD year began before the requirement counted: the first year that counts begins on {{date}}.",
    owed_one: "Earn {{count}} more point to reinstate it.",
    owed_other: "Earn {{count}} more points to reinstate it.",
    rates: "Points: activity {{activity}}, event attended {{event}}, course {{course}}, book {{book}}.",
    counted: "What earned points",
    noItems: "Nothing has earned points in this CPD year yet.",
    kinds: { activity: "Activity", event: "Event", course: "Course", book: "Book" },
    kind: "Kind",
    what: "What",
    when: "Date",
    pointsColumn: "Points",
    history: "History",
    historyLapsed: "Lapsed on {{date}} ({{points}} of {{required}} points)",
    historyReinstated: "Reinstated on {{date}}",
    logActivity: "Log an activity or a course",
    logBook: "Log a book",
    badge: "Badge page",
    progressLink: "CPD to keep your credentials",
    lapsedPill: "{{name}} (lapsed)",
    lapsedWord: "lapsed",
    badgeLapsed:
      "The holder's CPD lapsed on {{date}}: this credential is not current until they catch up on their points.",
    notify: {
      reminder_one: "Your {{credential}} needs {{count}} more CPD point by {{date}} to stay current.",
      reminder_other: "Your {{credential}} needs {{count}} more CPD points by {{date}} to stay current.",
      lapsed_one:
        "Your {{credential}} has lapsed: it asks for {{required}} CPD points a year. Earn {{count}} more point to reinstate it.",
      lapsed_other:
        "Your {{credential}} has lapsed: it asks for {{required}} CPD points a year. Earn {{count}} more points to reinstate it.",
      reinstated: "Your {{credential}} is current again: you caught up on your CPD points.",
    },
    admin: {
      title: "CPD requirements",
      intro:
        "A credential can ask its holders for CPD points every year (from the anniversary of its award) to stay current. Set the points needed and what each kind of learning earns; 0 points a year turns CPD off for that credential.",
      none: "No CPD",
      perYear: "{{count}} points a year",
      pointsPerYear: "Points needed each CPD year (0: no CPD)",
      activityPoints: "Points per activity",
      eventPoints: "Points per event attended",
      coursePoints: "Points per course (a training activity or an evaluated module task)",
      bookPoints: "Points per book",
      countsFrom: "CPD years that begin on or after this day count",
      save: "Save",
      saved: "The CPD requirement of {{target}} is saved.",
      errors: {
        number: "Enter a whole number within the allowed range.",
        target: "Choose a level or a designation.",
        date: "Enter a date (YYYY-MM-DD).",
      },
    },
  },
};
