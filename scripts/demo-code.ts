// Prints the current two-factor code of the demo accounts (npm run demo:code), for a developer
// without an authenticator app at hand. The secret is the published demo one; real accounts' are not.
import { DEMO_TOTP_SECRET } from "./seed/demo-secret";
import { base32Decode, PERIOD_SECONDS, totp } from "../app/models/account/totp";

const now = Date.now();
const left = PERIOD_SECONDS - (Math.floor(now / 1000) % PERIOD_SECONDS);
console.log(
  `${totp(base32Decode(DEMO_TOTP_SECRET)!, now)}  (demo admin and recruiters; valid ${left} s more, then the next one)`,
);
