// English strings of passkeys as a second factor (app/models/account/passkeys.server.ts).
const passkeys = {
  passkeys: {
    title: "Passkeys",
    intro:
      "A passkey lets your phone, computer or security key confirm it is you, with your fingerprint, face or screen lock, instead of typing a code.",
    onWithPasskey: "Two-factor sign-in is on with your passkeys.",
    none: "You have no passkey yet.",
    listLabel: "Your passkeys",
    added: "Added on {{date}}.",
    lastUsed: "Last used on {{date}}.",
    nameField: "Name of this passkey",
    nameHint: "To tell your passkeys apart, such as “Work laptop”.",
    defaultName: "Passkey",
    add: "Add a passkey",
    needsScript: "Adding a passkey needs JavaScript in your browser.",
    addedNotice: "Your passkey was added. It now counts as your second step when you sign in.",
    remove: "Remove this passkey",
    removeField: "Your password, to remove “{{name}}”",
    removed: "The passkey was removed.",
    signIn: {
      use: "Use a passkey",
      or: "Or enter a code:",
      working: "Waiting for your passkey…",
    },
    errors: {
      failedLeft_one: "This passkey could not be checked. {{count}} try left.",
      failedLeft_other: "This passkey could not be checked. {{count}} tries left.",
      cancelled: "The passkey was not used (cancelled or timed out). Try again, or enter a code.",
      failed: "This passkey could not be checked. Try again.",
      expired: "This request expired. Try again.",
      duplicate: "This passkey is already registered.",
      notFound: "This passkey does not exist, or is not yours.",
      nameMissing: "Give this passkey a name.",
      nameTooLong: "Keep the name under 60 characters.",
    },
  },
};
export default passkeys;
