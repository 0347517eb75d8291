// Saves or deletes a recruiter's directory search, or turns its daily alerts on or off (plain form POST).
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { positiveId, readForm } from "~/web/http.server";
import { deleteSavedSearch, saveSearch } from "~/models/directory/saved-search.server";
import { setSearchAlerts } from "~/models/directory/search-alert.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";

export const loader = () => redirect("/recruiter");

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  const id = positiveId(form.id) ?? 0;
  const result =
    form.intent === "delete"
      ? await deleteSavedSearch({ scope, id })
      : form.intent === "alerts-on" || form.intent === "alerts-off"
        ? await setSearchAlerts({ scope, id, alerts: form.intent === "alerts-on" })
        : await saveSearch({ scope, name: form.name ?? "", query: form.query ?? "", alerts: form.alerts === "1" });
  if (!result.ok) throw data(result.message, { status: result.status });
  return redirect("/recruiter");
}
