// One notification pushed to one of the member's devices. Checked at send time, as the email is: a
// notification already read, or pointing to something the member may no longer see, is not pushed.
import type { JobHandler, JobTable } from "../jobs.server";
import { sendPush } from "../models/account/push.server";
import { loadForEmail, visibleLines } from "./notification-email.server";

const notificationPush: JobHandler<"notification.push"> = async ({ notificationId, subscriptionId }, { trx }) => {
  const sub = await trx
    .selectFrom("push_subscriptions")
    .select(["id", "user_id", "endpoint", "p256dh", "auth"])
    .where("id", "=", subscriptionId)
    .executeTakeFirst();
  if (!sub) return;
  const n = await loadForEmail(trx, notificationId);
  if (!n || n.read_at || n.deleted_at || n.user_id !== sub.user_id) return;
  const lines = await visibleLines(trx, n);
  if (!lines) return;
  const url = new URL(lines.url);
  const sent = await sendPush(sub, {
    title: lines.text,
    body: lines.excerpt,
    url: url.pathname + url.search + url.hash,
    tag: `notification-${n.id}`,
  });
  if (sent === "gone") await trx.deleteFrom("push_subscriptions").where("id", "=", sub.id).execute();
  else await trx.updateTable("push_subscriptions").set({ last_sent_at: new Date() }).where("id", "=", sub.id).execute();
};

export const pushJobs = { "notification.push": notificationPush } satisfies Partial<JobTable>;
