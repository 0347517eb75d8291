// English strings of the privacy page, the data download and account deletion.
const privacy = {
  privacy: {
    deletedMember: "Deleted member",
    page: {
      title: "Privacy",
      intro:
        "Touchpoints is the community and directory of the Customer Service Career Development Journey. This page says what we keep about you, why, who can see it, and what happens when you download your data or delete your account.",
      deletedNotice:
        "Your account has been deleted. Your personal data is erased; what we keep, and why, is explained below.",
      keptTitle: "What we keep while you are a member, and why",
      kept: {
        account:
          "Your account: email, username, name, password (stored only as a one-way hash), language and time zone. To sign you in, write to you and show your name on what you write.",
        profile:
          "Your directory profile: photo, job, organisation, country, bio, competencies, endorsements and designations. To let members and recruiters find you, only as far as your visibility setting allows.",
        forum:
          "Your posts and topics, likes, bookmarks, read positions, flags you raised and notifications. To run the forum and to count your participation.",
        progress:
          "Your progression records: activities, reading log, field experiences, applications, assessment and webinar results, module tasks, award nominations, level history and badges. To follow your progress through the four levels and to let anyone verify a badge you share.",
        contacts:
          "Recruiters' contact requests, your answers and the recruiters you blocked. So that you decide who may contact you.",
        mentorships:
          "The mentorships you take part in, and your posts in their private threads. Only you, the other participant and programme staff can read those threads.",
        security:
          "Sign-in sessions, recent failed sign-ins and an audit log of sensitive actions. To protect your account and to keep staff accountable.",
      },
      sharedTitle: "Who sees what",
      shared:
        "Public categories can be read by anyone; other categories only by the members they are meant for; private threads only by their participants. Your profile is shown to the public, to members and verified recruiters, or to no one, as you choose in your profile. We do not sell your data, show advertising or use tracking cookies: the only cookies are the ones the site needs to work, such as your sign-in session.",
      exportTitle: "Download your data",
      export:
        "You can download everything the platform holds about you, at any time, as a ZIP file of JSON and markdown files.",
      exportLink: "Download my data",
      deleteTitle: "Delete your account",
      delete: "You can delete your account at any time. Once you confirm:",
      erased: {
        identity:
          "your name, username and email are erased and replaced by “Deleted member”; your password and sign-in sessions are removed;",
        profile:
          "your profile, photo, competencies, endorsements, designations and progression records are deleted, and your profile leaves the directory and search at once;",
        badges: "your badges are revoked: anyone who checks one is told it is no longer valid, without your name;",
        recruiters: "recruiters lose access at once: their contact requests and shortlists of you are deleted;",
        mentorships: "your mentorships are ended;",
        words:
          "every file you uploaded (photos, award evidence) is deleted, and what you wrote outside your posts is erased: appeals, nominations, notes on flags, comments as a judge, mentorship goals and notes, and the copies of them in the audit log, notifications and queued emails;",
        likes: "your likes, bookmarks and notifications are removed.",
      },
      keptAfterTitle: "What stays after deletion, and why",
      keptAfter: {
        posts:
          "Your posts stay, under “Deleted member”, so that the conversations others took part in still make sense, unless you ask for them to be removed as well. Removed posts are blanked; a topic you started is removed with its replies, as when an author withdraws an opening post.",
        mentions:
          "When others mentioned you (@username) or quoted you, their words stay as they wrote them: the text is theirs. The mention no longer leads to a profile, and no page shows your name.",
        badges:
          "Revoked badges keep their record, without your name, so that a verifier who was shown one learns it is no longer valid.",
        audit:
          "The audit log keeps the fact that the account was deleted (when, and how many posts and badges were concerned), never your name, email or content. Security and staff accountability require it.",
        flags: "Flags you raised stay with the moderation history, under “Deleted member”.",
        emails: "Emails already sent to others cannot be recalled.",
      },
      deleteLink: "Delete my account",
      contactTitle: "Questions",
      contact:
        "Programme staff answer questions about your data through the forum's Announcements category or the contact address of the programme.",
    },
    export: {
      title: "Download your data",
      intro: "One ZIP file with everything the platform holds about you:",
      contents: {
        account: "your account, settings and sign-in devices;",
        profile: "your profile, photo, competencies, endorsements and designations;",
        posts: "each post you wrote, as a markdown file, and the topics you started;",
        reactions: "your likes, bookmarks, read positions, flags and notifications;",
        progress: "your activities, reading log, field experiences, applications, results, level history and badges;",
        contacts: "recruiters' contact requests and the mentorships you took part in.",
      },
      others:
        "It contains nothing of other people's private content: other members' posts are referred to by link, and no one else's email is included.",
      submit: "Download my data (ZIP)",
      tooSoon: "You downloaded your data less than {{seconds}} seconds ago. Please wait a moment before asking again.",
      tooBig:
        "Your data is too large to be downloaded in one file. Please contact programme staff, who will send it to you.",
      deleteLink: "Delete my account instead",
      privacyLink: "What we keep and why",
      readme:
        "# Your Touchpoints data\n\nExported on {{date}} from {{origin}}.\n\n- account.json, settings.json: your account and settings\n- profile/: your directory profile, photo, competencies and designations\n- posts/: every post you wrote, one markdown file each, by topic\n- forum/: the topics you started, your likes, bookmarks, read positions and flags\n- notifications.json: your notifications\n- progress/: activities, reading log, field experiences, applications, results, level history\n- badges.json: your badges, with the address where anyone can verify each one\n- contacts/, recruiter/: recruiters' contact requests (and, for a recruiter account, what you sent)\n- mentorships.json: the mentorships you took part in\n- other/: records kept by other parts of the programme\n\nOther members' posts are referred to by link only, and no one else's email is included.",
    },
    delete: {
      title: "Delete your account",
      intro:
        "This cannot be undone. Your name, email, profile, photo and progression records are erased; your badges are revoked; recruiters lose access at once.",
      keptLink: "What stays after deletion, and why",
      exportFirst: "You may want to download your data first.",
      confirmPassword: "Your password",
      confirmPasswordHint: "Enter your password to confirm that you want to delete your account.",
      confirmUsername: "Your username",
      confirmUsernameHint: "Type your username, {{username}}, to confirm that you want to delete your account.",
      removePosts: "Also remove my posts",
      removePostsHint:
        "Unticked, your posts stay under “Deleted member”. Ticked, they are blanked, and the topics you started are removed with their replies.",
      submit: "Delete my account",
      cancel: "Keep my account",
      errors: {
        confirmRequired: "Enter your password to confirm.",
        passwordWrong: "This password is not right. Nothing was deleted.",
        usernameWrong: "This is not your username. Nothing was deleted.",
        confirmWrong: "This confirmation is not right. Nothing was deleted.",
        throttled: "Too many wrong passwords. Try again in 15 minutes. Nothing was deleted.",
      },
    },
  },
};

export default privacy;
