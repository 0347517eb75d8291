// The composer's @mention and #category suggestions, and the keyboard shortcuts (issue 24 points 2 and 6).
export default {
  suggest: {
    label: "Suggestions",
    one: "1 suggestion: up and down arrows to choose, Enter or Tab to insert, Escape to close.",
    many: "{{n}} suggestions: up and down arrows to choose, Enter or Tab to insert, Escape to close.",
  },
  shortcuts: {
    title: "Keyboard shortcuts",
    intro: "Single keys, when you are not typing in a field:",
    then: "then",
    keys: {
      help: "Show this list",
      next: "Next post",
      prev: "Previous post",
      reply: "Reply (go to the reply box)",
      like: "Like the chosen post",
      bookmark: "Bookmark the chosen post",
      search: "Search",
      latest: "Go to Latest",
    },
    close: "Close",
    turnOff: "Turn keyboard shortcuts off in your settings",
    setting: "Use keyboard shortcuts (press ? to see them)",
    settingHint:
      "Single keys such as j, k and r move around the forum. Turn them off if they get in the way of your screen reader or speech input.",
    save: "Save",
    invalid: "Choose whether to use keyboard shortcuts.",
    announce: {
      post: "Post {{n}} by {{name}}",
      first: "No earlier post on this page.",
      last: "No later post on this page.",
      noPost: "Press j to choose a post first.",
      noReply: "You cannot reply here.",
      noLike: "You cannot like this post.",
      noBookmark: "This post cannot be bookmarked.",
      liking: "Liking post {{n}}.",
      go: "Go to: press l for Latest.",
    },
  },
};
