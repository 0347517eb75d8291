// Saves answers as the learner chooses them (the attempt page's inlined script posts here): a
// short JSON answer with the sentence to show. The page's own form does the same without JavaScript.
import type { ActionFunctionArgs } from "@remix-run/node";
import { pickLocale, sharedI18n } from "~/i18n";
import { idParam } from "~/web/http.server";
import { saveAnswers } from "~/models/assessments/assessment-attempt.server";
import { answersFromForm } from "~/models/assessments/assessment.schema";
import { requireViewer } from "~/viewer.server";
import { dateTimeFormat } from "~/intl";

export async function action({ request, params }: ActionFunctionArgs) {
  // posted by a script in the background: the page still has the text, nothing to hold
  const viewer = await requireViewer(request, { keepForm: false });
  const attemptId = idParam(params.id);
  const { t } = sharedI18n(pickLocale(viewer.locale, request.headers.get("Accept-Language")));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json(
      { ok: false, message: t("assessments.take.notSaved", { message: t("assessments.errors.badForm") }) },
      { status: 400 },
    );
  }
  const parsed = answersFromForm(form);
  if (!parsed.ok)
    return Response.json(
      { ok: false, message: t("assessments.take.notSaved", { message: t("assessments.errors.badForm") }) },
      { status: 400 },
    );
  const r = await saveAnswers({ userId: viewer.id, attemptId, answers: parsed.answers });
  if (!r.ok) {
    const values = {
      ...r.values,
      ...(r.values?.until ? { until: new Date(r.values.until) } : {}),
      formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone: viewer.timeZone } },
    };
    return Response.json(
      { ok: false, message: t("assessments.take.notSaved", { message: t(r.message, values) }) },
      { status: r.status },
    );
  }
  const time = dateTimeFormat(viewer.locale ?? "en", { timeStyle: "short", timeZone: viewer.timeZone }).format(
    new Date(),
  );
  return Response.json({
    ok: true,
    message: t("assessments.take.savedAt", { time }),
    progress: t("assessments.take.progress", { answered: r.answered, total: r.total }),
  });
}
