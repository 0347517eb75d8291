import { z } from "zod";

/** A row id from a form: a whole number a PostgreSQL `integer` column can hold (a bigger one is refused, not a 500). */
export const rowId = (message?: string) => z.coerce.number().int(message).min(1, message).max(2_147_483_647, message);
