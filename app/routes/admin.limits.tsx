// Staff change the posting limits (new-member rules, daily caps, flags needed to hide a post).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { notFound, readForm } from "~/web/http.server";
import { getLimits, LimitsSchema, updateLimits } from "~/models/moderation/settings.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "adminForum.limits.title") },
  { name: "robots", content: "noindex" },
];

// Field names are the settings' paths ("newMember.topicsPerDay"); each has a label key.
const GROUPS = {
  general: ["newMemberHours", "newTopicHours", "duplicateWindowMinutes", "flagsToHide"],
  newMember: [
    "newMember.topicsPerDay",
    "newMember.repliesPerDay",
    "newMember.linksPerPost",
    "newMember.imagesPerPost",
    "newMember.mentionsPerPost",
    "newMember.secondsBetweenTopics",
    "newMember.secondsBetweenPosts",
  ],
  everyone: [
    "everyone.secondsBetweenTopics",
    "everyone.secondsBetweenPosts",
    "everyone.topicsPerDay",
    "everyone.likesPerDay",
    "everyone.flagsPerDay",
    "everyone.editsPerDay",
  ],
} as const;

const flatten = (o: Record<string, unknown>, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === "object"
        ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`))
        : [[`${prefix}${k}`, String(v)]],
    ),
  );

async function staffOnly(request: Request) {
  const viewer = await requireViewer(request);
  if (!scopeOf(viewer).isStaff) notFound();
  return viewer;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await staffOnly(request);
  return { values: flatten(await getLimits(db)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await staffOnly(request);
  const form = await readForm(request);
  const values: Record<string, string> = {};
  const nested: Record<string, unknown> = {};
  for (const name of Object.values(GROUPS).flat()) {
    const raw = (form[name] ?? "").trim();
    values[name] = raw;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    const [a, b] = name.split(".");
    if (b) nested[a] = { ...((nested[a] as object) ?? {}), [b]: n };
    else nested[a] = n;
  }
  const parsed = LimitsSchema.safeParse(nested);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[i.path.join(".")] ??= "adminForum.limits.invalid";
    return data(
      { formError: "form.fixErrors", errorValues: { count: Object.keys(fields).length }, fields, values },
      { status: 422 },
    );
  }
  await updateLimits({ actorId: viewer.id, limits: parsed.data });
  return redirect("/admin/limits?saved=1");
}

export default function AdminLimits() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = res?.values ?? d.values;
  const fields = (res?.fields ?? {}) as Record<string, string | undefined>;
  return (
    <div className="page narrow">
      <h1>{t("adminForum.limits.title")}</h1>
      <p>{t("adminForum.limits.intro")}</p>
      <p>
        <Link to="/admin/categories">{t("adminForum.categoriesTitle")}</Link>
      </p>
      {params.has("saved") && !res ? (
        <p className="notice" role="status">
          {t("adminForum.limits.saved")}
        </p>
      ) : null}
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        {Object.entries(GROUPS).map(([group, names]) => (
          <fieldset key={group} className="field limits-group">
            <legend>{t(`adminForum.limits.groups.${group}`)}</legend>
            {names.map((name) => (
              <Field
                key={name}
                label={t(`adminForum.limits.fields.${name.replace(".", "_")}`)}
                name={name}
                type="number"
                min={0}
                inputMode="numeric"
                defaultValue={values[name]}
                error={fields[name]}
                required
              />
            ))}
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit">{t("adminForum.limits.save")}</button>
        </div>
      </Form>
    </div>
  );
}
