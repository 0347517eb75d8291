// English strings of the page the launcher answers with while the app starts (scripts/launch.ts).
const startup = {
  startup: {
    title: "Touchpoints is starting",
    body: "Touchpoints is starting up. This page reloads by itself in a few seconds.",
  },
  busy: {
    title: "Touchpoints is busy",
    body: "Touchpoints has more visitors than it can serve this instant. Please try again in a few seconds: nothing you sent was saved.",
  },
};

export default startup;
