// Initials on a colour derived from the name: no image download for members without a photo.
// Size and colour are classes (styles.css), not inline styles: a topic list draws 150 of these,
// and the classes keep each one short to send and cheap to render.
const COLOURS = 8; // .av0 … .av7 in styles.css
export type AvatarSize = 24 | 28 | 32 | 40 | 56 | 96; // .s24 … .s96 in styles.css

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/** Size and colour classes: the colour follows the name, so a member looks the same everywhere. */
export function avatarClass(name: string, size: AvatarSize): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `avatar s${size} av${h % COLOURS}`;
}

/**
 * Decorative by default (the name is written next to it); with `label`, the avatar is itself the
 * member's name, for assistive technology and as a tooltip (a topic's posters).
 */
export function Avatar({
  name,
  src,
  size = 32,
  label,
}: {
  name: string;
  src?: string | null;
  size?: AvatarSize;
  label?: string;
}) {
  if (src)
    return (
      <img className="avatar" src={src} alt={label ?? ""} width={size} height={size} loading="lazy" decoding="async" />
    );
  const className = avatarClass(name, size);
  return label ? (
    <span className={className} role="img" aria-label={label} title={label}>
      {initials(name)}
    </span>
  ) : (
    <span className={className} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
