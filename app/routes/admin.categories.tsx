// Admins: the categories in order, with reorder / archive buttons and a form for a new one.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { CategoryFields } from "~/components/category-form";
import { FormError } from "~/components/field";
import { keepValues, notFound, readForm } from "~/web/http.server";
import {
  createCategory,
  listCategoriesForAdmin,
  moveCategory,
  setCategoryArchived,
} from "~/models/forum/category-admin.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "adminForum.categoriesTitle") },
  { name: "robots", content: "noindex" },
];

async function staffScope(request: Request) {
  const scope = scopeOf(await requireViewer(request));
  if (!scope.isStaff) notFound();
  return scope;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await staffScope(request);
  const rows = (await listCategoriesForAdmin({ scope })) ?? [];
  return { categories: rows.map((c) => ({ ...c, archived: !!c.archived_at })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await staffScope(request);
  const form = await readForm(request);
  const slug = (form.slug ?? "").slice(0, 100);
  switch (form.intent) {
    case "up":
    case "down": {
      const r = await moveCategory({ scope, slug, direction: form.intent });
      if (!r.ok)
        return data({ formError: r.message, errorValues: r.values, fields: {}, values: {} }, { status: r.status });
      return redirect("/admin/categories");
    }
    case "archive":
    case "unarchive": {
      const r = await setCategoryArchived({ scope, slug, archived: form.intent === "archive" });
      if (!r.ok)
        return data({ formError: r.message, errorValues: r.values, fields: {}, values: {} }, { status: r.status });
      return redirect("/admin/categories");
    }
    default: {
      const values = keepValues(form);
      const r = await createCategory({ scope, input: form });
      if (!r.ok)
        return data(
          { formError: r.message, errorValues: r.values, fields: r.fields ?? {}, values },
          { status: r.status },
        );
      return redirect(`/admin/categories?created=${encodeURIComponent(r.slug)}`);
    }
  }
}

export default function AdminCategories() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("adminForum.categoriesTitle")}</h1>
      <p>
        <Link to="/admin/limits">{t("adminForum.limitsLink")}</Link> · <Link to="/review">{t("review.title")}</Link>
      </p>
      <FormError message={res?.formError} values={res?.errorValues} />
      <div className="table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">{t("adminForum.categoriesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adminForum.name")}</th>
              <th scope="col">{t("adminForum.rulesColumn")}</th>
              <th scope="col">{t("adminForum.counts")}</th>
              <th scope="col">{t("adminForum.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {d.categories.map((c, i) => (
              <tr key={c.id}>
                <td>
                  <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />{" "}
                  <Link to={`/admin/categories/${c.slug}`}>{localized(c, "name", i18n.language)}</Link>
                  <div className="muted">/c/{c.slug}</div>
                  {c.archived ? <span className="tag-state">{t("forum.archived")}</span> : null}
                </td>
                <td className="small-text">
                  {t("adminForum.rulesSummary", { see: c.see_rule, post: c.post_rule, reply: c.reply_rule })}
                </td>
                <td className="small-text">
                  {t("adminForum.countsSummary", { topics: c.topic_count, posts: c.post_count })}
                </td>
                <td>
                  <Form method="post" className="row-actions">
                    <input type="hidden" name="slug" value={c.slug} />
                    <button
                      type="submit"
                      name="intent"
                      value="up"
                      className="secondary small"
                      disabled={i === 0}
                      aria-label={t("adminForum.moveUp", { name: c.name })}
                    >
                      ↑
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="down"
                      className="secondary small"
                      disabled={i === d.categories.length - 1}
                      aria-label={t("adminForum.moveDown", { name: c.name })}
                    >
                      ↓
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={c.archived ? "unarchive" : "archive"}
                      className="secondary small"
                    >
                      {t(c.archived ? "adminForum.unarchive" : "adminForum.archive")}
                      <span className="visually-hidden"> {c.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-category">
        <h2 id="new-category">{t("adminForum.newCategory")}</h2>
        <Form method="post" className="stack" noValidate>
          <CategoryFields values={res?.values ?? {}} fields={res?.fields ?? {}} />
          <div className="actions">
            <button type="submit" name="intent" value="create">
              {t("adminForum.create")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
