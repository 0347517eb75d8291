// Account mail (reset links, password-change notices) goes through the outbox: a request that asks
// for a reset does the same work whether or not the email has an account, and never waits on SMTP.
import { defineJob } from "../jobs.server";
import { deliverPasswordChangedNotice, deliverPasswordReset } from "../models/user.server";

defineJob("account.password_reset", (payload: { email: string; locale: string }, { trx }) => deliverPasswordReset(trx, payload));
defineJob("account.password_changed", (payload: { userId: number; at: string }, { trx }) => deliverPasswordChangedNotice(trx, payload));
