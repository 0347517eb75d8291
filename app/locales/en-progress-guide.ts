// /progress as a guide: the next step of each requirement, when counting started, staff's
// decision notes, and third-person wording when staff read a member's progress.
export default {
  progressGuide: {
    nextStep: "Next step:",
    act: {
      joinDiscussions: "Reply in the forum's discussions",
      shareFieldExperience: "Share a field experience",
      logActivity: "Log an activity",
      logBook: "Log a book",
      rsvp: "RSVP for the session on {{at}}",
      takeTest: "Take the test online",
      resumeTest: "Resume your attempt",
      completeProfile: "Complete your profile",
      declareExperience: "Declare your years on your application",
      offerMentoring: "Register as a mentor",
      nominate: "Submit your self-nomination",
      preparePortfolio: "Prepare and submit your portfolio",
      viewPortfolio: "See your portfolio and the panel's progress",
    },
    say: {
      noDateYet: "No date announced yet for this webinar.",
      testNotOpen: "This test is not open online yet.",
      declareLater: "You declare your years on your application for the next level, once the rest is done.",
      awaitingStaff: "Waiting for a staff decision.",
      waitCooldown: "The test's page says when you can try again.",
    },
    staff: {
      recorded: "Recorded by staff.",
      askTutor: "Ask your tutor:",
      askStaff: "Ask programme staff:",
    },
    countsSince: "Counts since you entered level {{number}} on {{date}}.",
    countsSinceOther: "Counts since {{name}} entered level {{number}} on {{date}}.",
    levelSectionOther: "Level of {{name}}",
    badgeLinkOther: "Level badge of {{name}} (anyone can verify it)",
    chartHeadingOther: "Contributions of {{name}}",
    applicationPendingOther: "The application of {{name}} for {{level}} is waiting for review.",
    applicationApproved: "Your application for {{level}} was approved.",
    applicationApprovedOther: "The application of {{name}} for {{level}} was approved.",
    applicationRejectedOther: "The application of {{name}} for {{level}} was not approved.",
    decisionNote: "Note from staff: “{{note}}”",
  },
};
