// Initials on a colour derived from the name: no image download for members without a photo.
const COLOURS = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0f766e", "#4338ca", "#a21caf"];

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

export function Avatar({ name, src, size = 32 }: { name: string; src?: string | null; size?: number }) {
  if (src) return <img className="avatar" src={src} alt="" width={size} height={size} loading="lazy" decoding="async" />;
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, background: COLOURS[h % COLOURS.length], fontSize: size * 0.42 }}>
      {initials(name)}
    </span>
  );
}
