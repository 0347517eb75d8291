// Staff: every member behind on a periodic duty (books this trimester, activities this year), by
// name, filtered by level, duty and learning group, a page at a time (keyset: `after`).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/form-extras";
import { AnySelect, FilterForm } from "~/components/filter-form";
import { filterQuery, KeysetPager } from "~/components/keyset-pager";
import { useDay } from "~/components/use-day";
import { listGroups } from "~/models/groups/learning-group.server";
import { listLevels } from "~/models/journey/level.server";
import { BehindFilterSchema } from "~/models/journey/progress-report.schema";
import { countMembersBehind, listMembersBehind } from "~/models/journey/progress-report.server";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { useTranslation } from "~/use-translation";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "staffViews.behind.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const { after, ...filter } = BehindFilterSchema.parse(Object.fromEntries(url.searchParams));
  const [page, total, levels, groups] = await Promise.all([
    listMembersBehind({ ...filter, after }),
    countMembersBehind(filter),
    listLevels(),
    listGroups(),
  ]);
  const query = filterQuery(filter);
  const firstHref = `?${query}`;
  if (page.next) query.set("after", page.next);
  return {
    ...page,
    total,
    filter,
    firstHref: after ? firstHref : null,
    nextHref: page.next ? `?${query}` : null,
    levels: levels.map((l) => ({ number: l.number, name: l.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
  };
}

export default function MembersBehind() {
  const { t } = useTranslation();
  const day = useDay();
  const d = useLoaderData<typeof loader>();
  const heading = t("admin.dashboard.behind", { count: d.total });
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("staffViews.behind.title")}</h1>
      <FilterForm>
        <AnySelect
          label={t("staffViews.behind.level")}
          name="level"
          value={d.filter.level}
          options={d.levels.map((l) => ({ value: String(l.number), label: t("admin.applications.levelName", l) }))}
        />
        <AnySelect
          label={t("staffViews.behind.duty")}
          name="duty"
          value={d.filter.duty}
          options={[
            { value: "books", label: t("admin.dashboard.noBook") },
            { value: "activities", label: t("admin.dashboard.fewActivities") },
          ]}
        />
        <AnySelect
          label={t("staffViews.behind.group")}
          name="group"
          value={d.filter.group}
          options={d.groups.map((g) => ({ value: String(g.id), label: g.name }))}
        />
      </FilterForm>
      <h2 id="behind-count">{heading}</h2>
      {d.rows.length ? (
        <TableWrap label={heading}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("admin.applications.member")}</th>
                <th scope="col">{t("staffViews.behind.level")}</th>
                <th scope="col">{t("admin.dashboard.duty")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/u/${r.username}/progress`}>{r.display_name}</Link> (@{r.username})
                  </td>
                  <td>{r.level}</td>
                  <td>
                    <ul className="plain">
                      {r.duties.map((duty) => (
                        <li key={duty.kind}>
                          {t("staffViews.behind.dutyLine", {
                            duty: t(duty.kind === "books" ? "admin.dashboard.noBook" : "admin.dashboard.fewActivities"),
                            done: duty.done,
                            required: duty.required,
                            date: day(duty.due_by),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t(d.firstHref ? "staffViews.noMore" : "admin.dashboard.nobodyBehind")}</p>
      )}
      <KeysetPager firstHref={d.firstHref} nextHref={d.nextHref} nextLabel={t("staffViews.nextPage")} />
    </div>
  );
}
