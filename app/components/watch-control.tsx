// The watching control of a topic or a category (Discourse's four levels): a plain form that posts
// `intent=watch` to the page it sits on, so it works the same with JavaScript on or off.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";

const LEVELS = ["watching", "tracking", "normal", "muted"] as const;

export function WatchControl({ level, id, action }: { level: string; id: string; action?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={action} className="watch-control" reloadDocument>
      <input type="hidden" name="intent" value="watch" />
      <label htmlFor={id}>{t("watching.label")}</label>{" "}
      <select id={id} name="level" defaultValue={level}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`watching.levels.${l}`)}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary">
        {t("watching.save")}
      </button>
      <span className="hint"> {t(`watching.hints.${level}`)}</span>
    </Form>
  );
}
