// The installed app's icons, drawn by sharp from the site's mark (public/favicon.svg) at the sizes
// browsers ask for, once per process: nothing binary is committed, and a new mark needs no script.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { THEME_COLOR } from "../../web/service-worker";
import { loadSharp } from "../shared/file-intake.server";

// 192 and 512 are what Chromium's installability check and Android ask for; "maskable" keeps the mark
// inside the middle 80 % that a round or squircle mask never cuts
export const APP_ICONS = {
  "icon-192.png": { size: 192, maskable: false },
  "icon-512.png": { size: 512, maskable: false },
  "maskable-512.png": { size: 512, maskable: true },
} as const;
export type AppIconName = keyof typeof APP_ICONS;

export const isAppIcon = (name: string | undefined): name is AppIconName => !!name && Object.hasOwn(APP_ICONS, name);

const drawn = new Map<AppIconName, Promise<Buffer>>();

async function draw(name: AppIconName): Promise<Buffer> {
  const { size, maskable } = APP_ICONS[name];
  const sharp = await loadSharp();
  const svg = await readFile(path.join(process.cwd(), "public", "favicon.svg"));
  const inner = maskable ? Math.round(size * 0.7) : size;
  const mark = await sharp(svg, { density: 72 * Math.ceil(inner / 32) })
    .resize(inner, inner)
    .png()
    .toBuffer();
  if (!maskable) return sharp(mark).png({ compressionLevel: 9, palette: true }).toBuffer();
  const offset = Math.round((size - inner) / 2);
  return sharp({ create: { width: size, height: size, channels: 4, background: THEME_COLOR } })
    .composite([{ input: mark, top: offset, left: offset }])
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** The PNG of one of the app's icons (drawn on first use, then kept). */
export function appIconPng(name: AppIconName): Promise<Buffer> {
  let png = drawn.get(name);
  if (!png) {
    png = draw(name);
    png.catch(() => drawn.delete(name));
    drawn.set(name, png);
  }
  return png;
}
