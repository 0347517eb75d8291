// Portfolio reference requests go through the outbox: the submission commits without waiting on
// SMTP, and the token is made by the worker that sends the mail (only its hash is stored).
import type { JobTable } from "../jobs.server";
import { deliverReferenceRequest } from "../models/journey/portfolio-references.server";

export const portfolioJobs = {
  "portfolio.reference_request": (payload, { trx }) => deliverReferenceRequest(trx, payload),
} satisfies Partial<JobTable>;
