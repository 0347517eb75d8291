import { AppLink } from "./app-link";
import { useTranslation } from "~/use-translation";

type Group = {
  id: number;
  name: string;
  category_slug: string;
  tutor_display_name: string;
  tutor_username: string;
  starts_on: string;
  ends_on: string;
};

/** On a learner's dashboard: their learning group(s), their tutor, where to ask them, readiness, and appeals. */
export function MyTutor({ groups, ready }: { groups: Group[]; ready: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {groups.length ? (
        <section aria-labelledby="tutor-heading" className="card">
          <h2 id="tutor-heading">{t("groups.mine.title")}</h2>
          {groups.map((g) => (
            <p key={g.id}>
              {t("groups.mine.line", { group: g.name, from: g.starts_on, to: g.ends_on })}{" "}
              <AppLink to={`/u/${g.tutor_username}`}>{g.tutor_display_name}</AppLink>
              <br />
              <AppLink to={`/new-topic?category=${encodeURIComponent(g.category_slug)}`} className="button">
                {t("groups.mine.ask", { name: g.tutor_display_name })}
              </AppLink>{" "}
              <AppLink to={`/c/${g.category_slug}`}>{t("groups.space")}</AppLink>
            </p>
          ))}
          {ready ? <p className="status met">{t("readiness.youAreReady")}</p> : null}
        </section>
      ) : null}
      <p>
        <AppLink to="/my/appeals">{t("appeals.dashboardLink")}</AppLink>
      </p>
    </>
  );
}
