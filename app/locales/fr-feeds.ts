// Chaînes françaises des flux RSS (titres et descriptions des canaux, titres des messages).
const feeds = {
  feeds: {
    latestTitle: "Touchpoints : derniers sujets",
    latestDescription: "Les derniers sujets des catégories publiques du forum Touchpoints.",
    categoryTitle: "Touchpoints : {{name}}",
    categoryDescription: "Les derniers sujets de {{name}} sur le forum Touchpoints.",
    topicDescription: "Messages du sujet « {{title}} » ({{category}}) sur le forum Touchpoints.",
    postTitle: "Réponse n° {{number}} dans « {{title}} »",
  },
};

export default feeds;
