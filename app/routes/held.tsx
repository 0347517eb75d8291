// A form the member sent after their session had ended, given back after sign-in (held-form.server.ts):
// read it, then send it where it first went, or discard it. Plain forms: works without JavaScript.
//
// "Send it now" posts the held fields to /held?to=<where they went>: the row and its cookie go, and a 307
// answers it, which makes the browser post the same body there, as if the member had pressed the original
// button. That action runs all its own checks; a refusal shows the text in its form, as any refusal does,
// and a session that ended once more holds the form again. So nothing typed is lost, and nothing is left
// behind once sent or discarded (what neither is, goes with the day: held-form.server.ts).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { claimHeldForm, deleteHeldForm } from "~/models/account/held-form.server";
import { TECHNICAL_FIELDS } from "~/models/account/held-form.schema";
import { useTranslation } from "~/use-translation";
import type { PageHandle } from "~/web/enhance";
import { notFound, readForm } from "~/web/http.server";
import { asPersonal, PERSONAL } from "~/web/page-caching";
import { pageTitle } from "~/web/page-title";
import { requireViewer, safeRedirect } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "held.title") },
  { name: "robots", content: "noindex" },
];

// personal: never kept by a browser, proxy or shared cache
export const headers: HeadersFunction = ({ parentHeaders }) => asPersonal(parentHeaders);

const DiscardSchema = z.object({ intent: z.literal("discard") });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const held = await claimHeldForm({ request, userId: viewer.id });
  // none, or another member's: not admitted to exist
  if (typeof held !== "object") notFound();
  return data({ path: held.form.path, fields: held.form.fields }, { headers: { "Cache-Control": PERSONAL } });
}

export async function action({ request }: ActionFunctionArgs) {
  // the forms here are the held text itself: a session ended again leaves the row in place, not a second one
  const viewer = await requireViewer(request, { keepForm: false });
  const to = new URL(request.url).searchParams.get("to");
  if (to === null) {
    const parsed = DiscardSchema.safeParse(await readForm(request));
    if (!parsed.success) return data({ error: true }, { status: 400 });
  }
  const { path, setCookie } = await deleteHeldForm({ request, userId: viewer.id });
  if (to === null) return redirect("/", { headers: { "Set-Cookie": setCookie } });
  // the stored address; the form's own only when a second press finds the row already gone
  return redirect(path ?? safeRedirect(to), { status: 307, headers: { "Set-Cookie": setCookie } });
}

export default function HeldPage() {
  const { t } = useTranslation();
  const { path, fields } = useLoaderData<typeof loader>();
  let n = 0;
  const shown = fields.flatMap(([name, value], i) => {
    // how the form is sent, not what was typed: sent along, not shown
    if (TECHNICAL_FIELDS.has(name) || value.trim() === "") return [];
    n += 1;
    const label = name === "body" ? t("held.text") : name === "title" ? t("held.titleField") : t("held.field", { n });
    return [{ id: `held-${i}`, label, value }];
  });
  return (
    <div className="page narrow">
      <h1>{t("held.title")}</h1>
      <p>{t("held.intro")}</p>
      <p className="muted">{t("held.sentTo", { path })}</p>
      {shown.map((f) => (
        <p key={f.id}>
          <label htmlFor={f.id}>{f.label}</label>
          {f.value.length > 80 || f.value.includes("\n") ? (
            <textarea
              id={f.id}
              className="held-field"
              readOnly
              rows={Math.min(20, f.value.split("\n").length + 2)}
              value={f.value}
            />
          ) : (
            <input id={f.id} className="held-field" readOnly value={f.value} />
          )}
        </p>
      ))}
      <form method="post" action={`/held?to=${encodeURIComponent(path)}`}>
        {fields.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{t("held.send")}</button>
      </form>
      <form method="post" action="/held">
        <input type="hidden" name="intent" value="discard" />
        <p className="muted">{t("held.discardHint")}</p>
        <button type="submit" className="secondary">
          {t("held.discard")}
        </button>
      </form>
    </div>
  );
}
