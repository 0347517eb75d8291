// An organisation account applies for the recruiter role; programme staff verify it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
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
        <Field
          label={t("recruiter.fields.name")}
          name="name"
          defaultValue={v.name}
          maxLength={120}
          error={f.name}
          required
        />
        <Field
          label={t("recruiter.fields.website")}
          name="website"
          type="url"
          defaultValue={v.website}
          maxLength={300}
          error={f.website}
          required
        />
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
        <Field
          label={t("recruiter.fields.registrationNumber")}
          name="registrationNumber"
          defaultValue={v.registrationNumber}
          maxLength={60}
          error={f.registrationNumber}
        />
        <Field
          label={t("recruiter.fields.contactRole")}
          name="contactRole"
          defaultValue={v.contactRole}
          maxLength={100}
          error={f.contactRole}
          required
        />
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
