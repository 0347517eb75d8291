// /messages/:id/participants: a participant of a personal message adds people to it (up to the limit of
// participants), under the rules of a new message and no ignoring either way with anyone in it; those added
// are told as of a new message, and the conversation shows "X added Y".
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "~/use-translation";
import { AddParticipantsForm } from "~/components/add-participants";
import { FormError } from "~/components/field";
import { forbidden, notFound, readForm } from "~/web/http.server";
import { addParticipants, getConversationForAdding } from "~/models/forum/messages.server";
import { AddParticipantsSchema, parseForm, type FormAnswer } from "~/models/shared/forms.server";
import { canStartMessage, scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "messages.addTitle") },
  { name: "robots", content: "noindex" },
];

const TopicId = z.coerce.number().int().positive().max(2_147_483_647);

async function conversationOf(request: Request, id: string | undefined) {
  const scope = scopeOf(await requireViewer(request));
  // recruiters keep the consented-contact flow: they add no one
  if (!canStartMessage(scope)) forbidden();
  const topicId = TopicId.safeParse(id);
  if (!topicId.success) notFound();
  const conversation = await getConversationForAdding({ scope, topicId: topicId.data });
  if (!conversation) notFound();
  return { scope, conversation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conversation } = await conversationOf(request, params.id);
  return { conversation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, conversation } = await conversationOf(request, params.id);
  const parsed = parseForm(AddParticipantsSchema, await readForm(request));
  if (!parsed.ok) return data<FormAnswer>(parsed, 400);
  const result = await addParticipants({ scope, topicId: conversation.id, to: parsed.data.to });
  if (!result.ok)
    return data<FormAnswer>(
      { formError: result.message, errorValues: result.values, values: parsed.values, fields: result.fields ?? {} },
      result.status,
    );
  return redirect(result.url);
}

export default function AddParticipants() {
  const { t } = useTranslation();
  const { conversation } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <h1>{t("messages.addTitle")}</h1>
      <p>
        <Link to={conversation.url}>{conversation.title}</Link>
      </p>
      <p className="muted">
        {t("messages.betweenAll", { names: conversation.participants.map((p) => p.display_name).join(", ") })}
      </p>
      <FormError message={res?.formError} values={res?.errorValues} />
      <AddParticipantsForm
        topicId={conversation.id}
        room={conversation.room}
        value={res?.values?.to}
        error={res?.fields?.to}
        errorValues={res?.errorValues}
      />
    </div>
  );
}
