// Text made safe to place in HTML: in element content and in double-quoted attribute values.
// For the few lists rendered as strings (see components/topic-list.tsx); everything else is React's.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const ANY = /[&<>"']/; // not global: test() keeps no state between calls
const EACH = /[&<>"']/g;

export function escapeHtml(value: string | number): string {
  const s = String(value);
  return ANY.test(s) ? s.replace(EACH, (c) => ENTITIES[c]) : s;
}
