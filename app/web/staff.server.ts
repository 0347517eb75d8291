// Staff-only pages ask here: the signed-in viewer, or a redirect to sign in, or a 403.
import { forbidden } from "./http.server";
import { canManageProgramme, scopeOf } from "../models/permissions.server";
import { requireViewer, type Viewer } from "../viewer.server";

export async function requireStaff(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!canManageProgramme(scopeOf(viewer))) forbidden();
  return viewer;
}
