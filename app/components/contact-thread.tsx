// The messages of a recruiter's contact thread, oldest first, as either side sees them.
import { useTranslation } from "~/use-translation";
import { RelativeTime } from "./relative-time";

type Message = { id: string; mine: boolean; body: string; created_at: string | Date };

export function ThreadMessages({ messages, otherName }: { messages: Message[]; otherName: string }) {
  const { t } = useTranslation();
  return (
    <ol className="thread" aria-label={t("desk.messages")}>
      {messages.map((m) => (
        <li key={m.id} className={m.mine ? "thread-mine" : "thread-theirs"}>
          <p className="muted small">
            {m.mine ? t("desk.you") : otherName} · <RelativeTime date={m.created_at} />
          </p>
          <blockquote className="contact-message">{m.body}</blockquote>
        </li>
      ))}
    </ol>
  );
}
