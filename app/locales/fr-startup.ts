// Chaînes françaises de la page que le lanceur sert pendant le démarrage (scripts/launch.ts).
const startup = {
  startup: {
    title: "Touchpoints démarre",
    body: "Touchpoints est en train de démarrer. Cette page se recharge d’elle-même dans quelques secondes.",
  },
};

export default startup;
