// Adds a member to, or removes them from, the recruiter's shortlist (plain form POST from the
// directory's results or a profile; the desk edits stages and notes itself).
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { readForm } from "~/web/http.server";
import { setShortlisted } from "~/models/directory/shortlist.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer, safeRedirect } from "~/viewer.server";

export const loader = () => redirect("/recruiter");

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const result = await setShortlisted({
    scope: scopeOf(viewer),
    username: (form.username ?? "").slice(0, 40),
    shortlisted: form.intent !== "remove",
  });
  if (!result.ok) throw data(result.message, { status: result.status });
  return redirect(safeRedirect(form.redirectTo, "/recruiter"));
}
