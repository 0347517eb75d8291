// English strings of the rate limits (app/models/account/rate-limit.server.ts).
const security = {
  rateLimit: {
    tooMany: "Too many attempts in a short time. Try again in {{minutes}} min.",
  },
};

export default security;
