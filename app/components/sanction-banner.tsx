import { useTranslation } from "~/use-translation";

export type SanctionView = { kind: "silenced" | "suspended"; until: string; reason: string } | null;

/**
 * Tells a silenced or suspended member, on every page, why and until when. Fed by
 * `viewerSanction(viewer)` from app/models/moderation/sanctions.server.ts.
 */
export function SanctionBanner({ sanction, timeZone = "UTC" }: { sanction: SanctionView; timeZone?: string }) {
  const { t } = useTranslation();
  if (!sanction) return null;
  return (
    <div className="sanction-banner" role="status">
      {t(sanction.kind === "suspended" ? "limits.suspended" : "limits.silenced", {
        until: new Date(sanction.until),
        reason: sanction.reason,
        formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone } },
      })}
    </div>
  );
}
