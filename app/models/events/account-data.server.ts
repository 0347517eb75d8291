// Events in a member's data: their places on waiting lists in the export (RSVPs and attendance go
// through the catch-all area). On deletion their RSVPs, attendance and waiting-list places go; a seat
// they held goes to the first member waiting, as when a member cancels. The waiting order needs no
// repair: a place is counted from the rows still waiting (created_at, then user_id).
import { sql } from "kysely";
import { deleteOwnRowsLeniently, json, type DeletionArea, type ExportArea } from "../shared/account-data";
import { refillSeats } from "./event-seats.server";

export const eventsExport: ExportArea = {
  name: "events",
  tables: ["event_waitlist"],
  async collect({ trx, userId }) {
    const { rows } = await sql<{ event_id: number; title: string; starts_at: Date; joined_at: Date; position: number }>`
      select w.event_id, e.title, e.starts_at, w.created_at as joined_at,
        (select count(*)::int from event_waitlist o
          where o.event_id = w.event_id and (o.created_at, o.user_id) <= (w.created_at, w.user_id)) as position
      from event_waitlist w join events e on e.id = w.event_id
      where w.user_id = ${userId}
      order by e.starts_at, w.event_id`.execute(trx);
    return [json("events/waitlist.json", rows)];
  },
};

const OWN_TABLES = ["event_waitlist", "event_rsvps", "event_attendance"];

export const eventsDeletion: DeletionArea = {
  name: "events",
  tables: OWN_TABLES,
  keeps: { events: "created_by is staff", event_checkin_codes: "created_by is staff" },
  async erase({ trx, userId }) {
    const seats = await trx.selectFrom("event_rsvps").select("event_id").where("user_id", "=", userId).execute();
    await deleteOwnRowsLeniently(trx, userId, OWN_TABLES);
    await refillSeats(
      trx,
      seats.map((s) => s.event_id),
    );
  },
};
