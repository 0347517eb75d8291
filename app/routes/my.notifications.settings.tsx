// Per-kind delivery of notification emails: at once, in a daily digest, or never; and the keyboard
// shortcuts (on or off), the member's one interface setting.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { z } from "zod";
import { FormError } from "~/components/field";
import { Select } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { DIGESTS, NOTIFICATION_KINDS } from "~/models/account/notification.schema";
import {
  getDigest,
  listDeliverySettings,
  updateDeliverySettings,
  updateDigest,
  type Delivery,
} from "~/models/account/notification.server";
import { requireViewer } from "~/viewer.server";
import { PushSettings } from "~/components/push-settings";
import { getPushSettings } from "~/models/account/push.server";
import { updateKeyboardShortcuts } from "~/models/account/user.server";
import { pageTitle } from "~/web/page-title";

const DELIVERIES = ["immediately", "daily", "never"] as const;

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "notifications.settingsTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [settings, digest, push] = await Promise.all([
    listDeliverySettings(viewer.id),
    getDigest(viewer.id),
    getPushSettings(viewer.id),
  ]);
  return {
    kinds: [...NOTIFICATION_KINDS],
    settings,
    digest,
    push,
    keyboardShortcuts: viewer.keyboardShortcuts !== false,
  };
}

const SettingsSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(DELIVERIES)])) as Record<
      (typeof NOTIFICATION_KINDS)[number],
      z.ZodEnum<{ immediately: "immediately"; daily: "daily"; never: "never" }>
    >,
  )
  .partial()
  .extend({ digest: z.enum(DIGESTS).optional() });

// an unticked box sends nothing: the intent says which form this is
const ShortcutsSchema = z.object({ intent: z.literal("shortcuts"), keyboardShortcuts: z.literal("on").optional() });

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (form.intent === "shortcuts") {
    const shortcuts = ShortcutsSchema.safeParse(form);
    if (!shortcuts.success) return data({ formError: "shortcuts.invalid", saved: false }, { status: 422 });
    await updateKeyboardShortcuts({ userId: viewer.id, on: shortcuts.data.keyboardShortcuts === "on" });
    return { formError: undefined, saved: true };
  }
  const parsed = SettingsSchema.safeParse(form);
  if (!parsed.success) return data({ formError: "moderation.notifications.invalid", saved: false }, { status: 422 });
  const { digest, ...kinds } = parsed.data;
  await updateDeliverySettings(viewer.id, kinds as Partial<Record<(typeof NOTIFICATION_KINDS)[number], Delivery>>);
  if (digest) await updateDigest(viewer.id, digest);
  return { formError: undefined, saved: true };
}

export default function NotificationSettings() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page narrow">
      <h1>{t("notifications.settingsTitle")}</h1>
      <p>{t("notifications.settingsIntro")}</p>
      {res?.saved ? (
        <p className="notice" role="status">
          {t("notifications.saved")}
        </p>
      ) : null}
      <FormError message={res?.formError} />
      <Form method="post" className="stack">
        <Select
          id="digest"
          label={t("emailReach.digest.frequency")}
          name="digest"
          defaultValue={d.digest}
          options={DIGESTS.map((v) => ({ value: v, label: t(`emailReach.digest.frequencies.${v}`) }))}
        />
        {d.kinds.map((kind) => (
          <Select
            key={kind}
            id={`delivery-${kind}`}
            label={t(`notifications.kinds.${kind}`)}
            name={kind}
            defaultValue={d.settings[kind]}
            options={DELIVERIES.map((v) => ({ value: v, label: t(`notifications.delivery.${v}`) }))}
          />
        ))}
        <div className="actions">
          <button type="submit">{t("notifications.save")}</button>
          <Link to="/notifications" className="button secondary">
            {t("notifications.title")}
          </Link>
        </div>
      </Form>
      <PushSettings {...d.push} saved={params.get("push") === "saved"} />
      <section aria-labelledby="shortcuts-title" id="shortcuts">
        <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="shortcuts" />
          <div className="field checkbox">
            <label>
              <input
                type="checkbox"
                name="keyboardShortcuts"
                defaultChecked={d.keyboardShortcuts}
                aria-describedby="shortcuts-hint"
              />{" "}
              {t("shortcuts.setting")}
            </label>
            <p className="hint" id="shortcuts-hint">
              {t("shortcuts.settingHint")}
            </p>
          </div>
          <div className="actions">
            <button type="submit">{t("shortcuts.save")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
