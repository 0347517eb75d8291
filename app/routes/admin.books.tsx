// The recommended reading list staff maintain (members pick from it in their reading log).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { z } from "zod";
import { Field, FormError, answerOf } from "~/components/field";
import { positiveId, readForm } from "~/web/http.server";
import { addRecommendedBook, archiveRecommendedBook, listRecommendedBooks } from "~/models/journey/reading.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.books.title") }];

const BookSchema = z.object({
  title: z.string().trim().min(2, "admin.books.errors.title").max(200, "admin.books.errors.title"),
  author: z.string().trim().min(2, "admin.books.errors.author").max(200, "admin.books.errors.author"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { books: await listRecommendedBooks() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  if (form.intent === "archive") {
    await archiveRecommendedBook({ adminId: admin.id, id: positiveId(form.id) ?? 0 });
    return redirect("/admin/books");
  }
  const parsed = parseForm(BookSchema, form);
  if (!parsed.ok)
    return data({ values: parsed.values, fields: parsed.fields, count: parsed.errorValues.count }, { status: 400 });
  await addRecommendedBook({ adminId: admin.id, ...parsed.data });
  return redirect("/admin/books");
}

export default function AdminBooks() {
  const { t } = useTranslation();
  const { books } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const { values: v, fields: f } = answerOf(res);
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.books.title")}</h1>
      <ul>
        {books.map((b) => (
          <li key={b.id}>
            <Form method="post" className="inline-form">
              <span>
                {b.title} ({b.author})
              </span>
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="id" value={b.id} />
              <button type="submit" className="link-button">
                {t("admin.books.archive")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("admin.books.add")}</h2>
      <FormError message={res?.count ? "form.fixErrors" : null} values={{ count: res?.count }} />
      <Form method="post" className="stack" noValidate>
        <Field label={t("admin.books.bookTitle")} name="title" type="text" defaultValue={v.title} error={f.title} />
        <Field label={t("admin.books.author")} name="author" type="text" defaultValue={v.author} error={f.author} />
        <div>
          <button type="submit">{t("admin.books.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
