// English strings of the page the launcher answers with while the app starts (scripts/launch.ts).
const startup = {
  startup: {
    title: "Touchpoints is starting",
    body: "Touchpoints is starting up. This page reloads by itself in a few seconds.",
  },
};

export default startup;
