// Demo directory (npm run dev): profiles for the 40 demo members from demo-content.ts, and
// generated members (deterministic: the same names, places and levels on every machine) so the
// directory has at least 300 varied profiles across the four levels, countries, competencies and
// job titles, some members-only or hidden, with level badges. Idempotent: runs once per database.
import { sql } from "kysely";
import { db } from "../../app/db.server";
import { renderMarkdown } from "../../app/markdown/index.server";
import { queueProfileBackfill } from "../../app/models/directory/directory-index.server";
import type { Role } from "../../db/schema";
import { demoMembers } from "./demo-content";
import { seedDemoLevelHistory } from "./programme-seed";
import { competencies } from "./programme";

/** What a leader who saw the work writes (demo endorsements). */
const ENDORSEMENT_SENTENCES = [
  "I reviewed their escalation playbook during our regional service audit; it is used across three branches now.",
  "We ran the quarterly customer review together and their analysis shaped the action plan we adopted.",
  "I watched them coach two new agents through difficult calls; both now meet our quality bar.",
  "Their write-up of a complex complaint in the forum was the clearest case study our team read this year.",
];

export const GENERATED_MEMBERS = 300;

/** A small seeded PRNG (mulberry32): deterministic demo data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

export const FIRST_NAMES = [
  "Adaeze",
  "Chinedu",
  "Ngozi",
  "Emeka",
  "Funmilayo",
  "Tunde",
  "Yetunde",
  "Olumide",
  "Aisha",
  "Ibrahim",
  "Fatima",
  "Musa",
  "Zainab",
  "Abdullahi",
  "Kwame",
  "Ama",
  "Kofi",
  "Akosua",
  "Yaw",
  "Efua",
  "Wanjiru",
  "Kamau",
  "Njeri",
  "Otieno",
  "Achieng",
  "Mwangi",
  "Amani",
  "Baraka",
  "Neema",
  "Juma",
  "Thandiwe",
  "Sipho",
  "Lerato",
  "Thabo",
  "Nomvula",
  "Bongani",
  "Zanele",
  "Mandla",
  "Tendai",
  "Rutendo",
  "Tatenda",
  "Chipo",
  "Mulenga",
  "Chanda",
  "Aminata",
  "Moussa",
  "Awa",
  "Ousmane",
  "Fatou",
  "Mamadou",
  "Mariama",
  "Cheikh",
  "Khadija",
  "Youssef",
  "Salma",
  "Omar",
  "Nour",
  "Hana",
  "Selam",
  "Dawit",
  "Hiwot",
  "Tesfaye",
  "Mekdes",
  "Abebe",
  "Ayodele",
  "Nkechi",
  "Babajide",
  "Esi",
  "Kojo",
  "Imani",
  "Zuri",
  "Jabari",
  "Makena",
];

export const LAST_NAMES = [
  "Okafor",
  "Adeyemi",
  "Nwosu",
  "Balogun",
  "Eze",
  "Okonkwo",
  "Bello",
  "Abubakar",
  "Mensah",
  "Owusu",
  "Boateng",
  "Asante",
  "Osei",
  "Kariuki",
  "Odhiambo",
  "Wambui",
  "Mutua",
  "Njoroge",
  "Mollel",
  "Mushi",
  "Kimaro",
  "Dlamini",
  "Nkosi",
  "Khumalo",
  "Ndlovu",
  "Mokoena",
  "Moyo",
  "Chikwanha",
  "Banda",
  "Phiri",
  "Diallo",
  "Ndiaye",
  "Sow",
  "Traoré",
  "Keita",
  "Coulibaly",
  "Diop",
  "Benali",
  "El Amrani",
  "Haddad",
  "Mansour",
  "Tadesse",
  "Bekele",
  "Haile",
  "Girma",
  "Uwimana",
  "Mugisha",
  "Niyonzima",
  "Habimana",
  "Nakato",
  "Okello",
  "Ssempala",
  "Achebe",
  "Adjei",
  "Acheampong",
  "Agyeman",
  "Kabila",
  "Mbeki",
  "Toure",
];

/** Countries with a few cities each (weights: more members where the programme runs most). */
export const PLACES: { country: string; cities: string[]; languages: string[]; weight: number }[] = [
  {
    country: "NG",
    cities: ["Lagos", "Abuja", "Port Harcourt", "Ibadan", "Kano", "Enugu"],
    languages: ["en", "yo", "ig", "ha"],
    weight: 6,
  },
  { country: "KE", cities: ["Nairobi", "Mombasa", "Kisumu", "Nakuru"], languages: ["en", "sw"], weight: 5 },
  { country: "GH", cities: ["Accra", "Kumasi", "Takoradi", "Tamale"], languages: ["en", "tw"], weight: 4 },
  {
    country: "ZA",
    cities: ["Johannesburg", "Cape Town", "Durban", "Pretoria"],
    languages: ["en", "zu", "xh", "af"],
    weight: 4,
  },
  { country: "TZ", cities: ["Dar es Salaam", "Arusha", "Dodoma"], languages: ["sw", "en"], weight: 2 },
  { country: "UG", cities: ["Kampala", "Entebbe", "Gulu"], languages: ["en", "sw"], weight: 2 },
  { country: "RW", cities: ["Kigali", "Huye"], languages: ["rw", "en", "fr"], weight: 2 },
  { country: "SN", cities: ["Dakar", "Thiès", "Saint-Louis"], languages: ["fr", "wo"], weight: 2 },
  { country: "CI", cities: ["Abidjan", "Yamoussoukro", "Bouaké"], languages: ["fr"], weight: 2 },
  { country: "CM", cities: ["Douala", "Yaoundé"], languages: ["fr", "en"], weight: 2 },
  { country: "EG", cities: ["Cairo", "Alexandria", "Giza"], languages: ["ar", "en"], weight: 2 },
  { country: "MA", cities: ["Casablanca", "Rabat", "Marrakesh"], languages: ["ar", "fr"], weight: 2 },
  { country: "ET", cities: ["Addis Ababa", "Bahir Dar"], languages: ["am", "en"], weight: 2 },
  { country: "ZM", cities: ["Lusaka", "Ndola"], languages: ["en"], weight: 1 },
  { country: "ZW", cities: ["Harare", "Bulawayo"], languages: ["en", "sn"], weight: 1 },
  { country: "BW", cities: ["Gaborone"], languages: ["en"], weight: 1 },
  { country: "MZ", cities: ["Maputo"], languages: ["pt"], weight: 1 },
  { country: "AO", cities: ["Luanda"], languages: ["pt"], weight: 1 },
  { country: "TN", cities: ["Tunis", "Sfax"], languages: ["ar", "fr"], weight: 1 },
  { country: "MU", cities: ["Port Louis"], languages: ["en", "fr"], weight: 1 },
];
const WEIGHTED_PLACES = PLACES.flatMap((p) => Array.from({ length: p.weight }, () => p));

/** Job titles by level: juniors answer customers, managers run teams, leaders run CX. */
export const JOB_TITLES: Record<1 | 2 | 3 | 4, string[]> = {
  1: [
    "Customer Service Representative",
    "Contact Centre Agent",
    "Customer Care Officer",
    "Client Service Associate",
    "Front Desk Officer",
    "Call Centre Agent",
    "Customer Support Specialist",
  ],
  2: [
    "Senior Customer Service Representative",
    "Customer Experience Officer",
    "Client Relationship Officer",
    "Quality Assurance Analyst",
    "CX Analyst",
    "Customer Success Associate",
    "Complaints Resolution Officer",
  ],
  3: [
    "Customer Service Manager",
    "Contact Centre Team Lead",
    "Customer Experience Manager",
    "Service Delivery Manager",
    "Call Centre Supervisor",
    "Customer Success Manager",
    "Client Services Manager",
  ],
  4: [
    "Head of Customer Experience",
    "Chief Customer Officer",
    "Director of Customer Service",
    "Customer Experience Lead",
    "General Manager, Customer Operations",
    "VP Customer Success",
  ],
};

export const ORGANISATIONS = [
  "Zenith Telecom",
  "Savanna Bank",
  "Kilimanjaro Airways",
  "Baobab Insurance",
  "Sahel Energy",
  "Lakeview Hospital",
  "Mara Mobile Money",
  "Atlas Retail",
  "Nile Logistics",
  "Cape Utilities",
  "Harmattan Foods",
  "Ubuntu Health",
  "Volta Hotels",
  "Rift Valley Water",
  "Ivory Coast Shipping",
  "Sunrise Microfinance",
  "Kente Fashion House",
  "Great Lakes Broadband",
  "Jollof Express",
  "Desert Rose Travel",
];

const ACHIEVEMENTS = [
  "Raised first-contact resolution from {a}% to {b}% in one year",
  "Cut average handling time by {n}% without lowering satisfaction scores",
  "Employee of the quarter for customer satisfaction ({y})",
  "Led the launch of WhatsApp customer support for {n},000 customers",
  "Trained {n} new agents on the company's service standards",
  "Designed the complaints escalation process now used across {n} branches",
  "Brought the NPS of our contact centre from {a} to {b}",
  "Rolled out a loyalty programme that reduced churn by {n}%",
  "Certified in data protection (NDPR / POPIA) compliance",
  "Speaker at the Africa Customer Experience Summit {y}",
];

const BIOS = [
  "I help customers get answers the first time. I care about clear communication, patience and following up " +
    "until the problem is solved.",
  "Customer service is teamwork: I coach colleagues, share what works and keep our promises to customers. " +
    "Currently learning more about **SLA management**.",
  "I moved from the front line to running a team, and I still answer calls every week to stay close to our customers.",
  "I build service strategies that make loyal customers. Interested in *digital engagement*, data and the people " +
    "side of CX.",
  "Passionate about service recovery: a complaint well handled makes a customer for life.",
  "I lead customer experience across several countries, mentor upcoming managers and speak about CX in Africa.",
];

type Gen = {
  username: string;
  displayName: string;
  level: 1 | 2 | 3 | 4;
  country: string;
  city: string;
  languages: string[];
  jobTitle: string;
  organisation: string;
};

/** The generated members (pure: the same list every time). */
export function generateMembers(count = GENERATED_MEMBERS, seed = 2026): Gen[] {
  const r = prng(seed);
  const out: Gen[] = [];
  const used = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const base = `${first}_${last}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, "")
      .slice(0, 24);
    const username = used.has(base) ? `${base}${i}`.slice(0, 30) : base;
    used.add(username);
    const x = r.next();
    const level = (x < 0.3 ? 1 : x < 0.65 ? 2 : x < 0.87 ? 3 : 4) as 1 | 2 | 3 | 4;
    const place = r.pick(WEIGHTED_PLACES);
    const languages = [place.languages[0], ...place.languages.slice(1).filter(() => r.next() < 0.5)];
    if (!languages.includes("en") && r.next() < 0.6) languages.push("en");
    out.push({
      username,
      displayName: `${first} ${last}`,
      level,
      country: place.country,
      city: r.pick(place.cities),
      languages,
      jobTitle: r.pick(JOB_TITLES[level]),
      organisation: r.pick(ORGANISATIONS),
    });
  }
  return out;
}

/**
 * Hand-written members a recruiter would look for, beside the generated ones: the directory's
 * relevance set (test/integration/directory-relevance.test.ts) expects them where it says.
 */
export const SCENARIO_MEMBERS: (Gen & { bio: string })[] = [
  {
    username: "chidinma_okoro",
    displayName: "Chidinma Okoro",
    level: 3,
    country: "NG",
    city: "Lagos",
    languages: ["en", "ig", "fr"],
    jobTitle: "Contact Centre Team Lead",
    organisation: "Zenith Telecom",
    bio:
      "I lead a bilingual team of 14 agents who answer customers in English and French across West Africa " +
      "from our Lagos contact centre.",
  },
  {
    username: "babatunde_alabi",
    displayName: "Babatunde Alabi",
    level: 3,
    country: "NG",
    city: "Lagos",
    languages: ["en", "yo"],
    jobTitle: "Call Centre Supervisor",
    organisation: "Mara Mobile Money",
    bio: "I supervise the evening shift of a 60-seat call centre in Lagos: coaching, quality checks and escalations.",
  },
  {
    username: "grace_mutombo",
    displayName: "Grace Mutombo",
    level: 4,
    country: "KE",
    city: "Nairobi",
    languages: ["fr", "en", "sw", "ln"],
    jobTitle: "CX Strategy Lead",
    organisation: "Great Lakes Broadband",
    bio:
      "I set the customer experience strategy for our East and Central African markets from Nairobi, " +
      "working in French, English and Swahili.",
  },
];
const SCENARIO_USERNAMES = new Set(SCENARIO_MEMBERS.map((m) => m.username));

const PROFS = ["emerging", "proficient", "advanced"] as const;

/** Profile details that follow from a member's level, drawn deterministically from their username. */
export function profileDetails(username: string, level: number, index: number) {
  let h = 0;
  for (const c of username) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const r = prng(h ^ 0x9e3779b9);
  const fill = (s: string) =>
    s
      .replace("{a}", String(r.int(40, 60)))
      .replace("{b}", String(r.int(65, 90)))
      .replace("{n}", String(r.int(3, 40)))
      .replace("{y}", String(r.int(2019, 2026)));
  const nComp = r.int(2, 5);
  const comps = new Map<string, (typeof PROFS)[number]>();
  while (comps.size < nComp) {
    const c = r.pick(competencies).slug;
    const rank = Math.min(2, Math.max(0, Math.floor(level / 2) + r.int(-1, 1)));
    comps.set(c, PROFS[rank]);
  }
  const cf = Math.round((level * 2 + r.next() * level * 3) * 10) / 10;
  const mg =
    level >= 3 ? Math.round((level - 2) * (1 + r.next() * 4) * 10) / 10 : level === 2 && r.next() < 0.3 ? 1 : 0;
  // about 1 in 9 profiles members-only, 1 in 16 hidden; the rest public
  const visibility = index % 16 === 7 ? "hidden" : index % 9 === 4 ? "members" : "public";
  return {
    competencies: [...comps.entries()],
    achievements: Array.from({ length: r.int(0, 3) }, () => fill(r.pick(ACHIEVEMENTS))),
    bio: r.pick(BIOS),
    yearsCustomerFacing: cf,
    yearsManaging: mg,
    openToOpportunities: r.next() < 0.4,
    // only leaders (level 4) mentor; the draw for level 3 stays so the other details do not change
    isMentor: level === 4 ? r.next() < 0.8 : level === 3 ? r.next() < 0 : false,
    visibility: visibility as "public" | "members" | "hidden",
    designation: level >= 3 || (level === 2 && r.next() < 0.25) ? "CCXMP" : null,
    linkedin: r.next() < 0.5 ? `https://www.linkedin.com/in/${username.replace(/_/g, "-")}` : null,
  };
}

export async function seedDemoProfiles(log: (m: string) => void) {
  const already = await db
    .selectFrom("profiles")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  if (already.n >= 200) {
    log(`demo profiles: ${already.n} profiles already there`);
    return;
  }
  // generated members: no password (they cannot sign in), joined over the last two years
  const generated = [...generateMembers(), ...SCENARIO_MEMBERS];
  for (const [i, g] of generated.entries()) {
    const created = await db
      .insertInto("users")
      .values({
        email: `${g.username}@touchpoints.test`,
        username: g.username,
        display_name: g.displayName,
        password_hash: null,
        level: g.level,
        created_at: sql<Date>`now() - make_interval(days => ${200 + ((i * 7) % 500)})`,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (created)
      await db
        .insertInto("user_roles")
        .values({ user_id: created.id, role: "member" as Role })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  // level history and a badge for every level reached (the same as the demo forum's members)
  await seedDemoLevelHistory(log);

  const demoPeople = demoMembers
    .filter((m) => !m.roles?.includes("recruiter") && m.level !== null)
    .map((m) => ({ ...m, level: m.level as number }));
  // a generated name can equal a demo member's: that account is the demo member's (its level, its profile)
  const taken = new Set(demoMembers.map((m) => m.username));
  const people = [...demoPeople, ...generated.filter((g) => !taken.has(g.username))];
  const ids = new Map(
    (
      await db
        .selectFrom("users")
        .select(["id", "username"])
        .where(
          "username",
          "in",
          people.map((p) => p.username),
        )
        .execute()
    ).map((u) => [u.username, u.id] as const),
  );
  const demoBios = new Map([...demoMembers, ...SCENARIO_MEMBERS].map((m) => [m.username, m.bio] as const));
  const leaders = people
    .filter((p) => p.level === 4)
    .map((p) => ids.get(p.username))
    .filter((id): id is number => id !== undefined);
  let n = 0;
  for (const [i, p] of people.entries()) {
    const userId = ids.get(p.username);
    if (!userId) continue;
    const d = profileDetails(p.username, p.level, i);
    // the demo accounts people sign in with stay visible
    const chosen = i < 40 ? (i % 11 === 5 ? "members" : "public") : d.visibility;
    const visibility = SCENARIO_USERNAMES.has(p.username) ? "public" : chosen;
    const bio = (demoBios.get(p.username) ?? d.bio).slice(0, 600);
    await db.transaction().execute(async (trx) => {
      const values = {
        job_title: p.jobTitle,
        organisation: p.organisation,
        country: p.country,
        city: p.city,
        languages: p.languages,
        bio_markdown: bio,
        bio_html: renderMarkdown(bio),
        achievements: d.achievements,
        years_customer_facing: d.yearsCustomerFacing,
        years_managing: d.yearsManaging,
        open_to_opportunities: d.openToOpportunities,
        is_mentor: d.isMentor,
        visibility: visibility as "public" | "members" | "hidden",
        linkedin_url: d.linkedin,
      };
      await trx
        .insertInto("profiles")
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
      await trx
        .insertInto("profile_competencies")
        .values(d.competencies.map(([competency, proficiency]) => ({ user_id: userId, competency, proficiency })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (d.designation) {
        await trx
          .insertInto("designations")
          .values({ user_id: userId, code: d.designation, awarded_on: "2025-11-15" })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      // a few endorsements from leaders, each with its sentence: those claims show as evidenced, the others not
      const endorsers = leaders.filter((l) => l !== userId && (l + userId) % 5 === 0).slice(0, 3);
      if (endorsers.length && d.competencies.length) {
        await trx
          .insertInto("endorsements")
          .values(
            endorsers.map((e, i) => ({
              user_id: userId,
              competency: d.competencies[0][0],
              proficiency: d.competencies[0][1],
              endorser_id: e,
              statement: ENDORSEMENT_SENTENCES[(userId + i) % ENDORSEMENT_SENTENCES.length],
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
    n++;
  }
  // every leader shown "Available as a mentor" is a registered mentor (suggestions, requests)
  const mentors = await db
    .selectFrom("profiles")
    .innerJoin("users", "users.id", "profiles.user_id")
    .select(["users.id", "users.time_zone", "profiles.languages"])
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(competency) from profile_competencies pc where pc.user_id = users.id), '{}')`.as(
        "competencies",
      ),
    )
    .where("profiles.is_mentor", "=", true)
    .where("users.level", "=", 4)
    .where("users.email", "like", "%@touchpoints.test")
    .execute();
  for (const m of mentors) {
    await db
      .insertInto("mentor_registrations")
      .values({
        user_id: m.id,
        capacity: 2 + (m.id % 2),
        competencies: m.competencies,
        languages: m.languages,
        time_zone: m.time_zone,
        pitch: "Happy to mentor members preparing for levels 3 and 4: team leadership, escalations and CX strategy.",
      })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
  }
  // demo recruiter accounts are verified organisations
  const admin = await db.selectFrom("users").select("id").where("username", "=", "amara_admin").executeTakeFirst();
  for (const m of demoMembers.filter((x) => x.roles?.includes("recruiter"))) {
    const u = await db.selectFrom("users").select("id").where("username", "=", m.username).executeTakeFirst();
    if (!u) continue;
    const exists = await db
      .selectFrom("recruiter_organisations")
      .select("id")
      .where("user_id", "=", u.id)
      .executeTakeFirst();
    if (!exists) {
      await db
        .insertInto("recruiter_organisations")
        .values({
          user_id: u.id,
          name: m.organisation,
          website: `https://${m.organisation.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`,
          country: m.country,
          contact_role: m.jobTitle,
          description: m.bio.slice(0, 1000),
          status: "verified",
          decided_by: admin?.id ?? null,
          decided_at: new Date(),
        })
        .execute();
    }
  }
  // one job per 100 members, ahead of the forum's indexing: the worker indexes them in a few calls
  await queueProfileBackfill(db, [...ids.values()]);
  const byHand = SCENARIO_MEMBERS.length;
  log(`demo profiles: ${n} profiles (${generated.length - byHand} generated members, ${byHand} written by hand)`);
}
