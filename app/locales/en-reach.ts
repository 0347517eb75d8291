// English strings of the installable app, offline reading and Web Push (public/sw.js, app/models/account/push.server.ts).
const reach = {
  offline: {
    title: "You are offline",
    text: "This page is not saved on this device. The last topics you opened can still be read: open them from your browser's history.",
    retry: "Try again",
    copyFrom: "Offline copy from {{time}}",
  },
  push: {
    title: "Push notifications",
    intro:
      "Get a notification on this phone or computer, even when Touchpoints is closed. Turn it on for each device you use; your browser asks for permission only when you press the button.",
    devices_one: "Push is on for {{count}} of your devices.",
    devices_other: "Push is on for {{count}} of your devices.",
    devices_zero: "Push is not on for any of your devices.",
    needsScript: "Turning push on needs JavaScript in your browser.",
    unsupported: "This browser cannot receive push notifications.",
    denied: "Notifications are blocked for Touchpoints in this browser's settings.",
    turnOn: "Turn on push on this device",
    turnOff: "Turn off push on this device",
    onHere: "Push is on for this device.",
    kindsLegend: "What is pushed",
    kinds: {
      mention: "Mentions",
      reply: "Replies to you",
      mentorship: "Mentorship messages and tutor replies",
      application: "Decisions on your applications",
      reminder: "Event reminders",
    },
    saveKinds: "Save what is pushed",
    saved: "Your push choices were saved.",
    errors: {
      invalid: "Those push settings could not be read. Please try again.",
      endpoint: "This browser's push service is not one Touchpoints sends to.",
      subscribe: "Push could not be turned on in this browser.",
    },
  },
};

export default reach;
