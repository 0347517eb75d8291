// English strings of personal messages (/messages) and of ignoring a member.
const messages = {
  messages: {
    inbox: "Messages",
    new: "New message",
    personal: "Personal message",
    between: "Between you and {{names}}",
    betweenAll: "Between {{names}}",
    with: "With {{names}}",
    unreadCount_one: "{{count}} conversation with unread posts",
    unreadCount_other: "{{count}} conversations with unread posts",
    unreadPosts_one: "{{count}} unread",
    unreadPosts_other: "{{count}} unread",
    empty: "No conversations yet. Start one from a member's profile or with “New message”.",
    newer: "Newer conversations",
    older: "Older conversations",
    to: "To",
    toHint: "Usernames, separated by commas or spaces: up to {{max}} members.",
    privacyNote:
      "Only the people in the conversation read it. Staff read a message only when someone flags a post in it.",
    sendButton: "Send message",
    send: "Send a message",
    ignore: "Ignore this member",
    unignore: "Stop ignoring",
    ignoreTitle: "Ignore a member",
    ignoringNote: "You ignore this member: their posts are folded away and they cannot start a conversation with you.",
    ignoredTitle: "Members you ignore",
    ignoredHelp: "Their posts are folded away in topics, and they cannot start a conversation with you.",
    noneIgnored: "You ignore nobody.",
    ignoredPost: "A post by a member you ignore (show it)",
    backToProfile: "Back to the profile",
    addTitle: "Add people to the conversation",
    addLabel: "Add people",
    addHint_one: "Usernames, separated by commas or spaces: {{count}} more member at most.",
    addHint_other: "Usernames, separated by commas or spaces: up to {{count}} more members.",
    addButton: "Add to the conversation",
    addFull: "This conversation has the most participants it can have.",
    errors: {
      noRecipient: "Name at least one member to write to.",
      tooMany: "A conversation has at most {{max}} participants, you included. Remove some names and send again.",
      unknown: "@{{username}} cannot receive a message from you: check the username.",
      unavailable:
        "@{{username}} cannot receive messages from you at the moment. Remove the name to send to the others.",
      self: "You cannot send a message to yourself.",
      alreadyIn: "Everyone named is already in this conversation.",
      cannotStart:
        "Only members start personal messages. Recruiters reach members through a contact request on their profile.",
      perDay: "You can start at most {{max}} conversations a day. Try again after {{until, datetime}}.",
      staff: "Staff cannot be ignored: moderation must reach everyone.",
    },
  },
};

export default messages;
