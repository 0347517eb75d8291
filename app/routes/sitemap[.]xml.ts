// The sitemap: public profiles only (members-only and hidden ones are never listed).
import { env } from "~/env.server";
import { listPublicProfiles } from "~/models/directory/directory-index.server";

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function loader() {
  const origin = env().APP_ORIGIN.replace(/\/$/, "");
  const rows = await listPublicProfiles();
  const urls = [
    `<url><loc>${esc(`${origin}/`)}</loc></url>`,
    `<url><loc>${esc(`${origin}/directory`)}</loc></url>`,
    ...rows.map((r) => {
      const loc = esc(`${origin}/u/${encodeURIComponent(r.username)}`);
      return `<url><loc>${loc}</loc><lastmod>${r.updated_at.toISOString().slice(0, 10)}</lastmod></url>`;
    }),
  ];
  const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${urlset}`;
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}
