// An organisation account applies for the recruiter role; programme staff verify it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError, fieldsOf } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { keepValues, readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { COUNTRIES, countryName } from "~/models/directory/profile.schema";
import { RecruiterApplicationSchema, applyAsRecruiter, getRecruiterStatus } from "~/models/directory/recruiter.server";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "recruiter.applyTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const status = await getRecruiterStatus({ userId: viewer.id });
  if (status && (status.status === "pending" || status.status === "verified")) throw redirect("/recruiter");
  return {};
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const parsed = parseForm(RecruiterApplicationSchema, form);
  if (!parsed.ok)
    return data(
      { formError: parsed.formError, fields: parsed.fields as Record<string, string>, values: parsed.values },
      422,
    );
  const limited = await rateLimit("recruiterApply", userKey(viewer.id));
  if (limited)
    return data(
      {
        formError: limited.message,
        errorValues: limited.values,
        fields: {} as Record<string, string>,
        values: keepValues(form),
      },
      limited.status,
    );
  const result = await applyAsRecruiter({ scope: scopeOf(viewer), input: parsed.data });
  if (!result.ok)
    return data(
      { formError: result.message, fields: {} as Record<string, string>, values: keepValues(form) },
      result.status,
    );
  return redirect("/recruiter");
}

export default function RecruiterApply() {
  const { t, i18n } = useTranslation();
  useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const v = a?.values ?? {};
  const f = a?.fields ?? {};
  const field = fieldsOf(
    (name) => t(`recruiter.fields.${name}`),
    (name) => v[name],
    f,
  );
  return (
    <div className="page">
      <h1>{t("recruiter.applyTitle")}</h1>
      <p>{t("recruiter.applyIntro")}</p>
      <Form method="post" noValidate>
        <FormError
          message={a?.formError}
          values={
            a && "errorValues" in a ? (a.errorValues as Record<string, unknown>) : { count: Object.keys(f).length }
          }
        />
        {field("name", { maxLength: 120, required: true })}
        {field("website", { type: "url", maxLength: 300, required: true })}
        <Select
          id="org-country"
          label={t("recruiter.fields.country")}
          name="country"
          defaultValue={v.country ?? ""}
          error={f.country}
        >
          <option value="">—</option>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {countryName(c, i18n.language || "en")}
            </option>
          ))}
        </Select>
        {field("registrationNumber", { maxLength: 60 })}
        {field("contactRole", { maxLength: 100, required: true })}
        <TextArea
          id="org-description"
          label={t("recruiter.fields.description")}
          name="description"
          rows={4}
          maxLength={1000}
          defaultValue={v.description}
          error={f.description}
        />
        <button type="submit">{t("recruiter.applySubmit")}</button>
      </Form>
    </div>
  );
}
