import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "~/use-translation";
import { useMessage } from "./use-message";
import { POST_IMAGE_MAX_MB, POST_IMAGE_MAX_SIDE } from "~/models/forum/topic.schema";

type Props = {
  name?: string;
  defaultValue?: string;
  error?: string;
  errorValues?: Record<string, unknown>;
  /** server-rendered preview (the "Preview" submit, without JavaScript) */
  preview?: string | null;
  label?: string;
  /** the page comes back from the "Upload image" submit with the image added */
  uploaded?: boolean;
};

/**
 * The markdown editor: a textarea with a Preview button that works as a plain submit; with
 * JavaScript the preview also follows the typing (rendered by the server's one pipeline). Images:
 * a file field and an "Upload image" submit (multipart, the page comes back with the image's markdown
 * added); with JavaScript, picking, pasting or dropping an image inserts it at the cursor
 * (app/web/upload-script.ts, which finds the composer by `data-upload`).
 */
export function Composer({ name = "body", defaultValue = "", error, errorValues, preview, label, uploaded }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const id = useId();
  const fetcher = useFetcher<{ html: string }>();
  const [text, setText] = useState(defaultValue);
  const [live, setLive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setText(defaultValue), [defaultValue]);
  // "Quote selection" on the topic page adds to whatever is being written.
  useEffect(() => {
    const add = (e: Event) => {
      setText(
        (current) =>
          `${current}${current && !current.endsWith("\n\n") ? "\n\n" : ""}${String((e as CustomEvent).detail)}`,
      );
      setLive(true);
    };
    window.addEventListener("tp:quote", add);
    return () => window.removeEventListener("tp:quote", add);
  }, []);
  // `submit` keeps its identity across renders; the fetcher object does not (depending on it would
  // send a new preview each time the last one arrives)
  const { submit } = fetcher;
  useEffect(() => {
    if (!live) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submit({ body: text }, { method: "post", action: "/api/preview" }), 400);
    return () => clearTimeout(timer.current);
  }, [text, live, submit]);
  const shown = live ? (fetcher.data?.html ?? preview) : preview;
  return (
    <div
      className="composer"
      data-upload=""
      data-uploading={t("uploads.uploading")}
      data-upload-failed={t("uploads.failed")}
    >
      <div className="field">
        <label htmlFor={id}>{label ?? t("composer.body")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("composer.bodyHint")}
        </p>
        <textarea
          id={id}
          name={name}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setLive(true);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ")}
          rows={10}
          data-preview={`${id}-preview`}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {message(error, errorValues)}
          </p>
        ) : null}
      </div>
      <div className="field upload-field">
        <label htmlFor={`${id}-image`}>{t("uploads.label")}</label>
        <p className="hint" id={`${id}-image-hint`}>
          {t("uploads.hint", { max: POST_IMAGE_MAX_MB, side: POST_IMAGE_MAX_SIDE })}
        </p>
        <input
          type="file"
          id={`${id}-image`}
          name="image"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-describedby={`${id}-image-hint`}
        />
        <button
          type="submit"
          name="intent"
          value="upload"
          formEncType="multipart/form-data"
          formNoValidate
          className="secondary"
          data-upload-button=""
        >
          {t("uploads.button")}
        </button>
        <p className="muted upload-status" aria-live="polite" data-upload-status="">
          {uploaded ? t("uploads.added") : null}
        </p>
      </div>
      {/* always present (hidden while empty) so the inline script of non-hydrated pages can fill it */}
      <section
        className="preview"
        id={`${id}-preview`}
        aria-label={t("composer.previewTitle")}
        aria-live="polite"
        hidden={!shown}
      >
        <h2 className="preview-title">{t("composer.previewTitle")}</h2>
        <div className="post-body" dangerouslySetInnerHTML={{ __html: shown ?? "" }} />
      </section>
    </div>
  );
}

/** The composer's buttons (send, preview, save the draft) and the line where the draft's state is said. */
export function ComposerActions({ intent, label, notice }: { intent: string; label: string; notice?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="actions">
        <button type="submit" name="intent" value={intent}>
          {label}
        </button>
        <button type="submit" name="intent" value="preview" className="secondary">
          {t("composer.preview")}
        </button>
        <button type="submit" name="intent" value="draft" className="secondary">
          {t("composer.saveDraft")}
        </button>
      </div>
      <p className="muted draft-status" aria-live="polite">
        {notice ? t(notice) : null}
        <span data-draft-status />
      </p>
    </>
  );
}
