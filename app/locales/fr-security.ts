// Chaînes françaises des limites de fréquence (app/models/account/rate-limit.server.ts).
const security = {
  rateLimit: {
    tooMany: "Trop de tentatives en peu de temps. Réessayez dans {{minutes}} min.",
  },
};

export default security;
