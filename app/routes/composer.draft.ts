// POST /composer/draft: the composer's autosave (and its sendBeacon when the page is left). The
// draft is private to its author; a reply's draft needs a topic the member can see. (A resource
// route: with single fetch, only a plain Response keeps its status here.)
import type { ActionFunctionArgs } from "@remix-run/node";
import { withoutNul } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { DraftSchema } from "~/models/forum/topic.schema";
import { draftKey, saveDraft } from "~/models/forum/draft.server";
import { getTopic } from "~/models/forum/topic.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";

export async function action({ request }: ActionFunctionArgs) {
  // posted by a script in the background: the page still has the text, nothing to hold
  const viewer = await requireViewer(request, { keepForm: false });
  const form = await request.formData().catch(() => null);
  if (!form) return Response.json({ saved: false }, { status: 400 });
  const key = String(form.get("key") ?? "");
  const topicMatch = /^topic:(\d{1,9})$/.exec(key);
  if (key !== draftKey() && !topicMatch) return Response.json({ saved: false }, { status: 400 });
  const strings = [...form]
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .map(([k, v]) => [k, withoutNul(v)] as const);
  const tags = strings.filter(([k]) => k === "tags").map(([, v]) => v);
  const parsed = parseForm(DraftSchema, { ...Object.fromEntries(strings.filter(([k]) => k !== "tags")), tags });
  if (!parsed.ok) return Response.json({ saved: false, fields: parsed.fields }, { status: 413 });
  if (topicMatch && !(await getTopic({ scope: scopeOf(viewer), topicId: Number(topicMatch[1]) })))
    return Response.json({ saved: false }, { status: 404 });
  return Response.json(await saveDraft({ userId: viewer.id, key, draft: parsed.data }));
}
