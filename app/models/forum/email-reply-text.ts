// What a member wrote in a reply by email, without what their mail program added: the quoted mail
// ("On … wrote:" and the lines after it, "> " lines, "-----Original Message-----") and the signature
// ("-- " and common phone footers). Pure: tested on its own.
const QUOTE_HEADERS = [
  /^On .{3,300}wrote:\s*$/i,
  /^Le .{3,300}a écrit\s*:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}$/i,
  /^-{2,}\s*Message d’origine\s*-{2,}$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}$/i,
  /^From: .+$/,
  /^_{10,}$/,
];
const SIGNATURES = [/^-- ?$/, /^Sent from my .{1,40}$/i, /^Envoyé de mon .{1,40}$/i, /^Get Outlook for .{1,40}$/i];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    // "On Mon, 7 Dec 2026 at 17:00, Touchpoints <…>" can wrap onto a second line before "wrote:"
    const twoLines = `${trimmed} ${lines[i + 1]?.trim() ?? ""}`;
    if (QUOTE_HEADERS.some((r) => r.test(trimmed)) || (/^On /i.test(trimmed) && /wrote:\s*$/i.test(twoLines))) break;
    if (SIGNATURES.some((r) => r.test(line))) break;
    if (/^>/.test(trimmed)) continue;
    kept.push(line);
  }
  return kept.join("\n").trim();
}
