// The badge image: one SVG design per level (1-4) and for Mentor, drawn from text and shapes so it
// stays crisp at any size. It names the achievement, the level's inscription, the holder and the
// award date; every piece of text is XML-escaped (display names are user input). A revoked award
// is crossed by a "Revoked" band, so an image embedded elsewhere does not keep claiming validity.
import type { TFunction } from "i18next";
import { dateTimeFormat } from "../../intl";

export type ArtworkInput = {
  kind: "level" | "mentor" | "award";
  level: number | null;
  name: string;
  shortName: string;
  inscription: string;
  holderName: string;
  awardedAt: Date;
  revoked: boolean;
};

type Palette = { main: string; light: string; accent: string };
const PALETTES: Record<string, Palette> = {
  "1": { main: "#0f766e", light: "#ccfbf1", accent: "#14b8a6" },
  "2": { main: "#1d4ed8", light: "#dbeafe", accent: "#60a5fa" },
  "3": { main: "#6d28d9", light: "#ede9fe", accent: "#a78bfa" },
  "4": { main: "#9a3412", light: "#ffedd5", accent: "#f59e0b" },
  mentor: { main: "#be123c", light: "#ffe4e6", accent: "#fb7185" },
  award: { main: "#854d0e", light: "#fef9c3", accent: "#eab308" },
};

const FONT = "'DejaVu Sans', Verdana, 'Liberation Sans', Arial, sans-serif";
const SIZE = 512;

// XML 1.0 forbids most control characters; bidi overrides would let a name display reversed.
// With the u flag a lone surrogate is a code point of its own (\uD800-\uDFFF); a valid pair is not.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function xmlEscape(s: string): string {
  return s
    .replace(UNSAFE, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A rough width of `text` in ems for a DejaVu-like sans-serif: enough to pick a font size that fits. */
function widthEm(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text) {
    if (ch === " ") w += 0.32;
    else if (/[A-Z@MW]/.test(ch)) w += 0.72;
    else if (/[a-z]/.test(ch)) w += /[ilj]/.test(ch) ? 0.28 : /[mw]/.test(ch) ? 0.9 : 0.6;
    else if (/[0-9]/.test(ch)) w += 0.64;
    else if (ch.charCodeAt(0) > 0x2e80)
      w += 1; // CJK and the like: full width
    else w += 0.6;
  }
  return w * (bold ? 1.1 : 1);
}

function fitSize(
  text: string,
  { max, width, bold = false, min = 10 }: { max: number; width: number; bold?: boolean; min?: number },
): number {
  const w = widthEm(text, bold);
  const size = w > 0 ? Math.min(max, width / w) : max;
  return Math.max(min, Math.floor(size * 2) / 2);
}

function truncate(s: string, max: number): string {
  const chars = [...s.replace(UNSAFE, "").trim()];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : chars.join("");
}

function text(
  content: string,
  {
    y,
    size,
    weight = "normal",
    fill,
    spacing = 0,
    width,
  }: { y: number; size: number; weight?: "normal" | "bold"; fill: string; spacing?: number; width?: number },
) {
  // when even the smallest size is too wide, the renderer squeezes the line into the card
  const squeeze =
    width && widthEm(content, weight === "bold") * size > width
      ? ` textLength="${width}" lengthAdjust="spacingAndGlyphs"`
      : "";
  const ls = spacing ? ` letter-spacing="${spacing}"` : "";
  const font = `font-size="${size}" font-weight="${weight}" fill="${fill}"`;
  return `<text x="${SIZE / 2}" y="${y}" ${font} text-anchor="middle"${ls}${squeeze}>${xmlEscape(content)}</text>`;
}

function hexagon(cx: number, cy: number, r: number): string {
  const pts = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i - Math.PI / 2;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  });
  return pts.join(" ");
}

function star(cx: number, cy: number, outer: number, inner: number): string {
  const pts = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  });
  return pts.join(" ");
}

export function formatAwardDate(d: Date, locale = "en-GB"): string {
  return dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

/** The badge as a standalone SVG document (UTF-8). */
export function renderBadgeSvg(input: ArtworkInput, t: TFunction): string {
  const p = PALETTES[input.kind === "level" ? String(input.level) : input.kind] ?? PALETTES["1"];
  const holder = truncate(input.holderName, 60) || "—";
  const date = formatAwardDate(input.awardedAt);
  const title = t("badges.artwork.title", { name: input.name, holder });
  const desc = [
    t("badges.artwork.desc", { inscription: input.inscription, holder, date }),
    input.revoked ? t("badges.artwork.revokedDesc") : "",
  ]
    .filter(Boolean)
    .join(" ");
  const cx = SIZE / 2;
  const emblem =
    input.kind !== "level"
      ? `<polygon points="${star(cx, 150, 34, 15)}" fill="#ffffff"/>`
      : `<text x="${cx}" y="172" font-size="60" font-weight="bold" fill="#ffffff" text-anchor="middle">` +
        `${xmlEscape(String(input.level ?? ""))}</text>`;
  const brand = t("site.name").toUpperCase();
  const awardedTo = t("badges.artwork.awardedTo").toUpperCase();
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}"` +
      ` role="img" aria-labelledby="badge-title badge-desc" font-family="${FONT}">`,
    `<title id="badge-title">${xmlEscape(title)}</title>`,
    `<desc id="badge-desc">${xmlEscape(desc)}</desc>`,
    `<rect x="8" y="8" width="496" height="496" rx="40" fill="#ffffff" stroke="${p.main}" stroke-width="12"/>`,
    `<rect x="26" y="26" width="460" height="460" rx="26" fill="none" stroke="${p.light}" stroke-width="4"/>`,
    text(brand, { y: 70, size: 20, weight: "bold", fill: p.main, spacing: 5 }),
    `<polygon points="${hexagon(cx, 150, 62)}" fill="${p.main}" stroke="${p.accent}" stroke-width="5"/>`,
    `<polygon points="${hexagon(cx, 150, 50)}" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="2"/>`,
    emblem,
    text(input.shortName, {
      y: 256,
      size: fitSize(input.shortName, { max: 40, width: 430, bold: true }),
      weight: "bold",
      fill: "#111827",
      width: 440,
    }),
    text(input.name, { y: 290, size: fitSize(input.name, { max: 20, width: 440 }), fill: "#374151", width: 450 }),
    `<path d="M0,312 H512 L494,338 L512,364 H0 L18,338 Z" fill="${p.main}"/>`,
    text(input.inscription, {
      y: 345,
      size: fitSize(input.inscription, { max: 18, width: 420 }),
      weight: "bold",
      fill: "#ffffff",
      width: 440,
    }),
    text(awardedTo, { y: 404, size: 13, weight: "bold", fill: "#6b7280", spacing: 2 }),
    text(holder, {
      y: 440,
      size: fitSize(holder, { max: 28, width: 430, bold: true }),
      weight: "bold",
      fill: "#111827",
      width: 440,
    }),
    text(date, { y: 472, size: 16, fill: "#374151" }),
  ];
  if (input.revoked) {
    parts.push(
      `<clipPath id="badge-card"><rect x="2" y="2" width="508" height="508" rx="44"/></clipPath>`,
      `<rect x="8" y="8" width="496" height="496" rx="40" fill="#ffffff" fill-opacity="0.55"/>`,
      `<g clip-path="url(#badge-card)"><g transform="rotate(-28 ${cx} ${cx})">` +
        `<rect x="-60" y="226" width="632" height="64" fill="#b91c1c"/>`,
      text(t("badges.artwork.revoked").toUpperCase(), {
        y: 270,
        size: 36,
        weight: "bold",
        fill: "#ffffff",
        spacing: 6,
      }),
      `</g></g>`,
    );
  }
  parts.push(`</svg>`);
  return parts.join("\n") + "\n";
}

export const OB_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

/**
 * "Bakes" a VC-JWT into the SVG as Open Badges 3.0 describes: an xmlns:openbadges declaration on
 * <svg>, and directly after the <svg> tag one <openbadges:credential verify="<compact JWS>"/>.
 */
export function bakeSvg(svg: string, compactJws: string): string {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(compactJws)) throw new Error("not a compact JWS");
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error("not an SVG document");
  if (svg.includes("<openbadges:credential")) throw new Error("already baked");
  const tag = open[0].replace(/^<svg\b/, `<svg xmlns:openbadges="${OB_SVG_NAMESPACE}"`);
  const at = open.index + open[0].length;
  const credential = `<openbadges:credential verify="${compactJws}"></openbadges:credential>`;
  return `${svg.slice(0, open.index)}${tag}\n${credential}${svg.slice(at)}`;
}

/** The compact JWS baked into an SVG, or undefined (what a verifier extracting the credential does). */
export function extractBakedJws(svg: string): string | undefined {
  return /<openbadges:credential\b[^>]+\bverify="([^"]+)"/.exec(svg)?.[1];
}

// CRC-32 (ISO 3309) as PNG chunks use it.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * "Bakes" a VC-JWT into a PNG as Open Badges 3.0 describes: one uncompressed iTXt chunk with the
 * keyword `openbadgecredential` and the compact JWS as its text, placed right after IHDR; any
 * earlier openbadgecredential chunk is dropped, so a badge is never baked twice.
 */
export function bakePng(png: Buffer, compactJws: string): Buffer {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG");
  const data = Buffer.concat([
    Buffer.from("openbadgecredential\0", "latin1"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from(compactJws, "utf8"),
  ]);
  const type = Buffer.from("iTXt", "latin1");
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    const kind = png.toString("latin1", at + 4, at + 8);
    const baked = kind === "iTXt" && png.toString("latin1", at + 8, at + 8 + 20) === "openbadgecredential\0";
    if (!baked) parts.push(png.subarray(at, end));
    if (kind === "IHDR") parts.push(chunk);
    at = end;
  }
  return Buffer.concat(parts);
}
