// Mentors suggested for the member's open request, best first, each with the reasons behind its
// score; the member asks one (with an optional message).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { ReasonList } from "~/components/mentorship";
import { readForm, positiveId } from "~/web/http.server";
import { suggestMentors } from "~/models/mentorship/mentor.server";
import { askMentor, getOpenRequest } from "~/models/mentorship/mentorship-requests.server";
import { AskSchema } from "~/models/mentorship/mentorship.schema";
import { listCompetencies } from "~/models/directory/profile.server";
import { languageName } from "~/models/directory/profile.schema";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { localized } from "~/models/shared/localized";
import { requestLocale } from "~/locale";
import { db } from "~/db.server";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.suggestions.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const req = await getOpenRequest(db, { menteeId: viewer.id });
  if (!req) return { request: null, suggestions: [], competencyNames: {} as Record<string, string> };
  const [suggestions, competencies] = await Promise.all([
    suggestMentors(db, { request: req, limit: 10 }),
    listCompetencies(db),
  ]);
  return {
    request: { id: req.id, goals: req.goals },
    suggestions,
    competencyNames: Object.fromEntries(
      competencies.map((c) => [c.slug, localized(c, "name", requestLocale(request, viewer.locale))]),
    ),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const parsed = AskSchema.safeParse(form);
  if (!parsed.success)
    return data(
      { formError: parsed.error.issues[0].message, mentorId: positiveId(form.mentorId) ?? 0, note: form.note ?? "" },
      400,
    );
  const r = await askMentor({ scope: scopeOf(viewer), mentorId: parsed.data.mentorId, note: parsed.data.note });
  if (!r.ok) return data({ formError: r.message, mentorId: parsed.data.mentorId, note: parsed.data.note }, r.status);
  return redirect("/mentorship?asked=1");
}

export default function Suggestions() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const lang = (code: string) => languageName(code, i18n.language || "en");
  return (
    <div>
      <p>
        <Link to="/mentorship">{t("mentorship.back")}</Link>
      </p>
      <h1>{t("mentorship.suggestions.title")}</h1>
      {!d.request ? (
        <p>
          {t("mentorship.suggestions.noRequest")} <Link to="/mentorship/request">{t("mentorship.requestCta")}</Link>
        </p>
      ) : (
        <>
          <p>{t("mentorship.suggestions.intro")}</p>
          {res?.formError && !d.suggestions.some((s) => s.userId === res.mentorId) ? (
            <FormError message={res.formError} />
          ) : null}
          {d.suggestions.length ? (
            <ol className="req-list mentor-suggestions">
              {d.suggestions.map((s) => (
                <li key={s.userId} className="req" id={`mentor-${s.username}`}>
                  <h2>
                    <Link to={`/u/${s.username}`}>{s.displayName}</Link>
                  </h2>
                  {/* two blocks: the score and the places never read as one number ("92" + "2 free places") */}
                  <p className="req-line">
                    <span className="status met">{t("mentorship.suggestions.score", { score: s.score })}</span>
                  </p>
                  <p className="req-line">
                    {t("mentorship.suggestions.places", { count: s.free })} · {s.languages.map(lang).join(", ")} ·{" "}
                    {s.timeZone}
                  </p>
                  <p>{s.pitch}</p>
                  <h3>{t("mentorship.suggestions.why")}</h3>
                  <ReasonList reasons={s.reasons} competencyNames={d.competencyNames} languageName={lang} />
                  {s.asked ? (
                    <p className="muted">{t("mentorship.suggestions.asked")}</p>
                  ) : (
                    <Form method="post" className="stack">
                      {res?.mentorId === s.userId ? <FormError message={res.formError} /> : null}
                      <input type="hidden" name="mentorId" value={s.userId} />
                      <TextArea
                        label={t("mentorship.suggestions.note", { name: s.displayName })}
                        name="note"
                        rows={2}
                        maxLength={1000}
                        defaultValue={res?.mentorId === s.userId ? res.note : ""}
                      />
                      <div>
                        <button type="submit">{t("mentorship.suggestions.ask", { name: s.displayName })}</button>
                      </div>
                    </Form>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("mentorship.suggestions.none")}</p>
          )}
        </>
      )}
    </div>
  );
}
