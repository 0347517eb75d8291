import fs from "node:fs";

/** The system Chromium: CHROMIUM_PATH, else Debian's binary (launched directly, skipping its shell wrapper). */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}
