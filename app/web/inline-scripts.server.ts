// Every constant inline script the app renders. The server allows exactly these by their SHA-256
// (scripts/server/security-headers.ts; entry.server exports this list, so the hashes come from the
// build's own text), so they carry no nonce and a page that has only them can be cached and
// replayed. A new inline script goes in this list, or the browser refuses it
// (test/e2e/security-headers.test.ts reports the violation).
import { ATTEMPT_SCRIPT } from "./assessment-enhance";
import { LIVE_SEARCH } from "../components/directory-page";
import { ENHANCE_SCRIPT, FORMS_SCRIPT, ZOD_CONFIG_SCRIPT } from "./enhance";
import { SW_REGISTER_SCRIPT } from "./service-worker";
import { TOPIC_SCRIPT } from "./topic-enhance";

export const INLINE_SCRIPTS: readonly string[] = [
  ZOD_CONFIG_SCRIPT,
  ENHANCE_SCRIPT,
  FORMS_SCRIPT,
  ATTEMPT_SCRIPT,
  LIVE_SEARCH,
  SW_REGISTER_SCRIPT,
  TOPIC_SCRIPT,
];
