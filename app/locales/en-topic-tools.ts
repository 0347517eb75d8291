// English strings of the topic page's reading tools: user cards, suggested topics, topic navigation.
const topicTools = {
  userCard: {
    label: "About {{name}}",
    hidden: "This member's profile is private.",
    joined: "Joined {{date}}",
    lastPost: "Last post {{time}}",
    noPosts: "No posts yet",
    viewProfile: "View profile",
    message: "Message",
    close: "Close",
    suspended: "Suspended until {{date}}",
    loading: "Loading…",
    failed: "The card could not be loaded. Open the profile instead.",
    role: { staff: "Staff", tutor: "Tutor", recruiter: "Recruiter", member: "Member" },
  },
  suggested: {
    title: "Suggested topics",
    unread_one: "{{count}} unread",
    unread_other: "{{count}} unread",
    new: "New",
    replies_one: "{{count}} reply",
    replies_other: "{{count}} replies",
  },
  topicNav: {
    label: "Topic navigation",
    progress: "{{at}} of {{total}}",
    showing: "Posts {{from}}–{{to}} of {{total}}",
    first: "First post",
    last: "Last post",
    firstUnread: "First unread",
    date: "Jump to a date",
    go: "Go",
    replyBox: "Jump to the reply box",
  },
};

export default topicTools;
