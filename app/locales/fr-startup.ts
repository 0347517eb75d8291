// Chaînes françaises de la page que le lanceur sert pendant le démarrage (scripts/launch.ts).
const startup = {
  startup: {
    title: "Touchpoints démarre",
    body: "Touchpoints est en train de démarrer. Cette page se recharge d’elle-même dans quelques secondes.",
  },
  busy: {
    title: "Touchpoints est très sollicité",
    body: "Touchpoints reçoit plus de visites qu’il ne peut en servir à cet instant. Réessayez dans quelques secondes : rien de ce que vous avez envoyé n’a été enregistré.",
  },
};

export default startup;
