// English strings of the RSS feeds (channel titles and descriptions, post item titles).
const feeds = {
  feeds: {
    latestTitle: "Touchpoints: latest topics",
    latestDescription: "The latest topics in the public categories of the Touchpoints forum.",
    categoryTitle: "Touchpoints: {{name}}",
    categoryDescription: "The latest topics in {{name}} on the Touchpoints forum.",
    topicDescription: "Posts in “{{title}}” ({{category}}) on the Touchpoints forum.",
    postTitle: "Reply #{{number}} in “{{title}}”",
  },
};

export default feeds;
