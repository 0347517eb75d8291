// Live preview for the composer: the same pipeline as a saved post (mentions and categories resolved).
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { readForm } from "~/web/http.server";
import { renderPostBody } from "~/models/forum/render.server";
import { BODY_MAX } from "~/models/forum/topic.schema";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";

export async function action({ request }: ActionFunctionArgs) {
  // posted by a script in the background: the page still has the text, nothing to hold
  const viewer = await requireViewer(request, { keepForm: false });
  const { body = "" } = await readForm(request);
  if (body.length > BODY_MAX) return data({ html: "" }, { status: 413 });
  if (await rateLimit("preview", userKey(viewer.id))) return data({ html: "" }, { status: 429 });
  const rendered = await renderPostBody(db, body, scopeOf(viewer));
  // a refused text has no preview: the composer keeps the last one (the form's Preview says why)
  if (!rendered.ok) return data({ html: "" }, { status: rendered.status });
  return { html: rendered.html };
}
