// English strings of two-factor sign-in (app/models/account/two-factor*.server.ts).
const twoFactor = {
  twoFactor: {
    nav: "Two-factor sign-in",
    signIn: {
      title: "Two-factor sign-in",
      intro: "Your password was right. Now enter the six-digit code your authenticator app shows for Touchpoints.",
      code: "Code from your authenticator app",
      submit: "Verify and sign in",
      useRecovery: "Lost your phone? Use a recovery code",
      recoveryCode: "Recovery code",
      recoveryHint: "One of the ten codes you saved when you set up two-factor sign-in. Each works once.",
      recoverySubmit: "Sign in with a recovery code",
      startAgain: "Sign in again",
    },
    settings: {
      title: "Two-factor sign-in",
      intro:
        "With two-factor sign-in, your password alone is not enough: each sign-in also asks for a code from an authenticator app on your phone (such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password).",
      required:
        "Your account can see members' contact details (staff and recruiters), so it must use two-factor sign-in. Set it up below to continue: until then, the admin and recruiter pages are closed to you.",
      requiredEnabled:
        "Staff and recruiters must keep two-factor sign-in on. You can move it to a new phone at any time.",
      off: "Two-factor sign-in is off.",
      on: "Two-factor sign-in is on since {{date}}.",
      recoveryLeft_one: "{{count}} unused recovery code left.",
      recoveryLeft_other: "{{count}} unused recovery codes left.",
      start: "Set up two-factor sign-in",
      move: "Move to a new phone",
      step1: "1. Scan this QR code with your authenticator app.",
      qrLabel: "QR code for your authenticator app",
      manual: "Cannot scan it? Enter this key in the app instead (time-based, 6 digits, 30 seconds):",
      step2: "2. Enter the six-digit code the app now shows.",
      code: "Six-digit code",
      confirm: "Turn on",
      cancel: "Cancel",
      moveNote: "Until you confirm a code from the new phone, the old one keeps working.",
      savedTitle: "Save your recovery codes now",
      savedIntro:
        "If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe (a password manager, or on paper). This is the only time they are shown.",
      continue: "I have saved them, continue",
      regenerateTitle: "New recovery codes",
      regenerateIntro: "Makes ten new codes; the old ones stop working.",
      regenerate: "Make new recovery codes",
      disableTitle: "Turn off two-factor sign-in",
      disable: "Turn off",
      confirmField: "Your password, or a code from your authenticator app",
      enabled: "Two-factor sign-in is on.",
      disabled: "Two-factor sign-in is off.",
    },
    errors: {
      codeMissing: "Enter the code.",
      codeWrong: "That code is not right, or it was already used. Check the app and try again.",
      codeWrongLeft_one: "That code is not right, or it was already used. {{count}} try left.",
      codeWrongLeft_other: "That code is not right, or it was already used. {{count}} tries left.",
      expired: "This sign-in has expired. Sign in again with your password.",
      tooManyGuesses: "Too many wrong codes for this sign-in. Sign in again with your password.",
      throttled: "Too many wrong codes for this account. Try again in {{minutes}} min.",
      noPending: "Start the set-up again: the key shown before is no longer waiting.",
      notEnabled: "Two-factor sign-in is not on.",
      requiredForRole:
        "Staff and recruiters cannot turn off two-factor sign-in. You can move it to a new phone instead.",
      confirmMissing: "Enter your password or a code.",
      confirmWrong: "That password or code is not right.",
    },
  },
};

export default twoFactor;
