// Account mail (reset links, password-change notices) goes through the outbox: a request that asks
// for a reset does the same work whether or not the email has an account, and never waits on SMTP.
import type { JobTable } from "../jobs.server";
import { deliverPasswordChangedNotice, deliverPasswordReset } from "../models/account/user.server";

export const accountMailJobs = {
  "account.password_reset": (payload, { trx }) => deliverPasswordReset(trx, payload),
  "account.password_changed": (payload, { trx }) => deliverPasswordChangedNotice(trx, payload),
} satisfies Partial<JobTable>;
