import { useTranslation } from "~/use-translation";
import { dateTimeFormat } from "../intl";

/** Posts per month as bars: server-rendered SVG, with the figures in its text alternative. */
export function ContributionsChart({ months }: { months: { month: string; posts: number }[] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...months.map((m) => m.posts));
  const W = 480;
  const H = 160;
  const top = 18;
  const bottom = 22;
  const slot = W / months.length;
  const name = (m: string) =>
    dateTimeFormat(i18n.language, { month: "short", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));
  const summary = months.map((m) => `${name(m.month)} ${m.month.slice(0, 4)}: ${m.posts}`).join(", ");
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
      <title id="chart-title">{t("progress.chart.title")}</title>
      <desc id="chart-desc">{summary}</desc>
      {months.map((m, i) => {
        const h = ((H - top - bottom) * m.posts) / max;
        const x = i * slot + slot * 0.15;
        const y = H - bottom - h;
        return (
          <g key={m.month}>
            <rect className="bar" x={x} y={y} width={slot * 0.7} height={h} />
            <text x={x + slot * 0.35} y={y - 4} textAnchor="middle">
              {m.posts}
            </text>
            <text x={x + slot * 0.35} y={H - 6} textAnchor="middle">
              {name(m.month)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
