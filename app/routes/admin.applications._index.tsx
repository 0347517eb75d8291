// The review queue: applications waiting, oldest first, with their age.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { TableWrap } from "~/components/form-extras";
import { ApplicationAge } from "~/components/progress-view";
import { listPendingApplications } from "~/models/journey/application.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { localized } from "~/models/shared/localized";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.applications.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { applications: await listPendingApplications() };
}

export default function Applications() {
  const { t, i18n } = useTranslation();
  const { applications } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.applications.title")}</h1>
      {applications.length ? (
        <TableWrap label={t("admin.applications.title")}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("admin.applications.member")}</th>
                <th scope="col">{t("admin.applications.level")}</th>
                <th scope="col">{t("admin.applications.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/admin/applications/${a.id}`}>{a.display_name}</Link> (@{a.username})
                  </td>
                  <td>
                    {t("admin.applications.levelName", {
                      number: a.level,
                      name: localized(a, "level_name", i18n.language),
                    })}
                  </td>
                  <td>
                    <ApplicationAge days={a.age_days} hours={a.age_hours} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("admin.applications.none")}</p>
      )}
    </div>
  );
}
