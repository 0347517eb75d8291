import { useTranslation } from "~/use-translation";

type Clock = { status: "awaiting" | "due" | "breached" | "answered"; elapsedMs: number };

const CLASS = { awaiting: "pending", due: "due", breached: "overdue", answered: "met" } as const;

/** A question's place on the tutor response clock: its status and how long it has waited. */
export function ClockStatus({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const minutes = Math.floor(clock.elapsedMs / 60_000);
  return (
    <span className="clock">
      <span className={`status ${CLASS[clock.status]}`}>{t(`clock.status.${clock.status}`)}</span>{" "}
      <span>
        {t("clock.elapsed", { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, "0") })}
      </span>
    </span>
  );
}

/** A duration in hours and minutes ("25 h 03 min"), or a dash. */
export function Duration({ ms }: { ms: number | null }) {
  const { t } = useTranslation();
  if (ms === null) return <>—</>;
  const minutes = Math.round(ms / 60_000);
  return (
    <>{t("clock.duration", { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, "0") })}</>
  );
}
