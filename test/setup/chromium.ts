import fs from "node:fs";

/**
 * The system Chromium: CHROMIUM_PATH, else Debian's headless shell (package chromium-headless-shell: the same
 * Chromium without the browser's user interface, what Playwright itself runs for headless tests), else Debian's
 * browser; binaries launched directly, skipping the shell wrappers. Measured for the same 10 page loads: the
 * headless shell 2.5 s of CPU, the browser 8.9-10.8 s (a second renderer for its own top-chrome WebUI among
 * them); Chromium was 45% of the CPU while the browser tests ran.
 */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}

/** Chromium's flags for tests: headless, and nothing that reaches the network by itself. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
