// Push on this device: the kinds a member wants pushed (a plain form, works without JavaScript), and a
// device's subscription sent or withdrawn by the settings page's script. Shown on /my/notifications/settings.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/web/http.server";
import { PushKindsSchema, PushSubscribeSchema, PushUnsubscribeSchema } from "~/models/account/push.schema";
import { deletePushSubscription, savePushSubscription, updatePushKinds } from "~/models/account/push.server";
import { requireViewer } from "~/viewer.server";

const SETTINGS = "/my/notifications/settings";

export const loader = () => redirect(SETTINGS);

export async function action({ request }: ActionFunctionArgs) {
  // posted by a script in the background: the page still has the text, nothing to hold
  const viewer = await requireViewer(request, { keepForm: false });
  const read = await readFormData(request);
  if (!read) return Response.json({ ok: false, formError: "push.errors.invalid" }, { status: 400 });
  const { form, fields } = read;
  if (fields.intent === "kinds") {
    const parsed = PushKindsSchema.safeParse({ intent: "kinds", kinds: form.getAll("kinds") });
    if (!parsed.success) return Response.json({ ok: false, formError: "push.errors.invalid" }, { status: 422 });
    await updatePushKinds({ userId: viewer.id, kinds: parsed.data.kinds });
    return redirect(`${SETTINGS}?push=saved#push`);
  }
  if (fields.intent === "subscribe") {
    const parsed = PushSubscribeSchema.safeParse(fields);
    if (!parsed.success) return Response.json({ ok: false, formError: "push.errors.invalid" }, { status: 422 });
    const saved = await savePushSubscription({ userId: viewer.id, ...parsed.data });
    if (!saved.ok) return Response.json({ ok: false, formError: saved.message }, { status: 422 });
    return Response.json({ ok: true });
  }
  const parsed = PushUnsubscribeSchema.safeParse(fields);
  if (!parsed.success) return Response.json({ ok: false, formError: "push.errors.invalid" }, { status: 400 });
  await deletePushSubscription({ userId: viewer.id, endpoint: parsed.data.endpoint });
  return Response.json({ ok: true });
}
