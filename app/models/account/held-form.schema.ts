// What the server (held-form.server.ts) and the /held page both know of a held form.

/** Fields that say how a form is sent, not what was typed: kept and sent along, but neither shown nor, alone, held. */
export const TECHNICAL_FIELDS: ReadonlySet<string> = new Set(["intent", "submissionKey", "redirectTo"]);
