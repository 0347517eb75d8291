// A member's download of everything the platform holds about them: a ZIP of JSON and markdown
// files, built in memory from the domains' areas (account-data-registry.server.ts), with a size cap.
// The export is audited (how many files and bytes, never the data itself) and limited to one a
// minute, since building it reads every row the member has.
import { sql } from "kysely";
import { strToU8, zipSync, type Zippable } from "fflate";
import { db } from "../../db.server";
import { sharedI18n, type Locale } from "../../i18n";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import type { ExportFile } from "../shared/account-data";
import { exportAreas, otherTables } from "./account-data-registry.server";
import { fail, ok, type Result } from "../shared/result";

/** Uncompressed bytes at most: 5,000 posts of 2 KB and a photo fit with a wide margin. */
export const EXPORT_MAX_BYTES = 64 * 1024 * 1024;
export const EXPORT_INTERVAL_SECONDS = 60;

type ExportRequest = { scope: Scope; origin: string; locale?: Locale };

export type DataExport = { filename: string; zip: Uint8Array; files: number; bytes: number };

/** Every file of the export (no ZIP yet): what tests and the ZIP builder read. */
export async function collectExportFiles({ scope, origin, locale = "en" }: ExportRequest): Promise<ExportFile[]> {
  const userId = scope.userId;
  if (!userId) throw new Error("collectExportFiles needs a signed-in member");
  // one snapshot: every area sees the same moment, even while the member keeps posting
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const ctx = { trx, userId, scope, origin };
      const files: ExportFile[] = [];
      for (const area of [...exportAreas, otherTables]) files.push(...(await area.collect(ctx)));
      const t = sharedI18n(locale).t;
      files.unshift({
        path: "README.md",
        data: t("privacy.export.readme", { date: new Date().toISOString(), origin }) + "\n",
      });
      return files;
    });
}

export async function buildDataExport({ scope, origin, locale = "en" }: ExportRequest): Promise<Result<DataExport>> {
  const userId = scope.userId;
  if (!userId) return fail(401, "errors.forbidden");
  const recent = await db
    .selectFrom("audit_log")
    .select("id")
    .where("actor_id", "=", userId)
    .where("action", "=", "member.data_export")
    .where("at", ">", sql<Date>`now() - make_interval(secs => ${EXPORT_INTERVAL_SECONDS})`)
    .executeTakeFirst();
  if (recent) return fail(429, "privacy.export.tooSoon", undefined, { seconds: EXPORT_INTERVAL_SECONDS });

  const files = await collectExportFiles({ scope, origin, locale });
  const zippable: Zippable = {};
  let bytes = 0;
  for (const f of files) {
    const data = typeof f.data === "string" ? strToU8(f.data) : f.data;
    bytes += data.byteLength;
    if (bytes > EXPORT_MAX_BYTES) return fail(413, "privacy.export.tooBig");
    // photos are already compressed: stored as they are
    zippable[f.path] = f.path.endsWith(".webp") ? [data, { level: 0 }] : data;
  }
  const zip = zipSync(zippable, { level: 6, mtime: new Date() });
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actorId: userId,
      action: "member.data_export",
      targetType: "user",
      targetId: userId,
      after: { files: files.length, bytes, zipBytes: zip.byteLength },
    }),
  );
  const filename = `touchpoints-data-${new Date().toISOString().slice(0, 10)}.zip`;
  return ok({ filename, zip, files: files.length, bytes });
}
