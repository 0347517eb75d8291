// The member's mentorship home: their registration, open request, asks both ways and cycles. Requests
// live in mentorship-requests.server.ts, a cycle's page and lifecycle in mentorship-cycle.server.ts.
import { sql } from "kysely";
import { db } from "../../db.server";
import { mentorLoad } from "./mentor.server";
import { getOpenRequest } from "./mentorship-requests.server";

export async function getMentorshipHome({ userId }: { userId: number }) {
  const [registration, request, myAsks, asksToMe, cycles] = await Promise.all([
    db.selectFrom("mentor_registrations").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    getOpenRequest(db, { menteeId: userId }),
    db
      .selectFrom("mentorships as p")
      .innerJoin("users as u", "u.id", "p.mentor_id")
      .select(["p.id", "p.status", "p.decision_note", "p.created_at", "u.display_name", "u.username"])
      .where("p.mentee_id", "=", userId)
      .where("p.status", "in", ["proposed", "declined"])
      .where("p.created_at", ">", sql<Date>`now() - interval '60 days'`)
      .orderBy("p.id", "desc")
      .limit(20)
      .execute(),
    db
      .selectFrom("mentorships as p")
      .innerJoin("users as u", "u.id", "p.mentee_id")
      .leftJoin("mentorship_requests as r", "r.id", "p.request_id")
      .select([
        "p.id",
        "p.ask_note",
        "p.created_at",
        "u.display_name",
        "u.username",
        "u.level",
        "r.goals",
        "r.competencies",
        "r.language",
        "r.availability",
      ])
      .where("p.mentor_id", "=", userId)
      .where("p.status", "=", "proposed")
      .orderBy("p.id")
      .execute(),
    db
      .selectFrom("mentorship_cycles as c")
      .innerJoin("users as m", "m.id", "c.mentor_id")
      .select([
        "c.id",
        "c.status",
        "c.started_at",
        "c.ends_on",
        "c.max_mentees",
        "c.mentor_id",
        "m.display_name as mentor_name",
      ])
      .select(
        sql<
          string[]
        >`(select coalesce(array_agg(u.display_name order by p.started_at), '{}') from mentorships p join users u
            on u.id = p.mentee_id where p.cycle_id = c.id)`.as("mentee_names"),
      )
      .select(
        sql<number>`(select count(*)::int from mentorships p where p.cycle_id = c.id and p.status = 'active')`.as(
          "active_mentees",
        ),
      )
      .where((eb) =>
        eb.or([
          eb("c.mentor_id", "=", userId),
          eb.exists(
            eb
              .selectFrom("mentorships as p")
              .select("p.id")
              .whereRef("p.cycle_id", "=", "c.id")
              .where("p.mentee_id", "=", userId),
          ),
        ]),
      )
      .orderBy("c.id", "desc")
      .execute(),
  ]);
  const load = registration ? await mentorLoad(db, userId) : 0;
  // group mentorships with room, offered when the mentor accepts an ask
  const groups = cycles.filter(
    (c) => c.mentor_id === userId && c.status === "active" && c.max_mentees > 1 && c.active_mentees < c.max_mentees,
  );
  return { registration, load, request, myAsks, asksToMe, cycles, groups };
}
