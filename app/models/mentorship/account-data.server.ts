// Mentorship in a member's data: the fact of each mentorship and who with, their requests, mentor
// registration and feedback in the export; on deletion their mentorships end by the programme's own
// rule, and what they wrote in the records they share with the other participant is blanked.
import { sql } from "kysely";
import { json, type DeletionArea, type ExportArea } from "../shared/account-data";
import { endMentorshipsForDepartingUser } from "./mentorship-cycle.server";

export const mentorshipExport: ExportArea = {
  name: "mentorships",
  // goals and session logs are shared with the other participant: not exported (posts/ has the member's own words)
  tables: [
    "mentorships",
    "mentorship_cycles",
    "mentorship_goals",
    "mentorship_sessions",
    "mentorship_requests",
    "mentor_registrations",
    "mentorship_feedback",
  ],
  async collect({ trx, userId }) {
    // the fact of each mentorship and who with
    const { rows } = await sql<Record<string, unknown>>`
      select m.id, case when m.mentor_id = ${userId} then 'mentor' else 'mentee' end as role,
        o.username as other_username, o.display_name as other_name, m.status, m.started_at, m.ended_at, m.end_reason,
          m.topic_id,
        c.id as cycle_id, c.ends_on as cycle_ends_on, c.status as cycle_status
      from mentorships m
      join users o on o.id = case when m.mentor_id = ${userId} then m.mentee_id else m.mentor_id end
      left join mentorship_cycles c on c.id = m.cycle_id
      where m.mentor_id = ${userId} or m.mentee_id = ${userId}
      order by m.id`.execute(trx);
    const requests = await trx
      .selectFrom("mentorship_requests")
      .select([
        "id",
        "goals",
        "competencies",
        "language",
        "availability",
        "time_zone",
        "status",
        "created_at",
        "closed_at",
      ])
      .where("mentee_id", "=", userId)
      .execute();
    const registration = await trx
      .selectFrom("mentor_registrations")
      .select(["capacity", "competencies", "languages", "time_zone", "pitch", "status", "created_at", "updated_at"])
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const feedback = await trx
      .selectFrom("mentorship_feedback")
      .select(["cycle_id", "role", "rating", "comment", "created_at"])
      .where("user_id", "=", userId)
      .execute();
    return [
      json("mentorships.json", {
        mentorships: rows,
        requests,
        mentorRegistration: registration ?? null,
        feedbackGiven: feedback,
      }),
    ];
  },
};

export const mentorshipDeletion: DeletionArea = {
  name: "mentorship",
  tables: [
    ...["mentorships", "mentorship_cycles", "mentorship_goals", "mentorship_sessions", "mentorship_requests"],
    ...["mentor_registrations", "mentorship_feedback"],
  ],
  async erase({ trx, userId }) {
    await endMentorshipsForDepartingUser(trx, userId);
    await trx
      .updateTable("mentorship_requests")
      .set({ goals: "—", availability: "" })
      .where("mentee_id", "=", userId)
      .execute();
    await trx.updateTable("mentor_registrations").set({ pitch: "" }).where("user_id", "=", userId).execute();
    // a rating stays in the mentor's record, anonymous; the comment was the member's words
    await trx.updateTable("mentorship_feedback").set({ comment: "" }).where("user_id", "=", userId).execute();
    // mentorship records are the mentor's too: only what this member wrote goes
    await trx.deleteFrom("mentorship_goals").where("created_by", "=", userId).execute(); // a goal is only its title
    await trx
      .updateTable("mentorship_sessions")
      .set({ notes: "", next_steps: "" })
      .where("logged_by", "=", userId)
      .execute();
    await trx.updateTable("mentorships").set({ ask_note: null }).where("mentee_id", "=", userId).execute();
    await trx.updateTable("mentorships").set({ decision_note: null }).where("mentor_id", "=", userId).execute();
  },
};
