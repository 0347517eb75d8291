// Programme definition of the Touchpoints Career Journey, as data.
//
// Source: /work/shared/PROGRAM.md and the client's seeds (000: the career journey,
// 001: the competency framework, 003/004: curriculum). Where the two disagree the seed wins.
// This module is pure data: no imports, no database access. Seed scripts load it and
// upsert rows by the stable keys/slugs below; staff may later edit thresholds in the admin UI
// (requirements are data, not code), so never rely on these values at runtime.

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type LevelNumber = 1 | 2 | 3 | 4;

export type LevelSlug = "junior-practitioner" | "professional" | "manager" | "leader";

export interface LevelDef {
  number: LevelNumber;
  slug: LevelSlug;
  name: string;
  shortName: string;
  /** Short line printed under the badge logo ("logo and inscription", seed 000). */
  badgeInscription: string;
  /** 2-3 sentences, paraphrased from seed 000. */
  description: string;
  /** Markdown for the public badge / verification page: how the level is earned. */
  criteriaNarrative: string;
  /** One-line summary of the entry conditions checked on the application. */
  entryConditions: string;
  /** Designation(s) a member may add to their title after this level, if any. */
  designations: string[];
}

export type WebinarSlug = "webinar-1.0" | "webinar-2.0" | "webinar-3.0" | "webinar-4.0";

export interface WebinarDef {
  slug: WebinarSlug;
  level: LevelNumber;
  title: string;
}

export type AssessmentSlug = "aptitude-test-1.0" | "aptitude-test-2.0" | "ccxmp-exam" | "test-3.0" | "test-4.0";

export interface AssessmentDef {
  slug: AssessmentSlug;
  level: LevelNumber;
  title: string;
  /** Pass mark in percent; null = diagnostic, any recorded attempt counts as "taken". */
  passMark: number | null;
  /** Optional designation granted by a pass (CCXMP). */
  grantsDesignation?: string;
  /** Capabilities a pass is evidence of (a profile shows it beside a claim). */
  competencies?: CompetencySlug[];
}

export type TrainingProgrammeSlug = "employee-cs-training" | "ccxmp";

export interface TrainingProgrammeDef {
  slug: TrainingProgrammeSlug;
  level: LevelNumber;
  title: string;
  /** Whether each module ends with a task that staff evaluate (module_tasks requirements). */
  modules: { number: number; title: string; summary?: string }[];
}

export type RequirementKind =
  | "distinct_topics"
  | "field_experiences"
  | "activities"
  | "books"
  | "webinar"
  | "assessment"
  | "profile"
  | "experience_years"
  | "mentoring"
  | "award_nomination"
  | "module_tasks";

/**
 * entry: checked on the application for this level (declared by the applicant, verified by an admin).
 * duty: expected while at the level; shown as progress, does not block the next application.
 * completion: must be met before applying for the next level.
 */
export type RequirementPhase = "entry" | "duty" | "completion";

export type ProfileField = "displayName" | "photo" | "jobTitle" | "organisation" | "bio" | "achievements";

export type ExperienceKind = "customer_facing" | "managing_team";

export interface RequirementParamsByKind {
  /** Posts (topics started or replies) in at least `min` distinct topics since entering the level. */
  distinct_topics: { min: number; excludeCategories?: string[] };
  /** Topics started in the `field-experiences` category. period 'level' = since entering the level. */
  field_experiences: { min: number; period: "level" | "year" };
  /** Activities logged per calendar year; requireApproval=false means auto-approved with evidence kept. */
  activities: { minPerYear: number; requireApproval: boolean };
  /** Reading-log entries per trimester (Jan-Apr, May-Aug, Sep-Dec). */
  books: { minPerTrimester: number; recommendedOnly: boolean };
  webinar: { webinar: WebinarSlug };
  /** passMark null: the test is diagnostic, any recorded attempt satisfies the requirement. */
  assessment: { test: AssessmentSlug; passMark: number | null };
  /** fields must be filled in the directory profile; optionalFields are shown as suggestions. */
  profile: { fields: ProfileField[]; optionalFields?: ProfileField[] };
  experience_years: { experience: ExperienceKind; minYears: number };
  mentoring: { minActiveMentees: number };
  award_nomination: { perYear: number };
  module_tasks: { programme: TrainingProgrammeSlug; modules: number[] };
}

export type RequirementDef = {
  [K in RequirementKind]: {
    level: LevelNumber;
    /** Stable unique slug; seed scripts upsert on it. */
    key: string;
    kind: K;
    phase: RequirementPhase;
    /** What the member sees. */
    label: string;
    params: RequirementParamsByKind[K];
  };
}[RequirementKind];

export type CompetencySlug =
  | "digital-customer-engagement"
  | "sla-management"
  | "training-development"
  | "loyalty-programme-management"
  | "cultural-sensitivity"
  | "policy-development"
  | "performance-metrics-kpis"
  | "online-support-tactics"
  | "social-media-service"
  | "data-privacy-security";

export type ProficiencyLevel = "emerging" | "proficient" | "advanced";

export interface CompetencyDef {
  slug: CompetencySlug;
  name: string;
  /** Short description (first sentence of seed 001). */
  description: string;
  /** Seed 001's own description of each proficiency, word for word (profiles show the claimed one). */
  levels: Record<ProficiencyLevel, string>;
}

export type CategorySlug =
  | "announcements"
  | "introductions"
  | "basic-concepts"
  | "relationships-and-loyalty"
  | "different-organisations"
  | "features-and-benefits"
  | "communicating-effectively"
  | "teamwork"
  | "systems-and-service-recovery"
  | "laws-and-data-protection"
  | "the-you-factor"
  | "touch-points"
  | "field-experiences"
  | "book-club"
  | "events-and-activities"
  | "mentorship";

/** Who may see a category. participants = only the participants of a thread (mentor, mentee) and staff. */
export type CategoryVisibility = "everyone" | "members" | "staff" | "participants";

/** Who may start topics / reply. Staff (admins; tutors in their group spaces) may always post. */
export type CategoryPostRule = "members" | "staff" | { minLevel: LevelNumber };

export interface CategoryDef {
  slug: CategorySlug;
  name: string;
  description: string;
  /** Hex colour; white text on it has a contrast ratio >= 4.5:1. */
  colour: string;
  position: number;
  section: "community" | "curriculum";
  access: { see: CategoryVisibility; post: CategoryPostRule; reply: CategoryPostRule };
}

export interface RecommendedBookDef {
  slug: string;
  title: string;
  author: string;
}

export type ActivityKind = "conference" | "meetup" | "training" | "webinar" | "other";

// ---------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------

export const levels: LevelDef[] = [
  {
    number: 1,
    slug: "junior-practitioner",
    name: "Customer Service Junior Practitioner",
    shortName: "Junior Practitioner",
    badgeInscription: "Touchpoints Career Journey · Level 1",
    description:
      "The first milestone of the journey: the holder is enrolled in the programme and is building a foundation in customer service. It shows a commitment to acquire and improve customer service skills, with the support of tutors, coaches and mentors.",
    criteriaNarrative: [
      "**Customer Service Junior Practitioner** is awarded when a member's enrolment in the Touchpoints Career Journey is approved. It acknowledges a commitment to acquire and improve customer service skills.",
      "",
      "While at this level the holder:",
      "",
      "- takes the **Customer Service Aptitude Test 1.0**, a diagnostic that identifies skill gaps;",
      "- completes the **Employee Customer Service Training** (modules 1 to 3: what customer service is and why it matters; customer needs; key skills and dealing with difficult customers);",
      "- studies *The Employee Customer Service Guide*.",
      "",
      "The level is completed by attending **Webinar 1.0** and scoring **at least 85%** on the **Customer Service Aptitude Test 2.0**.",
    ].join("\n"),
    entryConditions: "None: open to anyone enrolling in the programme.",
    designations: [],
  },
  {
    number: 2,
    slug: "professional",
    name: "Customer Service Professional",
    shortName: "Professional",
    badgeInscription: "Touchpoints Career Journey · Level 2",
    description:
      "The holder is enrolled at the professional level, having completed the Junior Practitioner level. It demonstrates a commitment to improving customer service skills through continuous learning, community participation and the CCXMP programme.",
    criteriaNarrative: [
      "**Customer Service Professional** is awarded to members who completed the Junior Practitioner level (Webinar 1.0 and at least 85% on the Customer Service Aptitude Test 2.0) and whose application for level 2 was approved.",
      "",
      "While at this level the holder:",
      "",
      "- attends **Webinar 2.0** on becoming a great customer service professional;",
      "- contributes to discussions in **at least five different topics** of the Touchpoints community;",
      "- follows the **CCXMP** (Certified Customer Experience Management Professional) programme: seven modules, each with an evaluated module task;",
      "- keeps a **professional directory profile** (name, picture, short bio, achievements);",
      "- takes part in **at least three customer service activities each year** (conferences, meet-ups, trainings).",
      "",
      "The level is completed with **at least 80% on the CCXMP certification exam**, which also grants the **CCXMP** designation.",
    ].join("\n"),
    entryConditions: "Level 1 (Junior Practitioner) completed.",
    designations: ["CCXMP"],
  },
  {
    number: 3,
    slug: "manager",
    name: "Customer Service Manager",
    shortName: "Manager",
    badgeInscription: "Touchpoints Career Journey · Level 3",
    description:
      "The holder is enrolled at the manager level and works in a customer-facing role with at least two years of customer-focused duties. It demonstrates a dedication to continuous learning and to sharing how complex customer experience issues are handled.",
    criteriaNarrative: [
      "**Customer Service Manager** is awarded to members who completed the Professional level (at least 80% on the CCXMP exam), who hold a customer-facing role with **at least two years** of customer-focused duties, and whose application for level 3 was approved.",
      "",
      "While at this level the holder:",
      "",
      "- attends **Webinar 3.0** on leading a customer service team and takes the **psychometric and leadership Test 3.0**;",
      "- contributes to discussions in **at least five different topics** and **logs field experiences** on handling complex customer experience issues;",
      "- keeps a **manager directory profile**;",
      "- submits a **self-nomination for the customer service awards** every year;",
      "- reads **at least one customer service book per trimester** and takes part in **at least three activities each year**.",
      "",
      "The level is completed with **at least 80% on the leadership and code of ethics Test 4.0** and **at least two years of experience managing or leading a team**.",
    ].join("\n"),
    entryConditions:
      "Level 2 (Professional) completed; currently in a customer-facing role with at least 2 years of customer-focused duties.",
    designations: [],
  },
  {
    number: 4,
    slug: "leader",
    name: "Customer Experience Leader",
    shortName: "Leader",
    badgeInscription: "Touchpoints Career Journey · Level 4",
    description:
      "The top level of the journey: the holder has at least five years managing a customer service team and a track record of strategic customer service initiatives. Leaders mentor junior professionals in the community and the mentor programme, and speak at forums and summits.",
    criteriaNarrative: [
      "**Customer Experience Leader** is awarded to members who completed the Manager level (at least 80% on Test 4.0 and two years leading a team), who have **at least five years managing a customer service team** with a track record of strategic initiatives, and whose application for level 4 was approved.",
      "",
      "While at this level the holder:",
      "",
      "- attends **Webinar 4.0** on leading customer experience strategy within an organisation;",
      "- **mentors junior professionals** in the community and in the Touchpoints mentor programme;",
      "- keeps a **leader directory profile**;",
      "- submits a **self-nomination for the customer service awards** every year;",
      "- reads **at least one customer service book per trimester** and takes part in **at least three activities each year**;",
      "- speaks at customer experience forums, annual summits and panel discussions.",
    ].join("\n"),
    entryConditions:
      "Level 3 (Manager) completed; at least 5 years managing a customer service team, with a track record of strategic customer service initiatives.",
    designations: [],
  },
];

// ---------------------------------------------------------------------------
// Webinars, assessments, training programmes
// ---------------------------------------------------------------------------

export const webinars: WebinarDef[] = [
  // Seed 000 gives no subject for Webinar 1.0; the title is ours and can be renamed by staff.
  { slug: "webinar-1.0", level: 1, title: "Webinar 1.0: Foundations of customer service" },
  { slug: "webinar-2.0", level: 2, title: "Webinar 2.0: Becoming a great customer service professional" },
  { slug: "webinar-3.0", level: 3, title: "Webinar 3.0: Leading a customer service team" },
  { slug: "webinar-4.0", level: 4, title: "Webinar 4.0: Leading customer experience strategy within an organisation" },
];

export const assessments: AssessmentDef[] = [
  { slug: "aptitude-test-1.0", level: 1, title: "Customer Service Aptitude Test 1.0", passMark: null },
  {
    slug: "aptitude-test-2.0",
    level: 1,
    title: "Customer Service Aptitude Test 2.0",
    passMark: 85,
    competencies: ["cultural-sensitivity", "online-support-tactics"],
  },
  {
    slug: "ccxmp-exam",
    level: 2,
    title: "CCXMP certification exam (Certified Customer Experience Management Professional)",
    passMark: 80,
    grantsDesignation: "CCXMP",
    competencies: [
      "digital-customer-engagement",
      "loyalty-programme-management",
      "performance-metrics-kpis",
      "social-media-service",
    ],
  },
  { slug: "test-3.0", level: 3, title: "Customer Service Psychometric and Leadership Test 3.0", passMark: null },
  {
    slug: "test-4.0",
    level: 3,
    title: "Customer Service Leadership and Code of Ethics Test 4.0",
    passMark: 80,
    competencies: ["policy-development", "data-privacy-security", "training-development", "sla-management"],
  },
];

export const trainingProgrammes: TrainingProgrammeDef[] = [
  {
    slug: "employee-cs-training",
    level: 1,
    title: "Employee Customer Service Training",
    modules: [
      {
        number: 1,
        title: "What customer service is and why it matters",
        summary:
          "Defines customer service and demonstrates its importance to the company, the employee and the customer.",
      },
      {
        number: 2,
        title: "Customer needs",
        summary: "Identifies customer needs and the difference between a customer's real needs and auxiliary needs.",
      },
      {
        number: 3,
        title: "Key skills and difficult customers",
        summary:
          "The key customer service skills every employee must have and techniques for dealing with difficult customers.",
      },
    ],
  },
  {
    slug: "ccxmp",
    level: 2,
    title: "CCXMP: Certified Customer Experience Management Professional",
    modules: [
      { number: 1, title: "Introduction to customer service" },
      { number: 2, title: "Customer centric culture" },
      { number: 3, title: "Know your customer" },
      { number: 4, title: "Communication skills for customer service" },
      { number: 5, title: "Customer experience models" },
      { number: 6, title: "Digital customer experience" },
      { number: 7, title: "CX metrics, measurements and ROI" },
    ],
  },
];

// ---------------------------------------------------------------------------
// Requirements (one row per entry condition, duty and completion condition)
// ---------------------------------------------------------------------------
// "Level n-1 completed" is not a row: it is implied by the application flow (an application for
// level n is only possible once the completion rows of level n-1 are met).

const PROFILE_PROFESSIONAL: ProfileField[] = ["displayName", "photo", "bio", "achievements"];
// Seed 000 asks managers and leaders for name, picture, job title and bio; organisation is added so
// recruiters see where they work. Achievements stay suggested (seed asks for them at level 2 only).
const PROFILE_MANAGER_LEADER: ProfileField[] = ["displayName", "photo", "jobTitle", "organisation", "bio"];

export const requirements: RequirementDef[] = [
  // ---- Level 1: Junior Practitioner -------------------------------------------------------------
  {
    level: 1,
    key: "l1-aptitude-test-1",
    kind: "assessment",
    phase: "duty",
    label:
      "Take the Customer Service Aptitude Test 1.0 (diagnostic: it identifies your skill gaps, there is no pass mark)",
    params: { test: "aptitude-test-1.0", passMark: null },
  },
  {
    level: 1,
    key: "l1-employee-cs-training",
    kind: "module_tasks",
    phase: "duty",
    label: "Complete the Employee Customer Service Training, modules 1 to 3",
    params: { programme: "employee-cs-training", modules: [1, 2, 3] },
  },
  {
    level: 1,
    key: "l1-webinar-1",
    kind: "webinar",
    phase: "completion",
    label: "Attend Webinar 1.0",
    params: { webinar: "webinar-1.0" },
  },
  {
    level: 1,
    key: "l1-aptitude-test-2",
    kind: "assessment",
    phase: "completion",
    label: "Score at least 85% on the Customer Service Aptitude Test 2.0",
    params: { test: "aptitude-test-2.0", passMark: 85 },
  },

  // ---- Level 2: Professional --------------------------------------------------------------------
  {
    level: 2,
    key: "l2-webinar-2",
    kind: "webinar",
    phase: "duty",
    label: "Attend Webinar 2.0 on becoming a great customer service professional",
    params: { webinar: "webinar-2.0" },
  },
  {
    level: 2,
    key: "l2-distinct-topics",
    kind: "distinct_topics",
    phase: "duty",
    label: "Contribute to discussions in at least 5 different topics",
    // Mentorship threads are private and do not count; learning-group spaces are not categories
    // and are excluded by the counter as well.
    params: { min: 5, excludeCategories: ["mentorship"] },
  },
  {
    level: 2,
    key: "l2-ccxmp-module-tasks",
    kind: "module_tasks",
    phase: "duty",
    label: "Submit the evaluated module task for each of the 7 CCXMP modules",
    params: { programme: "ccxmp", modules: [1, 2, 3, 4, 5, 6, 7] },
  },
  {
    level: 2,
    key: "l2-professional-profile",
    kind: "profile",
    phase: "duty",
    label:
      "Create your professional directory profile: name, picture, short bio and achievements (job title if you have one)",
    params: { fields: PROFILE_PROFESSIONAL, optionalFields: ["jobTitle", "organisation"] },
  },
  {
    level: 2,
    key: "l2-activities",
    kind: "activities",
    phase: "duty",
    label: "Take part in at least 3 customer service activities each year (conferences, meet-ups, trainings...)",
    // Auto-approved with evidence kept; staff can switch requireApproval on without a deploy.
    params: { minPerYear: 3, requireApproval: false },
  },
  {
    level: 2,
    key: "l2-ccxmp-exam",
    kind: "assessment",
    phase: "completion",
    label: "Score at least 80% on the CCXMP certification exam (grants the CCXMP designation)",
    params: { test: "ccxmp-exam", passMark: 80 },
  },

  // ---- Level 3: Manager -------------------------------------------------------------------------
  {
    level: 3,
    key: "l3-customer-facing-years",
    kind: "experience_years",
    phase: "entry",
    label: "Currently in a customer-facing role, with at least 2 years of customer-focused duties",
    params: { experience: "customer_facing", minYears: 2 },
  },
  {
    level: 3,
    key: "l3-webinar-3",
    kind: "webinar",
    phase: "duty",
    label: "Attend Webinar 3.0 on leading a customer service team",
    params: { webinar: "webinar-3.0" },
  },
  {
    level: 3,
    key: "l3-test-3",
    kind: "assessment",
    phase: "duty",
    label: "Take the Customer Service Psychometric and Leadership Test 3.0 (no pass mark: it identifies skill gaps)",
    params: { test: "test-3.0", passMark: null },
  },
  {
    level: 3,
    key: "l3-distinct-topics",
    kind: "distinct_topics",
    phase: "duty",
    label: "Contribute to discussions in at least 5 different topics",
    params: { min: 5, excludeCategories: ["mentorship"] },
  },
  {
    level: 3,
    key: "l3-manager-profile",
    kind: "profile",
    phase: "duty",
    label: "Create your manager directory profile: name, picture, job title, organisation and bio",
    params: { fields: PROFILE_MANAGER_LEADER, optionalFields: ["achievements"] },
  },
  {
    level: 3,
    key: "l3-award-nomination",
    kind: "award_nomination",
    phase: "duty",
    label: "Submit your customer service awards self-nomination every year",
    params: { perYear: 1 },
  },
  {
    level: 3,
    key: "l3-books",
    kind: "books",
    phase: "duty",
    label: "Read at least one customer service book per trimester (the recommended list is a good place to start)",
    params: { minPerTrimester: 1, recommendedOnly: false },
  },
  {
    level: 3,
    key: "l3-activities",
    kind: "activities",
    phase: "duty",
    label: "Take part in at least 3 customer service activities each year (conferences, meet-ups, trainings...)",
    params: { minPerYear: 3, requireApproval: false },
  },
  {
    level: 3,
    key: "l3-field-experiences",
    kind: "field_experiences",
    phase: "duty",
    label:
      "Log your field experiences: share in Field Experiences how you handled complex customer experience issues (at least 2 a year)",
    // Seed 000 gives no number ("log in field experiences"). 2 a year is our default: confirm with staff.
    params: { min: 2, period: "year" },
  },
  {
    level: 3,
    key: "l3-test-4",
    kind: "assessment",
    phase: "completion",
    label: "Score at least 80% on the Customer Service Leadership and Code of Ethics Test 4.0",
    params: { test: "test-4.0", passMark: 80 },
  },
  {
    level: 3,
    key: "l3-managing-years",
    kind: "experience_years",
    phase: "completion",
    label: "At least 2 years of experience managing or leading a team",
    params: { experience: "managing_team", minYears: 2 },
  },

  // ---- Level 4: Leader --------------------------------------------------------------------------
  {
    level: 4,
    key: "l4-managing-years",
    kind: "experience_years",
    phase: "entry",
    label:
      "At least 5 years managing a customer service team, with a track record of strategic customer service initiatives",
    params: { experience: "managing_team", minYears: 5 },
  },
  {
    level: 4,
    key: "l4-webinar-4",
    kind: "webinar",
    phase: "duty",
    label: "Attend Webinar 4.0 on leading customer experience strategy within an organisation",
    params: { webinar: "webinar-4.0" },
  },
  {
    level: 4,
    key: "l4-mentoring",
    kind: "mentoring",
    phase: "duty",
    label: "Mentor junior professionals in the forum and the mentor programme (at least one active mentee)",
    params: { minActiveMentees: 1 },
  },
  {
    level: 4,
    key: "l4-leader-profile",
    kind: "profile",
    phase: "duty",
    label: "Create your leader directory profile: name, picture, job title, organisation and bio",
    params: { fields: PROFILE_MANAGER_LEADER, optionalFields: ["achievements"] },
  },
  {
    level: 4,
    key: "l4-award-nomination",
    kind: "award_nomination",
    phase: "duty",
    label: "Submit your customer service awards self-nomination every year",
    params: { perYear: 1 },
  },
  {
    level: 4,
    key: "l4-books",
    kind: "books",
    phase: "duty",
    label: "Read at least one customer service book per trimester",
    params: { minPerTrimester: 1, recommendedOnly: false },
  },
  {
    level: 4,
    key: "l4-activities",
    kind: "activities",
    phase: "duty",
    label: "Take part in at least 3 customer service activities each year (conferences, meet-ups, trainings...)",
    params: { minPerYear: 3, requireApproval: false },
  },
];

/**
 * Duties from seed 000 that the product does not track (nothing to count or verify); shown to
 * members as plain checklist lines under their level's requirements.
 */
export const untrackedDuties: Record<LevelNumber, string[]> = {
  1: ["Acquire The Employee Customer Service Guide, the companion resource of the Employee Customer Service Training"],
  2: [
    "Acquire the customer experience book Planning, designing, executing and managing customer experiences",
    "Use the online resources and industry-specific customer service guides sent to you during the level",
  ],
  3: [
    // Registration is done by staff; members just start using it.
    "Use the Chartered Managers Institute UK digital library and resource centre (Management Direct) you are registered in",
  ],
  4: [
    "Use the Chartered Managers Institute UK digital library and resource centre (Management Direct) you are registered in",
    "Speak at customer experience discussion forums, annual customer service summits and panel discussions when invited",
  ],
};

/** Trimesters used by `books` requirements (PROGRAM.md). Months are 1-12, inclusive. */
export const trimesters = [
  { key: "t1", label: "January - April", fromMonth: 1, toMonth: 4 },
  { key: "t2", label: "May - August", fromMonth: 5, toMonth: 8 },
  { key: "t3", label: "September - December", fromMonth: 9, toMonth: 12 },
] as const;

// ---------------------------------------------------------------------------
// Competency framework (seed 001)
// ---------------------------------------------------------------------------

export const proficiencyLevels = ["emerging", "proficient", "advanced"] as const satisfies readonly ProficiencyLevel[];

export const competencies: CompetencyDef[] = [
  {
    slug: "digital-customer-engagement",
    name: "Digital Customer Engagement",
    description:
      "The proficiency in utilising digital technology to interact with, understand and meet the needs of customers, leveraging digital channels to address inquiries and concerns effectively.",
    levels: {
      emerging:
        "At an emerging level you are beginning to utilise digital tools to interact with customers, resolving basic issues while still needing guidance to fully navigate digital customer engagement.",
      proficient:
        "At a proficient level, you are skilled in using digital tools and platforms to engage with customers effectively, providing prompt and personalized support to enhance their overall experience.",
      advanced:
        "At an advanced level you are adept at utilizing digital platforms to engage with customers effectively, providing personalized support and service that exceeds expectations, utilizing advanced analytics and automation tools.",
    },
  },
  {
    slug: "sla-management",
    name: "Service Level Agreement Management",
    description:
      "The systematic process of defining, agreeing, recording and managing levels of service specified within contracts, to ensure consistent, timely and quality service.",
    levels: {
      emerging:
        "At an emerging level, you are beginning to understand service level agreements. You're capable of monitoring metrics and identifying basic client needs, but require guidance to effectively manage agreements.",
      proficient:
        "At a proficient level you are skilled at negotiating, establishing, and managing service level agreements to ensure customer expectations are met and service standards are consistently upheld within the organization.",
      advanced:
        "At an advanced level, you are adept at managing service level agreements in customer support, ensuring all metrics are met, and proactively identifying and resolving any potential issues to maintain excellent service.",
    },
  },
  {
    slug: "training-development",
    name: "Training and Development in Customer Service",
    description:
      "The structured process of enhancing service representatives' knowledge and skills to handle customer issues, foster relationships and adapt to changing customer service trends.",
    levels: {
      emerging:
        "At an emerging level, you are starting to understand the principles and practices of training and customer service development. These initial skills require further development and hands-on experience.",
      proficient:
        "At a proficient level, you are able to design and deliver effective training programs that enhance customer service skills and knowledge, ensuring continued professional development within the customer support team.",
      advanced:
        "At an advanced level, you are adept at designing and delivering comprehensive training programs that enhance customer service skills, ensuring continuous improvement and exceptional customer experiences within the organization.",
    },
  },
  {
    slug: "loyalty-programme-management",
    name: "Customer Loyalty Program Management",
    description:
      "The proficiency in developing, implementing and monitoring strategies that nurture existing customers, increase their loyalty and engagement, reduce churn and drive sustainable growth.",
    levels: {
      emerging:
        "At an emerging level you are gaining understanding of customer loyalty programs, their setup and admin. You're embracing basic program application in resolving customer inquiries and enhancing customer service.",
      proficient:
        "At a proficient level you are able to effectively design, implement, and manage customer loyalty programs that enhance customer retention and satisfaction, driving loyalty and repeat business within the organization.",
      advanced:
        "At an advanced level you are expertly designing, implementing, and optimizing customer loyalty programs to drive retention, satisfaction, and advocacy, ensuring long-term customer relationships and brand loyalty in customer support & service.",
    },
  },
  {
    slug: "cultural-sensitivity",
    name: "Cultural Sensitivity in Customer Interactions",
    description:
      "The competence of adapting service levels and communication styles to diverse cultural norms, expectations and languages, respecting cultural differences in every interaction.",
    levels: {
      emerging:
        "At an emerging level, you are starting to acknowledge and respect different cultures in customer interactions. You're beginning to adapt your service approach based on cultural understanding.",
      proficient:
        "At a proficient level, you are able to demonstrate cultural sensitivity in all customer interactions. You understand diverse customer needs and adapt your communication and actions accordingly to provide outstanding service.",
      advanced:
        "At an advanced level, you are able to navigate complex cultural nuances in customer interactions with grace and sensitivity, ensuring personalized and respectful service that exceeds expectations.",
    },
  },
  {
    slug: "policy-development",
    name: "Customer Service Policy Development",
    description:
      "The strategic formulation of rules and guidelines that govern customer interactions: designing, implementing and updating policies in line with organisational goals.",
    levels: {
      emerging:
        "At an emerging level, you are beginning to understand customer support and service standards, policy creation basics, and their impact on customer satisfaction, but require guidance to fully implement these policies.",
      proficient:
        "At a proficient level you are able to develop customer service policies that align with organizational goals and address customer needs effectively, ensuring a high level of satisfaction and retention.",
      advanced:
        "At an advanced level you are able to develop comprehensive customer service policies that align with business goals, regulatory requirements, and customer needs, ensuring consistency and excellence in service delivery.",
    },
  },
  {
    slug: "performance-metrics-kpis",
    name: "Performance Metrics and KPIs for Service",
    description:
      "The ability to define, measure and interpret key performance indicators such as response times, resolution rates and satisfaction scores, to drive continuous improvement.",
    levels: {
      emerging:
        "At an emerging level, you are beginning to understand and track common performance metrics and KPIs for customer service such as response times and customer satisfaction ratings.",
      proficient:
        "At a proficient level you are able to effectively analyze and interpret performance metrics and KPIs to ensure optimal customer support and service delivery, driving improvements and operational efficiency within the organization.",
      advanced:
        "At an advanced level, you are proficient in developing and implementing sophisticated performance metrics and KPIs for service, utilizing data analytics to drive continuous improvement and excellence in customer support.",
    },
  },
  {
    slug: "online-support-tactics",
    name: "Online Customer Support Tactics",
    description:
      "The strategic application of digital tools and channels, such as live chat, email and social media, to provide timely and effective assistance to customers.",
    levels: {
      emerging:
        "At an emerging level, you are developing fundamental knowledge of online customer support tactics. You're learning to solve basic support queries, respond promptly, and begin prioritizing customer satisfaction.",
      proficient:
        "At a proficient level you are able to effectively utilize online customer support tactics to resolve issues quickly, provide tailored solutions, and enhance the overall customer experience in a timely manner.",
      advanced:
        "At an advanced level you are adept at utilizing various online customer support tactics such as personalized responses, proactive engagement, and in-depth problem-solving to exceed customer expectations and drive customer satisfaction.",
    },
  },
  {
    slug: "social-media-service",
    name: "Social Media Service Management",
    description:
      "The proficiency to handle customer inquiries and complaints effectively via social media channels, with swift problem-solving and timely responses.",
    levels: {
      emerging:
        "At an emerging level, you are beginning to familiarize yourself with managing customer service inquiries on social media and responding promptly, while maintaining professionalism and adhering to brand voice.",
      proficient:
        "At a proficient level, you are able to effectively manage customer inquiries and issues on social media platforms, demonstrate empathy, and provide timely and accurate solutions to enhance customer satisfaction.",
      advanced:
        "At an advanced level, you are able to effectively manage customer inquiries, feedback, and issues via social media platforms with a high degree of empathy, professionalism, and efficiency.",
    },
  },
  {
    slug: "data-privacy-security",
    name: "Customer Data Privacy and Security",
    description:
      "The aptitude to safeguard customer information, ensuring confidentiality, integrity and availability in service interactions while adhering to data privacy regulations.",
    levels: {
      emerging:
        "At an emerging level you are starting to understand the importance of data privacy and security within customer interactions. You are learning key principles and regulations, and applying them in your customer service role.",
      proficient:
        "At a proficient level you are able to effectively protect customer data and ensure security measures are in place to safeguard sensitive information, building trust and maintaining customer loyalty.",
      advanced:
        "At an advanced level, you are able to confidently navigate complex privacy and security issues related to customer data, ensuring compliance and safeguarding sensitive information in a customer support context.",
    },
  },
];

// ---------------------------------------------------------------------------
// Forum categories (PROGRAM.md "Curriculum topics", seeds 003 and 004)
// ---------------------------------------------------------------------------

const OPEN: CategoryDef["access"] = { see: "everyone", post: "members", reply: "members" };

export const categories: CategoryDef[] = [
  {
    slug: "announcements",
    name: "Announcements",
    description: "News from the Touchpoints team: webinars, assessment windows, awards and changes to the programme.",
    colour: "#B42318",
    position: 1,
    section: "community",
    access: { see: "everyone", post: "staff", reply: "members" },
  },
  {
    slug: "introductions",
    name: "Introductions",
    description: "New here? Tell us who you are, where you serve customers and what you hope to learn on the journey.",
    colour: "#0E7490",
    position: 2,
    section: "community",
    access: OPEN,
  },
  {
    slug: "basic-concepts",
    name: "Basic concepts of customer service",
    description:
      "What customer service is, customer expectations and satisfaction, levels of service and how we measure it.",
    colour: "#1D4ED8",
    position: 3,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "relationships-and-loyalty",
    name: "Relationships and loyalty",
    description: "Internal and external customers, building long-term relationships and earning loyalty that lasts.",
    colour: "#BE185D",
    position: 4,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "different-organisations",
    name: "Customer service in different organisations",
    description: "How service differs between banks, hospitals, government offices, telcos, NGOs and small businesses.",
    colour: "#4338CA",
    position: 5,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "features-and-benefits",
    name: "Features and benefits",
    description:
      "Matching products and services to what customers really need, setting standards and recommending with integrity.",
    colour: "#A16207",
    position: 6,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "communicating-effectively",
    name: "Communicating effectively",
    description:
      "Face to face, on the phone, by email, in chat and on social media: choosing the right channel and the right words.",
    colour: "#0369A1",
    position: 7,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "teamwork",
    name: "Teamwork",
    description:
      "Delivering service excellence together: internal customers, handovers and partnerships with other organisations.",
    colour: "#15803D",
    position: 8,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "systems-and-service-recovery",
    name: "Systems and service recovery",
    description:
      "Processes and tools that serve the customer, feedback systems, and putting things right when they go wrong.",
    colour: "#C2410C",
    position: 9,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "laws-and-data-protection",
    name: "Laws, codes of practice and data protection",
    description:
      "Consumer rights, sector codes and data protection laws across Africa, and what they mean at the front line.",
    colour: "#334155",
    position: 10,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "the-you-factor",
    name: "The you factor",
    description:
      "Emotional intelligence, assertiveness, stress and motivation: looking after the person who serves the customer.",
    colour: "#7E22CE",
    position: 11,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "touch-points",
    name: "Touch points and moments of truth",
    description:
      "Mapping every point where customers meet us, and getting the moments that decide their opinion right.",
    colour: "#0F766E",
    position: 12,
    section: "curriculum",
    access: OPEN,
  },
  {
    slug: "field-experiences",
    name: "Field Experiences",
    description:
      "Managers and leaders share how they handled complex customer experience issues, so we all learn from real cases.",
    colour: "#9A3412",
    position: 13,
    section: "community",
    // Starting a topic here is a level-3 duty (log field experiences); everyone may read and members may reply.
    access: { see: "everyone", post: { minLevel: 3 }, reply: "members" },
  },
  {
    slug: "book-club",
    name: "Book Club",
    description: "What we are reading each trimester, what we took from it and what we tried at work the next Monday.",
    colour: "#6D28D9",
    position: 14,
    section: "community",
    access: OPEN,
  },
  {
    slug: "events-and-activities",
    name: "Events and Activities",
    description:
      "Conferences, meet-ups, trainings and webinars across the continent: share them, find company, report back.",
    colour: "#B91C1C",
    position: 15,
    section: "community",
    access: OPEN,
  },
  {
    slug: "mentorship",
    name: "Mentorship",
    description: "Private threads between mentors and their mentees in the Touchpoints mentor programme.",
    colour: "#166534",
    position: 16,
    section: "community",
    // Private: visible to the participants of each thread and to staff only. Mentors (level 4)
    // open threads with their assigned mentees; participants reply.
    access: { see: "participants", post: { minLevel: 4 }, reply: "members" },
  },
];

// ---------------------------------------------------------------------------
// Recommended books (level 3 and 4 reading duty; real books, real authors)
// ---------------------------------------------------------------------------

export const recommendedBooks: RecommendedBookDef[] = [
  {
    slug: "the-effortless-experience",
    title: "The Effortless Experience",
    author: "Matthew Dixon, Nick Toman and Rick DeLisi",
  },
  { slug: "delivering-happiness", title: "Delivering Happiness", author: "Tony Hsieh" },
  { slug: "hug-your-haters", title: "Hug Your Haters", author: "Jay Baer" },
  { slug: "never-lose-a-customer-again", title: "Never Lose a Customer Again", author: "Joey Coleman" },
  { slug: "the-customer-rules", title: "The Customer Rules", author: "Lee Cockerell" },
  { slug: "setting-the-table", title: "Setting the Table", author: "Danny Meyer" },
  { slug: "be-our-guest", title: "Be Our Guest", author: "The Disney Institute with Theodore Kinni" },
  { slug: "outside-in", title: "Outside In", author: "Harley Manning and Kerry Bodine" },
  { slug: "the-new-gold-standard", title: "The New Gold Standard", author: "Joseph A. Michelli" },
  { slug: "moments-of-truth", title: "Moments of Truth", author: "Jan Carlzon" },
  { slug: "raving-fans", title: "Raving Fans", author: "Ken Blanchard and Sheldon Bowles" },
  { slug: "the-nordstrom-way", title: "The Nordstrom Way", author: "Robert Spector and Patrick D. McCarthy" },
];

// ---------------------------------------------------------------------------
// Activity kinds (activities requirement)
// ---------------------------------------------------------------------------

export const activityKinds: { slug: ActivityKind; name: string }[] = [
  { slug: "conference", name: "Conference" },
  { slug: "meetup", name: "Meet-up" },
  { slug: "training", name: "Training" },
  { slug: "webinar", name: "Webinar" },
  { slug: "other", name: "Other" },
];
