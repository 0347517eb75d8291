// Saves or deletes a recruiter's directory search (plain form POST).
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { positiveId, readForm } from "~/http.server";
import { deleteSavedSearch, saveSearch } from "~/models/recruiter.server";
import { scopeOf } from "~/permissions.server";
import { requireViewer } from "~/viewer.server";

export const loader = () => redirect("/recruiter");

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  const result =
    form.intent === "delete"
      ? await deleteSavedSearch({ scope, id: positiveId(form.id) ?? 0 })
      : await saveSearch({ scope, name: form.name ?? "", query: form.query ?? "" });
  if (!result.ok) throw data(result.message, { status: result.status });
  return redirect("/recruiter");
}
