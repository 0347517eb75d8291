// Recruiter limits the pages show as well as enforce (browser-safe: route components import them,
// and a `.server` module's exports are undefined in the browser bundle).
export const CONTACTS_PER_DAY = 20;
export const MESSAGE_MAX = 500;
