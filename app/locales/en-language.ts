// English strings of the language switch (footer) and the language page (/language).
const language = {
  language: {
    title: "Language",
    introMember:
      "Choose the language of Touchpoints and of the emails we send you. Members' posts are shown as they were written.",
    introVisitor: "Choose the language of Touchpoints on this device. Members' posts are shown as they were written.",
    choose: "Language",
    auto: "Same as my browser (now {{name}})",
    save: "Save",
    saved: "Your language is saved.",
    invalid: "Choose one of the languages offered.",
    switchTo: "Switch to {{name}}",
  },
};

export default language;
