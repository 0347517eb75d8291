// English strings of /my/security (password change, sessions) and its mail.
const accountSecurity = {
  accountSecurity: {
    nav: "Password and sessions",
    title: "Password and sessions",
    password: {
      title: "Change your password",
      intro: "Changing it signs you out everywhere else: this browser stays signed in, and we email you a notice.",
      current: "Current password",
      new: "New password",
      submit: "Change my password",
    },
    sessions: {
      title: "Where you are signed in",
      intro: "Each browser you signed in with. End any you do not recognise, then change your password.",
      device: "{{browser}} on {{os}}",
      unknownBrowser: "Unknown browser",
      unknownSystem: "unknown system",
      current: "This device",
      lastSeen: "Last active",
      started: "signed in",
      end: "Sign out this session",
      everywhere: "Sign out everywhere",
      everywhereHint_one: "Ends this session and {{count}} other.",
      everywhereHint_other: "Ends this session and {{count}} others.",
    },
    done: {
      password: "Your password is changed. Every other session has ended.",
      ended: "That session has ended.",
      gone: "That session had already ended.",
    },
    errors: {
      current: "Your current password is not right.",
      currentMissing: "Enter your current password.",
      throttled: "Too many wrong passwords. Try again in 15 minutes.",
    },
    mail: {
      changedSubject: "Your Touchpoints password was changed",
      changedBody:
        "Hello {{name}},\n\nYour Touchpoints password was changed, and every other session was signed out.\n\nIf this was you, there is nothing to do. If it was not, choose a new password now:\n\n{{url}}",
    },
  },
};

export default accountSecurity;
