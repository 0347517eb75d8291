// Chaînes françaises du sélecteur de langue (pied de page) et de la page de langue (/language).
const language = {
  language: {
    title: "Langue",
    introMember:
      "Choisissez la langue de Touchpoints et des e-mails que nous vous envoyons. Les messages des membres s’affichent tels qu’ils ont été écrits.",
    introVisitor:
      "Choisissez la langue de Touchpoints sur cet appareil. Les messages des membres s’affichent tels qu’ils ont été écrits.",
    choose: "Langue",
    auto: "Comme mon navigateur (actuellement {{name}})",
    save: "Enregistrer",
    saved: "Votre langue est enregistrée.",
    invalid: "Choisissez l’une des langues proposées.",
    switchTo: "Passer en {{name}}",
  },
};

export default language;
