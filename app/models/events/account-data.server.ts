// Events on a member's deletion: their RSVPs and attendance go. Exported by the catch-all area.
import { deleteOwnRowsLeniently, type DeletionArea } from "../shared/account-data";

const OWN_TABLES = ["event_rsvps", "event_attendance"];

export const eventsDeletion: DeletionArea = {
  name: "events",
  tables: OWN_TABLES,
  keeps: { events: "created_by is staff", event_checkin_codes: "created_by is staff" },
  notErasedYet: { event_waitlist: "their places on waiting lists" },
  async erase({ trx, userId }) {
    await deleteOwnRowsLeniently(trx, userId, OWN_TABLES);
  },
};
