/** URL slug from a title: lower-case ASCII words joined by hyphens (accents folded). */
export function slugify(text: string, max = 60): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|(?<!-)-+$/g, "")
    .slice(0, max)
    .replace(/(?<!-)-+$/g, "");
  return s || "topic";
}
