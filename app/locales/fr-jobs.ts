// Chaînes françaises des tâches de fond en échec (app/routes/admin.jobs.tsx).
const jobs = {
  deadLetters: {
    title: "Tâches de fond en échec",
    intro:
      "Travail de fond (indexation de la recherche, notifications, courriels) qui a échoué à chaque tentative. Corrigez d’abord la cause (la dernière erreur dit ce qui n’a pas marché), puis relancez la tâche, ou abandonnez-la.",
    count_one: "{{count}} tâche a échoué à chaque tentative.",
    count_other: "{{count}} tâches ont échoué à chaque tentative.",
    job: "Tâche",
    error: "Dernière erreur",
    when: "Abandonnée",
    actions: "Actions",
    attempts_one: "{{count}} tentative.",
    attempts_other: "{{count}} tentatives.",
    retry: "Relancer",
    discard: "Abandonner",
    retried: "La tâche n° {{id}} va être relancée dans un instant.",
    discarded: "La tâche n° {{id}} a été abandonnée.",
    gone: "Cette tâche n’attend plus ici : quelqu’un l’a peut-être déjà relancée ou abandonnée.",
    none: "Aucune tâche n’a échoué définitivement. Rien à faire.",
    older: "Tâches en échec plus anciennes",
    dashboard_one: "{{count}} tâche de fond a échoué définitivement : voir Tâches de fond en échec.",
    dashboard_other: "{{count}} tâches de fond ont échoué définitivement : voir Tâches de fond en échec.",
  },
};
export default jobs;
