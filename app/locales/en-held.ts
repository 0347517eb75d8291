// English strings of forms kept when a session ended while the member wrote (app/routes/held.tsx).
const held = {
  held: {
    notice: "What you wrote before you were signed out was kept.",
    review: "Review and send",
    title: "What you wrote before you were signed out",
    intro:
      "You were signed out when you sent this, so it was kept for you for one day. Send it now, and it goes where you sent it, as if you had just pressed the button there.",
    sentTo: "It was sent to {{path}}.",
    text: "Your text",
    titleField: "Title",
    field: "Field {{n}}",
    send: "Send it now",
    discard: "Discard",
    discardHint: "Discarding deletes this text for good.",
  },
};

export default held;
