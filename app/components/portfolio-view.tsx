// What a portfolio holds (projects, evidence files, references and their answers), as the member,
// the panel and staff read it. Contact details and statements show only when the page passes them.
import { useTranslation } from "~/use-translation";

type Reference = {
  id: number;
  name: string;
  organisation: string;
  relationship: string;
  requested_at: Date | string | null;
  answered_at: Date | string | null;
  confirmed: boolean | null;
  email?: string;
  phone?: string | null;
  statement?: string | null;
};

type Contents = {
  projects: { id: number; title: string; description: string }[];
  files: { id: number; file_name: string }[];
  references: Reference[];
};

const answerOf = (r: Reference) =>
  r.answered_at ? (r.confirmed ? "confirmed" : "declined") : r.requested_at ? "requested" : "waiting";

export function PortfolioContents({ projects, files, references }: Contents) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t("portfolio.projects")}</h2>
        {projects.map((p) => (
          <article key={p.id}>
            <h3>{p.title}</h3>
            <p style={{ whiteSpace: "pre-wrap" }}>{p.description}</p>
          </article>
        ))}
        <h3>{t("portfolio.evidence")}</h3>
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/portfolio-files/${f.id}`}>{f.file_name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="references-heading">
        <h2 id="references-heading">{t("portfolio.references")}</h2>
        <ul>
          {references.map((r) => (
            <li key={r.id} data-reference={r.name}>
              {r.name} ({t(`portfolio.relationships.${r.relationship}`)}
              {r.organisation ? `, ${r.organisation}` : ""})
              {r.email ? ` · ${t("portfolio.admin.contact")}: ${r.email}${r.phone ? `, ${r.phone}` : ""}` : ""} ·{" "}
              {t(`portfolio.referenceState.${answerOf(r)}`)}
              {r.statement ? <blockquote>{r.statement}</blockquote> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
