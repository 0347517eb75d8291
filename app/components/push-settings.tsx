// The settings page's push section: which kinds are pushed (a plain form), and turning push on or off
// for this device, which needs JavaScript (the Push API is a script API) and only ever asks the browser's
// permission when the member presses the button, never on a visit.
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { PUSH_KINDS, type PushKind } from "~/models/account/push.schema";
import { useTranslation } from "~/use-translation";
import { FormError } from "./field";

type Props = { kinds: PushKind[]; devices: number; publicKey: string; saved: boolean };
type DeviceState = "unsupported" | "denied" | "off" | "on";

const toKey = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

async function registration() {
  return navigator.serviceWorker.getRegistration("/").then((r) => r ?? navigator.serviceWorker.register("/sw.js"));
}

function usePushDevice(): [DeviceState | null, (s: DeviceState) => void] {
  const [state, setState] = useState<DeviceState | null>(null);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      setState("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setState("denied");
      return;
    }
    registration()
      .then((r) => r.pushManager.getSubscription())
      .then((s) => setState(s ? "on" : "off"))
      .catch(() => setState("unsupported"));
  }, []);
  return [state, setState];
}

export function PushSettings({ kinds, devices, publicKey, saved }: Props) {
  const { t } = useTranslation();
  const [state, setState] = usePushDevice();
  const fetcher = useFetcher<{ ok: boolean; formError?: string }>();
  const [error, setError] = useState<string | null>(null);
  const busy = fetcher.state !== "idle";
  useEffect(() => {
    if (fetcher.data?.formError) setError(fetcher.data.formError);
  }, [fetcher.data]);

  const turnOn = async () => {
    setError(null);
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        setState("denied");
        return;
      }
      const reg = await registration();
      await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: toKey(publicKey) });
      const json = sub.toJSON();
      fetcher.submit(
        { intent: "subscribe", endpoint: sub.endpoint, p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
        { method: "post", action: "/my/push" },
      );
      setState("on");
    } catch {
      setError("push.errors.subscribe");
    }
  };
  const turnOff = async () => {
    setError(null);
    const sub = await (await registration()).pushManager.getSubscription();
    if (sub) {
      fetcher.submit({ intent: "unsubscribe", endpoint: sub.endpoint }, { method: "post", action: "/my/push" });
      await sub.unsubscribe().catch(() => undefined);
    }
    setState("off");
  };

  return (
    <section id="push" className="stack" aria-labelledby="push-title">
      <h2 id="push-title">{t("push.title")}</h2>
      <p>{t("push.intro")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t("push.saved")}
        </p>
      ) : null}
      <FormError message={error} />
      <p>{t("push.devices", { count: devices })}</p>
      {state === null ? (
        <p>{t("push.needsScript")}</p>
      ) : state === "unsupported" ? (
        <p>{t("push.unsupported")}</p>
      ) : state === "denied" ? (
        <p>{t("push.denied")}</p>
      ) : (
        <div>
          <button type="button" onClick={state === "on" ? turnOff : turnOn} disabled={busy}>
            {state === "on" ? t("push.turnOff") : t("push.turnOn")}
          </button>
          {state === "on" ? (
            <span className="muted" role="status">
              {" "}
              {t("push.onHere")}
            </span>
          ) : null}
        </div>
      )}
      <form method="post" action="/my/push" className="stack">
        <input type="hidden" name="intent" value="kinds" />
        <fieldset>
          <legend>{t("push.kindsLegend")}</legend>
          {PUSH_KINDS.map((kind) => (
            <div key={kind}>
              <input
                type="checkbox"
                id={`push-${kind}`}
                name="kinds"
                value={kind}
                defaultChecked={kinds.includes(kind)}
              />{" "}
              <label htmlFor={`push-${kind}`}>{t(`push.kinds.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="secondary">
            {t("push.saveKinds")}
          </button>
        </div>
      </form>
    </section>
  );
}
