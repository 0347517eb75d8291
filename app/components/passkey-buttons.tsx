// The two places a passkey is used from the browser: signing in (options come with the page) and
// adding one on /my/two-factor. Both need JavaScript (WebAuthn is a script API): without it nothing
// here shows and the code forms remain. The routes hydrate, so this runs from the bundle (no inline
// script for the CSP to allow).
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useFetcher, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "./field";

/** True once hydrated in a browser that has WebAuthn. */
function useWebAuthn() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(browserSupportsWebAuthn()), []);
  return ready;
}

export function PasskeySignIn({ options }: { options: PublicKeyCredentialRequestOptionsJSON }) {
  const { t } = useTranslation();
  const ready = useWebAuthn();
  const submit = useSubmit();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!ready) return null;
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await startAuthentication({ optionsJSON: options });
      submit({ intent: "passkey", response: JSON.stringify(response) }, { method: "post" });
    } catch {
      setError("passkeys.errors.cancelled");
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <FormError message={error} />
      <div>
        <button type="button" onClick={go} disabled={busy}>
          {busy ? t("passkeys.signIn.working") : t("passkeys.signIn.use")}
        </button>
      </div>
      <p>{t("passkeys.signIn.or")}</p>
    </div>
  );
}

type OptionsData = { passkeyOptions?: PublicKeyCredentialCreationOptionsJSON };

export function PasskeyAdd({ nameError }: { nameError?: string }) {
  const { t } = useTranslation();
  const ready = useWebAuthn();
  const submit = useSubmit();
  const fetcher = useFetcher<OptionsData>();
  const name = useRef("");
  const [error, setError] = useState<string | null>(null);
  const options = fetcher.data?.passkeyOptions;
  useEffect(() => {
    if (!options) return;
    startRegistration({ optionsJSON: options })
      .then((response) =>
        submit({ intent: "passkey-add", name: name.current, response: JSON.stringify(response) }, { method: "post" }),
      )
      .catch(() => setError("passkeys.errors.cancelled"));
  }, [options, submit]);
  if (!ready) return <p>{t("passkeys.needsScript")}</p>;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    name.current = String(new FormData(e.currentTarget).get("name") ?? "");
    fetcher.submit({ intent: "passkey-options" }, { method: "post" });
  };
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <Field
        label={t("passkeys.nameField")}
        hint={t("passkeys.nameHint")}
        name="name"
        type="text"
        defaultValue={t("passkeys.defaultName")}
        maxLength={60}
        required
        error={nameError}
      />
      <div>
        <button type="submit" disabled={fetcher.state !== "idle"}>
          {t("passkeys.add")}
        </button>
      </div>
    </form>
  );
}
