// The staff's filters on the members-behind list (browser-safe). A value that does not parse is
// dropped rather than refused: the page then shows everyone, and the form says what it shows.
import { z } from "zod";
import { rowId } from "../shared/id.schema";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const BehindFilterSchema = z.object({
  level: optional(z.coerce.number().int().min(1).max(9)),
  duty: optional(z.enum(["books", "activities"])),
  group: optional(rowId()),
  // the previous page's last name key (lower-case username)
  after: optional(z.string().max(200)),
});
export type BehindFilterInput = z.infer<typeof BehindFilterSchema>;
