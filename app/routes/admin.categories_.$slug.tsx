// Admins: edit one category (name, slug, description, colour, who may see / start topics / reply).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { CategoryFields } from "~/components/category-form";
import { FormError } from "~/components/field";
import { keepValues, notFound, readForm } from "~/web/http.server";
import { getCategoryForAdmin, updateCategory } from "~/models/forum/category-admin.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "adminForum.categoriesTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  const category = await getCategoryForAdmin({ scope, slug: params.slug ?? "" });
  if (!category) notFound();
  const { slug, name, description, name_fr, description_fr, colour, see_rule, post_rule, reply_rule } = category;
  return { category: { slug, name, description, name_fr, description_fr, colour, see_rule, post_rule, reply_rule } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  if (!scope.isStaff) notFound();
  const form = await readForm(request);
  const result = await updateCategory({ scope, slug: params.slug ?? "", input: form });
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data(
      { formError: result.message, errorValues: result.values, fields: result.fields ?? {}, values: keepValues(form) },
      { status: result.status },
    );
  }
  return redirect("/admin/categories");
}

export default function EditCategory() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <h1>{t("adminForum.editTitle", { name: d.category.name })}</h1>
      <p>
        <Link to="/admin/categories">{t("adminForum.categoriesTitle")}</Link>
      </p>
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        <CategoryFields values={res?.values ?? d.category} fields={res?.fields ?? {}} />
        <div className="actions">
          <button type="submit">{t("adminForum.save")}</button>
        </div>
      </Form>
    </div>
  );
}
