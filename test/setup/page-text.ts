// A page's HTML as text to compare with what a member reads: the entities React writes decoded, and
// (pageText) without its scripts, whose data may carry what the page does not show.
export const decodeEntities = (html: string) =>
  html
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ");

export const pageText = (html: string) => decodeEntities(html).replace(/<script\b[\s\S]*?<\/script>/g, "");
