// The webinars the demo forum announces exist as upcoming events (RSVP, calendar, attendance), so a
// member who reads "registration open" finds the event: Webinar 2.0 on the last Thursday of the
// month at 14:00 GMT, as the announcement says, and Webinar 1.0 for the level-1 demo member.
import { db } from "../../app/db.server";
import { renderMarkdown } from "../../app/markdown/index.server";

/** The last Thursday of this month at 14:00 UTC, or of next month when that is less than a day away. */
export function lastThursdayAt14(now = new Date()): Date {
  for (let add = 0; add < 3; add++) {
    const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + add + 1, 0, 14));
    const back = (lastDay.getUTCDay() - 4 + 7) % 7;
    const at = new Date(lastDay.getTime() - back * 86_400_000);
    if (at.getTime() - now.getTime() > 86_400_000) return at;
  }
  throw new Error("unreachable: a month always has a last Thursday");
}

/**
 * Webinar 1.0: two weeks before Webinar 2.0, or a week after it when that day is less than a day
 * away (late in the month), so the demo's level-1 member always has a session to RSVP for.
 */
export function webinar1At(now = new Date()): Date {
  const webinar2 = lastThursdayAt14(now).getTime();
  const before = webinar2 - 14 * 86_400_000;
  return new Date(before - now.getTime() > 86_400_000 ? before : webinar2 + 7 * 86_400_000);
}

const DEMO_WEBINARS = [
  {
    webinar: "webinar-2.0",
    title: "Webinar 2.0: Becoming a great customer service professional",
    title_fr: "Webinaire 2.0 : devenir un excellent professionnel du service client",
    description:
      "A duty for level 2 members, open to everyone, with a live Q&A. Audio-only works; slides in English and " +
      "French the day before.",
    description_fr:
      "Une obligation des membres de niveau 2, ouverte à toutes et à tous, avec des questions en direct. " +
      "L’audio seul suffit ; les diapositives en anglais et en français sont envoyées la veille.",
    startsAt: () => lastThursdayAt14(),
    minutes: 75,
  },
  {
    webinar: "webinar-1.0",
    title: "Webinar 1.0: Foundations of customer service",
    title_fr: "Webinaire 1.0 : les fondamentaux du service client",
    description:
      "The first webinar of the journey, for level 1 members. Bring one customer conversation you would handle " +
      "differently today.",
    description_fr:
      "Le premier webinaire du parcours, pour les membres de niveau 1. Apportez une conversation avec un client " +
      "que vous mèneriez autrement aujourd’hui.",
    startsAt: () => webinar1At(),
    minutes: 60,
  },
];

/** The French words of a demo webinar's event (programme data: the seed ships both languages). */
const frenchOf = (w: (typeof DEMO_WEBINARS)[number]) => ({
  title_fr: w.title_fr,
  description_markdown_fr: w.description_fr,
  description_html_fr: renderMarkdown(w.description_fr),
});

export async function seedDemoEvents(log: (m: string) => void) {
  const admin = await db.selectFrom("users").select("id").where("username", "=", "amara_admin").executeTakeFirst();
  let created = 0;
  for (const w of DEMO_WEBINARS) {
    const upcoming = await db
      .selectFrom("events")
      .select(["id", "title_fr"])
      .where("webinar", "=", w.webinar)
      .where("starts_at", ">", new Date())
      .executeTakeFirst();
    if (upcoming) {
      // seeded before events had French: add it, never over staff's own words
      if (upcoming.title_fr === null)
        await db.updateTable("events").set(frenchOf(w)).where("id", "=", upcoming.id).execute();
      continue;
    }
    const startsAt = w.startsAt();
    await db
      .insertInto("events")
      .values({
        kind: "webinar",
        webinar: w.webinar,
        title: w.title,
        description_markdown: w.description,
        description_html: renderMarkdown(w.description),
        ...frenchOf(w),
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + w.minutes * 60_000),
        time_zone: "Africa/Lagos",
        online_url: `https://meet.example/${w.webinar}`,
        status: "published",
        created_by: admin?.id ?? null,
      })
      .execute();
    created++;
  }
  log(`demo events: ${created} upcoming webinars created`);
}
