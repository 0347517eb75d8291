// Staff: submitted portfolios (issue 26 point 2), those waiting for a decision first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { listPortfoliosForStaff } from "~/models/journey/portfolio-review.server";
import { useTranslation } from "~/use-translation";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "portfolio.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { portfolios: await listPortfoliosForStaff() };
}

export default function AdminPortfolios() {
  const { t } = useTranslation();
  const day = useDay();
  const { portfolios } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("portfolio.admin.title")}</h1>
      <p>{t("portfolio.admin.intro")}</p>
      {portfolios.length ? (
        <TableWrap label={t("portfolio.admin.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("portfolio.admin.member")}</th>
                <th scope="col">{t("portfolio.admin.status")}</th>
                <th scope="col">{t("portfolio.admin.reviews")}</th>
                <th scope="col">{t("portfolio.admin.submittedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {portfolios.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link
                      to={`/admin/portfolios/${p.id}`}
                      aria-label={t("portfolio.admin.open", { name: p.display_name })}
                    >
                      {p.display_name}
                    </Link>{" "}
                    {p.designation ?? ""}
                  </td>
                  <td>{t(`portfolio.state.${p.status}`)}</td>
                  <td>
                    {Number(p.reviewed ?? 0)} / {Number(p.assigned ?? 0)}
                  </td>
                  <td>{p.submitted_at ? day(p.submitted_at) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("portfolio.admin.none")}</p>
      )}
    </div>
  );
}
