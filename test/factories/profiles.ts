// Members with a directory profile, saved through the model (as the edit form does).
import { competencies } from "../../scripts/seed/programme";
import { competencyLevelsFr } from "../../scripts/seed/programme-fr";
import { db } from "~/db.server";
import { updateProfile } from "~/models/directory/profile.server";
import { ProfileSchema } from "~/models/directory/profile.schema";
import { enrol, ensureProgramme } from "./progress";
import { createUser } from "./users";

let comps: Promise<void> | undefined;
/** The competency framework rows (the forum seed loads them in dev; tests load them here). */
export const ensureCompetencies = () =>
  (comps ??= (async () => {
    await db
      .insertInto("competencies")
      .values(
        competencies.map((c, i) => ({
          slug: c.slug,
          name: c.name,
          description: c.description,
          ...c.levels,
          ...Object.fromEntries(Object.entries(competencyLevelsFr[c.slug]).map(([p, text]) => [`${p}_fr`, text])),
          position: i + 1,
        })),
      )
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
  })());

export type ProfileOpts = {
  username?: string;
  displayName?: string;
  level?: number;
  visibility?: "public" | "members" | "hidden";
  jobTitle?: string;
  organisation?: string;
  country?: string;
  city?: string;
  languages?: string[];
  bio?: string;
  achievements?: string[];
  competencies?: Record<string, "emerging" | "proficient" | "advanced">;
  open?: boolean;
  mentor?: boolean;
  yearsCustomerFacing?: number;
};

export async function createProfile(o: ProfileOpts = {}) {
  await Promise.all([ensureProgramme(), ensureCompetencies()]);
  const user = await createUser({ username: o.username, displayName: o.displayName });
  if (o.level) await enrol(user.id, o.level);
  const input = ProfileSchema.parse({
    jobTitle: o.jobTitle ?? "Customer Care Officer",
    organisation: o.organisation ?? "Savanna Bank",
    country: o.country ?? "NG",
    city: o.city ?? "Lagos",
    languages: o.languages ?? ["en"],
    bio: o.bio ?? "",
    achievements: (o.achievements ?? []).join("\n"),
    yearsCustomerFacing: String(o.yearsCustomerFacing ?? 3),
    yearsManaging: "",
    openToOpportunities: o.open ?? false,
    isMentor: o.mentor ?? false,
    visibility: o.visibility ?? "public",
    linkedinUrl: "",
    websiteUrl: "",
    phone: "+234 801 234 5678",
    competencies: o.competencies ?? {},
  });
  const r = await updateProfile({ userId: user.id, input });
  if (!r.ok) throw new Error(`updateProfile failed: ${r.message}`);
  return user;
}

/** A profile form's parsed input: an empty profile with the given fields. */
export const profileInput = (o: Record<string, unknown> = {}) =>
  ProfileSchema.parse({
    ...{
      jobTitle: "",
      organisation: "",
      country: "",
      city: "",
      languages: [],
      bio: "",
      achievements: "",
      yearsCustomerFacing: "",
      yearsManaging: "",
    },
    ...{
      openToOpportunities: false,
      isMentor: false,
      visibility: "members",
      linkedinUrl: "",
      websiteUrl: "",
      phone: "",
      competencies: {},
    },
    ...o,
  });
