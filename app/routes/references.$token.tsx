// /references/:token: a reference named in a member's portfolio confirms (or says they cannot)
// through the link mailed to them; no account. The token is the only key: the page shows the
// member's name and project titles, nothing else of theirs.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { ReferenceAnswerSchema } from "~/models/journey/portfolio.schema";
import { answerReference, getReferenceRequest } from "~/models/journey/portfolio-references.server";
import { parseForm } from "~/models/shared/forms.server";
import { useTranslation } from "~/use-translation";
import { readForm } from "~/web/http.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "portfolio.references") },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  const request = await getReferenceRequest(params.token ?? "");
  if (!request) return data({ request: null }, { status: 404, headers: headers() });
  const { id: _id, portfolio_id: _p, locale: _l, ...shown } = request;
  return data({ request: shown }, { headers: headers() });
}

type ActionData = {
  message?: string;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string>;
  done?: boolean;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(ReferenceAnswerSchema, await readForm(request));
  if (!parsed.ok)
    return data<ActionData>({ message: parsed.formError, fields: parsed.fields, values: parsed.values }, 400);
  const r = await answerReference({ token: params.token ?? "", ...parsed.data });
  if (!r.ok) return data<ActionData>({ message: r.message, values: parsed.values }, r.status);
  return { done: true } satisfies ActionData;
}

export default function ReferencePage() {
  const { t } = useTranslation();
  const { request } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const declining = res?.values?.answer === "decline";
  if (!request)
    return (
      <div>
        <h1>{t("portfolio.references")}</h1>
        <p>{t("portfolio.referenceUnknown")}</p>
      </div>
    );
  return (
    <div>
      <h1>{t("portfolio.referenceTitle", { member: request.member })}</h1>
      {res?.done ? (
        <p className="notice" role="status">
          {t("portfolio.referenceThanks")}
        </p>
      ) : request.answered_at ? (
        <p className="notice">{t("portfolio.referenceAnswered")}</p>
      ) : (
        <>
          <p>
            {t("portfolio.referenceIntro", {
              member: request.member,
              relationship: t(`portfolio.relationships.${request.relationship}`).toLocaleLowerCase(),
            })}
          </p>
          <ul>
            {request.projects.map((p, i) => (
              <li key={i}>
                <strong>{p.title}</strong>
                <p style={{ whiteSpace: "pre-wrap" }}>{p.description}</p>
              </li>
            ))}
          </ul>
          <Form method="post" className="stack" noValidate>
            <FormError message={res?.message} />
            <fieldset>
              <legend>{t("portfolio.referenceAnswer")}</legend>
              <label>
                <input type="radio" name="answer" value="confirm" defaultChecked={!declining} />{" "}
                {t("portfolio.referenceConfirm")}
              </label>
              <label>
                <input type="radio" name="answer" value="decline" defaultChecked={declining} />{" "}
                {t("portfolio.referenceDecline")}
              </label>
            </fieldset>
            <TextArea
              label={t("portfolio.referenceStatement")}
              name="statement"
              rows={5}
              defaultValue={res?.values?.statement ?? ""}
              error={res?.fields?.statement}
            />
            <button type="submit">{t("portfolio.referenceSend")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
