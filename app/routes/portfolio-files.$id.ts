// /portfolio-files/:id: an evidence file of a portfolio, for its member, staff and the reviewers
// assigned to it (checked by the permissions module). Always a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPortfolioFile } from "~/models/journey/portfolio.server";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { attachmentResponse, plainNotFound } from "~/web/download.server";
import { positiveId } from "~/web/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await getViewer(request));
  const file = await readPortfolioFile({ scope, fileId: positiveId(params.id) ?? 0 });
  return file ? attachmentResponse(file.body, file.fileName, file.contentType) : plainNotFound();
}
